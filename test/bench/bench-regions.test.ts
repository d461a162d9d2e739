import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import { allowBenchRegions, parseBenchRegions } from "./bench-regions";
import { benchRegionNames, writeBenchRegionsFile } from "./regions-file";
import { problemsOf, shippedRegionsText } from "../utils";
import { tempDir, removeTempDirs } from "./temp-dirs";

afterAll(removeTempDirs);

describe("bench-regions: BENCH_EXTRA_REGIONS widens validation for made-up regions only", () => {
  test.each([
    ["a real region", "us-east-1"],
    ["a number real regions could reach", "us-east-9"],
    ["a malformed name", "us-east-l0"],
    ["an unknown direction", "us-up-10"],
  ])("refuses %s (%s)", (_, name) => {
    expect(() => parseBenchRegions(`eu-west-10,${name}`)).toThrow(
      `BENCH_EXTRA_REGIONS: expected made-up regions such as us-east-10 (numbers from 10 up), found "${name}"`,
    );
  });

  test("accepts a comma-separated list of made-up regions; empty means none and changes nothing", async () => {
    expect(parseBenchRegions(" us-east-10, sa-central-42 ")).toEqual(["us-east-10", "sa-central-42"]);
    expect(await allowBenchRegions("", "us-east-1")).toEqual([]);
  });

  // Neither of these widens anything: this worker's region tables stay as shipped.
  test("a template region no table lists is refused", async () => {
    await expect(allowBenchRegions("us-east-10", "xx-east-1")).rejects.toThrow(
      'BENCH_EXTRA_REGIONS: no region table in domain/platform-facts/aws-regions.ts, domain/platform-facts/databricks-network.ts lists the template region "xx-east-1"',
    );
  });

  test("once allowed, made-up regions validate like the template region, and only once", () => {
    const dir = tempDir("bench-regions-");
    const file = writeBenchRegionsFile("regions.yaml", dir, 3, shippedRegionsText);
    expect(problemsOf(readFileSync(file, "utf8"), file).length).toBeGreaterThan(0);

    const run = spawnSync(process.execPath, ["--import", "tsx", "test/bench/validate-allowed.ts", file, benchRegionNames(3).join(",")], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const { extended, errors, again } = JSON.parse(run.stdout) as { extended: string[]; errors: string[]; again: string };
    expect(extended).toEqual(expect.arrayContaining(["domain/platform-facts/aws-regions.ts KNOWN_AWS_REGIONS", "domain/platform-facts/aws-regions.ts DATABRICKS_AWS_REGIONS", "domain/platform-facts/aws-regions.ts AVAILABILITY_ZONE_LETTERS"]));
    expect(errors).toEqual([]);
    expect(again).toContain("BENCH_EXTRA_REGIONS: us-east-10, eu-east-10, ap-east-10 already in domain/platform-facts/aws-regions.ts");
  });
});
