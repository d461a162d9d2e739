/**
 * The data layer of one config stack: the workspace's own catalog, the region's metastore grants
 * and the data buckets whose external locations this stack owns (domain/data-access.ts decides
 * which), with every grant regions.yaml's `dataAccess` gives.
 */
import type { Construct } from "constructs";
import type { RegionsConfig } from "../../config/schema/regions";
import { catalogGrants, dataBucketGrants, dataBucketsOwnedBy, type ResolvedGrant } from "../../domain/data-access";
import { regionResourceNames } from "../../domain/naming";
import type { WorkspaceSpec } from "../../domain/workspaces";
import { DataBucketLocation } from "../../constructs/workspace/data-bucket-location";
import { UnityCatalogGrants, type UnityCatalogGrant } from "../../constructs/workspace/unity-catalog-grants";
import { WorkspaceCatalog } from "../../constructs/workspace/workspace-catalog";

/** What the data layer reads from the region's other stacks. */
export interface RegionStacks {
  /** The metastore the region's workspaces are assigned to. */
  readonly metastoreId: string;
  /** The id of the workspace of an environment in this region. */
  workspaceId(environment: string): number;
  /** The application id of the service principal for `role` in an environment's workspace. */
  servicePrincipalApplicationId(environment: string, role: string): string;
}

export function buildDataLayer(scope: Construct, config: RegionsConfig, spec: WorkspaceSpec, region: RegionStacks): void {
  // Groups by name; a service principal by the application id of its principal in that workspace.
  const principals = (grants: readonly ResolvedGrant[]): UnityCatalogGrant[] =>
    grants.map(({ principal, environment, privileges }) => ({
      principal: principal.kind === "group" ? principal.name : region.servicePrincipalApplicationId(environment!, principal.name),
      privileges,
    }));

  new WorkspaceCatalog(scope, "catalog", {
    names: spec.names,
    awsAccountId: config.awsAccountId,
    workspaceId: region.workspaceId(spec.environment),
    grants: principals(catalogGrants(config, spec.environment)),
    properties: { environment: spec.environment, region: spec.awsRegion },
    // A decommissioned region's catalogs go with `cdktf destroy`, their buckets too (once emptied).
    protected: spec.settings.protected && !spec.decommissioning,
    preventBucketDestroy: !spec.decommissioning,
  });

  const entry = config.regions.find((candidate) => candidate.region === spec.awsRegion)!;
  // Authoritative metastore grants revoke every grant not listed, so they are managed only on the
  // metastores this app creates: an existing one is the account's one metastore for the region,
  // shared with workspaces this app does not know, whose grants they would revoke.
  if (spec.ownsRegionMetastore && entry.metastoreId === undefined) {
    new UnityCatalogGrants(scope, "metastore-grants", {
      securable: { metastore: region.metastoreId },
      grants: config.unityCatalog.metastoreGrants.map((grant) => ({ principal: grant.group, privileges: grant.privileges })),
    });
  }

  const names = regionResourceNames(spec.key);
  for (const bucket of dataBucketsOwnedBy(config, entry, spec.environment)) {
    new DataBucketLocation(scope, `data-bucket-${bucket.name}`, {
      names: names.dataBucket(bucket.name),
      awsAccountId: config.awsAccountId,
      bucketName: bucket.bucket,
      prefix: bucket.prefix,
      readOnly: bucket.access === "readOnly",
      workspaces: Object.keys(config.environments)
        .filter((environment) => bucket.environments.includes(environment))
        .map((environment) => ({ environment, workspaceId: region.workspaceId(environment) })),
      grants: principals(dataBucketGrants(config, bucket)),
    });
  }
}
