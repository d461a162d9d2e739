/**
 * The guardrail rule pack: every rule's ID, level and message, and the check that implements it
 * (rules/<area>/*.ts). As in cdk-nag, a check only says compliant / non-compliant / not-applicable;
 * what a finding means to a reader lives here. IDs are stable: suppressions and docs name them.
 */
import type { BlockRule, StackRule } from "./core/rule";
import type { RuleId } from "../domain/rule-ids";
import { PRIVATE_SUBNET_NETMASK } from "../domain/network";
import { PRICING_TIER, PRICING_TIERS } from "../domain/platform-facts";
import { bucketNameIsDerived } from "./naming/bucket-name";
import { roleNameIsDerived } from "./naming/role-name";
import { workspaceNameIsDerived } from "./naming/workspace-name";
import { awsProviderDefaultTags } from "./tags/provider-default-tags";
import { clusterPolicyFixesTags } from "./tags/cluster-policy-tags";
import { sqlWarehouseTags } from "./tags/sql-warehouse-tags";
import { budgetPolicyTags } from "./tags/budget-policy-tags";
import { workspaceCustomTags } from "./tags/workspace-tags";
import { clusterSubnetSize } from "./network/cluster-subnet-size";
import { clusterSubnetsInTwoAzs } from "./network/cluster-subnets-multi-az";
import { defaultSecurityGroupClosed } from "./network/default-security-group-closed";
import { INGRESS_TYPES, noOpenIngress } from "./network/no-open-ingress";
import { vpcHasFlowLog } from "./network/vpc-flow-log";
import { bucketEncrypted } from "./storage/bucket-encryption";
import { bucketOwnerEnforced } from "./storage/bucket-owner-enforced";
import { bucketPreventsDestroy } from "./storage/bucket-prevent-destroy";
import { bucketPublicAccessBlocked } from "./storage/bucket-public-access-block";
import { bucketTlsOnly } from "./storage/bucket-tls-only";
import { bucketVersioned } from "./storage/bucket-versioning";
import { dataBucketProtected } from "./storage/data-bucket-protected";
import { crossAccountExternalId } from "./iam/cross-account-external-id";
import { noAdminStatement } from "./iam/no-admin-statement";
import { ATTACHMENT_ARNS, noAdministratorAccess } from "./iam/no-administrator-access";
import { workspacePricingTier } from "./databricks/pricing-tier";
import { protectedWorkspacePreventsDestroy } from "./databricks/protected-workspace";
import { policyOnDemandDriver } from "./databricks/policy-on-demand-driver";
import { policyForbidsPools } from "./databricks/policy-no-pools";
import { policyCapsWorkers } from "./databricks/policy-max-workers";
import { policyCapsDbusPerHour } from "./databricks/policy-dbus-per-hour";
import { policyLimitsAutotermination } from "./databricks/policy-autotermination";
import { workspaceUsesCustomerManagedKeys } from "./databricks/customer-managed-keys";
import { workspaceUsesPrivateLink } from "./databricks/private-link";
import { hardenedWorkspaceOnEnterprise } from "./databricks/enterprise-tier";
import { ISOLATED, unityCatalogIsolated } from "./databricks/unity-catalog-isolated";
import { noAllPrivilegesForNonAdmins } from "./databricks/no-all-privileges";
import { kmsKeyRotates } from "./iam/kms-key-rotation";
import { noLiteralSecrets } from "./secrets/no-literal-secrets";
import { secretValuesByReference } from "./secrets/secret-values-by-reference";
import { secretOutputsSensitive } from "./secrets/sensitive-outputs";
import { adoptedWithStorage } from "./lifecycle/adopted-storage";
import { decommissioningNoted } from "./lifecycle/decommissioning";

export type RuleLevel = "error" | "warning";

export interface PackRule {
  /** Listed in domain/rule-ids.ts, where validation reads it. */
  readonly id: RuleId;
  readonly level: RuleLevel;
  /** Why the rule exists and how to comply, in one or two sentences. */
  readonly message: string;
  /**
   * A block check, or a stack check. `resources` names the resource types a block check can find
   * anything on: the run hands it only those blocks (38 block checks × ~28,000 blocks at 100 regions
   * were nearly all not-applicable calls). Without it the check sees every block of every kind.
   */
  readonly check: { readonly block: BlockRule; readonly resources?: readonly string[] } | { readonly stack: StackRule };
}

