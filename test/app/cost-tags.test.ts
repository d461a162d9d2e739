import { describe, expect, test } from "vitest";
import { RULE_PACK } from "../../rules/pack";
import { runPack } from "../../rules/run";
import { shippedConfig, synthApp, type StackJson } from "../utils";
import { stackNames } from "../../app/compose";

/**
 * Cost tags end to end: every AWS provider (default_tags), workspace, cluster policy, warehouse and
 * budget policy of every synthesized stack carries every cost tag with the configured value. The walk is the
 * guardrail pack's TAG rules, so synth and this test can never disagree about what "tagged" means.
 */
const TAG_RULES = RULE_PACK.filter((rule) => rule.id.startsWith("TAG-"));
const config = shippedConfig();
const stacks = synthApp(config);

function tagGaps(synthesized: ReadonlyMap<string, StackJson>): string[] {
  return runPack(synthesized, config, { pack: TAG_RULES }).map(
    (finding) => `${finding.stack}/${finding.address} ${finding.rule}: ${finding.details?.join("; ")}`,
  );
}

/** A deep copy of the synth with one resource body edited. */
function withEdit(stack: string, type: string, edit: (body: Record<string, any>) => void): Map<string, StackJson> {
  const copy = new Map([...stacks].map(([name, json]) => [name, structuredClone(json)]));
  const resources = copy.get(stack)!.resource![type];
  edit(Object.values(resources)[0] as Record<string, any>);
  return copy;
}

describe("cost tags: every AWS resource, workspace, cluster policy, warehouse and budget policy carries all of them", () => {
  test("the tag rules cover providers, workspaces, policies, warehouses and budget policies", () => {
    expect(TAG_RULES.map((rule) => rule.id)).toEqual(["TAG-1", "TAG-2", "TAG-3", "TAG-4", "TAG-5"]);
  });

  test("the shipped regions.yaml has no gap in any of its stacks", () => {
    expect(stacks.size).toBe(stackNames(shippedConfig()).length);
    expect(tagGaps(stacks)).toEqual([]);
  });

  test.each([
    ["a warehouse without Team", "acme-data-use1-prod-config", "databricks_sql_endpoint", (body: Record<string, any>) => {
      body.tags.custom_tags = body.tags.custom_tags.filter((tag: { key: string }) => tag.key !== "Team");
    }, /acme-data-use1-prod-config\/databricks_sql_endpoint\..* TAG-4: .*Team is missing/],
    ["a workspace without CostCenter", "acme-data-euw1-dev", "databricks_mws_workspaces", (body: Record<string, any>) => {
      delete body.custom_tags.CostCenter;
    }, /acme-data-euw1-dev\/databricks_mws_workspaces\..* TAG-2: .*CostCenter is missing/],
    ["a cluster policy whose Owner is not fixed", "acme-data-apse2-dev-config", "databricks_cluster_policy", (body: Record<string, any>) => {
      const definition = JSON.parse(body.definition);
      delete definition["custom_tags.Owner"];
      body.definition = JSON.stringify(definition);
    }, /acme-data-apse2-dev-config\/databricks_cluster_policy\..* TAG-3: .*custom_tags\.Owner is not fixed/],
    ["a budget policy without Project", "acme-data-euw1-prod", "databricks_budget_policy", (body: Record<string, any>) => {
      body.custom_tags = body.custom_tags.filter((tag: { key: string }) => tag.key !== "Project");
    }, /acme-data-euw1-prod\/databricks_budget_policy\..* TAG-5: .*Project is missing/],
  ])("%s is one gap, named", (_name, stack, type, edit, expected) => {
    const gaps = tagGaps(withEdit(stack, type, edit));
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatch(expected);
  });

  test("an AWS provider that lost a default tag is a gap for the whole stack", () => {
    const copy = new Map([...stacks].map(([name, json]) => [name, structuredClone(json)]));
    const provider = (copy.get("acme-data-account")!.provider!.aws![0] as { default_tags: { tags: Record<string, string> }[] });
    delete provider.default_tags[0].tags.Region;
    expect(tagGaps(copy)).toEqual([expect.stringMatching(/^acme-data-account\/provider\.aws.* TAG-1: .*Region is missing/)]);
  });
});
