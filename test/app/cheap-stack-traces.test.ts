import { afterEach, describe, expect, test } from "vitest";
import { withCheapStackTraces } from "../../app/cheap-stack-traces";

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
