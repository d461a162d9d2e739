/**
 * The one region × environment loop. Every workspace the config describes is a place (a region
 * and an environment); stacks, guardrail rules and config checks all walk `workspacePlaces`, and
 * derive a workspace's names, tags and hardening with `workspaceIdentity`, so no two of them can
 * disagree about which workspaces exist or what they are called.
 */
import type { EnvironmentSettings, RegionsFile } from "../config/schema/regions";
import { accountObjectImportId, metastoreAssignmentImportId, type PricingTier } from "./platform-facts";
import { deploymentNameFor, regionCode, workspaceHostFor, workspaceResourceNames, type KeptNames, type WorkspaceKey, type WorkspaceResourceNames } from "./naming";
import { subnetLayout, type SubnetLayout } from "./network";

/** What the loop reads; the typed config and regions.yaml as written (`RegionsFile`) both have it. */
type Places = Pick<RegionsFile, "company" | "domain" | "regions" | "environments">;
type Identities = Places & Pick<RegionsFile, "costTags" | "deploymentNamePrefix" | "pricingTier" | "databricksAccountId">;
type Specs = Identities & Pick<RegionsFile, "network" | "spend">;

/** One workspace of the config, before anything is derived from it. */
export interface WorkspacePlace {
  readonly key: WorkspaceKey;
  /** Where the region sits in regions.yaml, for messages that name `regions[i]`. */
  readonly regionIndex: number;
  readonly region: RegionsFile["regions"][number];
  readonly environment: string;
  readonly settings: EnvironmentSettings;
}

/** What a workspace is called, tagged and hardened as: everything but its address layout. */
export interface WorkspaceIdentity {
  readonly key: WorkspaceKey;
  readonly names: WorkspaceResourceNames;
  /** `deployment_name`, from the account's deployment-name prefix; undefined without one. */
  readonly deploymentName?: string;
  /** The workspace host name when the prefix makes it predictable, e.g. acme-data-use1-prod.cloud.databricks.com. */
  readonly host?: string;
  readonly environment: string;
  readonly settings: EnvironmentSettings;
  readonly awsRegion: string;
  readonly regionCode: string;
  /** Customer-managed KMS keys for storage and managed services (default: on where protected). */
  readonly customerManagedKeys: boolean;
  readonly privateLink: boolean;
  /** The environment's pricingTier, else the account-wide one. */
  readonly pricingTier: PricingTier;
  /** Cost tags + Environment + Region: on every AWS resource, workspace, cluster and warehouse. */
  readonly tags: Readonly<Record<string, string>>;
  /** `regions[].decommission`: its region is being removed, so its stacks keep no prevent_destroy. */
  readonly decommissioning: boolean;
  /** The workspace existed before this repository (regions.yaml `adopt`): what it keeps and what is imported. */
  readonly adoption?: WorkspaceAdoption;
}

/**
 * An existing workspace taken over as it is: the names it keeps and the import id of every existing
 * object, in the format the provider docs give (domain/platform-facts/adoption.ts). What has no id
 * here is created new beside it.
 */
export interface WorkspaceAdoption {
  readonly kept: KeptNames;
  /**
   * None while its region is decommissioned: that destroys what Terraform manages and imports nothing
   * more (the names stay, so the destroy plans against what exists).
   */
  readonly importIds?: {
    readonly workspace: string;
    readonly credentials?: string;
    readonly storageConfiguration?: string;
    /** The network is adopted whole (config/checks/adoption.ts): its registration and what it names. */
    readonly network?: {
      readonly registration: string;
      readonly vpc: string;
      /** One per availability zone, in availabilityZones order. */
      readonly privateSubnets: readonly string[];
      readonly securityGroup: string;
    };
    readonly metastoreAssignment?: string;
    /** The root bucket and its bucket-level settings import by the bucket's (kept) name. */
    readonly rootBucket?: string;
    /** An IAM role imports by its (kept) name. */
    readonly crossAccountRole?: string;
  };
}

/** A workspace with everything its stacks need already derived. Stacks and constructs read this, never the raw config. */
export interface WorkspaceSpec extends WorkspaceIdentity {
  readonly availabilityZones: readonly string[];
  readonly vpcCidr: string;
  readonly subnets: SubnetLayout;
  /**
   * Metastore-level objects of the region (metastore grants, system schemas, shared external
   * locations) live in exactly one config stack per region: this one.
   */
  readonly ownsRegionMetastore: boolean;
  /** The spend dashboard (`spend.dashboard`) lives in this workspace's config stack. */
  readonly hostsSpendDashboard: boolean;
}

/** Every workspace: region by region in file order, each region's environments in file order. */
export function workspacePlaces(config: Places): WorkspacePlace[] {
  const environments = Object.entries(config.environments);
  return config.regions.flatMap((region, regionIndex) =>
    environments.map(([environment, settings]) => ({
      key: { company: config.company, domain: config.domain, awsRegion: region.region, environment },
      regionIndex,
      region,
      environment,
      settings,
    })),
  );
}

export function costTagsFor(config: Pick<RegionsFile, "costTags">, environment: string, awsRegion: string): Record<string, string> {
  return { ...config.costTags, Environment: environment, Region: awsRegion };
}

/** What an environment's hardening resolves to: customer-managed keys default to on where protected. */
export function hardeningOf(settings: EnvironmentSettings): { customerManagedKeys: boolean; privateLink: boolean } {
  return {
    customerManagedKeys: settings.hardening.customerManagedKeys ?? settings.protected,
    privateLink: settings.hardening.privateLink,
  };
}

