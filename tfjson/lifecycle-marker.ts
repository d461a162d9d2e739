/**
 * What a stack says about its own lifecycle, for the tools that read synthesized stacks (review,
 * the integration tier): a region being decommissioned, a workspace adopted under its old name.
 *
 * It travels in the stack's top-level `"//"` object, beside cdktf's `metadata`: Terraform's JSON
 * syntax treats a `"//"` property as a comment and ignores it, so the marker changes nothing that
 * Terraform plans, and it stays readable in a base synth after the region's entry is gone.
 */
import { isObject, type JsonObject } from "./json";

/** The key under `"//"`. */
export const LIFECYCLE_MARKER_KEY = "lifecycle";

export interface StackLifecycle {
  /** Set on every stack of a region being decommissioned (`regions[].decommission: true`). */
  readonly decommission?: { readonly region: string };
  /** A workspace adopted under the name it had before the convention (`adopt.name`). */
  readonly adopted?: { readonly workspaceName: string; readonly conventionName: string };
}

/** The `"//"` content to merge into a stack (`stack.addOverride("//.lifecycle", …)`). */
export function lifecycleMarker(lifecycle: StackLifecycle): JsonObject {
  return { ...lifecycle } as JsonObject;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The marker of a synthesized stack (its parsed JSON), or an empty one. Malformed parts are ignored. */
export function readLifecycleMarker(stackJson: unknown): StackLifecycle {
  const comment = isObject(stackJson) ? stackJson["//"] : undefined;
  const marker = isObject(comment) ? comment[LIFECYCLE_MARKER_KEY] : undefined;
  if (!isObject(marker)) return {};
  const decommission = isObject(marker.decommission) ? text(marker.decommission.region) : undefined;
  const adopted = isObject(marker.adopted) ? marker.adopted : undefined;
  const workspaceName = text(adopted?.workspaceName);
  const conventionName = text(adopted?.conventionName);
  return {
    ...(decommission ? { decommission: { region: decommission } } : {}),
    ...(workspaceName && conventionName ? { adopted: { workspaceName, conventionName } } : {}),
  };
}
