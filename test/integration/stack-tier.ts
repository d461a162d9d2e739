/**
 * The tier's first claim: every stack's AWS half validates and plans with the real terraform. One
 * verdict per stack, stacks in parallel up to the core count.
 */
import { join } from "node:path";
import { awsOnlyStack } from "./aws-only";
import { countActions, type PlanJson } from "./plan-json";
import { planStack, type PlanRunner, type PlanStep } from "./stack-plan";
import { versionGapHint } from "./terraform";
import { bindingsAwsVersion } from "./synth";

export type StackVerdict =
  | { readonly stack: string; readonly status: "planned"; readonly add: number; readonly plan: PlanJson; readonly config: Record<string, unknown> }
  | { readonly stack: string; readonly status: "skipped"; readonly reason: string }
  | { readonly stack: string; readonly status: "failed"; readonly step: PlanStep | "transform"; readonly message: string };

export interface TierOptions {
  readonly workDir: string;
  readonly awsVersion: string;
}

/** Transforms and plans (which validates) one stack from an empty state. */
export async function verifyStack(runner: PlanRunner, name: string, stack: Record<string, unknown>, options: TierOptions): Promise<StackVerdict> {
  let copy;
  try {
    copy = awsOnlyStack(stack, { awsProviderVersion: options.awsVersion });
  } catch (error) {
    return { stack: name, status: "failed", step: "transform", message: (error as Error).message };
  }
  if (copy.status === "skipped") return { stack: name, status: "skipped", reason: copy.reason };
  // `plan` validates the configuration first, with the same provider checks and messages as
  // `terraform validate`; every copy has the seed's terraform block, so the seed's init serves it.
  // A separate init and validate per stack were a fifth of the tier's terraform time (issue 17).
  const outcome = await planStack(runner, { dir: join(options.workDir, name), config: copy.json, init: "prepared" });
  if (!outcome.ok) {
    const hint = versionGapHint(outcome.message, options.awsVersion, bindingsAwsVersion(stack));
    return { stack: name, status: "failed", step: outcome.step, message: hint ? `${outcome.message}\n${hint}` : outcome.message };
  }
  const plan = await outcome.show();
  return { stack: name, status: "planned", add: countActions(plan).add, plan, config: copy.json };
}

/** Every stack at once; the runner's limiter keeps one terraform process per core. */
export function verifyStacks(runner: PlanRunner, stacks: ReadonlyMap<string, Record<string, unknown>>, options: TierOptions): Promise<StackVerdict[]> {
  return Promise.all([...stacks].map(([name, stack]) => verifyStack(runner, name, stack, options)));
}

const indent = (text: string) => text.split("\n").map((line) => `    ${line}`).join("\n");

export function verdictLine(verdict: StackVerdict, width: number): string {
  const name = verdict.stack.padEnd(width);
  switch (verdict.status) {
    case "planned":
      return `${name}  validated, planned, ${verdict.add} to add`;
    case "skipped":
      return `${name}  skipped: ${verdict.reason}`;
    case "failed":
      return `${name}  FAILED at terraform ${verdict.step}:\n${indent(verdict.message)}`;
  }
}

export function totalLine(verdicts: readonly StackVerdict[]): string {
  const planned = verdicts.filter((v) => v.status === "planned");
  const add = planned.reduce((sum, v) => sum + (v.status === "planned" ? v.add : 0), 0);
  const skipped = verdicts.filter((v) => v.status === "skipped").length;
  const failed = verdicts.filter((v) => v.status === "failed").length;
  return `total: ${planned.length}/${verdicts.length} stacks validated and planned, ${add} to add, ${skipped} skipped, ${failed} failed`;
}
