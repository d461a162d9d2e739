/**
 * Which stacks a `review --format json` report says a change touches. The workflows read the report
 * (never the markdown), so its shape is checked here and a report of another shape is refused with a
 * line that says what was expected, not turned into an empty list that plans or applies nothing.
 */
import { UserError } from "../kit/errors";
import type { StackStatus } from "../review/report";

export interface ReviewStacks {
  /** Added, changed or renamed: what terraform must plan. */
  readonly changed: readonly string[];
  /** Renamed stacks: new name → the name in the base. Their state must be moved before an apply. */
  readonly renamed: ReadonlyMap<string, string>;
  /** In the base only: their code is gone, their resources are not. */
  readonly removed: readonly string[];
  /** Of a region being decommissioned (`decommission: true`): destroyed by hand, never applied. */
  readonly decommissioning: readonly string[];
}

const STATUSES: ReadonlySet<StackStatus> = new Set(["added", "removed", "changed", "unchanged", "renamed", "decommissioning"]);
const TO_PLAN: ReadonlySet<StackStatus> = new Set(["added", "changed", "renamed"]);

interface ReviewedStack {
  readonly name: string;
  readonly status: StackStatus;
  readonly renamedFrom?: string;
}

function reviewedStack(value: unknown, index: number, file: string): ReviewedStack {
  const entry = value as Partial<ReviewedStack> | null;
  if (typeof entry?.name !== "string" || !STATUSES.has(entry.status as StackStatus)) {
    throw new UserError(`${file}: stacks[${index}] is not a reviewed stack (expected {name, status: ${[...STATUSES].join("|")}}), found ${JSON.stringify(value)}`);
  }
  return entry as ReviewedStack;
}

/** The stacks of a review report (`npm run review -- --format json`); `file` names it in messages. */
export function reviewStacks(text: string, file: string): ReviewStacks {
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file}: not a review report (JSON): ${(error as Error).message}`);
  }
  const stacks = (report as { stacks?: unknown } | null)?.stacks;
  if (!Array.isArray(stacks)) throw new UserError(`${file}: not a review report: expected a "stacks" list (npm run review -- --format json)`);
  const reviewed = stacks.map((stack, index) => reviewedStack(stack, index, file));
  return {
    changed: reviewed.filter((stack) => TO_PLAN.has(stack.status)).map((stack) => stack.name),
    renamed: new Map(reviewed.filter((stack) => stack.status === "renamed").map((stack) => [stack.name, stack.renamedFrom ?? "?"])),
    removed: reviewed.filter((stack) => stack.status === "removed").map((stack) => stack.name),
    decommissioning: reviewed.filter((stack) => stack.status === "decommissioning").map((stack) => stack.name),
  };
}
