/**
 * The report both plan-review tools produce: `review` (from two synthesized cdktf.out folders) and
 * `plan-summary` (from `terraform show -json` plans). One shape, so one renderer and one exit-code rule.
 *
 * Every value in a report is already a display string with secrets redacted: a report can be printed,
 * posted or serialized without another check.
 */

import type { StateMove } from "./state-moves";

/**
 * `maybe-replace`: the tool cannot tell (a type missing from the force-new table, or a force-new
 * argument fed by a data source whose inputs changed). It counts as destructive: a reviewer must look.
 * `forget`: terraform drops the object from state but leaves it running (not destructive).
 * `import`: an existing object is adopted by an `import` block instead of being created.
 * `orphan`: the object's stack left the synth: no deploy plans it again, so it keeps running,
 * unmanaged. Not a deletion, but a reviewer must act on it (lifecycle.ts).
 */
export type ChangeAction = "create" | "import" | "update" | "replace" | "maybe-replace" | "delete" | "orphan" | "read" | "forget";

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
 * `decommissioning`: its region is marked `decommission: true`: `cdktf destroy` deletes all of it.
 */
export type StackStatus = "added" | "removed" | "changed" | "unchanged" | "renamed" | "decommissioning";

/**
 * Why a stack left the synth: `orphaned` without its region being decommissioned first (its
 * resources keep running, unmanaged); `after-decommission` once its region was (the resources are
 * gone if `cdktf destroy` finished).
 */
export type Removal = "orphaned" | "after-decommission";

export interface StackReport {
  readonly name: string;
  readonly status: StackStatus;
  /** For `renamed`: the name in the base. */
  readonly renamedFrom?: string;
  /** For `removed` stacks of the synth-diff: why it left (lifecycle.ts). */
  readonly removal?: Removal;
  readonly changes: readonly ResourceChange[];
  /** Resources present on both sides and left alone. */
  readonly unchanged: number;
}

/**
 * What happens to a whole region, told once at the top of the report: being decommissioned,
 * removed without that (its stacks orphaned), or removed after it (lifecycle.ts).
 */
export interface RegionNotice {
  readonly kind: "decommissioning" | "orphaned" | "removed-after-decommission";
  /** The AWS region, e.g. ap-southeast-2. */
  readonly region: string;
  readonly stacks: readonly string[];
  /** Resources in those stacks: destroyed by `cdktf destroy`, or left running unmanaged. */
  readonly resources: number;
  /**
   * `orphaned`: what the same change destroys elsewhere for this region (`<stack>/<address>`), e.g. its
   * metastore in the account stack, whose block went with the region's entry.
   */
  readonly alsoDestroyed: readonly string[];
}

/** A workspace adopted under the name it already had, not the convention's (`adopt.name`). */
export interface Adoption {
  readonly stack: string;
  readonly workspaceName: string;
  readonly conventionName: string;
}

export interface Report {
  /** What the report was built from, for the headline. */
  readonly source: "synth-diff" | "plan";
  readonly stacks: readonly StackReport[];
  /** Whole-region lifecycle events (synth-diff only). */
  readonly regions?: readonly RegionNotice[];
  /** The state each renamed stack must take along, and how (synth-diff only). */
  readonly stateMoves?: readonly StateMove[];
  /** Workspaces newly adopted under a pre-convention name (synth-diff only). */
  readonly adoptions?: readonly Adoption[];
}

export type ChangeCounts = Record<ChangeAction, number>;

/** A change's `blocked` text when lifecycle.prevent_destroy makes terraform refuse it. */
export const BLOCKED_BY_PREVENT_DESTROY = "blocked: terraform will refuse (prevent_destroy)";

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
  return { create: 0, import: 0, update: 0, replace: 0, "maybe-replace": 0, delete: 0, orphan: 0, read: 0, forget: 0 };
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

/** Stacks whose resources keep running unmanaged after this change (lifecycle.ts). */
export function orphanedStacks(report: Report): StackReport[] {
  return report.stacks.filter((stack) => stack.removal === "orphaned");
}

/**
 * 0: nothing destructive (or allowed); 2: something is replaced or deleted, or a stack is orphaned
 * (nothing is destroyed, but resources are left running unmanaged: as costly to miss). 1 is left for errors.
 */
export function exitCodeFor(report: Report, allowDestroy: boolean): 0 | 2 {
  return !allowDestroy && (destructiveChanges(report).length > 0 || orphanedStacks(report).length > 0) ? 2 : 0;
}

/** Destructive changes first (deletions, replacements, maybes), then the rest, each by stack and address. */
export function sortChanges(changes: readonly ResourceChange[]): ResourceChange[] {
  const rank: Record<ChangeAction, number> = {
    delete: 0, replace: 1, "maybe-replace": 2, orphan: 3, update: 4, import: 5, create: 6, forget: 7, read: 8,
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
      ...(report.regions?.length ? { regions: report.regions } : {}),
      ...(report.stateMoves?.length ? { stateMoves: report.stateMoves } : {}),
      ...(report.adoptions?.length ? { adoptions: report.adoptions } : {}),
      stacks: report.stacks.map((stack) => ({
        name: stack.name,
        status: stack.status,
        ...(stack.renamedFrom ? { renamedFrom: stack.renamedFrom } : {}),
        ...(stack.removal ? { removal: stack.removal } : {}),
        unchanged: stack.unchanged,
        counts: countChanges(stack.changes),
        changes: sortChanges(stack.changes),
      })),
    },
    null,
    2,
  );
}
