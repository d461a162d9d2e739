import { Construct } from "constructs";
import { DataDatabricksAwsAssumeRolePolicy } from "@cdktf/provider-databricks/lib/data-databricks-aws-assume-role-policy";
import { DataDatabricksAwsCrossaccountPolicy } from "@cdktf/provider-databricks/lib/data-databricks-aws-crossaccount-policy";
import { DatabricksRoleCredentials } from "./databricks-role-credentials";

/** The names a cross-account role takes (domain/naming.ts workspaceResourceNames fits). */
export interface CrossAccountRoleNames {
  readonly crossAccountRole: string;
  readonly credentials: string;
}

export interface CrossAccountRoleProps {
  readonly names: CrossAccountRoleNames;
  readonly databricksAccountId: string;
  readonly awsAccountId: string;
  readonly awsRegion: string;
  readonly vpcId: string;
  readonly securityGroupId: string;
  /**
   * What exists already (an adopted workspace's): see DatabricksRoleCredentials.
   * @default a new role and credential configuration
   */
  readonly existing?: { readonly role: boolean; readonly credentials?: string };
}

/**
 * The IAM role Databricks assumes to launch clusters, limited to this VPC, security group, region
 * and account (the crossaccount policy's restricted mode), registered as workspace credentials.
 */
export class CrossAccountRole extends Construct {
  public readonly roleArn: string;
  public readonly credentialsId: string;

  constructor(scope: Construct, id: string, props: CrossAccountRoleProps) {
    super(scope, id);
    const trust = new DataDatabricksAwsAssumeRolePolicy(this, "trust", {
      externalId: props.databricksAccountId,
    });
    const permissions = new DataDatabricksAwsCrossaccountPolicy(this, "permissions", {
      policyType: "restricted",
      awsAccountId: props.awsAccountId,
      region: props.awsRegion,
      vpcId: props.vpcId,
      securityGroupId: props.securityGroupId,
    });
    const registered = new DatabricksRoleCredentials(this, "registered", {
      names: { role: props.names.crossAccountRole, credentials: props.names.credentials },
      description: "Databricks cross-account role: launches cluster nodes in this workspace VPC",
      trustPolicy: trust.json,
      permissionsPolicy: permissions.json,
      existing: props.existing,
    });
    this.roleArn = registered.roleArn;
    this.credentialsId = registered.credentialsId;
  }
}