export const RULE_PACK: readonly PackRule[] = [
  {
    id: "NAME-1",
    level: "error",
    message: "Workspace names must be the derived <company>-<domain>-<region code>-<env> name, and deployment_name that name under the account's deploymentNamePrefix (none without a prefix): every name field replaces the workspace when it changes. Take names from domain/naming.ts, never type them.",
    check: { block: workspaceNameIsDerived, resources: ["databricks_mws_workspaces"] },
  },
  {
    id: "NAME-2",
    level: "error",
    message: "S3 bucket names must be fixed and start with the derived workspace name, so every bucket says whose it is and a rename is never silent. Use workspaceResourceNames() in domain/naming.ts.",
    check: { block: bucketNameIsDerived, resources: ["aws_s3_bucket"] },
  },
  {
    id: "NAME-3",
    level: "error",
    message: "IAM role names must be fixed and start with the derived workspace name (a region's shared data-bucket roles: <company>-<domain>-<code>-lake-), so CloudTrail and the IAM console show whose role it is. Use workspaceResourceNames() or regionResourceNames() in domain/naming.ts.",
    check: { block: roleNameIsDerived, resources: ["aws_iam_role"] },
  },
  {
    id: "TAG-1",
    level: "error",
    message: "The AWS provider's default_tags must carry every cost tag plus Environment and Region, so every taggable AWS resource is billed to its owner. Build the provider with app/stacks/providers.ts awsProvider(spec.tags).",
    check: { stack: awsProviderDefaultTags },
  },
  {
    id: "TAG-2",
    level: "error",
    message: "Workspace custom_tags must carry every cost tag plus Environment and Region: they tag the AWS resources Databricks creates for the workspace, which default_tags never reach. Pass spec.tags.",
    check: { block: workspaceCustomTags, resources: ["databricks_mws_workspaces"] },
  },
  {
    id: "TAG-3",
    level: "error",
    message: "Cluster policies must fix custom_tags.<Tag> ({\"type\":\"fixed\",\"value\":…}) for every cost tag plus Environment and Region: fixed tags propagate to every cluster's EC2 and EBS resources.",
    check: { block: clusterPolicyFixesTags, resources: ["databricks_cluster_policy"] },
  },
  {
    id: "TAG-4",
    level: "error",
    message: "SQL warehouses (databricks_sql_endpoint) must carry every cost tag plus Environment and Region in tags.custom_tags, or their compute is billed to nobody.",
    check: { block: sqlWarehouseTags, resources: ["databricks_sql_endpoint"] },
  },
  {
    id: "TAG-5",
    level: "error",
    message: "Budget policies (databricks_budget_policy) must carry every cost tag plus Environment and Region in custom_tags: they are the only tags serverless compute gets, or its spend is billed to nobody. Pass spec.tags.",
    check: { block: budgetPolicyTags, resources: ["databricks_budget_policy"] },
  },
  {
    id: "NET-1",
    level: "error",
    message: `Cluster subnets (those a databricks_mws_networks lists) must be /${PRIVATE_SUBNET_NETMASK.max} or larger: each node takes two addresses, and a full subnet stops clusters from starting. Set network.privateSubnetNetmask ≤ ${PRIVATE_SUBNET_NETMASK.max}.`,
    check: { block: clusterSubnetSize, resources: ["aws_subnet"] },
  },
  {
    id: "NET-2",
    level: "error",
    message: "A workspace network must list subnets in at least two availability zones (Databricks requires it, and one AZ outage must not stop every cluster). Give the region two or more availabilityZones.",
    check: { block: clusterSubnetsInTwoAzs, resources: ["databricks_mws_networks"] },
  },
  {
    id: "NET-3",
    level: "error",
    message: "No security group may allow ingress from 0.0.0.0/0 or ::/0: cluster nodes take no inbound traffic from the internet (secure cluster connectivity). Allow ingress from the group itself or a known CIDR.",
    check: { block: noOpenIngress, resources: [...INGRESS_TYPES] },
  },
  {
    id: "NET-4",
    level: "error",
    message: "Every VPC needs an aws_flow_log (traffic_type ALL): without one an incident leaves no network record. WorkspaceNetwork creates it; do not remove it.",
    check: { block: vpcHasFlowLog, resources: ["aws_vpc"] },
  },
  {
    id: "NET-5",
    level: "error",
    message: "Every VPC's default security group must be managed (aws_default_security_group) with no ingress or egress rules, so anything launched without a group gets no network access.",
    check: { block: defaultSecurityGroupClosed, resources: ["aws_default_security_group", "aws_vpc"] },
  },
  {
    id: "BKT-1",
    level: "error",
    message: "Every S3 bucket needs an aws_s3_bucket_public_access_block with all four settings true, so no ACL or policy can ever make it public. Use constructs/aws/protected-bucket.ts.",
    check: { block: bucketPublicAccessBlocked, resources: ["aws_s3_bucket"] },
  },
  {
    id: "BKT-2",
    level: "error",
    message: "Every S3 bucket needs an aws_s3_bucket_server_side_encryption_configuration with a default sse_algorithm, so encryption is a reviewed choice. Use constructs/aws/protected-bucket.ts.",
    check: { block: bucketEncrypted, resources: ["aws_s3_bucket"] },
  },
  {
    id: "BKT-3",
    level: "error",
    message: "Every S3 bucket needs aws_s3_bucket_versioning with status Enabled, so an overwritten or deleted object can be recovered. Use constructs/aws/protected-bucket.ts.",
    check: { block: bucketVersioned, resources: ["aws_s3_bucket"] },
  },
  {
    id: "BKT-4",
    level: "error",
    message: "Every S3 bucket policy must deny s3:* to everyone when aws:SecureTransport is false, so data never travels unencrypted. Use constructs/aws/protected-bucket.ts, which merges this statement.",
    check: { block: bucketTlsOnly, resources: ["aws_s3_bucket"] },
  },
  {
    id: "BKT-5",
    level: "error",
    message: "S3 buckets hold data: lifecycle.prevent_destroy must be true and force_destroy must not be, so no plan can delete a bucket or its objects. Suppress with a reason for a bucket that may go.",
    check: { block: bucketPreventsDestroy, resources: ["aws_s3_bucket"] },
  },
  {
    id: "BKT-6",
    level: "error",
    message: "Every S3 bucket needs aws_s3_bucket_ownership_controls with BucketOwnerEnforced: ACLs off, and objects written by Databricks stay owned by the bucket owner.",
    check: { block: bucketOwnerEnforced, resources: ["aws_s3_bucket"] },
  },
  {
    id: "BKT-7",
    level: "error",
    message: "A bucket that stores Unity Catalog data (a catalog's storage_root, an external location's url) must have every protection of BKT-1..6 (prevent_destroy, versioning, encryption, public access block, TLS only, owner enforced), whatever those rules' suppressions say: managed tables live there. Use constructs/aws/protected-bucket.ts.",
    check: { block: dataBucketProtected, resources: ["aws_s3_bucket"] },
  },
  {
    id: "IAM-1",
    level: "error",
    message: "No IAM policy may allow action \"*\" on resource \"*\": that is administrator access under another name. List the actions and resources the role needs.",
    check: { block: noAdminStatement },
  },
  {
    id: "IAM-2",
    level: "error",
    message: "A role another AWS account can assume must require sts:ExternalId in its trust policy (the confused-deputy defence); for Databricks use databricks_aws_assume_role_policy with external_id = the Databricks account id, or for Unity Catalog databricks_aws_unity_catalog_assume_role_policy with the storage credential's external id.",
    check: { block: crossAccountExternalId, resources: ["aws_iam_role"] },
  },
  {
    id: "IAM-3",
    level: "error",
    message: "Nothing may attach the AWS-managed AdministratorAccess policy: every role here has one narrow job. Attach a policy scoped to that job.",
    check: { block: noAdministratorAccess, resources: [...ATTACHMENT_ARNS.keys()] },
  },
  {
    id: "IAM-4",
    level: "error",
    message: "Every KMS key must rotate its key material (enable_key_rotation = true), so a leaked data key stops being useful within a year.",
    check: { block: kmsKeyRotates, resources: ["aws_kms_key"] },
  },
  {
    id: "DBX-1",
    level: "error",
    message: `Workspaces must use pricing_tier ${PRICING_TIERS.join(" or ")}: cluster policies, permissions and audit logs do not exist on STANDARD. Set pricingTier in regions.yaml.`,
    check: { block: workspacePricingTier, resources: ["databricks_mws_workspaces"] },
  },
  {
    id: "DBX-2",
    level: "error",
    message: "Workspaces of protected environments (environments.<env>.protected: true) must set lifecycle.prevent_destroy, so a rename or a bad plan cannot delete them.",
    check: { block: protectedWorkspacePreventsDestroy, resources: ["databricks_mws_workspaces"] },
  },
  {
    id: "DBX-3",
    level: "error",
    message: "Cluster policies must fix aws_attributes.first_on_demand at 1: the driver on demand (a reclaimed spot driver kills the whole run) and every worker on spot (a range with no maximum lets a user put them all on demand).",
    check: { block: policyOnDemandDriver, resources: ["databricks_cluster_policy"] },
  },
  {
    id: "DBX-4",
    level: "error",
    message: "Cluster policies must cap autoscale.max_workers and num_workers (range maxValue, fixed or a numeric allowlist): a fixed-size cluster skips the autoscale cap.",
    check: { block: policyCapsWorkers, resources: ["databricks_cluster_policy"] },
  },
  {
    id: "DBX-5",
    level: "error",
    message: "Cluster policies must cap dbus_per_hour with a range maxValue: one cost ceiling whatever node type and count a user picks.",
    check: { block: policyCapsDbusPerHour, resources: ["databricks_cluster_policy"] },
  },
  {
    id: "DBX-6",
    level: "error",
    message: "Cluster policies that allow all-purpose clusters must bound autotermination_minutes (fixed, or range minValue ≥ 1 and maxValue) so it cannot be 0 (off): an idle interactive cluster otherwise runs all weekend.",
    check: { block: policyLimitsAutotermination, resources: ["databricks_cluster_policy"] },
  },
  {
    id: "DBX-7",
    level: "error",
    message: "Workspaces of environments with customer-managed keys (hardening.customerManagedKeys, on by default where protected) must set storage_customer_managed_key_id and managed_services_customer_managed_key_id, so their data is encrypted with keys we control and can revoke.",
    check: { block: workspaceUsesCustomerManagedKeys, resources: ["databricks_mws_workspaces"] },
  },
  {
    id: "DBX-8",
    level: "error",
    message: "Workspaces of environments with back-end PrivateLink (hardening.privateLink) must set private_access_settings_id and register REST API and relay endpoints in their network configuration, so cluster traffic to the control plane never crosses the internet.",
    check: { block: workspaceUsesPrivateLink, resources: ["databricks_mws_networks", "databricks_mws_workspaces"] },
  },
  {
    id: "DBX-9",
    level: "error",
    message: `Workspaces of environments with customer-managed keys or back-end PrivateLink must use pricing_tier ${PRICING_TIER.enterprise}: both features exist only on that tier, and the apply fails without it. Set environments.<env>.pricingTier: ${PRICING_TIER.enterprise}.`,
    check: { block: hardenedWorkspaceOnEnterprise, resources: ["databricks_mws_workspaces"] },
  },
  {
    id: "DBX-10",
    level: "error",
    message: "Cluster policies must forbid instance_pool_id and driver_instance_pool_id: a cluster on a pool takes the pool's node type, past the node_type_id allowlist and its cost caps.",
    check: { block: policyForbidsPools, resources: ["databricks_cluster_policy"] },
  },
  {
    id: "DBX-11",
    level: "error",
    message: "Catalogs must be ISOLATED, and external locations and storage credentials ISOLATION_MODE_ISOLATED (external locations with fallback off), so each is reachable only from the workspaces bound to it: dev and prod share a metastore, and dev compute must never read prod data.",
    check: { block: unityCatalogIsolated, resources: Object.keys(ISOLATED) },
  },
  {
    id: "DBX-12",
    level: "error",
    message: "No Unity Catalog grant may give ALL_PRIVILEGES to a principal other than the workspace's admin groups (role admin in its environment) or the metastore owner: it is every privilege on the securable and everything in it. Grant the privileges the role needs in dataAccess.",
    check: { block: noAllPrivilegesForNonAdmins, resources: ["databricks_grant", "databricks_grants"] },
  },
  {
    id: "SEC-1",
    level: "error",
    message: "No credential may be written into the synthesized JSON (token, password, secret, key attributes; dapi…, AKIA…, PEM shapes): it would live in git, CI logs and state. Read credentials from the environment or a secret store.",
    check: { block: noLiteralSecrets },
  },
  {
    id: "SEC-2",
    level: "error",
    message: "Secret values (aws_secretsmanager_secret_version.secret_string, databricks_secret.string_value, SecureString parameters) must be references, e.g. to a service principal secret or random_password, never literals.",
    check: { block: secretValuesByReference, resources: ["aws_secretsmanager_secret_version", "aws_ssm_parameter", "databricks_secret"] },
  },
  {
    id: "SEC-3",
    level: "error",
    message: "An output that carries a secret (or is named like one) must be sensitive = true, or Terraform prints it in every plan and apply log.",
    check: { block: secretOutputsSensitive },
  },
  {
    id: "LIFE-1",
    level: "warning",
    message: "This region is being decommissioned (regions[].decommission: true): its stacks carry no prevent_destroy, so `cdktf destroy` can delete them. Back up notebooks, root buckets and catalog tables first, destroy config stacks before workspace stacks, and delete the entry only after the destroy (docs/lifecycle.md).",
    check: { stack: decommissioningNoted },
  },
  {
    id: "LIFE-2",
    level: "warning",
    message: "An adopted workspace needs its storage configuration adopted too (adopt.storageConfigurationId and adopt.rootBucket): a workspace cannot change it, so terraform would have to replace the workspace, and refuses (docs/lifecycle.md).",
    check: { stack: adoptedWithStorage },
  },
];
