/**
 * The shape of regions.yaml. Everything downstream reads the typed `RegionsConfig` this produces,
 * never YAML. Objects are strict: an unknown key is a typo until proven otherwise.
 */
import type { output } from "zod";
import { z } from "./zod";
import { ACCOUNT_DEFAULTS, ENVIRONMENT_DEFAULTS, NETWORK_DEFAULTS, REGION_DEFAULTS, STATE_DEFAULTS } from "../defaults";
import { Adopt } from "./adoption";
import { AllUsersEntitlements, Group, ServicePrincipal, UnityCatalog } from "./identity";
import { ClusterLimits, ClusterPolicy, UsageLogs, Warehouse } from "./compute";
import { DataAccess, DataBucket } from "./data-access";
import { Spend } from "./spend";
import { Github } from "./ci";
import type { ClusterType } from "../../domain/platform-facts";
import type { PolicyDefinition } from "./policy-language";
import { PRICING_TIER, PRICING_TIERS } from "../../domain/platform-facts";
import { PRIVATE_SUBNET_NETMASK, PUBLIC_SUBNET_NETMASK } from "../../domain/network";

const slug = (what: string) =>
  z
    .string()
    .regex(/^[a-z][a-z0-9]{1,19}$/, {
      error: `expected a ${what}: 2-20 lowercase letters or digits, starting with a letter`,
    });

/** AWS tag values: letters, digits, spaces and _ . : / = + - @ (1-256 characters). */
const tagValue = z
  .string()
  .regex(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,256}$/u, {
    error: "expected a tag value: 1-256 letters, digits, spaces or _ . : / = + - @",
  });

const cidr = z.string().meta({ description: "IPv4 CIDR block, e.g. 10.20.0.0/16" });

export const environmentName = z
  .string()
  .regex(/^[a-z][a-z0-9]{1,9}$/, {
    error: "expected an environment name: 2-10 lowercase letters or digits, starting with a letter",
  });

const CostTags = z
  .strictObject({
    CostCenter: tagValue.meta({ description: "Finance cost center charged for the spend." }),
    Project: tagValue.meta({ description: "Project or product the workspaces serve." }),
    Team: tagValue.meta({ description: "Team that runs the workspaces." }),
    Owner: tagValue.meta({ description: "Accountable contact (an e-mail or alias)." }),
  })
  .meta({ description: "Cost tags every resource carries; Environment and Region are added per workspace." });

const Environment = z.strictObject({
  pricingTier: z
    .enum(PRICING_TIERS)
    .optional()
    .meta({ description: `This environment's workspace tier, overriding the top-level pricingTier; ${PRICING_TIER.enterprise} is needed for customer-managed keys and PrivateLink.` }),
  natGateways: z
    .enum(["single", "perAz"])
    .default(ENVIRONMENT_DEFAULTS.natGateways)
    .meta({ description: "One NAT gateway for the VPC, or one per AZ (survives an AZ outage)." }),
  protected: z
    .boolean()
    .default(ENVIRONMENT_DEFAULTS.protected)
    .meta({ description: "prevent_destroy on the workspace: terraform refuses any plan that deletes it." }),
  legacyAccess: z
    .boolean()
    .default(ENVIRONMENT_DEFAULTS.legacyAccess)
    .meta({
      description:
        "false: the legacy Hive metastore and DBFS root/mounts are switched off in every workspace (Unity Catalog only, as SRA does); true: kept, and the security group opens egress 3306 so clusters reach hive_metastore.",
    }),
  clusters: ClusterLimits.prefault({}),
  hardening: z
    .strictObject({
      customerManagedKeys: z
        .boolean()
        .optional()
        .meta({ description: "KMS keys of our own for workspace storage and managed services; default: on where `protected` (prod)." }),
      privateLink: z
        .boolean()
        .default(false)
        .meta({ description: "Back-end PrivateLink: cluster traffic to the control plane (REST API, relay) stays on AWS." }),
    })
    .prefault({})
    .meta({ description: "Security hardening of the environment's workspaces." }),
});

const Workspace = z.strictObject({
  vpcCidr: cidr.meta({ description: "The workspace VPC, pinned here: never derived, never moved." }),
  adopt: Adopt.optional(),
});

