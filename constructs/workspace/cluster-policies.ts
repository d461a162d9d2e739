import { Construct } from "constructs";
import { ClusterPolicy } from "@cdktf/provider-databricks/lib/cluster-policy";
import { Permissions } from "@cdktf/provider-databricks/lib/permissions";
import type { ClusterPolicyConfig } from "../../config/schema/regions";
import { enforcePolicy, type PolicyEnforcement } from "../../domain/policy-enforcement";
import type { WorkspaceResourceNames } from "../../domain/naming";
import { PERMISSION_LEVELS } from "../../domain/platform-facts";
import { accessControl, type Grantees } from "./grantees";

export interface ClusterPoliciesProps {
  readonly names: WorkspaceResourceNames;
  readonly policies: readonly ClusterPolicyConfig[];
  /** Cost tags and this environment's caps, written into every policy. */
  readonly enforcement: PolicyEnforcement;
  /** Who may use each policy (CAN_USE), already narrowed to principals present in this workspace. */
  readonly canUse: (policy: ClusterPolicyConfig) => Grantees;
}

/** The workspace's cluster policies, each `<workspace>-<policy>`, with CAN_USE grants. */
export class ClusterPolicies extends Construct {
  public readonly policies: ReadonlyMap<string, ClusterPolicy>;

  constructor(scope: Construct, id: string, props: ClusterPoliciesProps) {
    super(scope, id);
    this.policies = new Map(
      props.policies.map((policy) => {
        // Conflicts were rejected at the config boundary; here the merge only applies the values.
        const { definition } = enforcePolicy(policy.definition, props.enforcement);
        const created = new ClusterPolicy(this, policy.name, {
          name: props.names.clusterPolicy(policy.name),
          description: policy.description,
          definition: JSON.stringify(definition),
        });
        const grants = accessControl(props.canUse(policy), PERMISSION_LEVELS.use);
        if (grants.length) {
          new Permissions(this, `${policy.name}-permissions`, { clusterPolicyId: created.id, accessControl: grants });
        }
        return [policy.name, created] as const;
      }),
    );
  }
}
