import { describe, expect, test } from "vitest";
import { validateRegionsText } from "../../config/load";
import { BASE_YAML } from "../fixtures/config";

const COMPUTE = BASE_YAML.replace("  dev: {}\n", "  dev:\n    clusters: { autoterminationMinutes: { default: 20, max: 60 } }\n").replace(
  "regions:\n",
  `groups:
  - name: engineers
    roles: { dev: user, prod: user }
servicePrincipals:
  - name: airflow
clusterPolicies:
  - name: job
    file: job.json
    canUse: { groups: [engineers], servicePrincipals: [airflow] }
warehouses:
  - name: general
    sizing:
      dev: { clusterSize: 2X-Small, autoStopMinutes: 10 }
      prod: { clusterSize: Small, autoStopMinutes: 20 }
    permissions:
      canUse: { groups: [engineers] }
regions:
`,
);

const JOB_POLICY = JSON.stringify({ description: "jobs", definition: { cluster_type: { type: "fixed", value: "job" } } });

function problems(text: string): readonly string[] {
  const result = validateRegionsText("regions.yaml", text, () => JOB_POLICY);
  return result.ok ? [] : result.errors;
}

const edit = (from: string, to: string) => {
  if (!COMPUTE.includes(from)) throw new Error(`no ${from}`);
  return COMPUTE.replace(from, to);
};

describe("compute references and sizing resolve, with file:line and path", () => {
  test("the compute fixture is valid", () => {
    expect(problems(COMPUTE)).toEqual([]);
  });

  test.each([
    [
      "unknown service principal granted a policy",
      edit("servicePrincipals: [airflow] }", "servicePrincipals: [airflw] }"),
      'regions.yaml:22:56 clusterPolicies[0].canUse.servicePrincipals[0]: expected a service principal defined under servicePrincipals (airflow), found "airflw"',
    ],
    [
      "unknown group granted a warehouse",
      edit("canUse: { groups: [engineers] }", "canUse: { groups: [analysts] }"),
      'regions.yaml:29:26 warehouses[0].permissions.canUse.groups[0]: expected a group defined under groups (engineers), found "analysts"',
    ],
    [
      "warehouse sized for an environment that is not configured",
      edit("      prod: { clusterSize: Small", "      stage: { clusterSize: Small"),
      'regions.yaml:27:7 warehouses[0].sizing.stage: expected one of the configured environments (dev, prod), found "stage"',
    ],
    [
      "idle default above its maximum",
      edit("default: 20, max: 60", "default: 90, max: 60"),
      "regions.yaml:12:52 environments.dev.clusters.autoterminationMinutes.default: expected at most max (60), found 90",
    ],
    [
      "warehouse that stops too soon",
      edit("autoStopMinutes: 10 }", "autoStopMinutes: 5 }"),
      "regions.yaml:26:54 warehouses[0].sizing.dev.autoStopMinutes: expected at least 10 minutes (pro warehouses cannot stop sooner), found 5",
    ],
  ])("%s", (_name, text, expected) => {
    expect(problems(text)).toContain(expected);
  });

  test("a warehouse missing an environment's sizing is named", () => {
    expect(problems(edit("      prod: { clusterSize: Small, autoStopMinutes: 20 }\n", ""))).toEqual([
      "regions.yaml:26:7 warehouses[0].sizing: expected sizing for every environment, missing prod",
    ]);
  });
});
