/**
 * A tier that cannot fail proves nothing. Before its verdicts are trusted, the tier breaks one AWS
 * attribute on purpose (an impossible VPC CIDR) in a copy of a planned stack and requires its own
 * runner to fail on it with terraform's message naming the attribute and the value.
 */
import { isDeepStrictEqual } from "node:util";
import { join } from "node:path";
import type { PlanJson } from "./plan-json";
import { planStack, type PlanRunner } from "./stack-plan";

export const BROKEN_CIDR = "10.300.0.0/16";

type Json = Record<string, unknown>;

/** `config` with the first `aws_vpc`'s cidr_block set to an impossible block, and that VPC's address. */
export function withBrokenVpcCidr(config: Json): { config: Json; address: string } | undefined {
  const resources = config.resource as Record<string, Record<string, Json>> | undefined;
  const vpcs = resources?.aws_vpc;
  const name = vpcs && Object.keys(vpcs)[0];
  if (!resources || !vpcs || !name) return undefined;
  return {
    config: { ...config, resource: { ...resources, aws_vpc: { ...vpcs, [name]: { ...vpcs[name], cidr_block: BROKEN_CIDR } } } },
    address: `aws_vpc.${name}`,
  };
}

export interface SelfCheckResult {
  readonly ok: boolean;
  readonly line: string;
}

export async function selfCheck(runner: PlanRunner, stack: string, config: Json, workDir: string): Promise<SelfCheckResult> {
  const broken = withBrokenVpcCidr(config);
  if (!broken) return { ok: false, line: `self-check: ${stack} has no aws_vpc to break` };
  const outcome = await planStack(runner, { dir: join(workDir, `self-check-${stack}`), config: broken.config, init: "prepared" });
  const what = `a broken ${broken.address.split(".")[0]}.cidr_block ("${BROKEN_CIDR}") in ${stack}`;
  if (outcome.ok) return { ok: false, line: `self-check FAILED: ${what} validated and planned; the tier cannot catch a broken attribute` };
  const namesIt = outcome.message.includes("cidr_block") && outcome.message.includes(BROKEN_CIDR);
  const [summary, where] = outcome.message.split("\n").map((line) => line.trim()).filter(Boolean);
  const firstLines = where?.startsWith("with ") ? `${summary} (${where.replace(/,$/, "")})` : summary;
  return namesIt
    ? { ok: true, line: `self-check: ${what} fails at terraform ${outcome.step}: ${firstLines}` }
    : { ok: false, line: `self-check FAILED: ${what} failed without naming it:\n${outcome.message}` };
}

/**
 * The tier plans through long-lived providers (provider-lanes.ts), terraform's debugging interface.
 * Before their plans are trusted, one stack is planned again by a terraform that starts its own
 * provider, as `cdktf diff` and CI do, and both plans must say the same: every resource change with
 * its values, and every output change.
 */
export async function laneCheck(runner: PlanRunner, stack: string, config: Json, throughLanes: PlanJson, workDir: string): Promise<SelfCheckResult> {
  const { lanes: _lanes, ...ownProvider } = runner.context;
  const outcome = await planStack({ ...runner, context: ownProvider }, { dir: join(workDir, `lane-check-${stack}`), config, init: "prepared" });
  if (!outcome.ok) return { ok: false, line: `lane check FAILED: ${stack} planned through a long-lived provider, but not with its own (${outcome.step}):\n${outcome.message}` };
  const own = await outcome.show();
  const same = isDeepStrictEqual(own.resource_changes, throughLanes.resource_changes) && isDeepStrictEqual(own.output_changes, throughLanes.output_changes);
  const count = own.resource_changes?.length ?? 0;
  return same
    ? { ok: true, line: `lane check: ${stack} planned by a terraform starting its own provider equals its plan through a long-lived one (${count} resource changes)` }
    : { ok: false, line: `lane check FAILED: ${stack} plans differently through a long-lived provider than with its own; plans in ${outcome.dir}` };
}
