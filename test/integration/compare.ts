/**
 * `review`'s prediction against terraform's verdict, per AWS resource. Pure: a review report and
 * terraform's verdicts in, rows out. Only AWS resources are compared (the Databricks half cannot
 * be planned here); a resource both sides leave alone is counted, not listed.
 *
 * Agreement: the same action; for a replacement also the same force-new attributes (review's
 * `forcesReplacement` paths = terraform's `replace_paths`, list indices ignored); and the same
 * prevent_destroy refusal. Review's `maybe-replace` ("cannot tell") agrees with replace or update;
 * its `orphan` (the stack left the synth, so no deploy runs terraform for it) agrees with terraform
 * planning nothing.
 */
import type { ChangeAction, Report, ResourceChange } from "../../cli/review/report";
import { actionOf, type PlanJson, type TerraformAction } from "./plan-json";

export interface TerraformVerdict {
  readonly action: TerraformAction;
  /** `replace_paths`, as dotted attribute paths without indices. */
  readonly replacePaths: readonly string[];
  /** Attributes whose value changes (before ≠ after, or only known after apply). */
  readonly changedPaths: readonly string[];
  /** terraform refused the plan for this resource: lifecycle.prevent_destroy. */
  readonly refused: boolean;
}

export interface ComparisonRow {
  readonly stack: string;
  readonly address: string;
  readonly type: string;
  readonly review: string;
  readonly terraform: string;
  /** false: a mismatch. A row whose difference only the copy's placeholders explain agrees, with a note. */
  readonly agree: boolean;
  /** Why they disagree, naming the attribute(s). */
  readonly problem?: string;
  /** What could not be checked, and why. */
  readonly note?: string;
}

export interface StackComparison {
  readonly rows: readonly ComparisonRow[];
  /** AWS resources both sides leave unchanged. */
  readonly unchanged: number;
}

type ReviewAction = ChangeAction | "none";

/** `subnet_ids[1]` → `subnet_ids`; `tags.Team` stays. */
export function normalizePath(path: string): string {
  return path.replace(/\[[^\]]*\]/g, "").replace(/\.{2,}/g, ".").replace(/^\.|\.$/g, "");
}

function pathText(segments: readonly (string | number)[]): string {
  return normalizePath(segments.map((s) => (typeof s === "number" ? `[${s}]` : `.${s}`)).join(""));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Changed attribute paths, down to map keys (`tags_all.CostCenter`), lists as a whole. */
export function changedPaths(before: unknown, after: unknown, unknown: unknown, prefix = ""): string[] {
  if (unknown === true) return prefix ? [prefix] : [];
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after), ...(isRecord(unknown) ? Object.keys(unknown) : [])])].sort();
    return keys.flatMap((key) => changedPaths(before[key], after[key], isRecord(unknown) ? unknown[key] : undefined, prefix ? `${prefix}.${key}` : key));
  }
  const unknownInside = JSON.stringify(unknown ?? null).includes("true");
  if (JSON.stringify(before ?? null) !== JSON.stringify(after ?? null) || unknownInside) return prefix ? [prefix] : [];
  return [];
}

const STREAM_ACTIONS: Readonly<Record<string, TerraformAction>> = {
  create: "create", update: "update", replace: "replace", delete: "delete", remove: "forget", forget: "forget",
};

/**
 * Verdicts from terraform's streamed `planned_change` messages: actions only (no replace_paths, no
 * attributes). Enough where actions agree and nothing is replaced; otherwise the full plan is read.
 */
export function verdictsFromStream(
  changes: readonly { readonly address: string; readonly action: string }[],
  refused: readonly string[] = [],
): Map<string, TerraformVerdict> {
  const verdicts = new Map<string, TerraformVerdict>();
  for (const change of changes) {
    const action = STREAM_ACTIONS[change.action];
    if (!action || change.address.startsWith("data.")) continue;
    verdicts.set(change.address, { action, replacePaths: [], changedPaths: [], refused: refused.includes(change.address) });
  }
  for (const address of refused) {
    if (!verdicts.has(address)) verdicts.set(address, { action: "delete", replacePaths: [], changedPaths: [], refused: true });
  }
  return verdicts;
}

/** terraform's verdict for every managed resource of a plan, by address. */
export function terraformVerdicts(plan: PlanJson, refused: readonly string[] = []): Map<string, TerraformVerdict> {
  const verdicts = new Map<string, TerraformVerdict>();
  for (const change of plan.resource_changes ?? []) {
    if (change.mode !== "managed") continue;
    const action = actionOf(change.change.actions);
    verdicts.set(change.address, {
      action,
      replacePaths: [...new Set((change.change.replace_paths ?? []).map(pathText))].sort(),
      changedPaths: action === "update" || action === "replace" ? changedPaths(change.change.before, change.change.after, change.change.after_unknown) : [],
      refused: refused.includes(change.address),
    });
  }
  for (const address of refused) {
    if (!verdicts.has(address)) verdicts.set(address, { action: "delete", replacePaths: [], changedPaths: [], refused: true });
  }
  return verdicts;
}

