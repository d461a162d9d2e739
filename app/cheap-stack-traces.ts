/**
 * cdktf records a full stack trace for every token it creates (every `vpc.id` read in a
 * constructor), and under tsx each frame is source-mapped: a quarter of a 100-region synth went
 * there (bench, `--profile`). While `run` builds and synthesizes, traces are neither source-mapped
 * nor formatted. An error that escapes `run` still gets its full, mapped stack: V8 formats `.stack`
 * when it is first read, after both settings are restored. SYNTH_STACK_TRACES=1 keeps cdktf's
 * creation stacks, for debugging a token that fails to resolve.
 */
export function withCheapStackTraces<T>(run: () => T): T {
  if (process.env.SYNTH_STACK_TRACES === "1") return run();
  const sourceMaps = process.sourceMapsEnabled ?? true;
  const prepare = Error.prepareStackTrace;
  process.setSourceMapsEnabled(false);
  Error.prepareStackTrace = () => "";
  try {
    return run();
  } finally {
    Error.prepareStackTrace = prepare;
    process.setSourceMapsEnabled(sourceMaps);
  }
}
