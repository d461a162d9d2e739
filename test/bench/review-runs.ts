/**
 * Review at fleet size: `npm run review`'s comparison of two synths of the largest generated file,
 * for three heads a pull request can bring: the same file (nothing changes), a cost-tag edit (every
 * stack changes: the worst case, fleet-wide) and one region's VPCs moved (one region's stacks
 * change). Each is timed, and the JSON report says which stacks change: the plan-cost projection
 * (plan-cost.ts) plans exactly those, as the PR workflow does.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse, stringify } from "yaml";
import { LAUNCHER, log, root, type Bench, type SynthCommand, type Timed } from "./bench";
import { benchVpcCidr } from "./regions-file";

type Data = Record<string, unknown>;

export interface ReviewCase {
  readonly name: "identical" | "fleet-wide cost tag" | "one region";
  /** What the head changes, for the report. */
  readonly edit: string;
  readonly timed: Timed;
  readonly stacks: number;
  /** Stacks the review reports as added, changed, removed or renamed: those a PR would plan. */
  readonly changedStacks: readonly string[];
  /** Characters of the markdown report: GitHub refuses a PR comment over 65,536. */
  readonly commentChars: number;
  /** Stacks of the edited region, for the one-region case. */
  readonly regionStacks?: readonly string[];
}

/** Review's two exit codes that are not errors: 0 nothing destructive, 2 something replaced or deleted. */
const REVIEW_OK = [0, 2] as const;

function editedFile(regionsFile: string, suffix: string, edit: (data: Data) => void): string {
  const data = parse(readFileSync(regionsFile, "utf8")) as Data;
  edit(data);
  // Beside the original, so the links to policies/ resolve the same way.
  const file = join(dirname(regionsFile), `${suffix}.yaml`);
  writeFileSync(file, stringify(data, { lineWidth: 0 }));
  return file;
}

/** The cost-tag edit: CostCenter gets another value; every AWS resource and workspace carries it. */
function withCostCenterEdited(data: Data): void {
  const tags = data.costTags as Data;
  tags.CostCenter = `${String(tags.CostCenter)}-moved`;
}

/** The first region's VPCs move to /16s no generated workspace uses (after the last one allocated). */
function withFirstRegionMoved(data: Data): string {
  const regions = data.regions as Data[];
  const workspaces = regions[0].workspaces as Record<string, Data>;
  const used = regions.reduce((sum, region) => sum + Object.keys(region.workspaces as Data).length, 0);
  Object.values(workspaces).forEach((workspace, i) => (workspace.vpcCidr = benchVpcCidr(used + i)));
  return regions[0].region as string;
}

export interface ReviewInput {
  readonly bench: Bench;
  /** The label of the measured size whose warm-up output is the base. */
  readonly label: string;
  readonly regionsFile: string;
  readonly ours: SynthCommand;
  /** The region code naming.ts derives (us-east-10 → use10), to find the edited region's stacks. */
  readonly regionCode: (region: string) => string;
  readonly runs?: number;
}

export function reviewCases(input: ReviewInput): ReviewCase[] {
  const { bench, label, regionsFile, ours } = input;
  const base = bench.output(label);
  let movedRegion = "";
  const heads = [
    { name: "identical" as const, edit: "a second synth of the same file", file: regionsFile },
    { name: "fleet-wide cost tag" as const, edit: "costTags.CostCenter changed", file: editedFile(regionsFile, "head-cost-tag", withCostCenterEdited) },
    {
      name: "one region" as const,
      edit: "one region's two VPC CIDRs moved",
      file: editedFile(regionsFile, "head-one-region", (data) => (movedRegion = withFirstRegionMoved(data))),
    },
  ];
  return heads.map((head) => {
    log(`review at ${label}: synthesize the head (${head.edit})`);
    const headDir = bench.outdir(`${label}-head-${head.name}`);
    const synth = ours(headDir);
    bench.run({ ...synth, env: { ...synth.env, REGIONS_FILE: head.file } });
    const review = (format: string[]) => ({ file: process.execPath, args: [LAUNCHER, "cli/review/cli.ts", base, headDir, ...format], cwd: root });
    const json = bench.attempt(review(["--format", "json"]));
    if (!REVIEW_OK.includes(json.status as 0 | 2)) throw new Error(`review (${head.name}) exited ${json.status}:\n${json.stderr.slice(-2000)}`);
    const report = JSON.parse(json.stdout) as { stacks: { name: string; status: string }[] };
    const timed = bench.timed(`review at ${label} (${head.name})`, review([]), input.runs ?? 3, 1, REVIEW_OK);
    const code = head.name === "one region" ? input.regionCode(movedRegion) : undefined;
    return {
      name: head.name,
      edit: head.edit,
      timed: { ...timed, output: "", stdout: "" },
      stacks: report.stacks.length,
      changedStacks: report.stacks.filter((stack) => stack.status !== "unchanged").map((stack) => stack.name),
      commentChars: timed.stdout.length,
      ...(code && { regionStacks: report.stacks.map((stack) => stack.name).filter((name) => name.includes(`-${code}-`)) }),
    };
  });
}
