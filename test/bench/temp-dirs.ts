/**
 * Temp folders of the bench tests. Test files share a worker's module cache (vitest isolate: false),
 * so each file removes its folders itself: `afterAll(removeTempDirs)`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];

/** A fresh folder under the OS temp dir, removed by the next `removeTempDirs`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Also removes a folder made elsewhere (e.g. `Testing.app()`'s outdir). */
export function removeLater(dir: string): string {
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
