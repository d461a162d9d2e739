import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";

/**
 * A workspace of an environment with customer-managed keys (`hardening.customerManagedKeys`, on by
 * default where protected) sets both key configurations: storage and managed services.
 */
export const workspaceUsesCustomerManagedKeys: BlockRule = (block, stack) => {
  if (block.kind !== "resource" || block.type !== "databricks_mws_workspaces") return NOT_APPLICABLE;
  const workspace = stack.expected.workspace;
  if (!workspace?.hardening?.customerManagedKeys) return NOT_APPLICABLE;
  const missing = ["storage_customer_managed_key_id", "managed_services_customer_managed_key_id"].filter(
    (attribute) => typeof block.body[attribute] !== "string" || block.body[attribute] === "",
  );
  return fromProblems(missing.map((attribute) => `${workspace.environment} uses customer-managed keys but ${attribute} is not set`));
};
