import { Construct } from "constructs";
import { Group } from "@cdktf/provider-databricks/lib/group";
import type { GroupConfig } from "../../config/schema/regions";

export interface AccountGroupsProps {
  /** All configured groups; only those with `source: terraform` are created here. */
  readonly groups: readonly GroupConfig[];
}

/**
 * Account groups this project owns. Groups the identity provider pushes by SCIM are never created:
 * a second copy fails with "already exists" or shadows the IdP's group (provider #1066, #1709).
 */
export class AccountGroups extends Construct {
  /** Group name → account group id, for the groups created here. */
  public readonly groupIds: ReadonlyMap<string, string>;

  constructor(scope: Construct, id: string, props: AccountGroupsProps) {
    super(scope, id);
    const owned = props.groups.filter((group) => group.source === "terraform");
    this.groupIds = new Map(
      owned.map((group) => [group.name, new Group(this, group.name, { displayName: group.name, force: false }).id]),
    );
  }
}
