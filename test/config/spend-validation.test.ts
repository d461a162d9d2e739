import { describe, expect, test } from "vitest";
import { validateRegionsText } from "../../config/load";
import { WORKSPACE_TAG_KEYS } from "../../config/schema/spend";
import { costTagsFor } from "../../domain/workspaces";
import { BASE_YAML } from "../fixtures/config";

/** BASE_YAML with two groups, a warehouse and every spend field set. */
const SPEND = BASE_YAML.replace(
  "regions:\n",
  `groups:
  - name: admins
    roles: { dev: admin, prod: admin }
  - name: analysts
    roles: { prod: user }
warehouses:
  - name: general
    sizing:
      dev: { clusterSize: 2X-Small, autoStopMinutes: 10 }
      prod: { clusterSize: Small, autoStopMinutes: 20 }
spend:
  systemSchemas: [access, compute, lakeflow]
  budgets:
    - tag: CostCenter
      value: CC-1
      monthlyUsd: 20000
      alertAtPercent: [80, 100]
      recipients: [finops@acme.example, platform@acme.example]
    - tag: Environment
      value: prod
      monthlyUsd: 15000
      recipients: [finops@acme.example]
  dashboard:
    workspace: { region: eu-west-1, environment: prod }
    warehouse: general
    viewers: [admins, analysts]
regions:
`,
);

const edit = (from: string, to: string) => {
  if (!SPEND.includes(from)) throw new Error(`fixture has no ${JSON.stringify(from)}`);
  return SPEND.replace(from, to);
};

function validate(text: string) {
  return validateRegionsText("regions.yaml", text, () => "{}");
}

const problems = (text: string): readonly string[] => {
  const result = validate(text);
  return result.ok ? [] : result.errors;
};

const spendOf = (text: string) => {
  const result = validate(text);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.config.spend;
};

const WAREHOUSES = `warehouses:
  - name: general
    sizing:
      dev: { clusterSize: 2X-Small, autoStopMinutes: 10 }
      prod: { clusterSize: Small, autoStopMinutes: 20 }
`;

describe("spend: valid files and the defaults they get", () => {
  test.each([
    ["every field set", SPEND, { systemSchemas: ["access", "compute", "lakeflow"], budgetThresholds: [[80, 100], [100]], dashboard: true }],
    ["no spend section: access and compute, no budget, no dashboard", BASE_YAML, { systemSchemas: ["access", "compute"], budgetThresholds: [], dashboard: false }],
    ["no system schemas at all", edit("[access, compute, lakeflow]", "[]"), { systemSchemas: [], budgetThresholds: [[80, 100], [100]], dashboard: true }],
    ["a Region budget on a configured region", edit("tag: Environment\n      value: prod", "tag: Region\n      value: eu-west-1"), { systemSchemas: ["access", "compute", "lakeflow"], budgetThresholds: [[80, 100], [100]], dashboard: true }],
  ])("%s", (_name, text, expected) => {
    const spend = spendOf(text);
    expect(spend.systemSchemas).toEqual(expected.systemSchemas);
    expect(spend.budgets.map((budget) => budget.alertAtPercent)).toEqual(expected.budgetThresholds);
    expect(spend.dashboard !== undefined).toBe(expected.dashboard);
  });

  test("a dashboard left to its defaults: the first region's protected environment, no viewers", () => {
    const spend = spendOf(edit("    workspace: { region: eu-west-1, environment: prod }\n    warehouse: general\n    viewers: [admins, analysts]\n", "    {}\n"));
    expect(spend.dashboard).toEqual({ viewers: [] });
  });

  test("budget tag keys are the cost tags plus the keys every workspace adds", () => {
    const config = validate(SPEND);
    if (!config.ok) throw new Error(config.errors.join("\n"));
    const workspaceKeys = Object.keys(costTagsFor(config.config, "prod", "eu-west-1")).filter((key) => !Object.hasOwn(config.config.costTags, key));
    expect(workspaceKeys).toEqual([...WORKSPACE_TAG_KEYS]);
  });
});

