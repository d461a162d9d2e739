/**
 * The one way the benchmark gets past checks such as "expected a region where Databricks runs":
 * in the benchmark's own child process, before main.ts is imported (synth-entry.ts), each made-up
 * region (regions-file.ts) becomes a copy of a real template region in every region table of the
 * modules that hold per-region facts: added to each exported list that names the template region,
 * and given the template's entry in each exported table keyed by region. Nothing in config/, domain/
 * or main.ts reads BENCH_EXTRA_REGIONS, so neither regions.yaml nor the environment of a real synth
 * can widen production validation.
 */
import * as awsRegions from "../../domain/platform-facts/aws-regions";
import * as databricksNetwork from "../../domain/platform-facts/databricks-network";
import { BENCH_REGION_PATTERN, FIRST_BENCH_REGION_NUMBER } from "./regions-file";

export const BENCH_EXTRA_REGIONS = "BENCH_EXTRA_REGIONS";
export const BENCH_REGION_TEMPLATE = "BENCH_REGION_TEMPLATE";

/**
 * Where the app keeps facts per AWS region, imported statically: the bench's synth runs as one
 * bundled module (cli/launch.mjs), and these must be the very module instances main.ts reads. A new
 * module of region facts belongs here, or the bench's synths fail validation for made-up regions
 * (docs/performance.md).
 */
export const REGION_FACT_MODULES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  "domain/platform-facts/aws-regions.ts": awsRegions,
  "domain/platform-facts/databricks-network.ts": databricksNetwork,
};

/** Comma-separated made-up regions; anything that could be a real region is refused. */
export function parseBenchRegions(list: string): string[] {
  const names = list.split(",").map((name) => name.trim()).filter(Boolean);
  for (const name of names) {
    const match = BENCH_REGION_PATTERN.exec(name);
    if (!match || Number(match[3]) < FIRST_BENCH_REGION_NUMBER) {
      throw new Error(
        `${BENCH_EXTRA_REGIONS}: expected made-up regions such as us-east-${FIRST_BENCH_REGION_NUMBER} (numbers from ${FIRST_BENCH_REGION_NUMBER} up), found "${name}"`,
      );
    }
  }
  return names;
}

/** Makes every region of `list` a copy of `template`; returns the tables it extended (`module export`). */
export async function allowBenchRegions(list: string, template: string): Promise<string[]> {
  const names = parseBenchRegions(list);
  if (!names.length) return [];
  const extended: string[] = [];
  for (const [module, exports] of Object.entries(REGION_FACT_MODULES)) {
    for (const [name, table] of Object.entries(exports)) {
      const where = `${module} ${name}`;
      if (Array.isArray(table) && table.includes(template)) {
        refuseKnown(where, names.filter((region) => table.includes(region)));
        extendOrExplain(where, () => table.push(...names));
      } else if (isRecord(table) && Object.hasOwn(table, template)) {
        refuseKnown(where, names.filter((region) => Object.hasOwn(table, region)));
        extendOrExplain(where, () => names.forEach((region) => (table[region] = table[template])));
      } else {
        continue;
      }
      extended.push(where);
    }
  }
  if (!extended.length) {
    throw new Error(`${BENCH_EXTRA_REGIONS}: no region table in ${Object.keys(REGION_FACT_MODULES).join(", ")} lists the template region "${template}"`);
  }
  return extended;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;
}

function refuseKnown(where: string, known: readonly string[]): void {
  if (known.length) throw new Error(`${BENCH_EXTRA_REGIONS}: ${known.join(", ")} already in ${where}: not made up`);
}

function extendOrExplain(where: string, extend: () => void): void {
  try {
    extend();
  } catch (error) {
    throw new Error(`${BENCH_EXTRA_REGIONS}: ${where} can no longer be extended in memory (${String(error)}); see docs/performance.md`);
  }
}
