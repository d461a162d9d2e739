import { createRequire } from "node:module";
import { afterEach, describe, expect, test } from "vitest";
import { withCheapStackTraces } from "../../app/cheap-stack-traces";

/** cdktf's capture, as its tokens call it (cdktf lib/tokens/private/stack-trace.js). */
const { captureStackTrace: cdktfCapture } = createRequire(import.meta.url)("cdktf/lib/tokens/private/stack-trace") as { captureStackTrace: () => string[] };

/** Runs `body` counting how often V8 formats a captured trace (it calls prepareStackTrace on first read of `.stack`). */
function countingFormats<T>(body: () => T): { result: T; formats: number } {
  const previous = Error.prepareStackTrace;
  let formats = 0;
  Error.prepareStackTrace = () => {
    formats++;
    return "";
  };
  try {
    return { result: body(), formats };
  } finally {
    Error.prepareStackTrace = previous;
  }
}

describe("withCheapStackTraces: no stack formatting while synthesizing", () => {
  afterEach(() => {
    delete process.env.SYNTH_STACK_TRACES;
  });

  test("a trace captured inside is empty (cdktf's token creation stacks cost nothing)", () => {
    const captured = withCheapStackTraces(() => {
      const holder = { stack: "" };
      Error.captureStackTrace(holder);
      return holder.stack;
    });
    expect(captured).toBe("");
  });

  test("cdktf's own captures are skipped: V8 is not asked for a trace, and cdktf records the same []", () => {
    const inside = withCheapStackTraces(() => ({ cdktf: countingFormats(() => cdktfCapture()), ours: countingFormats(() => {
      const holder = { stack: "" };
      Error.captureStackTrace(holder);
      return holder.stack;
    }) }));
    expect(inside.cdktf).toEqual({ result: [], formats: 0 });
    expect(inside.ours).toEqual({ result: "", formats: 1 });
    // Outside, cdktf's capture walks the stack again.
    expect(countingFormats(() => cdktfCapture()).formats).toBe(1);
    expect(Error.captureStackTrace.name).toBe("captureStackTrace");
  });

  test("an error that escapes keeps its full stack, and the settings are restored", () => {
    const prepare = Error.prepareStackTrace;
    let escaped: Error | undefined;
    try {
      withCheapStackTraces(() => {
        throw new Error("token did not resolve");
      });
    } catch (error) {
      escaped = error as Error;
    }
    expect(escaped?.stack).toMatch(/token did not resolve\n\s+at /);
    expect(Error.prepareStackTrace).toBe(prepare);
  });

  test("SYNTH_STACK_TRACES=1 keeps traces for debugging", () => {
    process.env.SYNTH_STACK_TRACES = "1";
    const captured = withCheapStackTraces(() => {
      const holder = { stack: "" };
      Error.captureStackTrace(holder);
      return holder.stack;
    });
    expect(captured).toMatch(/\n\s+at /);
  });
});
