import { asList, asStrings } from "../../tfjson/json";
import { ALL_PRIVILEGES } from "../../domain/platform-facts";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";

/** `databricks_grants` holds grant blocks; `databricks_grant` is one principal's. */
function grantsOf(type: string, body: Readonly<Record<string, unknown>>): { principal: unknown; privileges: string[] }[] {
  if (type === "databricks_grants") return asList(body.grant).map((grant) => ({ principal: grant.principal, privileges: asStrings(grant.privileges) }));
  if (type === "databricks_grant") return [{ principal: body.principal, privileges: asStrings(body.privileges) }];
  return [];
}

/**
 * ALL_PRIVILEGES goes to the groups that administer the workspace's data (role admin in its
 * environment, or the metastore owner) and to no one else: it is every privilege on the securable and
 * on everything in it, now and later, the owner's reach without ownership.
 */
export const noAllPrivilegesForNonAdmins: BlockRule = (block, stack) => {
  if (block.kind !== "resource" || (block.type !== "databricks_grants" && block.type !== "databricks_grant")) return NOT_APPLICABLE;
  const admins = stack.expected.workspace?.adminGroups ?? [];
  return fromProblems(
    grantsOf(block.type, block.body)
      .filter((grant) => grant.privileges.includes(ALL_PRIVILEGES) && !(typeof grant.principal === "string" && admins.includes(grant.principal)))
      .map((grant) => `${JSON.stringify(grant.principal)} is granted ${ALL_PRIVILEGES} but is not an admin group here (${admins.join(", ") || "none"})`),
  );
};