function reviewForcePaths(change: ResourceChange): string[] {
  return [...new Set(change.attributes.filter((a) => a.forcesReplacement).map((a) => normalizePath(a.path)))].sort();
}

function describeReview(action: ReviewAction, change: ResourceChange | undefined): string {
  if (!change) return "none";
  const paths = action === "replace" ? reviewForcePaths(change) : [];
  return `${action}${paths.length ? ` [${paths.join(", ")}]` : ""}${change.blocked ? " (blocked)" : ""}`;
}

function describeTerraform(verdict: TerraformVerdict): string {
  const paths = verdict.action === "replace" ? verdict.replacePaths : [];
  return `${verdict.action}${paths.length ? ` [${paths.join(", ")}]` : ""}${verdict.refused ? " (refused)" : ""}`;
}

const list = (paths: readonly string[]) => (paths.length ? paths.join(", ") : "none");

const topLevel = (path: string) => path.split(/[.[]/)[0];

const unchecked = (paths: readonly string[]) =>
  `${list(paths)} come${paths.length === 1 ? "s" : ""} from Databricks/remote-state placeholders in the AWS-only copy, which never change: not checked`;

interface Verdict {
  readonly problem?: string;
  readonly note?: string;
}

function verdictOf(action: ReviewAction, change: ResourceChange | undefined, verdict: TerraformVerdict, fed: ReadonlySet<string>): Verdict {
  const isFed = (path: string) => fed.has(topLevel(path));
  const actionsAgree =
    action === verdict.action ||
    (action === "maybe-replace" && (verdict.action === "replace" || verdict.action === "update")) ||
    (action === "orphan" && verdict.action === "none");
  if (!actionsAgree) {
    // Review sees a change terraform cannot: every attribute behind it is a placeholder in the copy.
    const behind = action === "replace" ? reviewForcePaths(change!) : (change?.attributes ?? []).map((a) => a.path);
    const weaker = (action === "replace" && (verdict.action === "update" || verdict.action === "none")) || (action === "update" && verdict.action === "none");
    if (weaker && behind.length && behind.every(isFed)) return { note: unchecked(behind) };
    const attributes = verdict.changedPaths.length ? `; terraform changes ${list(verdict.changedPaths)}` : "";
    const predicted = change?.attributes.length ? `; review saw ${list(change.attributes.map((a) => a.path))}` : "";
    return { problem: `review predicts ${action}, terraform plans ${verdict.action}${attributes}${predicted}` };
  }
  let note: string | undefined;
  if (action === "replace" && change) {
    const predicted = reviewForcePaths(change);
    const missing = verdict.replacePaths.filter((p) => !predicted.includes(p));
    const extra = predicted.filter((p) => !verdict.replacePaths.includes(p));
    const extraUnchecked = extra.filter(isFed);
    const extraWrong = extra.filter((p) => !isFed(p));
    if (missing.length || extraWrong.length) {
      return {
        problem: [
          missing.length ? `terraform replaces because of ${list(missing)}, which review does not mark force-new` : "",
          extraWrong.length ? `review marks ${list(extraWrong)} force-new, terraform's replace_paths do not` : "",
        ].filter(Boolean).join("; "),
      };
    }
    if (extraUnchecked.length) note = `force-new ${unchecked(extraUnchecked)}`;
  }
  const blocked = change?.blocked !== undefined;
  if (blocked !== verdict.refused) {
    return {
      problem: blocked ? "review says prevent_destroy blocks it, terraform does not refuse" : "terraform refuses (prevent_destroy), review does not say blocked",
    };
  }
  return note ? { note } : {};
}

/**
 * One stack: review's changes for it (AWS types only) against terraform's verdicts. `awsAddresses`
 * are the resources of the AWS-only copies, the only ones terraform can speak for.
 */
export function compareStack(
  stack: string,
  reviewChanges: readonly ResourceChange[],
  verdicts: ReadonlyMap<string, TerraformVerdict>,
  awsAddresses: ReadonlySet<string>,
  placeholderFed: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): StackComparison {
  const predicted = new Map(reviewChanges.filter((c) => awsAddresses.has(c.address)).map((c) => [c.address, c]));
  const rows: ComparisonRow[] = [];
  let unchanged = 0;
  for (const address of [...awsAddresses].sort()) {
    const change = predicted.get(address);
    const verdict = verdicts.get(address) ?? { action: "none" as const, replacePaths: [], changedPaths: [], refused: false };
    const action: ReviewAction = change?.action ?? "none";
    if (action === "none" && verdict.action === "none" && !verdict.refused) {
      unchanged++;
      continue;
    }
    const { problem, note } = verdictOf(action, change, verdict, placeholderFed.get(address) ?? new Set());
    rows.push({
      stack, address, type: address.split(".")[0], review: describeReview(action, change), terraform: describeTerraform(verdict),
      agree: problem === undefined, ...(problem ? { problem } : {}), ...(note ? { note } : {}),
    });
  }
  return { rows, unchanged };
}

/** Review's changes of one stack, from its report. */
export function reviewChangesOf(report: Report, stack: string): readonly ResourceChange[] {
  return report.stacks.find((s) => s.name === stack)?.changes ?? [];
}
