import { Construct } from "constructs";
import { ClusterPolicy } from "@cdktf/provider-databricks/lib/cluster-policy";
import { Permissions } from "@cdktf/provider-databricks/lib/permissions";
import { PERMISSION_LEVELS } from "../../domain/platform-facts";
import { accessControl, type Grantees } from "./grantees";

export interface ClusterPolicySpec {
  /** The policy as regions.yaml names it; created as `names.clusterPolicy(name)`. */
  readonly name: string;
  readonly description: string;
  /** The definition JSON, enforced values already applied (domain/policy-enforcement.ts). */
  readonly definitionJson: string;
  /** Who may use it (CAN_USE), already narrowed to principals present in this workspace. */
  readonly canUse: Grantees;
}

export interface ClusterPoliciesProps {
  readonly names: { readonly clusterPolicy: (policy: string) => string };
  readonly policies: readonly ClusterPolicySpec[];
}

/** The workspace's cluster policies, each `<workspace>-<policy>`, with CAN_USE grants. */
export class ClusterPolicies extends Construct {
  /** Policy name (as regions.yaml names it) → policy id. */
  public readonly policyIds: ReadonlyMap<string, string>;

  constructor(scope: Construct, id: string, props: ClusterPoliciesProps) {
    super(scope, id);
    this.policyIds = new Map(
      props.policies.map((policy) => {
        const created = new ClusterPolicy(this, policy.name, {
          name: props.names.clusterPolicy(policy.name),
          description: policy.description,
          definition: policy.definitionJson,
        });
        const grants = accessControl(policy.canUse, PERMISSION_LEVELS.use);
        if (grants.length) {
          new Permissions(this, `${policy.name}-permissions`, { clusterPolicyId: created.id, accessControl: grants });
        }
        return [policy.name, created.id] as const;
      }),
    );
  }
}
