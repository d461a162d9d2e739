import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { LAUNCH, REPO_ROOT, removeLaunchBundles, removeTempDirs, tempDir, testEnv } from "../utils";

const CACHE = join(REPO_ROOT, "node_modules", ".cache", "launch");

/** Scratch entries live in temp folders whose names have a space, as a checkout's path may. */
const scratch = tempDir("launch test-");

afterAll(() => {
  removeLaunchBundles(scratch);
  removeTempDirs();
});

function launch(args: readonly string[], cwd = scratch, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [LAUNCH, ...args], { cwd, encoding: "utf8", env: testEnv(env) });
}

function write(name: string, text: string): string {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}

/** The bundle built for `entry`: the one stamp in the cache that names it. */
function bundleOf(entry: string): string {
  const stamps = readdirSync(CACHE).filter((name) => name.endsWith(".json") && (JSON.parse(readFileSync(join(CACHE, name), "utf8")) as { entry: string }).entry === entry);
  expect(stamps).toHaveLength(1);
  return join(CACHE, stamps[0].replace(/\.json$/, ".mjs"));
}

describe("cli/launch.mjs: a TypeScript entry run as one prebuilt module", () => {
  test("the shipped file: the same output folder as under tsx", () => {
    const out = tempDir("launch-synth-");
    const viaTsx = spawnSync(process.execPath, ["--import", "tsx", "main.ts"], { cwd: REPO_ROOT, encoding: "utf8", env: testEnv({ CDKTF_OUTDIR: join(out, "tsx") }) });
    const viaLaunch = launch(["main.ts"], REPO_ROOT, { CDKTF_OUTDIR: join(out, "launch") });
    expect([viaTsx.status, viaLaunch.status]).toEqual([0, 0]);
    const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
    expect(files(join(out, "launch"))).toEqual(files(join(out, "tsx")));
    for (const file of files(join(out, "tsx")).filter((name) => name.endsWith(".json"))) {
      expect(readFileSync(join(out, "launch", file), "utf8"), file).toBe(readFileSync(join(out, "tsx", file), "utf8"));
    }
  });

  test("the entry sees its own import.meta.url and argv, so isEntryPoint runs it; its exit code passes through", () => {
    write("lib.ts", 'export const where = import.meta.url.split("/").pop();\n');
    const entry = write(
      "entry.ts",
      `import { where } from "./lib";\nimport { isEntryPoint } from ${JSON.stringify(join(REPO_ROOT, "cli", "kit", "entry.ts"))};\n` +
        'if (isEntryPoint(import.meta.url)) {\n  console.log(where, JSON.stringify(process.argv.slice(2)));\n  process.exitCode = 3;\n}\n',
    );
    const run = launch(["entry.ts", "a", "b c", "--flag"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe('lib.ts ["a","b c","--flag"]\n');
    expect(run.status).toBe(3);
    expect(existsSync(bundleOf(entry))).toBe(true);
  });

  test("a bundle is rebuilt when a file it was built from changes, and only then", () => {
    write("value.ts", "export const value = 1;\n");
    const entry = write("print.ts", 'import { value } from "./value";\nconsole.log(value);\n');
    expect(launch(["print.ts"]).stdout).toBe("1\n");
    const built = statSync(bundleOf(entry)).mtimeMs;
    expect(launch(["print.ts"]).stdout).toBe("1\n");
    expect(statSync(bundleOf(entry)).mtimeMs).toBe(built);
    write("value.ts", "export const value = 22;\n");
    expect(launch(["print.ts"]).stdout).toBe("22\n");
  });

  test("building a bundle removes the bundles of entries that are gone (a temporary checkout)", () => {
    mkdirSync(join(scratch, "gone"));
    const goneEntry = join(scratch, "gone", "entry.ts");
    writeFileSync(goneEntry, "console.log(1);\n");
    expect(launch(["gone/entry.ts"]).status).toBe(0);
    const goneBundle = bundleOf(goneEntry);
    rmSync(join(scratch, "gone"), { recursive: true });
    write("fresh.ts", "console.log(2);\n");
    expect(launch(["fresh.ts"]).stdout).toBe("2\n");
    expect(existsSync(goneBundle)).toBe(false);
    expect(existsSync(goneBundle.replace(/\.mjs$/, ".json"))).toBe(false);
  });

  test("a source that does not compile: esbuild's located message, exit 1, nothing run", () => {
    write("broken.ts", 'console.log("ran");\nconst x: = 1;\n');
    const run = launch(["broken.ts"]);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe('broken.ts:2:10: Unexpected "="\nbroken.ts: not run (it does not compile)\n');
    expect(run.status).toBe(1);
  });

  test.each([
    ["no entry", [], "usage: node cli/launch.mjs <entry.ts> [args…]\n"],
    ["a flag instead of an entry", ["--help"], "usage: node cli/launch.mjs <entry.ts> [args…]\n"],
    ["a missing file", ["missing.ts"], "missing.ts: no such file\nusage: node cli/launch.mjs <entry.ts> [args…]\n"],
  ])("%s: usage, exit 1", (_name, args, stderr) => {
    const run = launch(args);
    expect(run.stderr).toBe(stderr);
    expect(run.status).toBe(1);
  });
});
