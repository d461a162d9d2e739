/** The benchmark's results as markdown: the size table, growth, other timings, targets, profiles. */
import type { SizeResult, Timed } from "./bench";
import { areasMarkdown, profileMarkdown, type ProfileSummary } from "./profile";
import { growth, spread, type Growth, type Spread } from "./stats";

/** The issue's targets, on a 2-core machine. */
export const TARGETS = {
  ratio100: 1.5,
  peakMb100: 1024,
  shippedSynthMs: 2000,
  testMs: 60_000,
  reviewSynths: 3,
} as const;

export interface Results {
  readonly header: string;
  readonly sizes: readonly SizeResult[];
  /** cdktf.json's app command on the shipped file; its outputs are what review compares. */
  readonly appSynth: Timed;
  readonly review?: Timed;
  readonly reviewNote?: string;
  readonly typecheck?: Timed;
  readonly tests?: Timed & { readonly summary: string };
  readonly profiles?: { readonly label: string; readonly ours: ProfileSummary; readonly floor: ProfileSummary; readonly files?: readonly string[] };
}

export interface TargetRow {
  readonly target: string;
  readonly measured: string;
  readonly holds: boolean | undefined;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (n: number) => `${n.toFixed(0)} MB`;
const range = (s: Spread, unit: (n: number) => string) => `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})`;
const isGenerated = (s: SizeResult) => !s.label.startsWith("shipped");

/** Growth of our synth's wall and CPU time; the verdict goes by CPU time, which other work on a shared machine moves less. */
export function growthOf(sizes: readonly SizeResult[]): { wall: Growth; cpu: Growth } | undefined {
  const generated = sizes.filter(isGenerated);
  if (generated.length < 2) return undefined;
  const points = (time: (s: SizeResult) => number) => generated.map((s) => ({ regions: s.regions, stacks: s.ours.counts.stacks, ms: time(s) }));
  return { wall: growth(points((s) => s.ours.wallMs.median)), cpu: growth(points((s) => s.ours.cpuMs.median)) };
}

export function targets(results: Results): TargetRow[] {
  const at100 = results.sizes.find((s) => s.regions === 100 && isGenerated(s));
  const { appSynth, review, tests } = results;
  const oneSynth = appSynth.wallMs.median;
  return [
    {
      target: `100 regions: ours/floor wall ≤ ${TARGETS.ratio100}`,
      measured: at100 ? `${at100.ratio.wall.toFixed(2)} (CPU ${at100.ratio.cpu.toFixed(2)})` : "size 100 not run",
      holds: at100 && at100.ratio.wall <= TARGETS.ratio100,
    },
    {
      target: "100 regions: peak memory < 1 GB",
      measured: at100 ? `${mb(at100.ours.peakRssMb.max)} (highest run)` : "size 100 not run",
      holds: at100 && at100.ours.peakRssMb.max < TARGETS.peakMb100,
    },
    {
      target: `shipped file: synth < 2 s through the app entry (\`${appSynth.command}\`)`,
      measured: range(appSynth.wallMs, seconds),
      holds: oneSynth < TARGETS.shippedSynthMs,
    },
    {
      target: "full test suite (`npm test`) < 60 s",
      measured: tests ? `${seconds(tests.wallMs.median)}, ${tests.summary}` : "not run (--no-extras)",
      holds: tests && tests.samples.length ? tests.wallMs.median < TARGETS.testMs : undefined,
    },
    {
      target: "review of two synths < 3 × one synth",
      measured:
        review && review.samples.length
          ? `${range(review.wallMs, seconds)} = ${(review.wallMs.median / oneSynth).toFixed(2)} × ${seconds(oneSynth)}`
          : results.reviewNote ?? (review ? `failed (exit ${review.status})` : "not run (--no-extras)"),
      holds: review && review.samples.length ? review.wallMs.median < TARGETS.reviewSynths * oneSynth : undefined,
    },
  ];
}

function sizesTable(sizes: readonly SizeResult[]): string {
  const row = (cells: readonly (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [
    row(["regions file", "stacks", "resources + data", "ours: wall", "floor: wall", "**ours/floor wall**", "ours/floor CPU", "ours: peak RSS", "floor: peak RSS", "ours: ms/stack"]),
    row(["---", ...Array(9).fill("---:")]),
    ...sizes.map((s) =>
      row([
        s.label,
        s.ours.counts.stacks,
        `${s.ours.counts.resources} + ${s.ours.counts.dataSources}`,
        range(s.ours.wallMs, seconds),
        range(s.floor.wallMs, seconds),
        `**${s.ratio.wall.toFixed(2)}**`,
        s.ratio.cpu.toFixed(2),
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

function otherTimings(results: Results): string[] {
  const { appSynth, typecheck, tests, review } = results;
  return [
    `- Shipped file through \`${appSynth.command}\` (cdktf.json's app command): ${range(appSynth.wallMs, seconds)}, peak ${range(spread(appSynth.samples.map((s) => s.peakRssMb)), mb)}.`,
    typecheck
      ? `- Type-check, cold (\`npx tsc --noEmit -p .\`, tsbuildinfo removed first): ${seconds(typecheck.wallMs.median)}${typecheck.status ? ` (exit ${typecheck.status}: type errors in the working tree)` : ""}.`
      : "- Type-check: not run (--no-extras).",
    tests ? `- \`npm test\` (type-check + vitest, once): ${seconds(tests.wallMs.median)}, ${tests.summary}.` : "- `npm test`: not run (--no-extras).",
    review
      ? `- Review (\`node --import tsx cli/review/cli.ts <a> <b>\` on two synths of the shipped file): ${review.samples.length ? range(review.wallMs, seconds) : `failed (exit ${review.status})`}.`
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
