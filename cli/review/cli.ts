/**
 * npm run review -- <base-dir> <head-dir>     compare two synthesized cdktf.out folders
 * npm run review -- --base <git-ref>          synthesize <git-ref> and the working tree, then compare
 *
 * Flags: --format markdown|json (default markdown), --allow-destroy (exit 0 even when destructive).
 * Exit codes: 0 nothing replaced, deleted or orphaned; 2 something is (unless --allow-destroy), 1 error.
 */
import { resolve } from "node:path";
import { parseCommandLine } from "../kit/args";
import { isEntryPoint } from "../kit/entry";
import { UserError } from "../kit/errors";
import { processIo, runCommand, runGuarded, type Io } from "../kit/io";
import { compareSynthDirs } from "./compare";
import { emitReport, outputFormat, REPORT_OPTIONS } from "./report-output";

const USAGE = "usage: npm run review -- <base-dir> <head-dir> | --base <git-ref> [--format markdown|json] [--allow-destroy]";

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  return runGuarded("review", io, async () => {
    const { values, positionals } = parseCommandLine(argv, { ...REPORT_OPTIONS, base: { type: "string" } });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const format = outputFormat(values.format);
    const allowDestroy = values["allow-destroy"] === true;
    // State-move commands name the folder deploys run from, whichever folders are compared here.
    const options = { outdir: io.env.CDKTF_OUTDIR || "cdktf.out" };
    if (values.base !== undefined) {
      if (positionals.length) throw new UserError(`--base takes no folders (got ${positionals.join(" ")}); ${USAGE}`);
      // Loaded only here: comparing two folders, the common case in CI, needs none of synthesizing.
      const { withSynthesizedRef } = await import("./git-synth");
      return withSynthesizedRef(values.base, io, (baseDir, headDir) => emitReport(compareSynthDirs(baseDir, headDir, options), format, allowDestroy, io));
    }
    if (positionals.length !== 2) throw new UserError(`expected two folders or --base <git-ref>; ${USAGE}`);
    const [baseDir, headDir] = positionals.map((dir) => resolve(io.cwd, dir));
    return emitReport(compareSynthDirs(baseDir, headDir, options), format, allowDestroy, io);
  });
}

if (isEntryPoint(import.meta.url)) await runCommand(main);
