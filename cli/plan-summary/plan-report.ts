/**
 * Turns terraform plans into the shared report: terraform's own verdict per resource (actions,
 * action_reason, replace_paths), with sensitive values hidden as the plan marks them.
 */
import diff from "microdiff";
import { displayValue, formatAttributePath, formatChange, looksSecret, SENSITIVE, UNKNOWN, type PathSegment } from "../review/display";
import { documentChanges } from "../review/json-documents";
import { importReason } from "../review/lifecycle";
import { UserError } from "../kit/errors";
import { leaves } from "../../tfjson/json";
import type { AttributeChange, ChangeAction, Report, ResourceChange, StackReport } from "../review/report";
import type { PlanFile, PlanResourceChange } from "./plan-file";

const REASONS: Readonly<Record<string, string>> = {
  replace_because_cannot_update: "an argument cannot be updated in place",
  replace_because_tainted: "the object is tainted",
  replace_by_request: "replacement was requested (-replace)",
  replace_by_triggers: "replace_triggered_by fired",
  delete_because_no_resource_config: "the resource is no longer in the configuration",
  delete_because_no_module: "its module is no longer in the configuration",
  delete_because_wrong_repetition: "count/for_each changed how the resource repeats",
  delete_because_count_index: "its count index is out of range",
  delete_because_each_key: "its for_each key is gone",
  delete_because_no_move_target: "a moved block points at nothing",
  read_because_config_unknown: "its configuration is only known after apply",
  read_because_dependency_pending: "a dependency has pending changes",
};

/** Terraform's actions as one report action; scanning for "delete" first so no deletion is missed. */
export function actionOf(actions: readonly string[]): ChangeAction | "no-op" {
  const key = actions.join(",");
  if (key === "delete,create" || key === "create,delete") return "replace";
  if (actions.includes("delete")) return "delete";
  if (key === "no-op") return "no-op";
  if (key === "create" || key === "read" || key === "update" || key === "forget") return key;
  // An action list this tool does not know yet: say "may be replaced" rather than hide it.
  return "maybe-replace";
}

/** Is the value at `path` marked in a `*_sensitive` / `after_unknown` mask (true at it or above it)? */
export function markedAt(mask: unknown, path: readonly PathSegment[]): boolean {
  let node = mask;
  for (const segment of path) {
    if (node === true) return true;
    if (typeof node !== "object" || node === null) return false;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node === true;
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let node = value;
  for (const segment of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function overlaps(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

function attributeChanges(rc: PlanResourceChange): AttributeChange[] {
  const { before, after, after_unknown: unknown, before_sensitive, after_sensitive, replace_paths } = rc.change;
  const asRecord = (v: unknown) => (typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {});
  const paths: PathSegment[][] = diff(asRecord(before), asRecord(after)).map((d) => d.path);
  // Values only known after apply are absent from `after`; list the ones the diff did not catch.
  for (const leaf of leaves(unknown)) {
    if (leaf.value === true && !paths.some((p) => overlaps(p, leaf.path))) paths.push([...leaf.path]);
  }
  return paths.flatMap((path): AttributeChange[] => {
    const shown = { path: formatAttributePath(path), forcesReplacement: (replace_paths ?? []).some((p) => overlaps(p, path)) };
    const hidden = markedAt(before_sensitive, path) || markedAt(after_sensitive, path) || looksSecret(path);
    if (hidden || markedAt(unknown, path)) {
      return [{
        ...shown,
        before: markedAt(before_sensitive, path) ? SENSITIVE : displayValue(path, valueAt(before, path)),
        after: markedAt(after_sensitive, path) ? SENSITIVE : markedAt(unknown, path) ? UNKNOWN : displayValue(path, valueAt(after, path)),
      }];
    }
    // A JSON document in a string (a policy) changes key by key (review/json-documents.ts).
    const inside = documentChanges(valueAt(before, path), valueAt(after, path));
    if (inside) return inside.map((change) => ({ ...shown, inside: change.inside, ...formatChange(change.before, change.after) }));
    return [{ ...shown, ...formatChange(valueAt(before, path), valueAt(after, path)) }];
  });
}

function reasonsOf(rc: PlanResourceChange, action: ChangeAction): string[] {
  const reasons: string[] = [];
  if (rc.action_reason) {
    const meaning = REASONS[rc.action_reason];
    reasons.push(`action_reason: ${rc.action_reason}${meaning ? ` (${meaning})` : ""}`);
  }
  if (action === "replace") {
    reasons.push(rc.change.actions[0] === "create" ? "create before destroy" : "destroy before create");
  }
  if (action === "maybe-replace") reasons.push(`unrecognized actions [${rc.change.actions.join(", ")}]`);
  if (action === "forget") reasons.push("removed from state only: the object keeps running");
  if (rc.change.importing) reasons.push(importReason(rc.change.importing.id ?? "(an identity)"));
  return reasons;
}

function stackReport(planFile: PlanFile): StackReport {
  const changes: ResourceChange[] = [];
  let unchanged = 0;
  for (const rc of planFile.plan.resource_changes ?? []) {
    const planned = actionOf(rc.change.actions);
    // An import with nothing to change plans "no-op" and would vanish from the report: it is not nothing.
    const action = planned === "no-op" && rc.change.importing ? "import" : planned;
    if (action === "no-op") {
      if (rc.mode !== "data") unchanged++;
      continue;
    }
    const listAttributes = action === "update" || action === "replace" || action === "maybe-replace";
    changes.push({
      stack: planFile.stack,
      address: rc.address,
      type: rc.type,
      action,
      attributes: listAttributes ? attributeChanges(rc) : [],
      reasons: reasonsOf(rc, action),
    });
  }
  return { name: planFile.stack, status: changes.length ? "changed" : "unchanged", changes, unchanged };
}

export function planReport(planFiles: readonly PlanFile[]): Report {
  const seen = new Map<string, string>();
  for (const planFile of planFiles) {
    const other = seen.get(planFile.stack);
    if (other) throw new UserError(`two plan files for stack "${planFile.stack}": ${other} and ${planFile.file}`);
    seen.set(planFile.stack, planFile.file);
  }
  const stacks = [...planFiles].sort((a, b) => a.stack.localeCompare(b.stack)).map(stackReport);
  return { source: "plan", stacks };
}
