import { COMPLIANT, nonCompliant, NOT_APPLICABLE } from "../core/result";
import type { StackRule } from "../core/rule";

const WORKSPACE = "databricks_mws_workspaces";
const STORAGE = "databricks_mws_storage_configurations";

/**
 * An adopted workspace (an import block into its `databricks_mws_workspaces`) whose storage
 * configuration is not imported too: the new configuration's id would differ, and
 * `storage_configuration_id` is one of the fields that replace a workspace (provider source
 * mws/resource_mws_workspaces.go: every field but the running-update list forces a new one). The
 * adopted workspace keeps prevent_destroy, so terraform refuses that plan: nothing is lost, but
 * nothing is adopted either until `adopt.storageConfigurationId` and `adopt.rootBucket` are given.
 */
export const adoptedWithStorage: StackRule = (stack) => {
  const imported = (type: string) => stack.imports.some((entry) => entry.to.startsWith(`${type}.`));
  if (!imported(WORKSPACE)) return NOT_APPLICABLE;
  if (imported(STORAGE)) return COMPLIANT;
  const workspace = stack.ofType(WORKSPACE)[0];
  return nonCompliant(
    "the workspace is imported but its storage configuration is not: terraform would replace the workspace for a new storage_configuration_id and will refuse the plan (prevent_destroy)",
    workspace?.address,
  );
};
