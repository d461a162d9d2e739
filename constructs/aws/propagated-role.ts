import type { Construct } from "constructs";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Sleep } from "@cdktf/provider-time/lib/sleep";
import { IAM_PROPAGATION_WAIT } from "../../domain/platform-facts";

export interface PropagatedRoleProps {
  /** The role's name, also its inline policy's. */
  readonly name: string;
  readonly description: string;
  /** Trust policy JSON: who assumes the role (with its external id). */
  readonly trustPolicy: string;
  /** Inline permissions policy JSON. */
  readonly permissionsPolicy: string;
  /**
   * How long to wait after the role exists before Databricks validates it.
   * @default IAM_PROPAGATION_WAIT (30 s, as the provider guide and SRA wait)
   */
  readonly propagationDelay?: string;
}

export interface PropagatedRole {
  readonly role: IamRole;
  /** What anything Databricks validates against the role (credentials, an external location) waits for. */
  readonly ready: Sleep;
}

/**
 * An IAM role Databricks assumes, its inline policy, and the wait before Databricks may validate it.
 * IAM is eventually consistent: a role Databricks cannot see yet fails validation ("Failed credential
 * validation checks", provider issues #951, #1363; "AWS IAM role does not have READ permissions",
 * #3069), so whatever registers the role waits for `ready`.
 *
 * Added to `scope` itself (ids `role`, `policy`, `iam-propagation`), not to a construct of its own, so
 * the constructs that share it keep their resource addresses.
 */
export function addPropagatedRole(scope: Construct, props: PropagatedRoleProps): PropagatedRole {
  const role = new IamRole(scope, "role", {
    name: props.name,
    description: props.description,
    assumeRolePolicy: props.trustPolicy,
  });
  const policy = new IamRolePolicy(scope, "policy", {
    name: props.name,
    role: role.id,
    policy: props.permissionsPolicy,
  });
  // Triggered by the role ARN alone: a new role must wait again. The policy text is left out on
  // purpose: it comes from data sources that terraform re-reads at apply time whenever an input has
  // pending changes (a tag edit on the VPC), which would replace the wait, and with it whatever
  // waits for it, on every such plan.
  const ready = new Sleep(scope, "iam-propagation", {
    createDuration: props.propagationDelay ?? IAM_PROPAGATION_WAIT,
    triggers: { role_arn: role.arn },
    dependsOn: [policy],
  });
  return { role, ready };
}
