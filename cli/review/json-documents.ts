/**
 * Attributes whose value is a JSON document in a string: a cluster policy's `definition`, an IAM
 * policy (`policy`, `assume_role_policy`). Shown as two cut strings, a change deep inside one reads
 * the same before and after; so a change is shown key by key instead:
 * `definition` › `num_workers.maxValue`: `32` → `16`.
 */
import diff from "microdiff";
import type { PathSegment } from "../../tfjson/json";

type Document = Record<string, unknown> | unknown[];

/** The parsed document when `value` is a string holding a JSON object or array; else undefined. */
export function jsonDocument(value: unknown): Document | undefined {
  if (typeof value !== "string" || !/^\s*[[{]/.test(value)) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === "object" && parsed !== null ? (parsed as Document) : undefined;
  } catch {
    return undefined;
  }
}

/** `num_workers.maxValue`, `Statement[0].Action[1]`: keys as the document names them (policy keys keep their dots). */
export function documentPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[\w.:/-]+$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export interface DocumentChange {
  /** Where in the document: `num_workers.maxValue`. */
  readonly inside: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * The key-by-key changes between two JSON documents held in strings; undefined when either side is
 * not one, or when they differ only in how they are written (the string changed, nothing in it did).
 */
export function documentChanges(before: unknown, after: unknown): DocumentChange[] | undefined {
  const [from, to] = [jsonDocument(before), jsonDocument(after)];
  if (!from || !to || Array.isArray(from) !== Array.isArray(to)) return undefined;
  const changes = diff(from, to).map((d) => ({
    inside: documentPath(d.path),
    before: d.type === "CREATE" ? undefined : d.oldValue,
    after: d.type === "REMOVE" ? undefined : d.value,
  }));
  return changes.length ? changes : undefined;
}
