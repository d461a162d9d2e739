/**
 * `--save-fixtures`: small real plan JSON files for the plan-summary tests, under
 * test/fixtures/plans/real/. Each is `terraform show -json` of a plan the tier makes the same way
 * as its comparison plans, on a copy of one workspace stack kept to a few resource types (the rest
 * is replaced by placeholders, as the Databricks half is) so the file stays readable.
 *
 * Sanitizing: the config's (fake) AWS account id becomes zeros; a file that still holds the
 * temporary folder, a fake access key or the account id is refused. Files are re-indented, not edited.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { awsOnlyStack } from "./aws-only";
import type { ScenarioHead } from "./comparison-run";
import { FAKE_CREDENTIALS } from "./environment";
import { managedChanges, type PlanJson } from "./plan-json";
import type { ProviderSchemas } from "./prior-state";
import { convergePriorState } from "./prior-states";
import { planStack, type PlanRunner } from "./stack-plan";

type Json = Record<string, unknown>;

export const FIXTURE_DIR = resolve(import.meta.dirname, "..", "fixtures", "plans", "real");

/**
 * Enough to show every action (the VPC and its private subnets move with a CIDR or an AZ) and a
 * sensitive value (the secret), small enough to read: no data sources.
 */
export function keptInFixtures(type: string, name: string, mode: "managed" | "data"): boolean {
  if (mode === "data") return false;
  if (type === "aws_subnet") return name.startsWith("network_private-");
  return ["aws_vpc", "aws_secretsmanager_secret", "aws_secretsmanager_secret_version"].includes(type);
}

export const ACCOUNT_ID = "123456789012";

interface FixtureSpec {
  readonly file: string;
  readonly stack: string;
  /** Scenario whose head is planned on the base state; none: the base planned from an empty state. */
  readonly scenario?: string;
  readonly destroy?: boolean;
  readonly covers: string;
}

export const FIXTURES: readonly FixtureSpec[] = [
  { file: "create.json", stack: "acme-data-use1-dev", covers: "create" },
  { file: "update.json", stack: "acme-data-use1-dev", scenario: "cost-tag-changed", covers: "update in place (tags_all from default_tags)" },
  { file: "replace.json", stack: "acme-data-use1-dev", scenario: "vpc-cidr-changed", covers: "replace, with replace_paths (cidr_block, vpc_id)" },
  { file: "create-delete.json", stack: "acme-data-use1-dev", scenario: "azs-changed", covers: "create and delete in one plan (an AZ swapped)" },
  { file: "delete.json", stack: "acme-data-apse2-dev", scenario: "region-removed", destroy: true, covers: "delete (plan -destroy of a removed region's stack)" },
];

export interface FixtureInput {
  readonly runner: PlanRunner;
  readonly schemas: ProviderSchemas;
  readonly baseStacks: ReadonlyMap<string, Json>;
  readonly heads: readonly ScenarioHead[];
  readonly workDir: string;
  readonly awsVersion: string;
}

/** The plan JSON text with the account id zeroed; throws when something that must not be published is in it. */
export function sanitizePlan(plan: PlanJson, workDir: string): string {
  const text = JSON.stringify(plan, null, 2).replaceAll(ACCOUNT_ID, "000000000000");
  for (const forbidden of [workDir, FAKE_CREDENTIALS.AWS_ACCESS_KEY_ID, FAKE_CREDENTIALS.AWS_SECRET_ACCESS_KEY]) {
    if (text.includes(forbidden)) throw new Error(`a plan fixture would contain ${forbidden}`);
  }
  return `${text}\n`;
}

function smallCopy(stack: Json, awsVersion: string): Json {
  const copy = awsOnlyStack(stack, { awsProviderVersion: awsVersion, keepResource: keptInFixtures });
  if (copy.status !== "aws-only") throw new Error("a fixture stack has no AWS resources");
  return copy.json;
}

async function fixturePlan(input: FixtureInput, spec: FixtureSpec): Promise<PlanJson> {
  const dir = (step: string) => join(input.workDir, "fixtures", spec.file.replace(/\.json$/, ""), step);
  const plan = async (step: string, config: Json, priorState?: unknown, destroy = false) => {
    const outcome = await planStack(input.runner, { dir: dir(step), config, priorState, destroy, init: "prepared" });
    if (!outcome.ok) throw new Error(`fixture ${spec.file}: terraform ${outcome.step} failed:\n${outcome.message}`);
    return outcome.show();
  };
  const baseConfig = smallCopy(input.baseStacks.get(spec.stack)!, input.awsVersion);
  const basePlan = await plan("base", baseConfig);
  if (!spec.scenario) return basePlan;
  const state = await convergePriorState(input.runner, dir("base"), baseConfig, basePlan, input.schemas);
  if (!state.ok) throw new Error(`fixture ${spec.file}: ${state.message}`);
  if (spec.destroy) return plan("head", baseConfig, state.state, true);
  const head = input.heads.find((h) => h.scenario.name === spec.scenario)?.stacks.get(spec.stack);
  if (!head) throw new Error(`fixture ${spec.file}: scenario ${spec.scenario} has no stack ${spec.stack}`);
  return plan("head", smallCopy(head, input.awsVersion), state.state);
}

export async function saveFixtures(input: FixtureInput): Promise<string> {
  const plans = await Promise.all(FIXTURES.map((spec) => fixturePlan(input, spec)));
  mkdirSync(FIXTURE_DIR, { recursive: true });
  return FIXTURES.map((spec, i) => {
    writeFileSync(join(FIXTURE_DIR, spec.file), sanitizePlan(plans[i], input.workDir));
    const actions = [...new Set(managedChanges(plans[i]).map((c) => c.change.actions.join(",")))].sort();
    return `fixture test/fixtures/plans/real/${spec.file}: ${spec.covers}; actions ${actions.join(" | ")}`;
  }).join("\n");
}
