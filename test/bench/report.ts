/**
 * The benchmark's results as markdown: the size table, growth, the synth command, review at scale,
 * plan cost, other timings, targets, profiles.
 */
import type { SizeResult } from "./bench";
import type { PlanCost } from "./plan-cost";
import { areasMarkdown, profileMarkdown, type ProfileSummary } from "./profile";
import { growth, spread, type Growth } from "./stats";
import { mb, range, ratioText, seconds, targets, type Results as TargetResults, type TargetRow } from "./targets";

export { seconds, targets };

export interface Results extends TargetResults {
  readonly profiles?: { readonly label: string; readonly ours: ProfileSummary; readonly floor: ProfileSummary; readonly files?: readonly string[] };
}

const row = (cells: readonly (string | number)[]) => `| ${cells.join(" | ")} |`;
const isGenerated = (s: SizeResult) => s.kind === "generated";

/** Growth of our synth's wall and CPU time; the verdict goes by CPU time, which other work on a shared machine moves less. */
export function growthOf(sizes: readonly SizeResult[]): { wall: Growth; cpu: Growth } | undefined {
  const generated = sizes.filter(isGenerated);
  if (generated.length < 2) return undefined;
  const points = (time: (s: SizeResult) => number) => generated.map((s) => ({ regions: s.regions, stacks: s.ours.counts.stacks, ms: time(s) }));
  return { wall: growth(points((s) => s.ours.wallMs.median)), cpu: growth(points((s) => s.ours.cpuMs.median)) };
}

function sizesTable(sizes: readonly SizeResult[]): string {
  return [
    row(["regions file", "stacks", "resources + data", "ours: CPU", "floor: CPU", "**ours/floor CPU**", "ours: wall", "floor: wall", "ours/floor wall", "ours: peak RSS", "floor: peak RSS", "ours: ms/stack"]),
    row(["---", ...Array(11).fill("---:")]),
    ...sizes.map((s) =>
      row([
        s.label,
        s.ours.counts.stacks,
        `${s.ours.counts.resources} + ${s.ours.counts.dataSources}`,
        range(s.ours.cpuMs, seconds),
        range(s.floor.cpuMs, seconds),
        `**${ratioText(s.ratio.cpuRange)}**`,
        range(s.ours.wallMs, seconds),
        range(s.floor.wallMs, seconds),
        s.ratio.wall.toFixed(2),
        range(s.ours.peakRssMb, mb),
        range(s.floor.peakRssMb, mb),
        (s.ours.wallMs.median / s.ours.counts.stacks).toFixed(1),
      ]),
    ),
  ].join("\n");
}

function growthText(g: { wall: Growth; cpu: Growth } | undefined): string {
  if (!g) return "Growth: needs two or more generated sizes.";
  const perStack = (x: Growth) => x.perStackMs.map((p) => `${p.regions} regions ${p.ms.toFixed(1)} ms`).join(", ");
  const marginal = (x: Growth) => x.marginalMs.map((m) => `${m.from}→${m.to} ${m.ms.toFixed(1)} ms`).join(", ");
  return [
    `Growth of our synth: **${g.cpu.verdict}** (by CPU time per added stack).`,
    `- per stack: wall ${perStack(g.wall)}; CPU ${perStack(g.cpu)}.`,
    `- per added stack: wall ${marginal(g.wall)}; CPU ${marginal(g.cpu)}.`,
  ].join("\n");
}

function synthCommandTable(results: Results): string {
  const { synthCommand } = results;
  return [
    `The shipped file through cdktf.json's app command, \`npm run synth\` and cdktf-cli's \`cdktf synth\` (what \`npm run synth\` ran before issue 17), ${synthCommand.variants[0].samples.length} runs each, interleaved (ratios to the app command: median of the paired runs, range):`,
    "",
    row(["command", "CPU", "wall", "peak RSS"]),
    row(["---", "---:", "---:", "---:"]),
    ...synthCommand.variants.map((v) =>
      row([
        `\`${v.command}\``,
        range(spread(v.samples.map((s) => s.cpuMs)), seconds),
        range(spread(v.samples.map((s) => s.wallMs)), seconds),
        range(spread(v.samples.map((s) => s.peakRssMb)), mb),
      ]),
    ),
    row(["**`npm run synth` / app**", `**${ratioText(synthCommand.ratio.cpu)}**`, ratioText(synthCommand.ratio.wall), ""]),
    ...(synthCommand.cliRatio ? [row(["`cdktf synth` / app", ratioText(synthCommand.cliRatio.cpu), ratioText(synthCommand.cliRatio.wall), ""])] : []),
  ].join("\n");
}

