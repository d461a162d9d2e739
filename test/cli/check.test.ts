import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkCommand } from "../../cli/check";
import { findingsTable } from "../../cli/check/report";
import { RULE_PACK } from "../../rules/pack";

describe("npm run check: the rule pack over a synth, as a table and a JSON report", () => {
  test("the shipped regions.yaml: no errors, exit 0, a report listing every stack and rule", () => {
    const report = join(mkdtempSync(join(tmpdir(), "check-")), "report.json");
    const { code, out } = checkCommand(["--report", report], "regions.yaml");
    expect(out).toMatch(/^regions\.yaml: \d+ stacks, \d+ rules: 0 error\(s\), 0 warning\(s\), 0 suppressed\. Report: /m);
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(report, "utf8"));
    expect(json.summary).toEqual({ errors: 0, warnings: 0, suppressed: 0 });
    expect(json.stacks).toContain("acme-data-use1-prod");
    expect(json.rules.map((rule: { id: string }) => rule.id)).toEqual(RULE_PACK.map((rule) => rule.id));
    expect(json.findings).toEqual([]);
  });

  test("a bad regions file is reported, not checked", () => {
    const report = join(mkdtempSync(join(tmpdir(), "check-")), "report.json");
    const { code, out } = checkCommand(["--report", report], "test/fixtures/invalid-regions.yaml");
    expect(code).toBe(1);
    expect(out).toMatch(/^test\/fixtures\/invalid-regions\.yaml:\d+:\d+ company: /);
    expect(out).toContain("nothing was checked");
    expect(existsSync(report)).toBe(false);
  });

  test("unknown options and a --report without a path are usage errors", () => {
    expect(checkCommand(["--strict"]).out).toMatch(/^check: unknown option --strict\nusage: /);
    expect(checkCommand(["--report"]).out).toMatch(/^check: --report needs a path\nusage: /);
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
