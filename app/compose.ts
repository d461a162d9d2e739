import type { App } from "cdktf";
import type { RegionsConfig } from "../config/schema/regions";
import { accountResourceNames, bootstrapResourceNames } from "../domain/naming";
import { workspaceSpecs } from "../domain/workspaces";
import { AccountStack } from "./stacks/account-stack";
import { BootstrapStack } from "./stacks/bootstrap-stack";
import { ConfigStack } from "./stacks/config-stack";
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
  const workspaces: WorkspaceStack[] = [];
  const configs: ConfigStack[] = [];
  for (const spec of workspaceSpecs(config)) {
    const workspace = new WorkspaceStack(app, config, spec, account, backend);
    workspaces.push(workspace);
    configs.push(new ConfigStack(app, config, spec, workspace, backend));
  }
  return { bootstrap, account, workspaces, configs };
}

/** The stack names `composeStacks` creates, without building them. */
export function stackNames(config: RegionsConfig): string[] {
  const workspaces = workspaceSpecs(config).flatMap((spec) => [spec.names.stack, spec.names.configStack]);
  return [bootstrapResourceNames(config).stack, accountResourceNames(config).stack, ...workspaces];
}
