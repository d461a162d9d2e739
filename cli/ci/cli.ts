/**
 * npm run ci -- <command>: what the GitHub workflows compute, as commands that are tested here rather
 * than logic inlined in YAML.
 *
 *   stacks    [--review review.json | --synth dir]                 JSON list: every synthesized stack, or those a review says changed
 *   waves     [--review review.json] [--synth dir] [--format json|github]
 *                                                                  the deploy waves (all stacks without --review)
 *   providers [--synth dir]                                        one configuration requiring every stack's providers
 *   summary   --waves waves.json --results dir [--heading text]    markdown: what each stack's apply did
 *   failed    --results dir --expect '["stack",…]'                 markdown: the stacks whose terraform did not finish
 *   drift     --results dir --plans dir --expect '["stack",…]'     JSON {status, title, body} for the drift issue
 *
 * The synth folder defaults to cdktf.out; the regions file is chosen as for every command
 * ($REGIONS_FILE, else regions.yaml).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { readSynthDir, SynthDirError } from "../../tfjson/synth-dir";
import { parseCommandLine } from "../kit/args";
import { isEntryPoint } from "../kit/entry";
import { UserError } from "../kit/errors";
import { processIo, runCommand, runGuarded, type Io } from "../kit/io";
import { selectRegionsFile } from "../../config/regions-file";
import { readValidConfig } from "../kit/regions-file";
import { providersConfig } from "./providers";
import { reviewStacks, type ReviewStacks } from "./review-stacks";
import { neverAppliedStacks, stackKinds } from "./stack-kinds";
import { driftReport, readResults, unfinished, unfinishedMarkdown } from "./results";
import { deploySummary, wavesFromJson, wavesToJson } from "./summary";
import { deployWaves, githubOutputs } from "./waves";

const USAGE = [
  "usage: npm run ci -- stacks [--review review.json | --synth dir]",
  "       npm run ci -- waves [--review review.json] [--synth dir] [--format json|github]",
  "       npm run ci -- providers [--synth dir]",
  "       npm run ci -- summary --waves waves.json --results dir [--heading text]",
  "       npm run ci -- failed --results dir --expect '[\"stack\",…]'",
  "       npm run ci -- drift --results dir --plans dir --expect '[\"stack\",…]'",
].join("\n");

const OPTIONS = {
  review: { type: "string" },
  synth: { type: "string" },
  format: { type: "string" },
  waves: { type: "string" },
  results: { type: "string" },
  heading: { type: "string" },
  plans: { type: "string" },
  expect: { type: "string" },
  help: { type: "boolean" },
} as const;

type Values = ReturnType<typeof parseCommandLine<typeof OPTIONS>>["values"];

function readText(io: Io, file: string, what: string): string {
  try {
    return readFileSync(resolve(io.cwd, file), "utf8");
  } catch (error) {
    throw new UserError(`cannot read ${what} "${file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function synthesized(io: Io, values: Values) {
  try {
    return readSynthDir(resolve(io.cwd, values.synth ?? "cdktf.out"));
  } catch (error) {
    if (error instanceof SynthDirError) throw new UserError(`${error.message} (run npm run synth first)`);
    throw error;
  }
}

function review(io: Io, values: Values): ReviewStacks | undefined {
  return values.review === undefined ? undefined : reviewStacks(readText(io, values.review, "review report"), values.review);
}

/** The usage line of one command. */
function usageOf(command: string): string {
  return USAGE.split("\n").find((line) => line.includes(`-- ${command} `))!.replace(/^\s*(usage: )?/, "usage: ");
}

function only(values: Values, command: string, allowed: readonly (keyof Values)[]): void {
  const extra = Object.keys(values).filter((flag) => flag !== "help" && !allowed.includes(flag as keyof Values));
  if (extra.length) throw new UserError(`${command} takes no --${extra[0]}; ${usageOf(command)}`);
}

