import { describe, expect, test } from "vitest";
import { validateRegionsText } from "../../config/load";
import { globToRegExp } from "../../rules/core/glob";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE } from "../../rules/core/result";
import type { PackRule } from "../../rules/pack";
import { runPack } from "../../rules/run";
import { BASE_YAML } from "../fixtures/config";
import { configFromText } from "../utils";

/** A one-rule pack: every VPC is a finding, so suppressions are all that decides the outcome. */
const PACK: PackRule[] = [
  {
    id: "NET-4",
    level: "error",
    message: "test rule",
    check: { block: (block) => (block.type !== "aws_vpc" ? NOT_APPLICABLE : block.name === "ok" ? COMPLIANT : nonCompliant("flagged")) },
  },
];
const STACKS = new Map([
  ["acme-data-use1-dev", { resource: { aws_vpc: { main: {}, ok: {} } } }],
  ["acme-data-euw1-dev", { resource: { aws_vpc: { main: {} } } }],
]);

function withSuppressions(yaml: string) {
  return configFromText(`${BASE_YAML}suppressions:\n${yaml}`);
}

describe("suppressions: rule ID + <stack>/<address> globs + a reason", () => {
  test("globs: * stays within a segment, ** crosses it, dots are literal", () => {
    expect(globToRegExp("acme-data-*-dev/aws_vpc.*").test("acme-data-use1-dev/aws_vpc.network_vpc_4E8F0223")).toBe(true);
    expect(globToRegExp("acme-data-*/aws_vpc.*").test("acme-data-use1-dev/x/aws_vpc.main")).toBe(false);
    expect(globToRegExp("**").test("acme-data-use1-dev/aws_vpc.main")).toBe(true);
    expect(globToRegExp("acme-data-use1-dev/aws_vpc.main").test("acme-data-use1-dev/aws_vpcXmain")).toBe(false);
  });

  test("a matching suppression keeps the finding, marked with its reason, and it no longer blocks", () => {
    const config = withSuppressions(`  - rule: NET-4\n    resources: ["acme-data-use1-*/aws_vpc.*"]\n    reason: Shared VPC logged by the network team.\n`);
    const findings = runPack(STACKS, config, { pack: PACK });
    expect(findings.map((f) => [f.stack, f.address, f.suppressed?.reason])).toEqual([
      ["acme-data-use1-dev", "aws_vpc.main", "Shared VPC logged by the network team."],
      ["acme-data-euw1-dev", "aws_vpc.main", undefined],
    ]);
  });

  test("a suppression of another rule ID does not apply", () => {
    const config = withSuppressions(`  - rule: NET-3\n    resources: ["**"]\n    reason: Suppresses a different rule entirely.\n`);
    expect(runPack(STACKS, config, { pack: PACK }).filter((f) => f.suppressed)).toEqual([]);
  });

  test("an unused suppression is a warning that names it; a rule the pack in use lacks says so", () => {
    const config = withSuppressions(
      [
        `  - rule: NET-4\n    resources: ["acme-data-apse2-*/aws_vpc.*"]\n    reason: Region that no longer exists here.\n`,
        `  - rule: NET-3\n    resources: ["**"]\n    reason: A rule this one-rule pack does not have.\n`,
      ].join(""),
    );
    const warnings = runPack(STACKS, config, { pack: PACK, configFile: "team/regions.yaml" }).filter((f) => f.level === "warning");
    expect(warnings.map((w) => [w.stack, w.address, w.rule, w.details[0]])).toEqual([
      ["team/regions.yaml", "suppressions[0]", "NET-4", "no NET-4 finding matches acme-data-apse2-*/aws_vpc.*"],
      ["team/regions.yaml", "suppressions[1]", "NET-3", "the pack has no rule NET-3"],
    ]);
    expect(warnings[0].message).toMatch(/^Unused suppression/);
  });

  // Line numbers count from the end of BASE_YAML: "suppressions:" is its next line, the item the one after.
  const itemLine = BASE_YAML.split("\n").length + 1;
  test.each([
    ["no reason", `  - rule: NET-4\n    resources: ["**"]\n`, `${itemLine}:5 suppressions[0].reason: expected a string, found nothing`],
    ["a reason under 10 characters", `  - rule: NET-4\n    resources: ["**"]\n    reason: "because"\n`, `${itemLine + 2}:13 suppressions[0].reason: expected a reason of at least 10 characters, found "because"`],
    ["a blank reason", `  - rule: NET-4\n    resources: ["**"]\n    reason: "            "\n`, `${itemLine + 2}:13 suppressions[0].reason: expected a reason of at least 10 characters`],
  ])("validateRegionsText rejects a suppression with %s, at its line", (_name, yaml, message) => {
    const result = validateRegionsText("regions.yaml", `${BASE_YAML}suppressions:\n${yaml}`);
    expect(result).toEqual({ ok: false, errors: [expect.stringContaining(`regions.yaml:${message}`)] });
  });
});
