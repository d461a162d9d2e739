import { COMPLIANT, nonCompliant, NOT_APPLICABLE } from "../core/result";
import type { StackRule } from "../core/rule";

/**
 * A stack of a region being decommissioned (`regions[].decommission: true`) carries no
 * prevent_destroy, on purpose: `cdktf destroy` must be able to delete it. A note, not an error,
 * naming the region, so no synth log hides that the protection is gone.
 */
export const decommissioningNoted: StackRule = (stack) => {
  const workspace = stack.expected.workspace;
  if (!workspace) return NOT_APPLICABLE;
  if (!workspace.decommissioning) return COMPLIANT;
  const region = workspace.awsRegion ?? "its region";
  return nonCompliant(`decommissioning ${region}: prevent_destroy is lifted on this stack; \`cdktf destroy\` deletes its resources`);
};
