import type { App } from "cdktf";
import type { RegionsConfig } from "../config/schema/regions";
import { accountResourceNames } from "../domain/naming";
import { workspaceSpecs } from "../domain/workspaces";
import { AccountStack } from "./stacks/account-stack";
import { ConfigStack } from "./stacks/config-stack";
import type { RegionStacks } from "./stacks/data-layer";
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
  const specs = workspaceSpecs(config);
  const workspaces = specs.map((spec) => new WorkspaceStack(app, config, spec, account));
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
    return new ConfigStack(app, config, spec, workspaces[i], region);
  });
  return { account, workspaces, configs };
}

/** The stack names `composeStacks` creates, without building them. */
export function stackNames(config: RegionsConfig): string[] {
  const workspaces = workspaceSpecs(config).flatMap((spec) => [spec.names.stack, spec.names.configStack]);
  return [accountResourceNames(config).stack, ...workspaces];
}
