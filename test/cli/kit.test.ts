import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, test } from "vitest";
import { parseCommandLine } from "../../cli/kit/args";
import { isEntryPoint } from "../../cli/kit/entry";
import { UserError } from "../../cli/kit/errors";
import { runGuarded } from "../../cli/kit/io";
import { captureIo } from "../utils";
import { removeTempDirs, tempDir } from "./review/helpers";

afterEach(removeTempDirs);

const OPTIONS = { base: { type: "string" }, "allow-destroy": { type: "boolean" }, help: { type: "boolean" } } as const;

describe("parseCommandLine: one parser, strict, one-line errors", () => {
  test("values, switches, = form and positionals (after -- too)", () => {
    const parsed = parseCommandLine(["a", "--base=main", "--allow-destroy", "--", "--not-a-flag"], OPTIONS);
    expect(parsed.values).toEqual({ base: "main", "allow-destroy": true });
    expect(parsed.positionals).toEqual(["a", "--not-a-flag"]);
  });

  test.each([
    [["--colour"], 'unknown flag "--colour" (known: --base, --allow-destroy, --help)'],
    [["--colour=red"], 'unknown flag "--colour" (known: --base, --allow-destroy, --help)'],
    [["-x"], 'unknown flag "-x" (known: --base, --allow-destroy, --help)'],
    [["--base"], "flag --base needs a value"],
    [["--base", "--allow-destroy"], "flag --base needs a value"],
    [["--base="], "flag --base needs a value"],
    [["--help=yes"], "flag --help takes no value"],
  ])("%j: %s", (argv, message) => {
    expect(() => parseCommandLine(argv, OPTIONS)).toThrow(new UserError(message));
  });
});

describe("isEntryPoint: true for the started script, whatever its path looks like", () => {
  test.each(["plain", "dir with space", "ünïcödé", "dir with space/ünï"])("a script under %s, also through a symlink", (name) => {
    const root = tempDir("entry-");
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    const script = join(dir, "cli.ts");
    writeFileSync(script, "");
    const url = pathToFileURL(script).href;
    expect(isEntryPoint(url, script)).toBe(true);
    const link = join(root, "link");
    symlinkSync(dir, link, "dir");
    expect(isEntryPoint(url, join(link, "cli.ts"))).toBe(true);
    expect(isEntryPoint(url, join(root, "other.ts"))).toBe(false);
    expect(isEntryPoint(url, undefined)).toBe(false);
  });
});

describe("runGuarded: a user error is its problems and one line, anything else one line", () => {
  test("a UserError prints its problems, then tool: message; exit 1", async () => {
    const io = captureIo();
    const code = await runGuarded("validate", io, () => {
      throw new UserError("x.yaml: 2 problem(s)", ["x.yaml:1:1 a: expected…", "x.yaml:2:1 b: expected…"]);
    });
    expect(code).toBe(1);
    expect(io.err()).toBe("x.yaml:1:1 a: expected…\nx.yaml:2:1 b: expected…\nvalidate: x.yaml: 2 problem(s)\n");
  });

  test("an unexpected error is one line, never a stack trace", async () => {
    const io = captureIo();
    expect(await runGuarded("review", io, () => { throw new TypeError("boom\n    at somewhere"); })).toBe(1);
    expect(io.err()).toBe("review: unexpected error: boom\n");
  });
});
