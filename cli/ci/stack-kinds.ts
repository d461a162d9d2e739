/**
 * What each stack of the app is, for CI: which wave applies it and in which GitHub environment. Taken
 * from the typed config and the naming module (the same loop that composes the stacks), never parsed
 * out of stack names.
 */
import type { RegionsConfig } from "../../config/schema/regions";
import { accountResourceNames, bootstrapResourceNames } from "../../domain/naming";
import { workspaceSpecs } from "../../domain/workspaces";

export type StackKind =
  | { readonly kind: "account"; readonly environment: string }
  | { readonly kind: "workspace" | "config"; readonly environment: string; readonly protected: boolean };

/**
 * The environment whose protection (required reviewers) gates account-wide applies: the first
 * `protected` environment in regions.yaml order, else the first one. One account stack serves every
 * environment, so it is gated like the most careful of them.
 */
export function accountEnvironment(config: Pick<RegionsConfig, "environments">): string {
  const environments = Object.entries(config.environments);
  return (environments.find(([, settings]) => settings.protected) ?? environments[0])[0];
}

/** Stack name → what it is, for every stack `composeStacks` builds that CI applies. */
export function stackKinds(config: RegionsConfig): Map<string, StackKind> {
  const kinds = new Map<string, StackKind>([[accountResourceNames(config).stack, { kind: "account", environment: accountEnvironment(config) }]]);
  for (const spec of workspaceSpecs(config)) {
    if (spec.decommissioning) continue;
    const common = { environment: spec.environment, protected: spec.settings.protected };
    kinds.set(spec.names.stack, { kind: "workspace", ...common });
    kinds.set(spec.names.configStack, { kind: "config", ...common });
  }
  return kinds;
}

/**
 * Stacks the app synthesizes that CI never applies, and why (shown in the deploy summary). The
 * bootstrap stack holds the roles CI assumes: applying it from CI would let CI change its own trust.
 */
export function neverAppliedStacks(config: RegionsConfig): Map<string, string> {
  const never = new Map<string, string>([[bootstrapResourceNames(config).stack, "the bootstrap stack holds the state bucket and the roles CI assumes: an administrator applies it (docs/ci.md, Bootstrap)"]]);
  for (const spec of workspaceSpecs(config)) {
    if (spec.decommissioning) for (const stack of [spec.names.stack, spec.names.configStack]) never.set(stack, DECOMMISSIONING_REASON);
  }
  return never;
}

/**
 * Why CI never applies a stack of a region being decommissioned: someone destroys it by hand, and an
 * apply after (or during) that destroy would build the region again.
 */
export const DECOMMISSIONING_REASON =
  "its region is being decommissioned: it is destroyed with `cdktf destroy` by hand (config stacks first), and an apply would build it again (docs/lifecycle.md)";
