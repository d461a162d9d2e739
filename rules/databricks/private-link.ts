import { isObject } from "../../tfjson/json";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";

/**
 * A workspace of an environment with back-end PrivateLink (`hardening.privateLink`) has private
 * access settings, and its network configuration registers both endpoints: REST API and relay.
 */
export const workspaceUsesPrivateLink: BlockRule = (block, stack) => {
  const workspace = stack.expected.workspace;
  if (block.kind !== "resource" || !workspace?.hardening?.privateLink) return NOT_APPLICABLE;
  if (block.type === "databricks_mws_workspaces") {
    return fromProblems(block.body.private_access_settings_id ? [] : [`${workspace.environment} uses PrivateLink but private_access_settings_id is not set`]);
  }
  if (block.type === "databricks_mws_networks") {
    const endpoints = isObject(block.body.vpc_endpoints) ? block.body.vpc_endpoints : {};
    const missing = ["rest_api", "dataplane_relay"].filter((kind) => !Array.isArray(endpoints[kind]) || endpoints[kind].length === 0);
    return fromProblems(missing.map((kind) => `${workspace.environment} uses PrivateLink but vpc_endpoints.${kind} is empty`));
  }
  return NOT_APPLICABLE;
};
