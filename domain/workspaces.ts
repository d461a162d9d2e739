/**
 * The typed regions become a flat list of workspaces, each with everything its stacks need already
 * derived: names, subnet layout, tags. Stacks and constructs read this, never the raw config.
 */
import type { EnvironmentSettings, RegionsConfig, RegionsFile } from "../config/schema/regions";
import type { PricingTier } from "./platform-facts";
import { deploymentNameFor, regionCode, workspaceHostFor, workspaceResourceNames, type WorkspaceKey, type WorkspaceResourceNames } from "./naming";
import { subnetLayout, type SubnetLayout } from "./network";

export interface WorkspaceSpec {
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
  readonly availabilityZones: readonly string[];
  readonly vpcCidr: string;
  readonly subnets: SubnetLayout;
  /** Customer-managed KMS keys for storage and managed services (default: on where protected). */
  readonly customerManagedKeys: boolean;
  readonly privateLink: boolean;
  /** The environment's pricingTier, else the account-wide one. */
  readonly pricingTier: PricingTier;
  /** Cost tags + Environment + Region: on every AWS resource, workspace, cluster and warehouse. */
  readonly tags: Readonly<Record<string, string>>;
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

export function workspaceSpecs(config: RegionsConfig): WorkspaceSpec[] {
  const environments = Object.keys(config.environments);
  return config.regions.flatMap((region) =>
    environments.map((environment) => {
      const key = { company: config.company, domain: config.domain, awsRegion: region.region, environment };
      const vpcCidr = region.workspaces[environment].vpcCidr;
      const names = workspaceResourceNames(key);
      return {
        key,
        names,
        deploymentName: deploymentNameFor(names.workspace, config.deploymentNamePrefix),
        host: workspaceHostFor(names.workspace, config.deploymentNamePrefix),
        environment,
        settings: config.environments[environment],
        ...hardeningOf(config.environments[environment]),
        pricingTier: pricingTierOf(config, config.environments[environment]),
        awsRegion: region.region,
        regionCode: regionCode(region.region),
        availabilityZones: region.availabilityZones,
        vpcCidr,
        subnets: subnetLayout(
          vpcCidr,
          region.availabilityZones,
          config.network.privateSubnetNetmask,
          config.network.publicSubnetNetmask,
        ),
        tags: costTagsFor(config, environment, region.region),
      };
    }),
  );
}