function required(value: string | undefined, command: string, flag: string): string {
  if (value === undefined) throw new UserError(`${command} needs ${flag}; ${usageOf(command)}`);
  return value;
}

/** `--expect`: the stacks the matrix was given, as the JSON list the workflow built it from. */
function expectedStacks(values: Values): string[] {
  const text = values.expect;
  let list: unknown;
  try {
    list = text === undefined ? undefined : JSON.parse(text);
  } catch {
    list = undefined;
  }
  if (!Array.isArray(list) || !list.every((stack) => typeof stack === "string")) {
    throw new UserError(`--expect needs the JSON list of stack names the matrix ran, found ${text === undefined ? "nothing" : JSON.stringify(text)}`);
  }
  return list;
}

const COMMANDS: Readonly<Record<string, (io: Io, values: Values) => string>> = {
  stacks(io, values) {
    only(values, "stacks", ["review", "synth"]);
    if (values.review !== undefined && values.synth !== undefined) throw new UserError(`stacks takes --review or --synth, not both; ${usageOf("stacks")}`);
    // The review synthesized the working tree itself: its changed stacks are in that synth.
    const changed = review(io, values)?.changed;
    return `${JSON.stringify(changed ?? [...synthesized(io, values).keys()])}\n`;
  },
  waves(io, values) {
    only(values, "waves", ["review", "synth", "format"]);
    const format = values.format ?? "json";
    if (format !== "json" && format !== "github") throw new UserError(`unknown --format "${format}" (use json or github)`);
    const file = selectRegionsFile(undefined, io.env);
    const config = readValidConfig(resolve(io.cwd, file), (problems) => `${file}: ${problems} problem(s)`);
    const plan = deployWaves({
      kinds: stackKinds(config),
      neverApplied: neverAppliedStacks(config),
      synthesized: [...synthesized(io, values).keys()],
      selection: review(io, values) ?? "all",
    });
    return format === "github" ? githubOutputs(plan) : wavesToJson(plan);
  },
  providers(io, values) {
    only(values, "providers", ["synth"]);
    return `${JSON.stringify(providersConfig(synthesized(io, values)), null, 2)}\n`;
  },
  summary(io, values) {
    only(values, "summary", ["waves", "results", "heading"]);
    required(values.waves, "summary", "--waves");
    required(values.results, "summary", "--results");
    const plan = wavesFromJson(readText(io, values.waves!, "waves file"), values.waves!);
    return deploySummary(plan, readResults(resolve(io.cwd, values.results!), values.results!), values.heading ?? "Deploy");
  },
  failed(io, values) {
    only(values, "failed", ["results", "expect"]);
    const expected = expectedStacks(values);
    const results = readResults(resolve(io.cwd, required(values.results, "failed", "--results")), values.results!);
    return unfinishedMarkdown(unfinished(expected, results), "_See the job log for terraform's message._");
  },
  drift(io, values) {
    only(values, "drift", ["results", "plans", "expect"]);
    const expected = expectedStacks(values);
    const results = readResults(resolve(io.cwd, required(values.results, "drift", "--results")), values.results!);
    return `${JSON.stringify(driftReport(expected, results, resolve(io.cwd, required(values.plans, "drift", "--plans"))))}\n`;
  },
};

export function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  return runGuarded("ci", io, () => {
    const { values, positionals } = parseCommandLine(argv, OPTIONS);
    const [command, ...rest] = positionals;
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (command === undefined) throw new UserError(`no command given; ${USAGE.split("\n")[0]}`);
    const run = COMMANDS[command];
    if (!run) throw new UserError(`unknown command "${command}" (known: ${Object.keys(COMMANDS).join(", ")}); ${USAGE.split("\n")[0]}`);
    if (rest.length) throw new UserError(`unexpected argument "${rest[0]}"`);
    io.stdout(run(io, values));
    return 0;
  });
}

if (isEntryPoint(import.meta.url)) await runCommand(main);
