/**
 * The run hands a block check only the resource types its pack entry names (`resources`). That list
 * must never hide a block the check would judge: on every block of the shipped synth (PrivateLink,
 * customer-managed keys, data buckets, grants: most of what the pack looks at) a check says
 * not-applicable to anything outside its list, and each list names only types the check judges.
 */
import { describe, expect, test } from "vitest";
import { guardrailContext } from "../../rules/core/context";
import { stackView, type StackView } from "../../rules/core/stack-view";
import { RULE_PACK } from "../../rules/pack";
import { runPack } from "../../rules/run";
import { shippedConfig, synthApp } from "../utils";

const config = shippedConfig();
const synth = synthApp(config);
const context = guardrailContext(config);
const views: StackView[] = [...synth].map(([name, json]) => stackView(name, json, context.expectationsFor(name)));

const typedRules = RULE_PACK.flatMap((rule) => ("block" in rule.check && rule.check.resources ? [{ rule, check: rule.check, resources: rule.check.resources }] : []));

describe("rule dispatch: a block check sees the resource types its pack entry names", () => {
  test("most block checks name their types; those that read every block do not", () => {
    const untyped = RULE_PACK.filter((rule) => "block" in rule.check && !rule.check.resources).map((rule) => rule.id);
    expect(untyped).toEqual(["IAM-1", "SEC-1", "SEC-3"]);
    expect(typedRules.length).toBe(35);
  });

  test.each(typedRules.map(({ rule, check, resources }) => [rule.id, check, resources] as const))(
    "%s says not-applicable to every block outside its types",
    (_id, check, resources) => {
      const judged = views.flatMap((view) =>
        view.blocks
          .filter((block) => !(block.kind === "resource" && resources.includes(block.type)))
          .filter((block) => check.block(block, view).status !== "not-applicable")
          .map((block) => `${view.name} ${block.address}`),
      );
      expect(judged).toEqual([]);
    },
  );

  test.each(typedRules.map(({ rule, resources }) => [rule.id, resources] as const))("%s names only resource types of the AWS and Databricks providers", (_id, resources) => {
    for (const type of resources) expect(type).toMatch(/^(aws|databricks)_[a-z0-9_]+$/);
    expect(new Set(resources).size).toBe(resources.length);
  });

  test("the run reports what checking every block reports, in the same order", () => {
    const everyBlock = RULE_PACK.map((rule) => ("block" in rule.check ? { ...rule, check: { block: rule.check.block } } : rule));
    const broken = new Map(
      [...synth].map(([name, json]) => {
        const copy = structuredClone(json) as { resource?: Record<string, Record<string, Record<string, unknown>>> };
        // Findings to compare: every bucket loses its versioning, every VPC its flow log.
        delete copy.resource?.aws_s3_bucket_versioning;
        delete copy.resource?.aws_flow_log;
        return [name, copy];
      }),
    );
    const typed = runPack(broken, config);
    const count = (rule: string) => typed.filter((finding) => finding.rule === rule).length;
    const ofType = (type: string) => views.reduce((sum, view) => sum + view.ofType(type).length, 0);
    expect(count("BKT-3")).toBe(ofType("aws_s3_bucket"));
    expect(count("NET-4")).toBe(ofType("aws_vpc"));
    expect(count("NET-4")).toBe(6); // a VPC per workspace
    expect(typed).toEqual(runPack(broken, config, { pack: everyBlock }));
  });
});
