import { Construct } from "constructs";
import type { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { DataDatabricksAwsAssumeRolePolicy } from "@cdktf/provider-databricks/lib/data-databricks-aws-assume-role-policy";
import { DataDatabricksAwsCrossaccountPolicy } from "@cdktf/provider-databricks/lib/data-databricks-aws-crossaccount-policy";
import type { MwsCredentials } from "@cdktf/provider-databricks/lib/mws-credentials";
import { DatabricksRoleCredentials } from "./databricks-role-credentials";

export interface CrossAccountRoleProps {
  readonly roleName: string;
  readonly credentialsName: string;
  readonly databricksAccountId: string;
  readonly awsAccountId: string;
  readonly awsRegion: string;
  readonly vpcId: string;
  readonly securityGroupId: string;
}

/**
 * The IAM role Databricks assumes to launch clusters, limited to this VPC, security group, region
 * and account (the crossaccount policy's restricted mode), registered as workspace credentials.
 */
export class CrossAccountRole extends Construct {
  public readonly role: IamRole;
  public readonly credentials: MwsCredentials;

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
      roleName: props.roleName,
      description: "Databricks cross-account role: launches cluster nodes in this workspace VPC",
      credentialsName: props.credentialsName,
      trustPolicy: trust.json,
      permissionsPolicy: permissions.json,
    });
    this.role = registered.role;
    this.credentials = registered.credentials;
  }
}
