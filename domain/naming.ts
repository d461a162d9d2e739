/**
 * Every name the app gives to anything lives here, so a convention is changed in exactly one place.
 *
 * A Databricks workspace name, its deployment name (the URL prefix) and its root bucket cannot be
 * renamed in place: a wrong name means tearing the workspace down. Names are derived, never typed.
 */
// From the two fact files, not the index: review loads naming for state moves, and the index's
// other eight files took ~15 ms of its ~0.4 s start-up (docs/performance.md, "Review at fleet size").
import { NAME_LIMITS } from "./platform-facts/aws-limits";
import { WORKSPACE_HOST_SUFFIX } from "./platform-facts/databricks-account";

const DIRECTION_CODES: Readonly<Record<string, string>> = {
  east: "e", west: "w", north: "n", south: "s", central: "c",
  northeast: "ne", northwest: "nw", southeast: "se", southwest: "sw",
};

/** us-east-1 → use1, eu-west-1 → euw1, ap-southeast-2 → apse2, eu-central-1 → euc1. */
export function regionCode(awsRegion: string): string {
  const match = /^([a-z]{2})-([a-z]+)-(\d+)$/.exec(awsRegion);
  const direction = match && DIRECTION_CODES[match[2]];
  if (!match || !direction) throw new Error(`cannot derive a region code from "${awsRegion}"`);
  return `${match[1]}${direction}${match[3]}`;
}

export interface WorkspaceKey {
  readonly company: string;
  readonly domain: string;
  readonly awsRegion: string;
  readonly environment: string;
}

/** `<company>-<domain>-<region code>-<env>`: workspace name = stack name = the URL's host name. */
export function workspaceName(key: WorkspaceKey): string {
  return `${key.company}-${key.domain}-${regionCode(key.awsRegion)}-${key.environment}`;
}

/**
 * The workspace's `deployment_name` under the account's deployment-name prefix. Databricks puts the
 * prefix in front (`<prefix>-<deployment_name>`), so a name that already starts with `<prefix>-`
 * drops it and the URL is the workspace name itself (`acme` + `acme-data-use1-prod` →
 * `data-use1-prod`); any other name is kept whole. Without a prefix there is none: Databricks
 * rejects the field and generates the URL.
 */
export function deploymentNameFor(workspace: string, prefix: string | undefined): string | undefined {
  if (prefix === undefined) return undefined;
  return workspace.startsWith(`${prefix}-`) ? workspace.slice(prefix.length + 1) : workspace;
}

/** The host name Databricks gives the workspace, when the prefix makes it predictable. */
export function workspaceHostFor(workspace: string, prefix: string | undefined): string | undefined {
  const deployment = deploymentNameFor(workspace, prefix);
  return deployment === undefined ? undefined : `${prefix}-${deployment}${WORKSPACE_HOST_SUFFIX}`;
}

/**
 * A Unity Catalog object name from name parts: lowercase words joined by underscores, a plain SQL
 * identifier (UC_NAME_PATTERN), e.g. `acme_data_use1_prod`.
 */
function ucName(...parts: readonly string[]): string {
  return parts.join("_");
}

