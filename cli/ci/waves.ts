/**
 * The deploy workflow's waves: which stacks each apply job takes, in which GitHub environment.
 *
 * Order (each wave `needs` every earlier one, so a failure stops everything after it):
 * the account stack; then the workspaces and then the config stacks of the unprotected environments
 * (dev); then the same two waves for the protected environments (prod), behind their environments'
 * required reviewers. An environment's config stacks read its workspaces' outputs, and prod starts
 * only once dev went through completely.
 */
import { UserError } from "../kit/errors";
import type { ReviewStacks } from "./review-stacks";
import { DECOMMISSIONING_REASON, type StackKind } from "./stack-kinds";

/** One matrix leg of an apply job. `environment` is the GitHub environment the job runs in. */
export interface Leg {
  readonly stack: string;
  readonly environment: string;
}

export interface WaveDefinition {
  /** The job output (and, with `-` for `_`, the job id) in deploy.yml. */
  readonly key: string;
  readonly title: string;
  readonly takes: (kind: StackKind) => boolean;
}

export const WAVES: readonly WaveDefinition[] = [
  { key: "account", title: "account stack", takes: (k) => k.kind === "account" },
  { key: "workspaces_unprotected", title: "workspaces, unprotected environments", takes: (k) => k.kind === "workspace" && !k.protected },
  { key: "configs_unprotected", title: "workspace configuration, unprotected environments", takes: (k) => k.kind === "config" && !k.protected },
  { key: "workspaces_protected", title: "workspaces, protected environments", takes: (k) => k.kind === "workspace" && k.protected },
  { key: "configs_protected", title: "workspace configuration, protected environments", takes: (k) => k.kind === "config" && k.protected },
];

export interface NotApplied {
  readonly stack: string;
  readonly reason: string;
}

export interface DeployWaves {
  /** Wave key → its legs, in WAVES order; a wave with no leg is skipped by the workflow. */
  readonly waves: ReadonlyMap<string, readonly Leg[]>;
  /** Stacks the change touches that CI does not apply, and why: shown in the run's summary. */
  readonly notApplied: readonly NotApplied[];
}

export interface WaveInputs {
  /** Every stack CI applies (stack-kinds.ts), in composition order. */
  readonly kinds: ReadonlyMap<string, StackKind>;
  /** Stacks synthesized but deliberately never applied by CI, with the reason. */
  readonly neverApplied: ReadonlyMap<string, string>;
  /** The stacks in cdktf.out. */
  readonly synthesized: readonly string[];
  /** `all`: every stack (a dispatch with "all"); else the stacks a review says changed. */
  readonly selection: "all" | ReviewStacks;
}

export function deployWaves(inputs: WaveInputs): DeployWaves {
  const { kinds, neverApplied, synthesized, selection } = inputs;
  const unknown = synthesized.filter((stack) => !kinds.has(stack) && !neverApplied.has(stack));
  if (unknown.length) {
    throw new UserError(`cdktf.out has stacks no deploy wave takes: ${unknown.join(", ")} (add their kind to cli/ci/stack-kinds.ts)`);
  }
  const notApplied: NotApplied[] = [];
  let selected: Set<string>;
  if (selection === "all") {
    selected = new Set(synthesized.filter((stack) => kinds.has(stack)));
    for (const stack of synthesized) if (neverApplied.has(stack)) notApplied.push({ stack, reason: neverApplied.get(stack)! });
  } else {
    selected = new Set();
    for (const stack of selection.changed) {
      const renamedFrom = selection.renamed.get(stack);
      if (renamedFrom !== undefined) {
        notApplied.push({ stack, reason: `renamed from ${renamedFrom}: an apply would create every resource again; move the state first, then run the workflow with "all"` });
      } else if (neverApplied.has(stack)) {
        notApplied.push({ stack, reason: neverApplied.get(stack)! });
      } else if (!kinds.has(stack)) {
        throw new UserError(`the review lists stack ${stack}, which no deploy wave takes`);
      } else {
        selected.add(stack);
      }
    }
    for (const stack of selection.removed) {
      notApplied.push({ stack, reason: "removed from the app: its resources still exist; decommission them deliberately (terraform destroy of the old stack)" });
    }
    for (const stack of selection.decommissioning) notApplied.push({ stack, reason: neverApplied.get(stack) ?? DECOMMISSIONING_REASON });
  }
  const waves = new Map<string, Leg[]>(WAVES.map((wave) => [wave.key, []]));
  for (const [stack, kind] of kinds) {
    if (!selected.has(stack)) continue;
    const wave = WAVES.find((definition) => definition.takes(kind))!;
    waves.get(wave.key)!.push({ stack, environment: kind.environment });
  }
  return { waves, notApplied };
}

/** `key=value` lines for `$GITHUB_OUTPUT`: each wave's legs as one line of JSON, and `not_applied`. */
export function githubOutputs(plan: DeployWaves): string {
  const lines = [...plan.waves].map(([key, legs]) => `${key}=${JSON.stringify(legs)}`);
  const applied = [...plan.waves.values()].flat().map((leg) => leg.stack);
  lines.push(`stacks=${JSON.stringify(applied)}`, `not_applied=${JSON.stringify(plan.notApplied)}`);
  return `${lines.join("\n")}\n`;
}
