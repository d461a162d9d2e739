import { Construct } from "constructs";
import type { ITerraformDependable } from "cdktf";
import { DataDatabricksAwsUnityCatalogAssumeRolePolicy } from "@cdktf/provider-databricks/lib/data-databricks-aws-unity-catalog-assume-role-policy";
import { DataDatabricksAwsUnityCatalogPolicy } from "@cdktf/provider-databricks/lib/data-databricks-aws-unity-catalog-policy";
import { StorageCredential } from "@cdktf/provider-databricks/lib/storage-credential";
import { UC_ISOLATION } from "../../domain/platform-facts";
import { addPropagatedRole } from "./propagated-role";

/** The IAM role's name and the storage credential's (one name per data bucket or catalog bucket). */
export interface UnityCatalogRoleNames {
  readonly role: string;
  readonly credential: string;
}

export interface UnityCatalogRoleProps {
  readonly names: UnityCatalogRoleNames;
  /** The AWS account of the role and the bucket. */
  readonly awsAccountId: string;
  /** The bucket Unity Catalog reaches through the role (read and write on all of it: the policy data source's scope). */
  readonly bucketName: string;
  /**
   * The credential serves reads only, in Unity Catalog.
   * @default false
   */
  readonly readOnly?: boolean;
  readonly comment: string;
  /**
   * How long to wait after the role exists before Unity Catalog validates it.
   * @default IAM_PROPAGATION_WAIT (30 s)
   */
  readonly propagationDelay?: string;
}

/**
 * An IAM role Unity Catalog assumes to reach one bucket, registered as an isolated storage
 * credential of the workspace this stack configures.
 *
 * The order is the provider guide's (databricks provider docs/guides/unity-catalog.md (v1.99),
 * "Configure external locations and credentials"; SRA unity_catalog_catalog_creation/main.tf does the
 * same): the credential first, with the role's ARN built from its name ("cannot reference aws_iam_role
 * directly, as it will create circular dependency"), because the role's trust needs the external id
 * the credential is given. The trust (Unity Catalog's master role, and the role itself, both with that
 * external id) and the permissions come from the provider's data sources
 * (docs/data-sources/aws_unity_catalog_assume_role_policy.md, aws_unity_catalog_policy.md), not
 * hand-written JSON. IAM is eventually consistent: an external location validated against a role
 * Unity Catalog cannot see yet fails ("AWS IAM role does not have READ permissions", provider issue
 * #3069), so `ready` waits after the policy, as DatabricksRoleCredentials does.
 */
export class UnityCatalogRole extends Construct {
  /** The storage credential's name, as a reference: an external location using it comes after it. */
  public readonly credentialName: string;
  /** What a securable that validates the role (an external location) waits for. */
  public readonly ready: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: UnityCatalogRoleProps) {
    super(scope, id);
    const credential = new StorageCredential(this, "credential", {
      name: props.names.credential,
      // IAM role ARNs in the commercial partition: arn:aws:iam::<account>:role/<name>.
      awsIamRole: { roleArn: `arn:aws:iam::${props.awsAccountId}:role/${props.names.role}` },
      isolationMode: UC_ISOLATION.storage,
      readOnly: props.readOnly ?? false,
      comment: props.comment,
    });
    const trust = new DataDatabricksAwsUnityCatalogAssumeRolePolicy(this, "trust", {
      awsAccountId: props.awsAccountId,
      roleName: props.names.role,
      externalId: credential.awsIamRole.externalId,
      unityCatalogIamArn: credential.awsIamRole.unityCatalogIamArn,
    });
    const access = new DataDatabricksAwsUnityCatalogPolicy(this, "access", {
      awsAccountId: props.awsAccountId,
      bucketName: props.bucketName,
      roleName: props.names.role,
    });
    const { ready } = addPropagatedRole(this, {
      name: props.names.role,
      description: props.comment,
      trustPolicy: trust.json,
      permissionsPolicy: access.json,
      propagationDelay: props.propagationDelay,
    });
    this.credentialName = credential.name;
    this.ready = [ready];
  }
}
