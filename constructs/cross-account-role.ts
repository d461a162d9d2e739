import { Construct } from "constructs";
import { DataDatabricksAwsAssumeRolePolicy } from "@cdktf/provider-databricks/lib/data-databricks-aws-assume-role-policy";
import { DataDatabricksAwsCrossaccountPolicy } from "@cdktf/provider-databricks/lib/data-databricks-aws-crossaccount-policy";
import { MwsCredentials } from "@cdktf/provider-databricks/lib/mws-credentials";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Sleep } from "@cdktf/provider-time/lib/sleep";

export interface CrossAccountRoleProps {
  readonly roleName: string;
  readonly credentialsName: string;
  readonly databricksAccountId: string;
  readonly awsAccountId: string;
  readonly awsRegion: string;
  readonly vpcId: string;
  readonly securityGroupId: string;
  /**
   * How long to wait after the role exists before Databricks validates it.
   * @default "30s"
   */
  readonly propagationDelay?: string;
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
    this.role = new IamRole(this, "role", {
      name: props.roleName,
      description: "Databricks cross-account role: launches cluster nodes in this workspace VPC",
      assumeRolePolicy: trust.json,
    });
    const policy = new IamRolePolicy(this, "policy", {
      name: props.roleName,
      role: this.role.id,
      policy: permissions.json,
    });
    // IAM is eventually consistent: Databricks validates a role it cannot see yet and fails with
    // "Failed credential validation checks" (provider issues #951, #1363). Wait, as the docs do.
    const propagation = new Sleep(this, "iam-propagation", {
      createDuration: props.propagationDelay ?? "30s",
      triggers: { role_arn: this.role.arn, policy: policy.policy },
      dependsOn: [policy],
    });
    this.credentials = new MwsCredentials(this, "credentials", {
      credentialsName: props.credentialsName,
      roleArn: this.role.arn,
      dependsOn: [propagation],
    });
  }
}
