import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { main } from "../../cli/check";
import { findingsTable } from "../../cli/check/report";
import { RULE_PACK } from "../../rules/pack";
import { captureIo, testEnv } from "../utils";
import { removeTempDirs, tempDir } from "./review/helpers";

afterEach(removeTempDirs);

async function check(argv: readonly string[], env = testEnv()) {
  const io = captureIo(process.cwd(), env);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("npm run check: the build pipeline's rule pack over a synth, as a table and a JSON report", () => {
  test("the shipped regions.yaml: no errors, exit 0, a report listing every stack and rule", async () => {
    const report = join(tempDir("check-"), "report.json");
    const { code, out } = await check(["--report", report]);
    expect(out).toMatch(/^regions\.yaml: 14 stacks, \d+ rules: 0 error\(s\), 0 warning\(s\), 0 suppressed\. Report: /m);
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(report, "utf8"));
    expect(json.summary).toEqual({ errors: 0, warnings: 0, suppressed: 0 });
    expect(json.stacks).toContain("acme-data-use1-prod");
    expect(json.rules.map((rule: { id: string }) => rule.id)).toEqual(RULE_PACK.map((rule) => rule.id));
    expect(json.findings).toEqual([]);
  });

  test("takes the file the way validate does: a path argument, else REGIONS_FILE", async () => {
    const report = join(tempDir("check-"), "report.json");
    const byPath = await check(["test/fixtures/minimal-regions.yaml", "--report", report]);
    expect(byPath.out).toMatch(/^test\/fixtures\/minimal-regions\.yaml: 10 stacks, /m);
    const byEnv = await check(["--report", report], testEnv({ REGIONS_FILE: "test/fixtures/minimal-regions.yaml" }));
    expect(byEnv.out).toMatch(/^test\/fixtures\/minimal-regions\.yaml: 10 stacks, /m);
  });

  test("a bad regions file is reported, not checked", async () => {
    const report = join(tempDir("check-"), "report.json");
    const { code, err } = await check(["--report", report, "test/fixtures/invalid-regions.yaml"]);
    expect(code).toBe(1);
    expect(err).toMatch(/^test\/fixtures\/invalid-regions\.yaml:\d+:\d+ company: /);
    expect(err).toContain("check: test/fixtures/invalid-regions.yaml: nothing was checked\n");
    expect(existsSync(report)).toBe(false);
  });

  test("unknown flags and a --report without a path are usage errors", async () => {
    expect((await check(["--strict"])).err).toBe('check: unknown flag "--strict" (known: --report, --docs, --help)\n');
    expect((await check(["--report"])).err).toBe("check: flag --report needs a value\n");
  });

  test("the table: one row per finding, suppressed ones marked with their reason", () => {
    const table = findingsTable([
      { stack: "acme-data-use1-dev", address: "aws_vpc.v", rule: "NET-4", level: "error", message: "Every VPC needs a flow log.", details: ["no aws_flow_log"] },
      { stack: "acme-data-use1-dev", address: "aws_s3_bucket.scratch", rule: "BKT-5", level: "error", message: "Buckets hold data.", details: [], suppressed: { reason: "Scratch bucket for load tests." } },
    ]);
    expect(table.split("\n")).toEqual([
      "stack               resource               rule   level       message",
      "acme-data-use1-dev  aws_vpc.v              NET-4  error       Every VPC needs a flow log. (no aws_flow_log)",
      "acme-data-use1-dev  aws_s3_bucket.scratch  BKT-5  suppressed  Buckets hold data. Suppressed: Scratch bucket for load tests.",
    ]);
  });
});