/** The tier of an environment's workspaces: its own pricingTier, else the account-wide one. */
export function pricingTierOf(config: Pick<RegionsFile, "pricingTier">, settings: Pick<EnvironmentSettings, "pricingTier">): PricingTier {
  return settings.pricingTier ?? config.pricingTier;
}

/** Tags of account-wide AWS resources (usage logs): shared by every environment. */
export const SHARED_ENVIRONMENT = "shared";

export function workspaceIdentity(config: Identities, place: WorkspacePlace): WorkspaceIdentity {
  const { key, environment, settings } = place;
  const names = workspaceResourceNames(key);
  const decommissioning = place.region.decommission === true;
  const adopt = place.region.workspaces[environment]?.adopt;
  const adoption = adopt && adoptionOf(config.databricksAccountId, adopt, decommissioning);
  // An adopted workspace's deployment_name is left out: it has one already, and the provider
  // suppresses the diff when the configuration leaves it empty (mws/resource_mws_workspaces.go,
  // deployment_name DiffSuppressFunc), where a different one would replace the workspace.
  const keepsItsUrl = adopt !== undefined;
  return {
    key,
    names,
    deploymentName: keepsItsUrl ? undefined : deploymentNameFor(names.workspace, config.deploymentNamePrefix),
    host: keepsItsUrl ? undefined : workspaceHostFor(names.workspace, config.deploymentNamePrefix),
    decommissioning,
    ...(adoption ? { adoption } : {}),
    environment,
    settings,
    ...hardeningOf(settings),
    pricingTier: pricingTierOf(config, settings),
    awsRegion: key.awsRegion,
    regionCode: regionCode(key.awsRegion),
    tags: costTagsFor(config, environment, key.awsRegion),
  };
}

type Adopt = NonNullable<RegionsFile["regions"][number]["workspaces"][string]["adopt"]>;

function adoptionOf(databricksAccountId: string, adopt: Adopt, decommissioning: boolean): WorkspaceAdoption {
  const account = (id: string | undefined) => (id === undefined ? undefined : accountObjectImportId(databricksAccountId, id));
  const importIds: NonNullable<WorkspaceAdoption["importIds"]> = {
    workspace: accountObjectImportId(databricksAccountId, adopt.workspaceId),
    credentials: account(adopt.credentialsId),
    storageConfiguration: account(adopt.storageConfigurationId),
    network:
      adopt.networkId && adopt.vpcId && adopt.subnetIds && adopt.securityGroupId
        ? { registration: accountObjectImportId(databricksAccountId, adopt.networkId), vpc: adopt.vpcId, privateSubnets: adopt.subnetIds, securityGroup: adopt.securityGroupId }
        : undefined,
    metastoreAssignment: adopt.metastoreAssignment && metastoreAssignmentImportId(adopt.workspaceId, adopt.metastoreAssignment),
    rootBucket: adopt.rootBucket,
    crossAccountRole: adopt.crossAccountRoleName,
  };
  return {
    kept: { workspaceName: adopt.name, rootBucket: adopt.rootBucket, crossAccountRole: adopt.crossAccountRoleName },
    ...(decommissioning ? {} : { importIds }),
  };
}

/**
 * The environment whose workspace owns a region's metastore-level objects: the first environment
 * (in file order) that is protected, else the first. A metastore serves every workspace of its
 * region, and its objects must have one owner: destroying them from a second stack would remove
 * them for all (provider issue #4058, system schemas).
 */
export function regionOwnerEnvironment(environments: Readonly<Record<string, Pick<EnvironmentSettings, "protected">>>): string {
  const names = Object.keys(environments);
  return names.find((name) => environments[name].protected) ?? names[0];
}

/**
 * Where the spend dashboard lives, or undefined without `spend.dashboard`: the workspace it names,
 * else the owner workspace of the first region that is not being decommissioned (its prod, in the
 * shipped file). A decommissioned region's config stacks are destroyed, the dashboard with them, so
 * it moves to a region that stays as soon as the decommission is declared.
 */
export function spendDashboardPlace(config: Pick<RegionsFile, "regions" | "environments" | "spend">): { region: string; environment: string } | undefined {
  const dashboard = config.spend.dashboard;
  if (!dashboard) return undefined;
  const staying = config.regions.find((region) => region.decommission !== true) ?? config.regions[0];
  return dashboard.workspace ?? { region: staying.region, environment: regionOwnerEnvironment(config.environments) };
}

/** Every workspace with its subnet layout: what the stacks are built from. */
export function workspaceSpecs(config: Specs): WorkspaceSpec[] {
  const owner = regionOwnerEnvironment(config.environments);
  const dashboard = spendDashboardPlace(config);
  return workspacePlaces(config).map((place) => {
    const { region, environment } = place;
    const vpcCidr = region.workspaces[environment].vpcCidr;
    return {
      ...workspaceIdentity(config, place),
      availabilityZones: region.availabilityZones,
      vpcCidr,
      subnets: subnetLayout(vpcCidr, region.availabilityZones, config.network.privateSubnetNetmask, config.network.publicSubnetNetmask),
      ownsRegionMetastore: environment === owner,
      hostsSpendDashboard: dashboard?.region === region.region && dashboard.environment === environment,
    };
  });
}
