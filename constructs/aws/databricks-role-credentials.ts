import { Construct } from "constructs";
import { importExisting } from "../import-block";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { MwsCredentials } from "@cdktf/provider-databricks/lib/mws-credentials";
import { Sleep } from "@cdktf/provider-time/lib/sleep";
import { IAM_PROPAGATION_WAIT } from "../../domain/platform-facts";

export interface DatabricksRoleCredentialsProps {
  /** The IAM role's name and the name Databricks registers it under. */
  readonly names: { readonly role: string; readonly credentials: string };
  readonly description: string;
  /** Trust policy JSON: whom Databricks assumes the role as (with its external id). */
  readonly trustPolicy: string;
  /** Inline permissions policy JSON. */
  readonly permissionsPolicy: string;
  /**
   * How long to wait after the role exists before Databricks validates it.
   * @default IAM_PROPAGATION_WAIT (30 s, as the provider guide and SRA wait)
   */
  readonly propagationDelay?: string;
  /**
   * What exists already (an adopted workspace's): the role (imported by its name, `names.role`) and the
   * credential configuration's import id (`<account_id>/<id>`), which keeps its name. The inline policy
   * is written beside whatever the role has.
   * @default a new role and credential configuration
   */
  readonly existing?: { readonly role: boolean; readonly credentials?: string };
}

/**
 * An IAM role that Databricks assumes, registered as account credentials. IAM is eventually
 * consistent: Databricks validates a role it cannot see yet and fails with "Failed credential
 * validation checks" (provider issues #951, #1363), so registration waits, as the docs do.
 */
export class DatabricksRoleCredentials extends Construct {
  public readonly roleArn: string;
  public readonly credentialsId: string;

  constructor(scope: Construct, id: string, props: DatabricksRoleCredentialsProps) {
    super(scope, id);
    const role = new IamRole(this, "role", {
      name: props.names.role,
      description: props.description,
      assumeRolePolicy: props.trustPolicy,
    });
    const policy = new IamRolePolicy(this, "policy", {
      name: props.names.role,
      role: role.id,
      policy: props.permissionsPolicy,
    });
    // Triggered by the role ARN alone: a new role means new credentials, which must wait again. The
    // policy text is left out on purpose: it comes from data sources that terraform re-reads at
    // apply time whenever the VPC has pending changes (a tag edit), which would replace the wait,
    // and with it the credentials, on every such plan.
    const propagation = new Sleep(this, "iam-propagation", {
      createDuration: props.propagationDelay ?? IAM_PROPAGATION_WAIT,
      triggers: { role_arn: role.arn },
      dependsOn: [policy],
    });
    this.roleArn = role.arn;
    const credentials = new MwsCredentials(this, "credentials", {
      credentialsName: props.names.credentials,
      roleArn: role.arn,
      dependsOn: [propagation],
    });
    if (props.existing?.role) importExisting(role, props.names.role);
    if (props.existing?.credentials) importExisting(credentials, props.existing.credentials, ["credentials_name"]);
    this.credentialsId = credentials.credentialsId;
  }
}
