/**
 * Who may do what with data, per workspace, from regions.yaml's `dataAccess`: the one place the
 * grant rules live, read by the config stacks (what they grant), the config checks (what they
 * refuse) and the docs (what they say).
 *
 * A grant entry applies in every environment where its principal is in the workspace (a group with a
 * role other than none there; a service principal, which every workspace has), narrowed by the
 * entry's `environments`.
 */
import type { CatalogGrantConfig, DataBucketConfig, DataBucketGrantConfig, RegionsFile } from "../config/schema/regions";
import { roleIn } from "./identity";
import { regionOwnerEnvironment } from "./workspaces";

type Config = Pick<RegionsFile, "environments" | "groups" | "dataAccess">;
export type GrantEntry = CatalogGrantConfig | DataBucketGrantConfig;

export type Principal = { readonly kind: "group" | "servicePrincipal"; readonly name: string };

/**
 * A grant to one principal. A group is granted by its name everywhere; a service principal is one
 * principal per workspace, so its grant names the environment whose principal it is.
 */
export interface ResolvedGrant {
  readonly principal: Principal;
  /** Service principals only: the environment whose workspace's principal is granted. */
  readonly environment?: string;
  readonly privileges: readonly string[];
}

/** The entry's principal, when it names exactly one (a config check reports the others). */
export function principalOf(entry: Pick<GrantEntry, "group" | "servicePrincipal">): Principal | undefined {
  if (entry.group !== undefined && entry.servicePrincipal === undefined) return { kind: "group", name: entry.group };
  if (entry.servicePrincipal !== undefined && entry.group === undefined) return { kind: "servicePrincipal", name: entry.servicePrincipal };
  return undefined;
}

/** Where a grant entry takes effect, in `environments` order. */
export function grantEnvironments(config: Pick<Config, "environments" | "groups">, entry: GrantEntry): string[] {
  const principal = principalOf(entry);
  if (!principal) return [];
  const group = principal.kind === "group" ? config.groups.find((candidate) => candidate.name === principal.name) : undefined;
  return Object.keys(config.environments).filter(
    (environment) =>
      (principal.kind === "servicePrincipal" || (group !== undefined && roleIn(group, environment) !== "none")) &&
      (entry.environments?.includes(environment) ?? true),
  );
}

/** The grants of `entries` in `environments`, one per principal (privileges merged, first-seen order). */
function resolve(config: Config, entries: readonly GrantEntry[], environments: readonly string[]): ResolvedGrant[] {
  const byPrincipal = new Map<string, ResolvedGrant>();
  for (const entry of entries) {
    const principal = principalOf(entry);
    if (!principal) continue;
    for (const environment of grantEnvironments(config, entry).filter((where) => environments.includes(where))) {
      const grantee = principal.kind === "group" ? {} : { environment };
      const key = `${principal.kind}:${principal.name}:${grantee.environment ?? ""}`;
      const before = byPrincipal.get(key)?.privileges ?? [];
      byPrincipal.set(key, { principal, ...grantee, privileges: [...new Set([...before, ...entry.privileges])] });
    }
  }
  return [...byPrincipal.values()];
}

/** Grants on the catalog of `environment`'s workspaces. */
export function catalogGrants(config: Config, environment: string): ResolvedGrant[] {
  return resolve(config, config.dataAccess.catalog, [environment]);
}

/**
 * Grants on a data bucket's external location. One location serves every environment the bucket
 * lists (they share the region's metastore), and Unity Catalog grants belong to the securable, not to
 * a workspace: the location carries what each principal may do in any environment it serves.
 */
export function dataBucketGrants(config: Config, bucket: Pick<DataBucketConfig, "name" | "environments">): ResolvedGrant[] {
  return resolve(config, config.dataAccess.dataBuckets[bucket.name] ?? [], bucket.environments);
}

/**
 * The environment whose config stack creates a data bucket's external location: the region's
 * metastore owner when the bucket serves it, else the first protected environment it serves, else
 * the first it serves (in `environments` order).
 *
 * Only a workspace the bucket serves may create it: creating an isolated location binds the
 * workspace it is created from (databricks/terraform-provider-databricks
 * catalog/resource_external_location.go (v1.99), AddCurrentWorkspaceBindings), and no resource takes
 * that binding away. A protected environment first, because the owner binds every served workspace
 * and so depends on their stacks: CI applies unprotected environments' config stacks before protected
 * environments' workspaces (cli/ci/waves.ts), so an unprotected owner binding a protected workspace
 * would wait for a stack applied after it.
 */
export function dataBucketOwner(
  config: Pick<RegionsFile, "environments">,
  bucket: Pick<DataBucketConfig, "environments">,
): string | undefined {
  const owner = regionOwnerEnvironment(config.environments);
  if (bucket.environments.includes(owner)) return owner;
  const served = Object.keys(config.environments).filter((environment) => bucket.environments.includes(environment));
  return served.find((environment) => config.environments[environment].protected) ?? served[0];
}

/** The data buckets of a region whose external location `environment`'s config stack creates. */
export function dataBucketsOwnedBy(config: Pick<RegionsFile, "environments">, region: Pick<RegionsFile["regions"][number], "dataBuckets">, environment: string): DataBucketConfig[] {
  return region.dataBuckets.filter((bucket) => dataBucketOwner(config, bucket) === environment);
}

/** What one principal may do in one workspace: on its catalog, and on each data bucket it reaches there. */
export interface WorkspaceAccessRow {
  readonly principal: Principal;
  readonly catalog: readonly string[];
  readonly dataBuckets: readonly { readonly bucket: DataBucketConfig; readonly privileges: readonly string[] }[];
}

/**
 * What each principal may do in `environment`'s workspace of `region`: its catalog grants there, and
 * the grants of every data bucket bound to that workspace that reach the principal there (a group
 * with a role in it; that workspace's own service principal). A data bucket's grants hold in every
 * workspace it serves, so a group holds there what its entries for any served environment give.
 */
export function workspaceDataAccess(config: Config & Pick<RegionsFile, "servicePrincipals">, region: Pick<RegionsFile["regions"][number], "dataBuckets">, environment: string): WorkspaceAccessRow[] {
  const inWorkspace = (grant: ResolvedGrant) =>
    grant.principal.kind === "group"
      ? roleIn(config.groups.find((group) => group.name === grant.principal.name)!, environment) !== "none"
      : grant.environment === environment;
  const principals: Principal[] = [
    ...config.groups.filter((group) => roleIn(group, environment) !== "none").map((group) => ({ kind: "group" as const, name: group.name })),
    ...config.servicePrincipals.map((principal) => ({ kind: "servicePrincipal" as const, name: principal.name })),
  ];
  const catalog = catalogGrants(config, environment);
  const buckets = region.dataBuckets
    .filter((bucket) => bucket.environments.includes(environment))
    .map((bucket) => ({ bucket, grants: dataBucketGrants(config, bucket).filter(inWorkspace) }));
  const same = (a: Principal) => (grant: ResolvedGrant) => grant.principal.kind === a.kind && grant.principal.name === a.name;
  return principals.map((principal) => ({
    principal,
    catalog: catalog.find(same(principal))?.privileges ?? [],
    dataBuckets: buckets.flatMap(({ bucket, grants }) => {
      const grant = grants.find(same(principal));
      return grant ? [{ bucket, privileges: grant.privileges }] : [];
    }),
  }));
}
