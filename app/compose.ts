import type { App } from "cdktf";
import type { RegionsConfig } from "../config/schema/regions";
import { accountResourceNames, bootstrapResourceNames } from "../domain/naming";
import { workspaceSpecs } from "../domain/workspaces";
import { AccountStack } from "./stacks/account-stack";
import { BootstrapStack } from "./stacks/bootstrap-stack";
import { ConfigStack } from "./stacks/config-stack";
import type { RegionStacks } from "./stacks/data-layer";
import { DEFAULT_OUTPUT_LAYOUT, stateBackendOf, type OutputLayout } from "./stacks/state-backend";
import { WorkspaceStack } from "./stacks/workspace-stack";

export interface ComposedStacks {
  readonly bootstrap: BootstrapStack;
  readonly account: AccountStack;
  readonly workspaces: readonly WorkspaceStack[];
  readonly configs: readonly ConfigStack[];
}

/**
 * Every stack of the app, from one loop over the typed regions: never a copied block per
 * environment. Cross-stack references (account → workspace → config) give cdktf the deploy order;
 * the bootstrap stack references none and is referenced by none (it is applied by an administrator).
 * `layout` places local state files (no `state:` block) where every reader finds them.
 */
export function composeStacks(app: App, config: RegionsConfig, layout: OutputLayout = DEFAULT_OUTPUT_LAYOUT): ComposedStacks {
  const backend = stateBackendOf(config, layout);
  const bootstrap = new BootstrapStack(app, config, backend);
  const account = new AccountStack(app, config, backend);
  const specs = workspaceSpecs(config);
  const workspaces = specs.map((spec) => new WorkspaceStack(app, config, spec, account, backend));
  // A config stack may reach the other workspaces of its region (a data bucket several environments
  // share is bound to each of them), so every workspace stack exists before the first config stack.
  const workspaceOf = (awsRegion: string, environment: string): WorkspaceStack =>
    workspaces[specs.findIndex((spec) => spec.awsRegion === awsRegion && spec.environment === environment)];
  const configs = specs.map((spec, i) => {
    const region: RegionStacks = {
      metastoreId: account.metastoreId(spec.awsRegion),
      workspaceId: (environment) => workspaceOf(spec.awsRegion, environment).workspaceId,
      servicePrincipalApplicationId: (environment, role) => workspaceOf(spec.awsRegion, environment).servicePrincipal(role).applicationId,
    };
    return new ConfigStack(app, config, spec, workspaces[i], backend, region);
  });
  return { bootstrap, account, workspaces, configs };
}

/** The stack names `composeStacks` creates, without building them. */
export function stackNames(config: RegionsConfig): string[] {
  const workspaces = workspaceSpecs(config).flatMap((spec) => [spec.names.stack, spec.names.configStack]);
  return [bootstrapResourceNames(config).stack, accountResourceNames(config).stack, ...workspaces];
}
