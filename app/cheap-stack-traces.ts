/**
 * cdktf records a full stack trace for every token it creates (every `vpc.id` read in a
 * constructor, every cross-stack reference at synth): `captureStackTrace()` in cdktf
 * lib/tokens/private/stack-trace.js raises `Error.stackTraceLimit` to MAX_SAFE_INTEGER and has V8
 * walk every frame, and under tsx each frame is source-mapped. A quarter of a 100-region synth went
 * there (bench, `--profile`). While `run` builds and synthesizes:
 * - traces are neither source-mapped nor formatted (`.stack` is ""), and
 * - cdktf's own captures are skipped: V8 is not asked to walk the stack at all (~1 s of CPU at 100
 *   regions). Their result is the same either way: an empty `.stack` makes cdktf record `[]`, and
 *   cdktf only shows a creation stack when a token fails to resolve.
 * An error that escapes `run` still gets its full, mapped stack: V8 formats `.stack` when it is first
 * read, after every setting is restored. SYNTH_STACK_TRACES=1 keeps cdktf's creation stacks, for
 * debugging a token that fails to resolve.
 */
import { createRequire } from "node:module";

/** The function cdktf passes as `constructorOpt` to `Error.captureStackTrace`, by identity. */
const cdktfCapture = (createRequire(import.meta.url)("cdktf/lib/tokens/private/stack-trace") as { captureStackTrace: unknown }).captureStackTrace;

export function withCheapStackTraces<T>(run: () => T): T {
  if (process.env.SYNTH_STACK_TRACES === "1") return run();
  const sourceMaps = process.sourceMapsEnabled ?? true;
  const prepare = Error.prepareStackTrace;
  const capture = Error.captureStackTrace;
  process.setSourceMapsEnabled(false);
  Error.prepareStackTrace = () => "";
  Error.captureStackTrace = function captureUnlessCdktf(target: object, constructorOpt?: Function): void {
    if (constructorOpt !== cdktfCapture) capture(target, constructorOpt);
  };
  try {
    return run();
  } finally {
    Error.captureStackTrace = capture;
    Error.prepareStackTrace = prepare;
    process.setSourceMapsEnabled(sourceMaps);
  }
}
