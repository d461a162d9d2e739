/**
 * `npm run test:terraform [-- --keep] [-- --save-fixtures]`: the integration tier (tier.ts), in a
 * temporary folder. Exit 0: every stack planned and review agrees (or terraform / the mirror is
 * absent: "skipped: …"); 1: anything failed. --keep leaves the temporary folder; --save-fixtures
 * writes the real plan JSON fixtures under test/fixtures/plans/real/.
 *
 * Interrupted (Ctrl-C, SIGTERM from CI), it stops every terraform and synth it started and removes
 * its folder before it exits (128 + the signal's number, as a shell reports it).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { constants, tmpdir } from "node:os";
import { join } from "node:path";
import { parseCommandLine } from "../../cli/kit/args";
import { isEntryPoint } from "../../cli/kit/entry";
import { UserError } from "../../cli/kit/errors";
import { processIo, runCommand, runGuarded, type Io } from "../../cli/kit/io";
import { ChildProcesses } from "./children";
import { runTier } from "./tier";

const USAGE = "usage: npm run test:terraform [-- --keep] [--save-fixtures]";
const OPTIONS = { keep: { type: "boolean" }, "save-fixtures": { type: "boolean" }, help: { type: "boolean" } } as const;
const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  return runGuarded("test:terraform", io, () => {
    const { values, positionals } = parseCommandLine(argv, OPTIONS);
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length) throw new UserError(`unexpected argument "${positionals[0]}"; ${USAGE}`);
    return run(io, values.keep === true, values["save-fixtures"] === true);
  });
}

async function run(io: Io, keep: boolean, saveFixtures: boolean): Promise<number> {
  const log = (line = "") => io.stdout(`${line}\n`);
  const started = Date.now();
  const children = new ChildProcesses();
  let interruptedBy: NodeJS.Signals | undefined;
  const interrupt = (signal: NodeJS.Signals) => {
    if (interruptedBy) return;
    interruptedBy = signal;
    log(`\n${signal}: stopping every terraform and synth the tier started…`);
    void children.stop();
  };
  for (const signal of STOP_SIGNALS) process.on(signal, interrupt);
  const workDir = mkdtempSync(join(tmpdir(), "terraform-tier-"));
  let outcome: boolean | "skipped" = false;
  try {
    outcome = await runTier(workDir, { log, children, saveFixtures }).catch((error: unknown) => {
      if (interruptedBy) return false;
      throw error;
    });
  } finally {
    // Also after a failure: no process may outlive the run or write into a removed folder.
    await children.stop();
    if (keep) log(`kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
    for (const signal of STOP_SIGNALS) process.off(signal, interrupt);
  }
  if (interruptedBy) {
    log(`interrupted: no process left running${keep ? "" : `, ${workDir} removed`}`);
    return 128 + constants.signals[interruptedBy];
  }
  if (outcome === "skipped") return 0;
  log(`${outcome ? "ok" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s`);
  return outcome ? 0 : 1;
}

if (isEntryPoint(import.meta.url)) await runCommand(main);
