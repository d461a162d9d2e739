/**
 * How a value reads in a report, and the rule that keeps secrets out of PR comments: an attribute whose
 * name looks secret is printed as `(sensitive)` whatever its value, even when the value is a harmless
 * interpolation: a rule by name cannot leak by mistake, a rule by value can.
 */
import type { PathSegment } from "../../tfjson/json";

export const SENSITIVE = "(sensitive)";
export const UNKNOWN = "(known after apply)";
export const ABSENT = "(none)";

const MAX_VALUE_CHARS = 120;

/**
 * `client_secret`, `secret_string`, `password`, `token` (the workspace PAT block), `secret` (the OAuth
 * secret of a service principal), private keys. Matched per path segment so `secret_id` of a secret
 * version (an ARN) still prints.
 */
const SECRET_SEGMENT = /(_secret|^secret$|^secret_(string|binary)|password|passwd|token|private_key)/i;

export type { PathSegment };

export function looksSecret(path: readonly PathSegment[]): boolean {
  return path.some((segment) => typeof segment === "string" && SECRET_SEGMENT.test(segment));
}

/** `tags.Team`, `subnet_ids[1]`, `["weird key"]` */
export function formatAttributePath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || "(whole object)";
}

/** How much of a long value is shown before the first difference, when both sides are cut. */
const CONTEXT_CHARS = 40;

const fullText = (value: unknown) => JSON.stringify(value) ?? String(value);

/** `text` from `start`, cut to one short line; an ellipsis marks each end that was cut. */
function excerpt(text: string, start: number): string {
  const head = start > 0 ? "…" : "";
  const room = MAX_VALUE_CHARS - head.length;
  return text.length - start > room ? `${head}${text.slice(start, start + room - 1)}…` : `${head}${text.slice(start)}`;
}

/** A value as one short line: strings quoted, objects as compact JSON, long ones cut with an ellipsis. */
export function formatValue(value: unknown): string {
  return value === undefined ? ABSENT : excerpt(fullText(value), 0);
}

/**
 * Both sides of a change, each one short line, never reading the same when the values differ: when
 * cutting would hide the difference (two long values with a long common start), both are shown from
 * a little before the first character where they differ.
 */
export function formatChange(before: unknown, after: unknown): { before: string; after: string } {
  const shown = { before: formatValue(before), after: formatValue(after) };
  if (shown.before !== shown.after || before === undefined || after === undefined) return shown;
  const [a, b] = [fullText(before), fullText(after)];
  if (a === b) return shown;
  let first = 0;
  while (a[first] === b[first]) first++;
  const start = Math.max(0, first - CONTEXT_CHARS);
  return { before: excerpt(a, start), after: excerpt(b, start) };
}

/** `formatValue`, unless the path looks secret or the caller knows the value is sensitive. */
export function displayValue(path: readonly PathSegment[], value: unknown, sensitive = false): string {
  if (value === undefined) return ABSENT;
  return sensitive || looksSecret(path) ? SENSITIVE : formatValue(value);
}

/** `formatChange`, unless the path looks secret (both sides then read `(sensitive)`). */
export function displayChange(path: readonly PathSegment[], before: unknown, after: unknown): { before: string; after: string } {
  if (looksSecret(path)) return { before: displayValue(path, before), after: displayValue(path, after) };
  return formatChange(before, after);
}
