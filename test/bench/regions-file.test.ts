import { mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, test } from "vitest";
import { benchRegionNames, benchRegionsText, benchVpcCidr, writeBenchRegionsFile } from "./regions-file";
import { KNOWN_AWS_REGIONS } from "../../domain/platform-facts";
import { regionCode } from "../../domain/naming";
import { cidrsOverlap } from "../../domain/network";
import { problemsOf, shippedRegionsText } from "../utils";
import { tempDir, removeTempDirs } from "./temp-dirs";

afterAll(removeTempDirs);

describe("regions-file: bench regions files are valid apart from their made-up regions", () => {
  test("names are distinct, never real, and each has its own region code", () => {
    const names = benchRegionNames(100);
    expect(new Set(names).size).toBe(100);
    expect(names.filter((name) => KNOWN_AWS_REGIONS.includes(name))).toEqual([]);
    expect(new Set(names.map(regionCode)).size).toBe(100);
    expect(names.slice(0, 2)).toEqual(["us-east-10", "eu-east-10"]);
  });

  test("VPC CIDRs are distinct /16s, so they never overlap", () => {
    const cidrs = Array.from({ length: 300 }, (_, k) => benchVpcCidr(k));
    expect(new Set(cidrs).size).toBe(300);
    expect(cidrs.filter((cidr) => !/^1[01]\.\d{1,3}\.0\.0\/16$/.test(cidr))).toEqual([]);
    expect([benchVpcCidr(0), benchVpcCidr(255), benchVpcCidr(256)]).toEqual(["10.0.0.0/16", "10.255.0.0/16", "11.0.0.0/16"]);
    expect(cidrsOverlap(benchVpcCidr(255), benchVpcCidr(256))).toBe(false);
  });

  test("only the regions change: the rest of the shipped file is kept", () => {
    const shipped = parse(shippedRegionsText) as Record<string, unknown>;
    const generated = parse(benchRegionsText(shippedRegionsText, 25)) as Record<string, unknown>;
    expect({ ...generated, regions: [] }).toEqual({ ...shipped, regions: [] });
    expect(generated.regions).toHaveLength(25);
    expect((generated.regions as unknown[])[0]).toEqual({
      region: "us-east-10",
      availabilityZones: ["us-east-10a", "us-east-10b", "us-east-10c"],
      workspaces: { dev: { vpcCidr: "10.0.0.0/16" }, prod: { vpcCidr: "10.1.0.0/16" } },
      // Per-region fields other than names and addresses are the template region's.
      dataBuckets: ((shipped.regions as Record<string, unknown>[])[0]).dataBuckets,
    });
  });

  test("production validation still refuses every made-up region, and finds nothing else wrong", () => {
    const problems = problemsOf(benchRegionsText(shippedRegionsText, 3));
    for (const name of benchRegionNames(3)) {
      expect(problems).toContainEqual(expect.stringContaining(`.region: expected an AWS region such as us-east-1, found "${name}"`));
    }
    // Other region facts (e.g. PrivateLink services) may refuse them too, but only at the region.
    for (const problem of problems) expect(problem).toMatch(/^regions\.yaml:\d+:\d+ regions\[[0-2]\]\.region: expected .*"[a-z]+-[a-z]+-10"/);
  });

  test("folders the template refers to by relative path are linked beside the generated file", () => {
    const project = tempDir("bench-template-");
    for (const folder of ["policies", "schemas", "unrelated"]) mkdirSync(join(project, folder));
    const template = `${shippedRegionsText}\nextra:\n  - schemas/a.json\n  - 10.0.0.0/8\n  - https://example.com/x\n`;
    writeFileSync(join(project, "regions.yaml"), template);
    const dir = tempDir("bench-regions-");
    const file = writeBenchRegionsFile(join(project, "regions.yaml"), dir, 3, template);
    expect(file).toBe(join(dir, "regions-3.yaml"));
    expect(readFileSync(file, "utf8")).toBe(benchRegionsText(template, 3));
    expect(readdirSync(dir).sort()).toEqual(["policies", "regions-3.yaml", "schemas"]);
    expect(realpathSync(join(dir, "schemas"))).toBe(realpathSync(join(project, "schemas")));
  });
});
