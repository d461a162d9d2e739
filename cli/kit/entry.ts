/**
 * "Is this module the script node was started with?", the one idiom every command uses to run only
 * when started, never when a test imports it. Both sides are compared as real file paths: comparing
 * `import.meta.url` with `file://${argv[1]}` fails (silently: the command does nothing and exits 0)
 * as soon as the checkout's path has a space or a non-ASCII letter, which a URL percent-encodes,
 * or goes through a symlink.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function isEntryPoint(moduleUrl: string, script: string | undefined = process.argv[1]): boolean {
  if (!script) return false;
  try {
    return realpathSync(fileURLToPath(moduleUrl)) === realpathSync(script);
  } catch {
    return false;
  }
}
