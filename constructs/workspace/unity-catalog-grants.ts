import { Construct } from "constructs";
import { Grants } from "@cdktf/provider-databricks/lib/grants";

/** Privileges of one principal: a group's name, a service principal's application id. */
export interface UnityCatalogGrant {
  readonly principal: string;
  readonly privileges: readonly string[];
}

/** The one securable the grants are on. */
export type GrantedSecurable = { readonly catalog: string } | { readonly externalLocation: string } | { readonly metastore: string };

export interface UnityCatalogGrantsProps {
  readonly securable: GrantedSecurable;
  readonly grants: readonly UnityCatalogGrant[];
}

/**
 * Every grant on one Unity Catalog securable, authoritatively: a grant made by hand is revoked on the
 * next apply (databricks provider docs/resources/grants.md (v1.99): "Configuring this resource for a
 * securable will OVERWRITE any existing grants"), so one securable has exactly one of these in the
 * whole app. The securable's owner keeps its rights: owners are not in the grant list.
 *
 * No grants means no resource: the provider reads an empty grant list as a missing resource
 * (catalog/resource_grants.go Read, "got empty permissions list") and would create it again on every
 * plan.
 */
export class UnityCatalogGrants extends Construct {
  constructor(scope: Construct, id: string, props: UnityCatalogGrantsProps) {
    super(scope, id);
    if (props.grants.length === 0) return;
    new Grants(this, "grants", {
      ...props.securable,
      grant: props.grants.map((grant) => ({ principal: grant.principal, privileges: [...grant.privileges] })),
    });
  }
}