function reviewAtScaleTable(scale: Results["reviewAtScale"]): string[] {
  if (!scale) return [];
  return [
    "",
    `Review of two synths of ${scale.label} (\`npm run review -- <base> <head>\`, i.e. \`node cli/launch.mjs cli/review/cli.ts\`):`,
    "",
    row(["head", "stacks that change", "CPU", "wall", "peak RSS", "comment", "exit"]),
    row(["---", "---:", "---:", "---:", "---:", "---:", "---:"]),
    ...scale.cases.map((c) =>
      row([
        `${c.name}: ${c.edit}`,
        `${c.changedStacks.length} of ${c.stacks}`,
        c.timed.samples.length ? range(spread(c.timed.samples.map((s) => s.cpuMs)), seconds) : "—",
        c.timed.samples.length ? range(c.timed.wallMs, seconds) : "—",
        c.timed.samples.length ? range(spread(c.timed.samples.map((s) => s.peakRssMb)), mb) : "—",
        `${c.commentChars.toLocaleString("en-US")} chars`,
        c.timed.status,
      ]),
    ),
  ];
}

function planCostTables(planCost: PlanCost | undefined): string[] {
  if (!planCost) return [];
  if ("skipped" in planCost) return ["", `Plan cost: ${planCost.skipped}.`];
  const step = (s: { cpuMs: { median: number }; wallMs: { median: number } }) => `${seconds(s.cpuMs.median)} / ${seconds(s.wallMs.median)}`;
  const jobs = planCost.projections[0]?.wallMs.map((p) => p.jobs) ?? [];
  const minutes = (ms: number) => (ms >= 120_000 ? `${(ms / 60_000).toFixed(1)} min` : seconds(ms));
  return [
    "",
    `Plan cost per stack, ${planCost.terraform}; plugin cache warm, lock file present, \`plan -refresh=false\` from an empty state, the AWS-only copy the integration tier plans; CPU / wall, medians:`,
    "",
    row(["stack", "AWS resources", "init", "plan", "show -json", "total"]),
    row(["---", "---:", "---:", "---:", "---:", "---:"]),
    ...planCost.stacks.map((s) =>
      row([s.stack, s.awsResources, step(s.steps.init), step(s.steps.plan), step(s.steps.show), `${seconds(s.totalCpuMs)} / ${seconds(s.totalWallMs)}`]),
    ),
    "",
    `Projected wall time of a pull request's plans, one stack per job (ceil(stacks / jobs) × ${seconds(planCost.perStackMs)}, the dearest stack's CPU): offline lower bounds, without refresh through the cloud APIs or each job's checkout, install and synth.`,
    "",
    row(["change", "stacks planned", ...jobs.map((n) => `${n} job${n === 1 ? "" : "s"}`)]),
    row(["---", "---:", ...jobs.map(() => "---:")]),
    ...planCost.projections.map((p) => row([p.change, p.stacks, ...p.wallMs.map((w) => minutes(w.ms))])),
  ];
}

function otherTimings(results: Results): string[] {
  const { typecheck, tests, review } = results;
  return [
    typecheck
      ? `- Type-check, cold (\`npx tsc --noEmit -p .\`, tsbuildinfo removed first): ${seconds(typecheck.wallMs.median)}${typecheck.status ? ` (exit ${typecheck.status}: type errors in the working tree)` : ""}.`
      : "- Type-check: not run (--no-extras).",
    tests ? `- \`npm test\` (type-check + vitest, once): ${seconds(tests.wallMs.median)}, ${tests.summary}.` : "- `npm test`: not run (--no-extras).",
    review
      ? `- Review (\`npm run review -- <a> <b>\` on two synths of the shipped file): ${review.samples.length ? range(review.wallMs, seconds) : `failed (exit ${review.status})`}.`
      : `- Review: ${results.reviewNote ?? "not run (--no-extras)"}.`,
  ];
}

function targetsTable(rows: readonly TargetRow[]): string {
  const verdict = (holds: boolean | undefined) => (holds === undefined ? "not measured" : holds ? "holds" : "**missed**");
  return ["| target | measured | |", "| --- | --- | --- |", ...rows.map((r) => `| ${r.target} | ${r.measured} | ${verdict(r.holds)} |`)].join("\n");
}

export function resultsMarkdown(results: Results): string {
  const { profiles } = results;
  return [
    results.header,
    "",
    sizesTable(results.sizes),
    "",
    growthText(growthOf(results.sizes)),
    "",
    synthCommandTable(results),
    ...reviewAtScaleTable(results.reviewAtScale),
    ...planCostTables(results.planCost),
    "",
    ...otherTimings(results),
    "",
    targetsTable(targets(results)),
    ...(profiles
      ? [
          "",
          `CPU profiles of one synth of ${profiles.label}, ours and the floor${profiles.files ? ` (${profiles.files.join(", ")})` : ""}:`,
          "",
          areasMarkdown(profiles.ours, profiles.floor),
          "",
          profileMarkdown(profiles.ours),
        ]
      : []),
  ].join("\n");
}
