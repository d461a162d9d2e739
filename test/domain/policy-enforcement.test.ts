import { describe, expect, test } from "vitest";
import type { PolicyDefinition } from "../../config/schema/policy-language";
import { enforcePolicy, type PolicyEnforcement } from "../../domain/policy-enforcement";

const ENFORCEMENT: PolicyEnforcement = {
  tags: { CostCenter: "CC-1", Environment: "dev" },
  limits: { maxWorkers: 8, maxDbusPerHour: 20, autoterminationMinutes: { default: 20, max: 60 }, instanceTypes: ["m6i.xlarge", "r6i.xlarge"] },
};
const JOB: PolicyDefinition = { cluster_type: { type: "fixed", value: "job" } };
const ALL_PURPOSE: PolicyDefinition = { cluster_type: { type: "fixed", value: "all-purpose" } };

describe("enforcePolicy: values no policy author can forget", () => {
  test("an empty job policy gets tags, spot with one on-demand driver, auto AZ, no pools and the caps", () => {
    const { definition, conflicts } = enforcePolicy(JOB, ENFORCEMENT);
    expect(conflicts).toEqual([]);
    expect(definition).toEqual({
      cluster_type: { type: "fixed", value: "job" },
      "custom_tags.CostCenter": { type: "fixed", value: "CC-1" },
      "custom_tags.Environment": { type: "fixed", value: "dev" },
      "aws_attributes.availability": { type: "fixed", value: "SPOT_WITH_FALLBACK" },
      "aws_attributes.zone_id": { type: "fixed", value: "auto" },
      "aws_attributes.first_on_demand": { type: "fixed", value: 1 },
      instance_pool_id: { type: "forbidden", hidden: true },
      driver_instance_pool_id: { type: "forbidden", hidden: true },
      num_workers: { type: "range", maxValue: 8 },
      "autoscale.max_workers": { type: "range", maxValue: 8 },
      dbus_per_hour: { type: "range", maxValue: 20 },
      node_type_id: { type: "allowlist", values: ["m6i.xlarge", "r6i.xlarge"], defaultValue: "m6i.xlarge" },
      driver_node_type_id: { type: "allowlist", values: ["m6i.xlarge", "r6i.xlarge"], defaultValue: "m6i.xlarge" },
    });
    expect(definition).not.toHaveProperty("autotermination_minutes");
  });

  test("all-purpose policies get the environment's auto-termination range", () => {
    expect(enforcePolicy(ALL_PURPOSE, ENFORCEMENT).definition.autotermination_minutes).toEqual({
      type: "range",
      minValue: 10,
      maxValue: 60,
      defaultValue: 20,
    });
  });

  test("where the author is stricter, the author wins", () => {
    const { definition, conflicts } = enforcePolicy(
      {
        ...ALL_PURPOSE,
        "autoscale.max_workers": { type: "range", maxValue: 4, defaultValue: 2 },
        node_type_id: { type: "allowlist", values: ["r6i.xlarge"] },
        instance_pool_id: { type: "forbidden" },
        autotermination_minutes: { type: "range", maxValue: 30, defaultValue: 15 },
      },
      ENFORCEMENT,
    );
    expect(conflicts).toEqual([]);
    expect(definition["autoscale.max_workers"]).toEqual({ type: "range", maxValue: 4, defaultValue: 2 });
    expect(definition.node_type_id).toEqual({ type: "allowlist", values: ["r6i.xlarge"], defaultValue: "r6i.xlarge" });
    expect(definition.instance_pool_id).toEqual({ type: "forbidden" });
    expect(definition.autotermination_minutes).toEqual({ type: "range", minValue: 10, maxValue: 30, defaultValue: 15 });
  });

  test("where the author is looser, the cap wins and defaults follow it", () => {
    const { definition } = enforcePolicy({ ...JOB, num_workers: { type: "range", maxValue: 100, defaultValue: 50 } }, ENFORCEMENT);
    expect(definition.num_workers).toEqual({ type: "range", maxValue: 8, defaultValue: 8 });
  });

  test.each([
    ["a tag fixed to another value", { "custom_tags.CostCenter": { type: "fixed", value: "CC-9" } }, "custom_tags.CostCenter"],
    ["no on-demand driver", { "aws_attributes.first_on_demand": { type: "fixed", value: 0 } }, "aws_attributes.first_on_demand"],
    ["workers on demand too", { "aws_attributes.first_on_demand": { type: "range", minValue: 1 } }, "aws_attributes.first_on_demand"],
    ["a worker pool", { instance_pool_id: { type: "unlimited" } }, "instance_pool_id"],
    ["a driver pool fixed to one", { driver_instance_pool_id: { type: "fixed", value: "pool-1" } }, "driver_instance_pool_id"],
    ["on-demand only", { "aws_attributes.availability": { type: "fixed", value: "ON_DEMAND" } }, "aws_attributes.availability"],
    ["a fixed AZ", { "aws_attributes.zone_id": { type: "fixed", value: "us-east-1a" } }, "aws_attributes.zone_id"],
    ["unlimited workers", { num_workers: { type: "unlimited" } }, "num_workers"],
    ["a minimum above the cap", { "autoscale.max_workers": { type: "range", minValue: 10 } }, "autoscale.max_workers"],
    ["an instance type off the list", { node_type_id: { type: "fixed", value: "p4d.24xlarge" } }, "node_type_id"],
    ["never auto-terminating", { autotermination_minutes: { type: "fixed", value: 0 } }, "autotermination_minutes"],
  ] as const)("a policy with %s conflicts, naming the attribute", (_name, extra, attribute) => {
    const { conflicts } = enforcePolicy({ ...ALL_PURPOSE, ...(extra as PolicyDefinition) }, ENFORCEMENT);
    expect(conflicts.map((c) => c.attribute)).toEqual([attribute]);
    expect(conflicts[0].message).toMatch(/^expected .*, found \{"type":/);
  });
});
