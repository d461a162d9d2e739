/**
 * npm run review -- <base-dir> <head-dir>     compare two synthesized cdktf.out folders
 * npm run review -- --base <git-ref>          synthesize <git-ref> and the working tree, then compare
 *
 * Flags: --format markdown|json (default markdown), --allow-destroy (exit 0 even when destructive).
 * Exit codes: 0 nothing replaced or deleted, 2 something is (unless --allow-destroy), 1 error.
 */
import { resolve } from "node:path";
import { compareSynthDirs } from "./compare";
import { emitReport, isEntryPoint, outputFormat, parseArgs, processIo, runGuarded, type Io } from "./cli-support";
import { UserError } from "./errors";
import { withSynthesizedRef } from "./git-synth";

const USAGE = "usage: npm run review -- <base-dir> <head-dir> | --base <git-ref> [--format markdown|json] [--allow-destroy]";

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  return runGuarded("review", io, async () => {
    const args = parseArgs(argv, ["--base", "--format"], ["--allow-destroy", "--help"]);
    if (args.switches.has("--help")) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const format = outputFormat(args);
    const allowDestroy = args.switches.has("--allow-destroy");
    const ref = args.values["--base"];
    if (ref !== undefined) {
      if (args.positionals.length) throw new UserError(`--base takes no folders (got ${args.positionals.join(" ")}); ${USAGE}`);
      return withSynthesizedRef(ref, io.cwd, (baseDir, headDir) =>
        emitReport(compareSynthDirs(baseDir, headDir), format, allowDestroy, io),
      );
    }
    if (args.positionals.length !== 2) throw new UserError(`expected two folders or --base <git-ref>; ${USAGE}`);
    const [baseDir, headDir] = args.positionals.map((dir) => resolve(io.cwd, dir));
    return emitReport(compareSynthDirs(baseDir, headDir), format, allowDestroy, io);
  });
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
