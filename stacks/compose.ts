import type { App } from "cdktf";
import type { RegionsConfig } from "../config/schema";
import { workspaceSpecs } from "../lib/workspaces";
import { WorkspaceStack } from "./workspace-stack";

export interface ComposedStacks {
  readonly workspaces: readonly WorkspaceStack[];
}

/** Every stack of the app, from one loop over the typed regions: never a copied block per environment. */
export function composeStacks(app: App, config: RegionsConfig): ComposedStacks {
  const workspaces = workspaceSpecs(config).map((spec) => new WorkspaceStack(app, config, spec));
  return { workspaces };
}

/** The stack names `composeStacks` creates, without building them. */
export function stackNames(config: RegionsConfig): string[] {
  return workspaceSpecs(config).map((spec) => spec.names.stack);
}