describe("spend: every bad value is located, with what was expected and found", () => {
  test.each([
    [
      "billing listed as a system schema",
      edit("[access, compute, lakeflow]", "[access, billing]"),
      'regions.yaml:24:27 spend.systemSchemas[1]: expected one of access, compute, lakeflow, marketplace, mlflow, query, serving, sharing, storage, found "billing"',
    ],
    [
      "a system schema twice",
      edit("[access, compute, lakeflow]", "[access, compute, access]"),
      'regions.yaml:24:36 spend.systemSchemas[2]: expected each system schema once, found "access" again (first at index 0)',
    ],
    [
      "a budget on a tag key nothing carries",
      edit("tag: CostCenter", "tag: Dept"),
      'regions.yaml:26:12 spend.budgets[0].tag: expected one of CostCenter, Project, Team, Owner, Environment, Region, found "Dept"',
    ],
    [
      "a budget tag value AWS would refuse",
      edit("value: prod", 'value: "bad|value"'),
      'regions.yaml:32:14 spend.budgets[1].value: expected a tag value: 1-256 letters, digits, spaces or _ . : / = + - @, found "bad|value"',
    ],
    [
      "an Environment budget on an environment that is not configured",
      edit("value: prod", "value: qa"),
      'regions.yaml:32:14 spend.budgets[1].value: expected one of the configured environments (dev, prod), found "qa"',
    ],
    [
      "a Region budget on a region that is not configured",
      edit("tag: Environment\n      value: prod", "tag: Region\n      value: us-west-2"),
      'regions.yaml:32:14 spend.budgets[1].value: expected one of the configured regions (us-east-1, eu-west-1), found "us-west-2"',
    ],
    [
      "two budgets on the same tag value",
      edit("tag: Environment\n      value: prod", "tag: CostCenter\n      value: CC-1"),
      "regions.yaml:32:14 spend.budgets[1].value: expected one budget per tag value, found CostCenter=CC-1 again (first at index 0)",
    ],
    [
      "a negative amount",
      edit("monthlyUsd: 20000", "monthlyUsd: -5"),
      "regions.yaml:28:19 spend.budgets[0].monthlyUsd: expected a whole number of US dollars above 0, found -5",
    ],
    [
      "a zero amount",
      edit("monthlyUsd: 20000", "monthlyUsd: 0"),
      "regions.yaml:28:19 spend.budgets[0].monthlyUsd: expected a whole number of US dollars above 0, found 0",
    ],
    [
      "cents in the amount",
      edit("monthlyUsd: 15000", "monthlyUsd: 12.5"),
      "regions.yaml:33:19 spend.budgets[1].monthlyUsd: expected a whole number, found 12.5",
    ],
    [
      "a missing amount",
      edit("      monthlyUsd: 15000\n", ""),
      "regions.yaml:31:7 spend.budgets[1].monthlyUsd: expected a number, found nothing (the field is missing)",
    ],
    [
      "a 0% threshold",
      edit("[80, 100]", "[0, 100]"),
      "regions.yaml:29:24 spend.budgets[0].alertAtPercent[0]: expected a percentage of monthlyUsd from 1 to 1000, found 0",
    ],
    [
      "a threshold twice",
      edit("[80, 100]", "[80, 100, 80]"),
      "regions.yaml:29:33 spend.budgets[0].alertAtPercent[2]: expected each threshold once, found 80 again",
    ],
    [
      "no threshold",
      edit("[80, 100]", "[]"),
      "regions.yaml:29:23 spend.budgets[0].alertAtPercent: expected at least one alert threshold, found a list of 0",
    ],
    [
      "a recipient that is not an e-mail address",
      edit("[finops@acme.example, platform@acme.example]", "[finops, platform@acme.example]"),
      'regions.yaml:30:20 spend.budgets[0].recipients[0]: expected an e-mail address such as finops@acme.example, found "finops"',
    ],
    [
      "a recipient twice",
      edit("[finops@acme.example, platform@acme.example]", "[finops@acme.example, finops@acme.example]"),
      'regions.yaml:30:41 spend.budgets[0].recipients[1]: expected each recipient once, found "finops@acme.example" again',
    ],
    [
      "no recipient",
      edit("recipients: [finops@acme.example]\n", "recipients: []\n"),
      "regions.yaml:34:19 spend.budgets[1].recipients: expected at least one recipient e-mail address, found a list of 0",
    ],
    [
      "a tag value too long for a budget name",
      edit("value: CC-1", `value: CC-${"9".repeat(100)}`),
      `regions.yaml:27:14 spend.budgets[0].value: expected a budget display name of at most 128 characters, found "acme-data CostCenter=CC-${"9".repeat(100)} at 100%" (132); shorten the value`,
    ],
    [
      "a dashboard in a region that is not configured",
      edit("region: eu-west-1, environment: prod", "region: us-west-2, environment: prod"),
      'regions.yaml:36:26 spend.dashboard.workspace.region: expected one of the configured regions (us-east-1, eu-west-1), found "us-west-2"',
    ],
    [
      "a dashboard in a region being decommissioned (destroyed with its config stacks)",
      edit("  - region: eu-west-1\n", "  - region: eu-west-1\n    decommission: true\n"),
      'regions.yaml:36:26 spend.dashboard.workspace.region: expected a region that is not being decommissioned (its config stacks are destroyed, the dashboard with them), found "eu-west-1"',
    ],
    [
      "a dashboard in an environment that is not configured",
      edit("region: eu-west-1, environment: prod", "region: eu-west-1, environment: qa"),
      'regions.yaml:36:50 spend.dashboard.workspace.environment: expected one of the configured environments (dev, prod), found "qa"',
    ],
    [
      "a dashboard on a warehouse that does not exist",
      edit("warehouse: general", "warehouse: bi"),
      'regions.yaml:37:16 spend.dashboard.warehouse: expected a warehouse defined under warehouses (general), found "bi"',
    ],
    [
      "a dashboard with no warehouse at all",
      edit(WAREHOUSES, "").replace("    warehouse: general\n", ""),
      "regions.yaml:31:5 spend.dashboard: expected a warehouses entry for the dashboard to run on, found none defined",
    ],
    [
      "a viewer group that is not defined",
      edit("viewers: [admins, analysts]", "viewers: [admins, analysts, nobody]"),
      'regions.yaml:38:33 spend.dashboard.viewers[2]: expected a group defined under groups (admins, analysts), found "nobody"',
    ],
    [
      "a viewer group with no role in the dashboard's environment",
      edit("environment: prod }", "environment: dev }"),
      `regions.yaml:38:23 spend.dashboard.viewers[1]: expected a group with a role in dev (the dashboard's workspace), found "analysts" (role none)`,
    ],
    [
      "a misspelt key",
      edit("  dashboard:\n", "  dashbord:\n"),
      'regions.yaml:35:3 spend.dashbord: unknown key "dashbord" (did you mean "dashboard"?)',
    ],
  ])("%s", (_name, text, expected) => {
    expect(problems(text)).toEqual([expected]);
  });
});
