import type { TerraformStack } from "cdktf";
import type { WorkspaceIdentity } from "../../domain/workspaces";
import { LIFECYCLE_MARKER_KEY, lifecycleMarker, type StackLifecycle } from "../../tfjson/lifecycle-marker";

/**
 * Writes what review must know about a workspace's stacks into their synthesized JSON (a `"//"`
 * comment Terraform ignores, tfjson/lifecycle-marker.ts): a region being decommissioned, so review
 * counts what `cdktf destroy` deletes and still knows it after the entry is gone; a workspace adopted
 * under a name the convention would not give it, so review flags the deviation.
 */
export function markLifecycle(stack: TerraformStack, spec: WorkspaceIdentity, options: { readonly adoption: boolean }): void {
  const kept = spec.adoption?.kept.workspaceName;
  const lifecycle: StackLifecycle = {
    ...(spec.decommissioning ? { decommission: { region: spec.awsRegion } } : {}),
    ...(options.adoption && kept !== undefined && kept !== spec.names.workspace ? { adopted: { workspaceName: kept, conventionName: spec.names.workspace } } : {}),
  };
  if (Object.keys(lifecycle).length) stack.addOverride(`//.${LIFECYCLE_MARKER_KEY}`, lifecycleMarker(lifecycle));
}