/** Names of everything one workspace stack creates, all derived from the workspace name. */
export function workspaceResourceNames(key: WorkspaceKey) {
  const workspace = workspaceName(key);
  const catalog = ucName(key.company, key.domain, regionCode(key.awsRegion), key.environment);
  return {
    workspace,
    stack: workspace,
    configStack: `${workspace}-config`,
    rootBucket: `${workspace}-root`,
    crossAccountRole: `${workspace}-crossaccount`,
    credentials: `${workspace}-credentials`,
    storageConfiguration: `${workspace}-storage`,
    network: `${workspace}-network`,
    vpc: `${workspace}-vpc`,
    privateSubnet: (az: string) => `${workspace}-private-${az}`,
    publicSubnet: (az: string) => `${workspace}-public-${az}`,
    natGateway: (az: string) => `${workspace}-nat-${az}`,
    privateRouteTable: (az: string) => `${workspace}-private-${az}`,
    publicRouteTable: `${workspace}-public`,
    internetGateway: `${workspace}-igw`,
    securityGroup: `${workspace}-workspace`,
    defaultSecurityGroup: `${workspace}-default-closed`,
    endpoint: (service: string) => `${workspace}-${service}`,
    flowLogGroup: `/vpc/${workspace}/flow-logs`,
    /** KMS key alias and Databricks key configuration per use: `managed-services` or `storage`. */
    keyAlias: (use: string) => `alias/${workspace}-${use}`,
    privateLinkSecurityGroup: `${workspace}-privatelink`,
    privateLinkSubnet: (az: string) => `${workspace}-privatelink-${az}`,
    privateLinkRouteTable: `${workspace}-privatelink`,
    privateLinkEndpoint: (service: string) => `${workspace}-${service}`,
    privateAccessSettings: `${workspace}-private-access`,
    clusterPolicy: (policy: string) => `${workspace}-${policy}`,
    warehouse: (warehouse: string) => `${workspace}-${warehouse}`,
    /** Account-level service principal for a role such as `airflow`. */
    servicePrincipal: (role: string) => `${workspace}-${role}`,
    /** Where that principal's OAuth secret lives: only AWS Secrets Manager, never an output. */
    servicePrincipalSecret: (role: string) => `databricks/${workspace}/${role}`,
    flowLogRole: `${workspace}-flowlogs`,
    /** The workspace's own Unity Catalog catalog: a SQL identifier, `<company>_<domain>_<code>_<env>`. */
    catalog,
    /** Its managed storage: the bucket, the IAM role Unity Catalog assumes for it, and the storage credential and external location (one name) over it. */
    catalogBucket: `${workspace}-catalog`,
    catalogRole: `${workspace}-catalog`,
    catalogStorage: ucName(catalog, "storage"),
    /** The workspace's serverless budget policy (account level; unique among active policies). */
    budgetPolicy: workspace,
  } as const;
}

/** Names an adopted workspace may keep instead of the convention's (regions.yaml `adopt`). */
type KeptName = "workspace" | "rootBucket" | "crossAccountRole";

/** A workspace's names: the convention's (workspaceResourceNames), or with what an adopted one keeps (withKeptNames). */
export type WorkspaceResourceNames = Omit<ReturnType<typeof workspaceResourceNames>, KeptName> & { readonly [K in KeptName]: string };

/** What an adopted workspace already is called (`adopt.name`, `adopt.rootBucket`, `adopt.crossAccountRoleName`). */
export interface KeptNames {
  readonly workspaceName?: string;
  readonly rootBucket?: string;
  readonly crossAccountRole?: string;
}

/**
 * The names an adopted workspace's resources get: the convention's, except the names it already has
 * and keeps. Nothing adopted is renamed: a workspace's name, its root bucket (through the storage
 * configuration) and an IAM role's name all force a replacement when they change. Everything else
 * (the stack, the new objects beside the adopted ones) keeps the convention's name.
 */
export function withKeptNames(names: WorkspaceResourceNames, kept: KeptNames): WorkspaceResourceNames {
  return {
    ...names,
    workspace: kept.workspaceName ?? names.workspace,
    rootBucket: kept.rootBucket ?? names.rootBucket,
    crossAccountRole: kept.crossAccountRole ?? names.crossAccountRole,
  };
}

export interface RegionKey {
  readonly company: string;
  readonly domain: string;
  readonly awsRegion: string;
}

/**
 * Names of a region's objects that no one workspace owns: the data buckets of regions.yaml, each
 * reached through one external location its region's workspaces share (they share the metastore).
 */
export function regionResourceNames(key: RegionKey) {
  const code = regionCode(key.awsRegion);
  const rolePrefix = `${key.company}-${key.domain}-${code}-lake-`;
  return {
    /** Every data-bucket IAM role starts so; the naming guardrail accepts it in the region's config stacks. */
    dataBucketRolePrefix: rolePrefix,
    /** The IAM role Unity Catalog assumes for data bucket `name`, and its storage credential and external location (one name). */
    dataBucket: (name: string) => ({ role: `${rolePrefix}${name}`, location: ucName(key.company, key.domain, code, "lake", name) }),
  } as const;
}

export type RegionResourceNames = ReturnType<typeof regionResourceNames>;

export interface AccountKey {
  readonly company: string;
  readonly domain: string;
}

