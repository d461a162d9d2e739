import type { App } from "cdktf";
import type { RegionsConfig } from "../config/schema/regions";
import { accountResourceNames } from "../domain/naming";
import { workspaceSpecs } from "../domain/workspaces";
import { AccountStack } from "./stacks/account-stack";
import { ConfigStack } from "./stacks/config-stack";
import { WorkspaceStack } from "./stacks/workspace-stack";

export interface ComposedStacks {
  readonly account: AccountStack;
  readonly workspaces: readonly WorkspaceStack[];
  readonly configs: readonly ConfigStack[];
}

/**
 * Every stack of the app, from one loop over the typed regions: never a copied block per
 * environment. Cross-stack references (account → workspace → config) give cdktf the deploy order.
 */
export function composeStacks(app: App, config: RegionsConfig): ComposedStacks {
  const account = new AccountStack(app, config);
  const workspaces: WorkspaceStack[] = [];
  const configs: ConfigStack[] = [];
  for (const spec of workspaceSpecs(config)) {
    const workspace = new WorkspaceStack(app, config, spec, account);
    workspaces.push(workspace);
    configs.push(new ConfigStack(app, config, spec, workspace));
  }
  return { account, workspaces, configs };
}

/** The stack names `composeStacks` creates, without building them. */
export function stackNames(config: RegionsConfig): string[] {
  const workspaces = workspaceSpecs(config).flatMap((spec) => [spec.names.stack, spec.names.configStack]);
  return [accountResourceNames(config).stack, ...workspaces];
}
