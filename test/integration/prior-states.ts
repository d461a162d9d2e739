/**
 * Base states for the review comparison: each planned base stack's state, written from its plan
 * (prior-state.ts) and refined by planning the base configuration on it until terraform plans no
 * change at all. That empty plan is the proof the state is a faithful "after apply" of the base.
 */
import { managedChanges, actionOf, type PlanJson } from "./plan-json";
import { priorStateFromPlan, type ProviderSchemas, type StateV4 } from "./prior-state";
import { planStack, plansChanges, type PlanRunner } from "./stack-plan";

/** Plans on the state until nothing changes; a value fed through a data source takes one extra round. */
const MAX_ROUNDS = 3;

export type ConvergedState =
  | { readonly ok: true; readonly state: StateV4; readonly rounds: number }
  | { readonly ok: false; readonly message: string };

function changesIn(plan: PlanJson): string[] {
  const resources = managedChanges(plan)
    .filter((change) => actionOf(change.change.actions) !== "none")
    .map((change) => `${change.address} (${change.change.actions.join(",")})`);
  const outputs = Object.entries(plan.output_changes ?? {})
    .filter(([, change]) => change.actions.join(",") !== "no-op")
    .map(([name, change]) => `output.${name} (${change.actions.join(",")})`);
  return [...resources, ...outputs];
}

export async function convergePriorState(
  runner: PlanRunner,
  dir: string,
  config: Record<string, unknown>,
  plan: PlanJson,
  schemas: ProviderSchemas,
): Promise<ConvergedState> {
  let state = priorStateFromPlan(plan, config, schemas);
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    // After a fold-back a cheap check (no show -json) usually finds nothing left.
    if (round > 1) {
      const check = await plansChanges(runner, { dir, config, priorState: state, init: "ready" });
      if (!check.ok) return { ok: false, message: `terraform plan on the written state failed:\n${check.message}` };
      if (!check.changes) return { ok: true, state, rounds: round };
    }
    const outcome = await planStack(runner, { dir, config, priorState: state, init: "ready" });
    if (!outcome.ok) return { ok: false, message: `terraform ${outcome.step} on the written state failed:\n${outcome.message}` };
    const planned = await outcome.show();
    const changes = changesIn(planned);
    if (!changes.length) return { ok: true, state, rounds: round };
    if (round === MAX_ROUNDS) return { ok: false, message: `the base configuration still plans changes on its own state: ${changes.join(", ")}` };
    state = priorStateFromPlan(planned, config, schemas);
  }
  return { ok: false, message: "unreachable" };
}
