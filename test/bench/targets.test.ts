import { describe, expect, test } from "vitest";
import type { SizeResult, Timed } from "./bench";
import type { Sample } from "./measure";
import { projectWall } from "./plan-cost";
import type { ReviewCase } from "./review-runs";
import { spread } from "./stats";
import { synthCommandResult, targets, type Results, type TargetRow } from "./targets";

const sample = (cpuMs: number, wallMs = cpuMs, peakRssMb = 200): Sample => ({ cpuMs, wallMs, peakRssMb, load: 1 });

function size(kind: SizeResult["kind"], regions: number, ours: number[], floor: number[]): SizeResult {
  const variant = (values: number[]) => ({
    samples: values.map((v) => sample(v)),
    wallMs: spread(values),
    cpuMs: spread(values),
    peakRssMb: spread(values.map(() => 200)),
    counts: { stacks: 4 * regions + 1, resources: 0, dataSources: 0, bytes: 0, perStackType: {} },
  });
  const ratios = spread(ours.map((v, i) => v / floor[i]));
  return { label: kind === "generated" ? `${regions} regions` : "every supported region", kind, regions, ours: variant(ours), floor: variant(floor), ratio: { wall: ratios.median, cpu: ratios.median, memory: 1, cpuRange: ratios } };
}

const timed = (cpuMs: number[]): Timed => ({ command: "x", samples: cpuMs.map((v) => sample(v)), wallMs: spread(cpuMs), status: 0, output: "", stdout: "" });

function reviewCase(name: ReviewCase["name"], changedStacks: string[], regionStacks?: string[]): ReviewCase {
  return { name, edit: name, timed: timed([800, 900, 700]), stacks: 401, changedStacks, commentChars: 1000, ...(regionStacks && { regionStacks }) };
}

function results(over: Partial<Results> & { npm: number[]; app: number[] }): Results {
  const synthCommand = synthCommandResult({
    label: "synth",
    variants: [
      { name: "app", command: "node cli/launch.mjs main.ts", samples: over.app.map((v) => sample(v)) },
      { name: "npm run synth", command: "npm run synth", samples: over.npm.map((v) => sample(v)) },
    ],
  });
  return { header: "", sizes: [], synthCommand, ...over };
}

const row = (rows: TargetRow[], start: string) => rows.find((r) => r.target.startsWith(start));

describe("targets: verdicts on CPU time, from ratios of runs made back to back", () => {
  test("npm run synth against the app command: the median of paired ratios decides, not one slow run", () => {
    // Run 2 of npm run synth hit a busy moment: its ratio is 3, the median stays 1.1.
    const holds = targets(results({ app: [1000, 1000, 1000], npm: [1100, 3000, 1050] }));
    expect(row(holds, "`npm run synth`")).toMatchObject({ holds: true, measured: expect.stringMatching(/^1\.10 \(1\.05–3\.00\)/) });
    const missed = targets(results({ app: [1000, 1000, 1000], npm: [1400, 1350, 1500] }));
    expect(row(missed, "`npm run synth`")?.holds).toBe(false);
  });

  test("cdktf synth, what npm run synth ran before, gets its own paired ratio to the app command; without it there is none", () => {
    const variants = [
      { name: "app", command: "app", samples: [1000, 1200].map((v) => sample(v)) },
      { name: "npm run synth", command: "npm run synth", samples: [1100, 1200].map((v) => sample(v)) },
    ];
    const withCli = synthCommandResult({ label: "synth", variants: [...variants, { name: "cdktf synth", command: "npx cdktf synth", samples: [2500, 2400].map((v) => sample(v)) }] });
    expect(withCli.cliRatio?.cpu).toMatchObject({ min: 2, max: 2.5 });
    expect(withCli.ratio.cpu).toMatchObject({ min: 1, max: 1.1 });
    expect(synthCommandResult({ label: "synth", variants }).cliRatio).toBeUndefined();
  });

  test("floor ratios at 100 regions and with every supported region hold at 1.15 and not above", () => {
    const rows = targets(results({ app: [1], npm: [1], sizes: [size("generated", 100, [1150], [1000]), size("supported", 15, [1160], [1000])] }));
    expect(row(rows, "100 regions: ours/floor CPU")?.holds).toBe(true);
    expect(row(rows, "every supported region (15 regions, 61 stacks)")?.holds).toBe(false);
    expect(row(rows, "100 regions and every supported region: peak memory")).toMatchObject({ holds: true });
  });

  test("a size that was not run is not measured, never held", () => {
    const rows = targets(results({ app: [1], npm: [1], sizes: [size("generated", 25, [1], [1])] }));
    expect(row(rows, "100 regions: ours/floor CPU")).toMatchObject({ measured: "not run", holds: undefined });
    expect(row(rows, "review of two 100-region synths")).toMatchObject({ holds: undefined });
  });

  test("review at 100 regions is judged per case; at another size it is reported, not judged", () => {
    const cases = [reviewCase("identical", []), reviewCase("fleet-wide cost tag", ["a", "b"])];
    const at100 = targets(results({ app: [1], npm: [1], reviewAtScale: { label: "100 regions", cases } }));
    expect(row(at100, "review of two synths of 100 regions, fleet-wide cost tag")?.holds).toBe(true);
    const at25 = targets(results({ app: [1], npm: [1], reviewAtScale: { label: "25 regions", cases } }));
    expect(row(at25, "review of two synths of 25 regions, identical")?.holds).toBeUndefined();
  });

  test("a one-region change holds only when every stack it changes belongs to that region", () => {
    const planCost = { terraform: "t", stacks: [], perStackMs: 7000, projections: [] };
    const inRegion = reviewCase("one region", ["acme-data-use10-dev"], ["acme-data-use10-dev", "acme-data-use10-prod"]);
    const ok = targets(results({ app: [1], npm: [1], planCost, reviewAtScale: { label: "100 regions", cases: [inRegion] } }));
    expect(row(ok, "a one-region change")).toMatchObject({ holds: true, measured: expect.stringContaining("7.00 s with 1 job(s), 7.00 s with 8 job(s)") });
    const leaking = reviewCase("one region", ["acme-data-use10-dev", "acme-data-account"], ["acme-data-use10-dev"]);
    const missed = targets(results({ app: [1], npm: [1], planCost, reviewAtScale: { label: "100 regions", cases: [leaking] } }));
    expect(row(missed, "a one-region change")).toMatchObject({ holds: false, measured: expect.stringContaining("outside the region: acme-data-account") });
  });
});

describe("plan-cost: one stack per job, ceil(stacks / jobs) rounds", () => {
  test("fleet-wide and one-stack changes at 1, 8 and 32 jobs", () => {
    expect(projectWall(401, 7000)).toEqual([
      { jobs: 1, ms: 401 * 7000 },
      { jobs: 8, ms: 51 * 7000 },
      { jobs: 32, ms: 13 * 7000 },
    ]);
    expect(projectWall(1, 7000).map((p) => p.ms)).toEqual([7000, 7000, 7000]);
  });
});
