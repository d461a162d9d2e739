/**
 * The report both plan-review tools produce: `review` (from two synthesized cdktf.out folders) and
 * `plan-summary` (from `terraform show -json` plans). One shape, so one renderer and one exit-code rule.
 *
 * Every value in a report is already a display string with secrets redacted: a report can be printed,
 * posted or serialized without another check.
 */

/**
 * `maybe-replace`: the tool cannot tell (a type missing from the force-new table, or a force-new
 * argument fed by a data source whose inputs changed). It counts as destructive: a reviewer must look.
 * `forget`: terraform drops the object from state but leaves it running (not destructive).
 */
export type ChangeAction = "create" | "update" | "replace" | "maybe-replace" | "delete" | "read" | "forget";

export interface AttributeChange {
  /** `tags.Team`, `subnet_ids[1]` */
  readonly path: string;
  /** For an attribute holding a JSON document (a policy): the key that changed inside it, `num_workers.maxValue`. */
  readonly inside?: string;
  readonly before: string;
  readonly after: string;
  /** This attribute is (one of) the reason the resource is replaced. */
  readonly forcesReplacement: boolean;
}

export interface ResourceChange {
  readonly stack: string;
  /** Terraform address inside its stack: `aws_s3_bucket.root_bucket`. */
  readonly address: string;
  readonly type: string;
  readonly action: ChangeAction;
  readonly attributes: readonly AttributeChange[];
  /** Why: a replacement chain, terraform's action_reason, "type not in the force-new table"… */
  readonly reasons: readonly string[];
  /** Set when terraform will refuse to carry the change out (lifecycle.prevent_destroy). */
  readonly blocked?: string;
}

/**
 * `renamed`: the stack's name changed (renames.ts), so its state key changes too. Its changes are
 * predicted as if the state were moved to the new key; without that move terraform creates every
 * resource anew and leaves the old stack's resources running, unmanaged.
 */
export type StackStatus = "added" | "removed" | "changed" | "unchanged" | "renamed";

export interface StackReport {
  readonly name: string;
  readonly status: StackStatus;
  /** For `renamed`: the name in the base. */
  readonly renamedFrom?: string;
  readonly changes: readonly ResourceChange[];
  /** Resources present on both sides and left alone. */
  readonly unchanged: number;
}

export interface Report {
  /** What the report was built from, for the headline. */
  readonly source: "synth-diff" | "plan";
  readonly stacks: readonly StackReport[];
}

export type ChangeCounts = Record<ChangeAction, number>;

const DESTRUCTIVE: ReadonlySet<ChangeAction> = new Set(["replace", "maybe-replace", "delete"]);

/**
 * Types whose replacement destroys nothing: a `time_sleep` holds no infrastructure, replacing it only
 * waits again. The app's IAM-propagation wait is triggered by the role policy, which terraform re-reads
 * during apply whenever a tagged resource it names changes, so every cost-tag change replaces it.
 */
export const HARMLESS_TO_REPLACE: ReadonlySet<string> = new Set(["time_sleep"]);

export function isReplacement(change: ResourceChange): boolean {
  return change.action === "replace" || change.action === "maybe-replace";
}

export function isDestructive(change: ResourceChange): boolean {
  return DESTRUCTIVE.has(change.action) && !(isReplacement(change) && HARMLESS_TO_REPLACE.has(change.type));
}

export function emptyCounts(): ChangeCounts {
  return { create: 0, update: 0, replace: 0, "maybe-replace": 0, delete: 0, read: 0, forget: 0 };
}

export function countChanges(changes: readonly ResourceChange[]): ChangeCounts {
  const counts = emptyCounts();
  for (const change of changes) counts[change.action]++;
  return counts;
}

export function allChanges(report: Report): ResourceChange[] {
  return report.stacks.flatMap((stack) => stack.changes);
}

export function destructiveChanges(report: Report): ResourceChange[] {
  return allChanges(report).filter(isDestructive);
}

/** 0: nothing destructive (or allowed), 2: something is replaced or deleted. 1 is left for errors. */
export function exitCodeFor(report: Report, allowDestroy: boolean): 0 | 2 {
  return !allowDestroy && destructiveChanges(report).length > 0 ? 2 : 0;
}

/** Destructive changes first (deletions, replacements, maybes), then the rest, each by stack and address. */
export function sortChanges(changes: readonly ResourceChange[]): ResourceChange[] {
  const rank: Record<ChangeAction, number> = {
    delete: 0, replace: 1, "maybe-replace": 2, update: 3, create: 4, forget: 5, read: 6,
  };
  return [...changes].sort(
    (a, b) => rank[a.action] - rank[b.action] || a.stack.localeCompare(b.stack) || a.address.localeCompare(b.address),
  );
}

/** The machine-readable form printed by `--format json`. */
export function reportToJson(report: Report, allowDestroy: boolean): string {
  const total = countChanges(allChanges(report));
  return JSON.stringify(
    {
      source: report.source,
      destructive: destructiveChanges(report).length > 0,
      exitCode: exitCodeFor(report, allowDestroy),
      totals: total,
      stacks: report.stacks.map((stack) => ({
        name: stack.name,
        status: stack.status,
        ...(stack.renamedFrom ? { renamedFrom: stack.renamedFrom } : {}),
        unchanged: stack.unchanged,
        counts: countChanges(stack.changes),
        changes: sortChanges(stack.changes),
      })),
    },
    null,
    2,
  );
}
