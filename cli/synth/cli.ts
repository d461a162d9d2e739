/**
 * npm run synth [-- --output <dir>]
 *
 * What `cdktf synth` does for this app, in one process: cdktf-cli spends most of a synth loading
 * itself (its `convert` support and terminal UI, ~2.3 s of CPU) and asking terraform its version,
 * then starts cdktf.json's app command in a child process. This runs the same app code
 * (app/synth.ts, as main.ts does) in-process, then does what the CLI does after the app: prints any
 * manifest annotations, removes stack folders the app no longer has (keeping one that holds local
 * state, where the CLI would delete it: stale-stacks.ts) and prints the CLI's closing line. The
 * output folder is byte for byte the CLI's, and `cdktf deploy` / `cdktf diff` read it as they read
 * the CLI's (test/cli/synth/cli.test.ts). Those commands, and `npx cdktf synth`, still work: cdktf.json
 * keeps the app command.
 *
 * The output folder: --output (-o), else $CDKTF_OUTPUT, else cdktf.json's `output`, else cdktf.out,
 * as `cdktf synth` picks it. The regions file: $REGIONS_FILE, else regions.yaml.
 * Exit codes: 0 written, 1 nothing written (a bad regions file, a guardrail, a bad flag).
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { synthRegionsFile } from "../../app/synth";
import { parseCommandLine } from "../kit/args";
import { isEntryPoint } from "../kit/entry";
import { UserError } from "../kit/errors";
import { processIo, runCommand, runGuarded, type Io } from "../kit/io";
import { keptFolderLine, removeStaleStacks } from "./stale-stacks";

const USAGE = "usage: npm run synth [-- --output <dir>]   (the regions file: $REGIONS_FILE, else regions.yaml)";

const OPTIONS = {
  output: { type: "string", short: "o" },
  help: { type: "boolean" },
} as const;

/** `cdktf synth`'s default output folder (cdktf-cli 0.21, @cdktf/commons src/config.ts). */
const CDKTF_DEFAULT_OUTPUT = "cdktf.out";

/** Where `cdktf synth` would write: its `--output`, `$CDKTF_OUTPUT` (yargs reads CDKTF_* options), cdktf.json's `output`. */
export function outputFolder(flag: string | undefined, io: Io): string {
  if (flag !== undefined) return flag;
  if (io.env.CDKTF_OUTPUT) return io.env.CDKTF_OUTPUT;
  const configFile = join(io.cwd, "cdktf.json");
  const config = existsSync(configFile) ? (JSON.parse(readFileSync(configFile, "utf8")) as { output?: unknown }) : {};
  return typeof config.output === "string" ? config.output : CDKTF_DEFAULT_OUTPUT;
}

interface ManifestStack {
  readonly annotations?: readonly { readonly level: string; readonly constructPath: string; readonly message: string }[];
}

/** The stacks of the manifest the app wrote, in its order. */
function manifestStacks(outdir: string): [string, ManifestStack][] {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as { stacks: Record<string, ManifestStack> };
  return Object.entries(manifest.stacks);
}

/** cdktf's annotation levels as the CLI prints them (@cdktf/cli-core src/lib/synth.js `printAnnotations`). */
const LEVELS: Readonly<Record<string, string>> = { "@cdktf/info": "INFO", "@cdktf/warn": "WARN", "@cdktf/error": "ERROR" };

/**
 * The app's synth. An error it throws (cdktf refusing an ERROR annotation, a token that does not
 * resolve) is printed whole, as the CLI prints a failed app's stderr; the gate has written nothing.
 */
function synthInProcess(outdir: string, io: Io): number {
  try {
    return synthRegionsFile(outdir, io.env, io.stderr);
  } catch (error) {
    io.stderr(`synth: ${error instanceof Error ? error.message : String(error)}\nNothing was synthesized.\n`);
    return 1;
  }
}

export function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  return runGuarded("synth", io, () => {
    const { values, positionals } = parseCommandLine(argv, OPTIONS);
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length) throw new UserError(`unexpected argument "${positionals[0]}": synth reads $REGIONS_FILE, else regions.yaml; ${USAGE}`);
    const shown = outputFolder(values.output, io);
    const outdir = resolve(io.cwd, shown);
    const code = synthInProcess(outdir, io);
    if (code !== 0) return code;
    const stacks = manifestStacks(outdir);
    for (const [, stack] of stacks) {
      for (const note of stack.annotations ?? []) io.stdout(`${LEVELS[note.level] ?? note.level} [${note.constructPath}]: ${note.message}\n`);
    }
    for (const stale of removeStaleStacks(outdir, stacks.map(([name]) => name))) {
      if (!stale.removed) io.stderr(`${keptFolderLine({ ...stale, folder: join(shown, "stacks", basename(stale.folder)) })}\n`);
    }
    io.stdout(`Generated Terraform code for the stacks: ${stacks.map(([name]) => name).join(", ")}\n`);
    return 0;
  });
}

if (isEntryPoint(import.meta.url)) await runCommand(main);