const Region = z.strictObject({
  region: z.string().meta({ description: "AWS region where Databricks runs, e.g. eu-west-1; once per file." }),
  availabilityZones: z
    .array(z.string())
    .min(2, { error: "expected at least 2 availability zones" })
    .meta({ description: "AZs for private subnets (one per AZ). Order matters: subnets are laid out in it." }),
  workspaces: z
    .record(z.string(), Workspace)
    .meta({ description: "One entry per configured environment, keyed by its name." }),
  metastoreId: z
    .guid({ error: "expected the id of the region's existing Unity Catalog metastore, a UUID" })
    .optional()
    .meta({
      description:
        "The region's existing metastore (an account holds one per region; Databricks may have created it): both workspaces are assigned to it and none is created. Absent: the account stack creates one.",
    }),
  decommission: z
    .boolean()
    .default(REGION_DEFAULTS.decommission)
    .meta({
      description:
        "true: the region is being removed. Its stacks stay in the synth without prevent_destroy so `cdktf destroy` can delete them; delete the entry only after that (docs/lifecycle.md). Deleting the entry alone leaves everything running, unmanaged.",
    }),
  dataBuckets: z
    .array(DataBucket)
    .default([])
    .meta({ description: "Existing data-lake buckets the region's workspaces reach through Unity Catalog; grants under dataAccess.dataBuckets." }),
});

const Network = z.strictObject({
  privateSubnetNetmask: z
    .int()
    .default(NETWORK_DEFAULTS.privateSubnetNetmask)
    .meta({ description: `Private (cluster) subnet size, /${PRIVATE_SUBNET_NETMASK.min} to /${PRIVATE_SUBNET_NETMASK.max}.` }),
  publicSubnetNetmask: z
    .int()
    .default(NETWORK_DEFAULTS.publicSubnetNetmask)
    .meta({ description: `Public (NAT) subnet size, /${PUBLIC_SUBNET_NETMASK.min} to /${PUBLIC_SUBNET_NETMASK.max}.` }),
  flowLogRetentionDays: z
    .int()
    .positive()
    .default(NETWORK_DEFAULTS.flowLogRetentionDays)
    .meta({ description: "Days VPC flow logs stay in CloudWatch Logs." }),
  addressPool: cidr
    .optional()
    .meta({ description: "Where `npm run onboard` allocates VPC CIDRs for a new region." }),
});

const State = z.strictObject({
  bucket: z.string().meta({ description: "S3 bucket for Terraform state: the bootstrap stack's (`<company>-<domain>-terraform-state` on its first run)." }),
  region: z.string().meta({ description: "Region of the state bucket." }),
  keyPrefix: z
    .string()
    .default(STATE_DEFAULTS.keyPrefix)
    .meta({ description: "State key is `<keyPrefix>/<stack>.tfstate`." }),
  kmsKeyId: z
    .string()
    .regex(/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[\w/-]+$/, {
      error: "expected the ARN of a KMS key or alias, e.g. arn:aws:kms:us-east-1:123456789012:alias/acme-data-terraform-state",
    })
    .optional()
    .meta({
      description:
        "The KMS key every stack's state is written with (S3 backend kms_key_id). Default: the bootstrap stack's key, by its alias ARN arn:aws:kms:<region>:<awsAccountId>:alias/<company>-<domain>-terraform-state.",
    }),
});

const Suppression = z
  .strictObject({
    rule: z
      .string()
      .regex(/^[A-Z]+-\d+$/, { error: "expected a rule ID such as NET-3" })
      .meta({ description: "The guardrail rule ID, e.g. NET-3 (see docs/guardrails.md)." }),
    resources: z
      .array(z.string().min(1))
      .min(1, { error: "expected at least one stack/resource glob" })
      .meta({ description: "Globs over `<stack>/<resource address>`, e.g. `acme-data-*-dev/aws_flow_log.*`." }),
    reason: z
      .string()
      .trim()
      .min(10, { error: "expected a reason of at least 10 characters" })
      .meta({ description: "Why the rule does not apply here; reviewed like code." }),
  })
  .meta({ description: "An accepted exception to a guardrail rule." });

