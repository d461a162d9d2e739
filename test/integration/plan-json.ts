/**
 * The parts of `terraform show -json <plan>` the tier reads (developer.hashicorp.com/terraform/internals/json-format).
 * Unknown fields are ignored; an unknown major format version is rejected.
 */

export interface PlanResourceChange {
  readonly address: string;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  readonly index?: number | string;
  readonly provider_name: string;
  readonly change: {
    readonly actions: readonly string[];
    readonly before: unknown;
    readonly after: unknown;
    readonly after_unknown?: unknown;
    readonly after_sensitive?: unknown;
    readonly replace_paths?: readonly (readonly (string | number)[])[];
  };
  readonly action_reason?: string;
}

export interface PlanOutputChange {
  readonly actions: readonly string[];
  readonly after?: unknown;
  readonly after_unknown?: unknown;
  readonly after_sensitive?: unknown;
}

export interface PlanJson {
  readonly format_version: string;
  readonly terraform_version: string;
  readonly resource_changes?: readonly PlanResourceChange[];
  readonly output_changes?: Readonly<Record<string, PlanOutputChange>>;
  readonly configuration?: unknown;
  readonly errored?: boolean;
}

/** What terraform will do to one managed resource, in the words `review` uses. */
export type TerraformAction = "create" | "update" | "replace" | "delete" | "none" | "forget";

export function parsePlanJson(text: string): PlanJson {
  const plan = JSON.parse(text) as PlanJson;
  if (!/^1\./.test(String(plan.format_version))) {
    throw new Error(`unsupported plan JSON format_version ${plan.format_version} (expected 1.x)`);
  }
  return plan;
}

export function actionOf(actions: readonly string[]): TerraformAction {
  const key = actions.join(",");
  if (key === "create") return "create";
  if (key === "update") return "update";
  if (key === "delete") return "delete";
  if (key === "delete,create" || key === "create,delete") return "replace";
  if (key === "forget") return "forget";
  return "none";
}

export function managedChanges(plan: PlanJson): PlanResourceChange[] {
  return (plan.resource_changes ?? []).filter((change) => change.mode === "managed");
}

export interface ActionCounts {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
}

/** Counted as terraform's summary line counts them: a replacement is one add and one destroy. */
export function countActions(plan: PlanJson): ActionCounts {
  let add = 0;
  let change = 0;
  let destroy = 0;
  for (const resource of managedChanges(plan)) {
    const action = actionOf(resource.change.actions);
    if (action === "create" || action === "replace") add++;
    if (action === "delete" || action === "replace") destroy++;
    if (action === "update") change++;
  }
  return { add, change, destroy };
}
