import { Construct } from "constructs";
import { Group } from "@cdktf/provider-databricks/lib/group";

export interface AccountGroupsProps {
  /** Display names of the groups this project owns (`source: terraform`); SCIM groups are never listed. */
  readonly groupNames: readonly string[];
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
    this.groupIds = new Map(props.groupNames.map((name) => [name, new Group(this, name, { displayName: name, force: false }).id]));
  }
}
