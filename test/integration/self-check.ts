/**
 * A tier that cannot fail proves nothing. Before its verdicts are trusted, the tier breaks one AWS
 * attribute on purpose (an impossible VPC CIDR) in a copy of a planned stack and requires its own
 * runner to fail on it with terraform's message naming the attribute and the value.
 */
import { join } from "node:path";
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
  const outcome = await planStack(runner, { dir: join(workDir, `self-check-${stack}`), config: broken.config, validate: true, init: "prepared" });
  const what = `a broken ${broken.address.split(".")[0]}.cidr_block ("${BROKEN_CIDR}") in ${stack}`;
  if (outcome.ok) return { ok: false, line: `self-check FAILED: ${what} validated and planned; the tier cannot catch a broken attribute` };
  const namesIt = outcome.message.includes("cidr_block") && outcome.message.includes(BROKEN_CIDR);
  const [summary, where] = outcome.message.split("\n").map((line) => line.trim()).filter(Boolean);
  const firstLines = where?.startsWith("with ") ? `${summary} (${where.replace(/,$/, "")})` : summary;
  return namesIt
    ? { ok: true, line: `self-check: ${what} fails at terraform ${outcome.step}: ${firstLines}` }
    : { ok: false, line: `self-check FAILED: ${what} failed without naming it:\n${outcome.message}` };
}