export const RegionsConfigSchema = z
  .strictObject({
    company: slug("company name").meta({ description: "First part of every name: `<company>-<domain>-<region code>-<env>`." }),
    domain: slug("domain name").meta({ description: "Second part of every name (the business domain, e.g. data)." }),
    databricksAccountId: z
      .guid({ error: "expected the Databricks account id, a UUID" })
      .meta({ description: "Databricks account id (a UUID; not a secret)." }),
    awsAccountId: z
      .string()
      .regex(/^\d{12}$/, { error: "expected a 12-digit AWS account id in quotes" })
      .meta({ description: "AWS account the workspaces run in (quoted, 12 digits); scopes the cross-account policy." }),
    deploymentNamePrefix: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,18}[a-z0-9])?$/, {
        error: "expected the account's deployment-name prefix as Databricks set it: 1-20 lowercase letters, digits or -",
      })
      .optional()
      .meta({
        description:
          "The deployment-name prefix Databricks set on the account; workspace URLs become <prefix>-<deployment_name>.cloud.databricks.com, and deployment_name drops the prefix from the workspace name. Absent: Databricks generates the URLs.",
      }),
    pricingTier: z
      .enum(PRICING_TIERS)
      .default(ACCOUNT_DEFAULTS.pricingTier)
      .meta({ description: `Tier of every workspace unless its environment sets one; cluster policies and permissions need ${PRICING_TIER.premium} or above.` }),
    costTags: CostTags,
    state: State.optional().meta({ description: "Remote state; absent means local state files under terraform-state/ (a trial, and the bootstrap stack's first run)." }),
    github: Github.optional(),
    network: Network.prefault({}).meta({ description: "Subnet sizes and the address pool for new regions." }),
    environments: z
      .record(environmentName, Environment)
      .meta({ description: "The environments every region gets, e.g. dev and prod." }),
    regions: z
      .array(Region)
      .min(1, { error: "expected at least one region" })
      .meta({ description: "One entry per AWS region; each gets a workspace per environment." }),
    groups: z.array(Group).default([]).meta({ description: "Account groups and their role in each environment." }),
    allUsersEntitlements: AllUsersEntitlements.prefault({}),
    servicePrincipals: z
      .array(ServicePrincipal)
      .default([])
      .meta({ description: "Machine identities created once per workspace, e.g. airflow." }),
    clusterPolicies: z
      .array(ClusterPolicy)
      .default([])
      .meta({ description: "Cluster policies created in every workspace, from JSON files under policies/." }),
    warehouses: z.array(Warehouse).default([]).meta({ description: "SQL warehouses created in every workspace." }),
    usageLogs: UsageLogs.prefault({}).meta({ description: "Billable-usage and audit log delivery (account stack)." }),
    unityCatalog: UnityCatalog.prefault({}).meta({ description: "Unity Catalog: one metastore per region." }),
    dataAccess: DataAccess.prefault({}),
    spend: Spend(Object.keys(CostTags.shape), tagValue).prefault({}),
    suppressions: z
      .array(Suppression)
      .default([])
      .meta({ description: "Accepted exceptions to guardrail rules (docs/guardrails.md)." }),
  })
  .meta({ title: "regions.yaml", description: "Databricks workspaces on AWS, one per region and environment." });

/** regions.yaml as written, with defaults applied; what the `check…` functions see. */
export type RegionsFile = Readonly<output<typeof RegionsConfigSchema>>;
export type ClusterPolicyEntry = RegionsFile["clusterPolicies"][number];

/** A cluster policy entry with its definition file read and checked. */
export interface ClusterPolicyConfig extends ClusterPolicyEntry {
  /** The policy file as reported in messages, e.g. `policies/job.json`. */
  readonly path: string;
  readonly description: string;
  readonly definition: PolicyDefinition;
  readonly clusterType: ClusterType;
}

/** The validated configuration everything downstream builds from. */
export type RegionsConfig = Readonly<Omit<RegionsFile, "clusterPolicies"> & { clusterPolicies: ClusterPolicyConfig[] }>;
export type RegionEntry = RegionsConfig["regions"][number];
export type EnvironmentSettings = RegionsConfig["environments"][string];
export type GroupConfig = RegionsConfig["groups"][number];
export type ServicePrincipalConfig = RegionsConfig["servicePrincipals"][number];
export type EntitlementsConfig = GroupConfig["entitlements"];
export type ClusterLimitsConfig = EnvironmentSettings["clusters"];
export type WarehouseConfig = RegionsConfig["warehouses"][number];
export type PrincipalsConfig = ClusterPolicyEntry["canUse"];
export type DataBucketConfig = RegionEntry["dataBuckets"][number];
export type CatalogGrantConfig = RegionsConfig["dataAccess"]["catalog"][number];
export type DataBucketGrantConfig = RegionsConfig["dataAccess"]["dataBuckets"][string][number];
export type MetastoreGrantConfig = RegionsConfig["unityCatalog"]["metastoreGrants"][number];
