import { Construct } from "constructs";
import { Fn, Token, type ITerraformDependable } from "cdktf";
import { GroupMember } from "@cdktf/provider-databricks/lib/group-member";
import { MwsPermissionAssignment } from "@cdktf/provider-databricks/lib/mws-permission-assignment";
import { ServicePrincipal } from "@cdktf/provider-databricks/lib/service-principal";
import { ServicePrincipalSecret } from "@cdktf/provider-databricks/lib/service-principal-secret";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { Rotating } from "@cdktf/provider-time/lib/rotating";
import { WORKSPACE_PERMISSIONS } from "../../domain/platform-facts";

/** The names a workspace service principal takes (domain/naming.ts workspaceResourceNames fits). */
export interface WorkspaceServicePrincipalNames {
  /** The principal's display name for a role such as `airflow`. */
  readonly servicePrincipal: (role: string) => string;
  /** The Secrets Manager secret that holds its OAuth secret. */
  readonly servicePrincipalSecret: (role: string) => string;
}

export interface WorkspaceServicePrincipalProps {
  readonly names: WorkspaceServicePrincipalNames;
  /** What the principal does in every workspace, as regions.yaml names it (e.g. `airflow`). */
  readonly role: string;
  readonly description?: string;
  readonly workspaceId: number;
  readonly workspaceUrl: string;
  /** Account groups it joins (name and id), so it can do what the team it works for can do. */
  readonly memberships: readonly { readonly group: string; readonly groupId: string }[];
  /** Days after which the next apply replaces the OAuth secret. */
  readonly secretRotationDays: number;
  /**
   * What the workspace assignment waits for: identity federation (constructs/account/metastore-attachment.ts).
   * @default nothing
   */
  readonly assignAfter?: ITerraformDependable[];
}

/**
 * A machine identity of one workspace (e.g. `acme-data-use1-prod-airflow`): an account-level
 * service principal assigned to the workspace as USER, with an OAuth secret that goes straight into
 * AWS Secrets Manager. The secret is in Terraform state (encrypted S3) and nowhere else: no output,
 * no log, no file in the repo.
 *
 * A secret lives 730 days and only an apply after it expired would replace it, by which time the
 * jobs using it have failed. A `time_rotating` drops out of state once its rotation date passes, so
 * the next apply after that date recreates it, and the secret that names its timestamp is replaced
 * with it (databricks provider docs/resources/service_principal_secret.md (v1.99), "automatically
 * rotated"). The new secret is created and written to Secrets Manager before the old one is deleted.
 */
export class WorkspaceServicePrincipal extends Construct {
  /** The principal's account-level id (SCIM id), e.g. for entitlements. */
  public readonly servicePrincipalId: string;
  /** Its application id: what `databricks_permissions` grants name. */
  public readonly applicationId: string;
  /** The Secrets Manager secret holding its OAuth client credentials. */
  public readonly secretArn: string;

  constructor(scope: Construct, id: string, props: WorkspaceServicePrincipalProps) {
    super(scope, id);
    const displayName = props.names.servicePrincipal(props.role);
    const principal = new ServicePrincipal(this, "principal", { displayName, active: true });
    const principalId = principal.id;
    this.servicePrincipalId = principalId;
    this.applicationId = principal.applicationId;
    new MwsPermissionAssignment(this, "assignment", {
      workspaceId: props.workspaceId,
      principalId: Token.asNumber(principalId),
      permissions: [WORKSPACE_PERMISSIONS.user],
      dependsOn: props.assignAfter,
    });
    for (const { group, groupId } of props.memberships) {
      new GroupMember(this, `member-${group}`, { groupId, memberId: principalId });
    }

    const rotation = new Rotating(this, "secret-rotation", { rotationDays: props.secretRotationDays });
    const oauth = new ServicePrincipalSecret(this, "oauth-secret", {
      servicePrincipalId: principalId,
      timeRotating: `Terraform (created: ${rotation.rfc3339})`,
      lifecycle: { createBeforeDestroy: true },
    });
    const secret = new SecretsmanagerSecret(this, "secret", {
      name: props.names.servicePrincipalSecret(props.role),
      description: `OAuth client credentials of Databricks service principal ${displayName}`,
      recoveryWindowInDays: 30,
    });
    this.secretArn = secret.arn;
    new SecretsmanagerSecretVersion(this, "secret-value", {
      secretId: secret.id,
      secretString: Fn.jsonencode({
        host: props.workspaceUrl,
        client_id: principal.applicationId,
        client_secret: oauth.secret,
      }),
    });
  }
}