/** Names of the account-wide pieces: one stack, one metastore per region, the usage-log bucket, spend. */
export function accountResourceNames(key: AccountKey) {
  const prefix = `${key.company}-${key.domain}`;
  return {
    stack: `${prefix}-account`,
    metastore: (awsRegion: string) => `${prefix}-${regionCode(awsRegion)}`,
    usageLogBucket: `${prefix}-usage-logs`,
    logDeliveryRole: `${prefix}-log-delivery`,
    logDeliveryCredentials: `${prefix}-log-delivery`,
    logDeliveryStorage: `${prefix}-usage-logs`,
    logDelivery: (kind: string) => `${prefix}-${kind}`,
    /** One account budget per tag value and alert threshold, e.g. `acme-data CostCenter=CC-4410 at 80%`. */
    budget: (tagKey: string, tagValue: string, percent: number) => `${prefix} ${tagKey}=${tagValue} at ${percent}%`,
    spendDashboard: `${prefix} spend`,
    /** The spend dashboard's workspace folder: changing it replaces the dashboard. */
    spendDashboardFolder: `/Shared/${prefix}-spend`,
  } as const;
}

export type AccountResourceNames = ReturnType<typeof accountResourceNames>;

/** A stack's state object in the S3 state bucket: `<keyPrefix>/<stack>.tfstate`, one per stack. */
export function stateKey(keyPrefix: string, stackName: string): string {
  return `${keyPrefix}/${stackName}.tfstate`;
}

/**
 * Where a stack keeps its state without a `state` block (a trial run), relative to the project
 * folder: outside the output folder, because `cdktf synth` deletes the folder of every stack no
 * longer in the app, a local state file inside it included (cdktf-cli synth-stack.js, orphaned
 * directories).
 */
export const LOCAL_STATE_DIR = "terraform-state";

export function localStateFile(stackName: string): string {
  return `${LOCAL_STATE_DIR}/${stackName}.tfstate`;
}

/** Names of what CI stands on: the state bucket and its key, the CI roles and service principals. */
export function bootstrapResourceNames(key: AccountKey) {
  const prefix = `${key.company}-${key.domain}`;
  return {
    stack: `${prefix}-bootstrap`,
    /** The state bucket's name until regions.yaml's `state` block names it (the bootstrap's first run). */
    stateBucket: `${prefix}-terraform-state`,
    stateKeyAlias: `alias/${prefix}-terraform-state`,
    planRole: `${prefix}-ci-plan`,
    applyRole: `${prefix}-ci-apply`,
    /** The Databricks service principals CI authenticates as (created by an account admin: docs/ci.md). */
    planServicePrincipal: `${prefix}-ci-plan`,
    applyServicePrincipal: `${prefix}-ci-apply`,
    /** Every IAM role, S3 bucket and flow-log group the app names starts with it: the apply role's reach. */
    resourcePrefix: `${prefix}-`,
  } as const;
}

export type BootstrapResourceNames = ReturnType<typeof bootstrapResourceNames>;

/**
 * The GitHub environment the drift workflow's plan jobs run in (.github/workflows/drift.yml): the plan
 * role trusts it, so no regions.yaml environment (whose jobs the apply role trusts) may share it.
 */
export const CI_DRIFT_ENVIRONMENT = "drift";

/**
 * The state key's alias as an ARN, every S3 backend's `kms_key_id` unless `state.kmsKeyId` names
 * another key: known before the key exists (a key's id is not). Terraform's S3 backend accepts an
 * alias ARN (its validateKMSKeyARN takes `key/…` and `alias/…` resources; checked with terraform 1.11.4).
 */
export function stateKeyAliasArn(key: AccountKey & { readonly awsAccountId: string }, stateRegion: string): string {
  return `arn:aws:kms:${stateRegion}:${key.awsAccountId}:${bootstrapResourceNames(key).stateKeyAlias}`;
}

/** Every derived name with the limit it must fit, for the config check before anything is built. */
export function limitedNames(key: WorkspaceKey, deploymentNamePrefix?: string): { name: string; what: string; limit: number }[] {
  const names = workspaceResourceNames(key);
  const host = workspaceHostFor(names.workspace, deploymentNamePrefix);
  return [
    ...(host ? [{ name: host.slice(0, -WORKSPACE_HOST_SUFFIX.length), what: "workspace host name (DNS label: prefix and deployment name)", limit: NAME_LIMITS.dnsLabel }] : []),
    { name: names.rootBucket, what: "root bucket name", limit: NAME_LIMITS.s3Bucket },
    { name: names.crossAccountRole, what: "cross-account IAM role name", limit: NAME_LIMITS.iamRole },
    { name: names.flowLogRole, what: "flow-log IAM role name", limit: NAME_LIMITS.iamRole },
    { name: names.catalogBucket, what: "catalog bucket name", limit: NAME_LIMITS.s3Bucket },
    { name: names.catalogRole, what: "catalog storage IAM role name", limit: NAME_LIMITS.iamRole },
  ];
}
