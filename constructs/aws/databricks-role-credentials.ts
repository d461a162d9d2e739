import { Construct } from "constructs";
import { importExisting } from "../import-block";
import { MwsCredentials } from "@cdktf/provider-databricks/lib/mws-credentials";
import { addPropagatedRole } from "./propagated-role";

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
    const { role, ready: propagation } = addPropagatedRole(this, {
      name: props.names.role,
      description: props.description,
      trustPolicy: props.trustPolicy,
      permissionsPolicy: props.permissionsPolicy,
      propagationDelay: props.propagationDelay,
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
