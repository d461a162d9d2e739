/**
 * Regions files of any size for the benchmark, built from the shipped regions.yaml so that every
 * field someone adds to it (cluster policies, warehouses, usage logs…) is exercised too: only the
 * `regions` list is replaced. The region names are made up (only ~16 AWS regions run Databricks),
 * follow the `<2 letters>-<direction>-<n>` shape naming.ts derives region codes from, and use
 * numbers no real region has, so they can never be mistaken for one.
 */
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse, stringify } from "yaml";

const PREFIXES = ["us", "eu", "ap", "ca", "sa"] as const;
const DIRECTIONS = ["east", "west", "north", "south", "central"] as const;
/** Real region numbers stop at 7; everything from here up is made up. */
export const FIRST_BENCH_REGION_NUMBER = 10;
/** What a made-up region looks like; bench-regions.ts refuses anything else. */
export const BENCH_REGION_PATTERN = /^(us|eu|ap|ca|sa)-(east|west|north|south|central)-(\d+)$/;

/** `count` distinct made-up region names: us-east-10, eu-east-10, …, sa-central-10, us-east-11, … */
export function benchRegionNames(count: number): string[] {
  const perNumber = PREFIXES.length * DIRECTIONS.length;
  return Array.from({ length: count }, (_, i) => {
    const prefix = PREFIXES[i % PREFIXES.length];
    const direction = DIRECTIONS[Math.floor(i / PREFIXES.length) % DIRECTIONS.length];
    return `${prefix}-${direction}-${FIRST_BENCH_REGION_NUMBER + Math.floor(i / perNumber)}`;
  });
}

/** The k-th non-overlapping /16: 10.0.0.0/16 … 10.255.0.0/16, then 11.0.0.0/16 and on. */
export function benchVpcCidr(k: number): string {
  return `${10 + Math.floor(k / 256)}.${k % 256}.0.0/16`;
}

type Data = Record<string, unknown>;

/** The template's first region: every made-up region copies its facts (bench-regions.ts). */
export function templateRegion(templateText: string): string {
  const regions = (parse(templateText) as Data).regions as Data[] | undefined;
  const region = Array.isArray(regions) ? regions[0]?.region : undefined;
  if (typeof region !== "string") throw new Error("the template regions file has no regions to copy");
  return region;
}

/**
 * The shipped file's text with its regions replaced by `count` made-up ones. Each generated entry
 * is a copy of the template's first region (so per-region fields keep their shape) with its own
 * name, AZs (as many as the template's) and one VPC per workspace of the template.
 */
export function benchRegionsText(templateText: string, count: number): string {
  const template = parse(templateText) as Data;
  const regions = template.regions as Data[] | undefined;
  if (!Array.isArray(regions) || regions.length === 0) throw new Error("the template regions file has no regions to copy");
  const first = regions[0];
  const azCount = (first.availabilityZones as unknown[]).length;
  const environments = Object.keys(first.workspaces as Data);
  let vpc = 0;
  const generated = benchRegionNames(count).map((region) => {
    const entry = structuredClone(first);
    entry.region = region;
    entry.availabilityZones = Array.from({ length: azCount }, (_, z) => `${region}${String.fromCharCode(97 + z)}`);
    const workspaces = entry.workspaces as Record<string, Data>;
    for (const environment of environments) workspaces[environment] = { ...workspaces[environment], vpcCidr: benchVpcCidr(vpc++) };
    return entry;
  });
  return stringify({ ...template, regions: generated }, { lineWidth: 0 });
}

/**
 * Writes `<dir>/regions-<count>.yaml` and links, beside it, every folder of the template's own
 * folder that the template refers to by a relative path (e.g. `policies/job.json`), plus
 * `policies/` itself, so references resolve exactly as they do for the shipped file.
 */
export function writeBenchRegionsFile(templateFile: string, dir: string, count: number, templateText: string): string {
  mkdirSync(dir, { recursive: true });
  linkReferencedFolders(templateFile, dir, templateText);
  const file = join(dir, `regions-${count}.yaml`);
  writeFileSync(file, benchRegionsText(templateText, count));
  return file;
}

export function linkReferencedFolders(templateFile: string, dir: string, templateText: string): void {
  const templateDir = dirname(resolve(templateFile));
  const siblings = readdirSync(templateDir);
  const folders = new Set(["policies"]);
  for (const value of stringsIn(parse(templateText))) {
    if (value.includes("://") || value.startsWith("/") || !value.includes("/")) continue;
    folders.add(value.split("/")[0]);
  }
  for (const folder of folders) {
    const target = join(templateDir, folder);
    const link = join(dir, folder);
    if (siblings.includes(folder) && !existsSync(link)) symlinkSync(target, link);
  }
}

function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}
