import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { RegionsConfig } from "../config/schema";
import { roleIn } from "../constructs/workspace-access";
import { WorkspaceEntitlements } from "../constructs/workspace-entitlements";
import type { WorkspaceSpec } from "../lib/workspaces";
import { databricksWorkspaceProvider } from "./providers";
import { configureStateBackend } from "./state-backend";
import type { WorkspaceStack } from "./workspace-stack";

/**
 * What lives inside one workspace (entitlements; later cluster policies and warehouses), applied
 * through a provider whose host is the workspace URL. The provider guide asks to keep creating a
 * workspace and configuring it in separate configurations; the URL arrives by cross-stack reference.
 */
export class ConfigStack extends TerraformStack {
  constructor(scope: Construct, config: RegionsConfig, spec: WorkspaceSpec, workspace: WorkspaceStack) {
    super(scope, spec.names.configStack);
    configureStateBackend(this, config.state, spec.names.configStack);
    databricksWorkspaceProvider(this, workspace.workspace.workspace.workspaceUrl);

    const groups = config.groups
      .filter((group) => roleIn(group, spec.environment) !== "none")
      .map((group) => ({
        name: group.name,
        kind: "group" as const,
        id: workspace.access.groupId(group.name),
        entitlements: group.entitlements,
      }));
    const servicePrincipals = config.servicePrincipals.map((principal) => ({
      name: principal.name,
      kind: "servicePrincipal" as const,
      id: workspace.servicePrincipals.get(principal.name)!.servicePrincipal.id,
      entitlements: principal.entitlements,
    }));
    new WorkspaceEntitlements(this, "entitlements", { principals: [...groups, ...servicePrincipals] });
  }
}
