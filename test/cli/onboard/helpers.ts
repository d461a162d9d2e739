/**
 * Copies of the shipped regions.yaml in temporary folders, for tools that edit or synthesize it. The
 * file references its cluster policies relative to itself, so `policies/` is copied beside it.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, tempDir } from "../../utils";

export { REPO_ROOT };
import { parseDocument, type Document } from "yaml";

export const SHIPPED_REGIONS = join(REPO_ROOT, "regions.yaml");

export { removeTempDirs as removeRegionsCopies } from "../../utils";

export interface RegionsCopy {
  readonly dir: string;
  readonly file: string;
  readonly text: string;
}

/**
 * A copy of regions.yaml (edited through the yaml Document API when `edit` is given, so the edit does
 * not depend on the file's exact text) with its policies beside it.
 */
export function regionsCopy(edit?: (doc: Document) => void, prefix = "regions-"): RegionsCopy {
  const dir = tempDir(prefix);
  if (existsSync(join(REPO_ROOT, "policies"))) cpSync(join(REPO_ROOT, "policies"), join(dir, "policies"), { recursive: true });
  let text = readFileSync(SHIPPED_REGIONS, "utf8");
  if (edit) {
    const doc = parseDocument(text);
    edit(doc);
    text = doc.toString();
  }
  const file = join(dir, "regions.yaml");
  writeFileSync(file, text);
  return { dir, file, text };
}

/**
 * When `after` is `before` with one contiguous block inserted, that block; otherwise undefined. The
 * block is found from the common prefix and suffix, so it is exact, not a line-based guess.
 */
export function insertedBlock(before: string, after: string): string | undefined {
  if (after.length < before.length) return undefined;
  let head = 0;
  while (head < before.length && before[head] === after[head]) head++;
  const tailLength = before.length - head;
  const block = after.slice(head, after.length - tailLength);
  return after.slice(0, head) + after.slice(after.length - tailLength) === before ? block : undefined;
}
