import { Construct } from "constructs";
import { Catalog } from "@cdktf/provider-databricks/lib/catalog";
import { ExternalLocation } from "@cdktf/provider-databricks/lib/external-location";
import { WorkspaceBinding } from "@cdktf/provider-databricks/lib/workspace-binding";
import { UC_BINDING_SECURABLES, UC_BINDING_TYPES, UC_ISOLATION } from "../../domain/platform-facts";
import { ProtectedBucket } from "../aws/protected-bucket";
import { UnityCatalogRole } from "../aws/unity-catalog-role";
import { UnityCatalogGrants, type UnityCatalogGrant } from "./unity-catalog-grants";

/** The names a workspace catalog takes (domain/naming.ts workspaceResourceNames fits). */
export interface WorkspaceCatalogNames {
  readonly workspace: string;
  readonly catalog: string;
  readonly catalogBucket: string;
  readonly catalogRole: string;
  /** The storage credential's and the external location's name. */
  readonly catalogStorage: string;
}

export interface WorkspaceCatalogProps {
  readonly names: WorkspaceCatalogNames;
  readonly awsAccountId: string;
  /** The workspace this stack configures: the only one the catalog is bound to. */
  readonly workspaceId: number;
  readonly grants: readonly UnityCatalogGrant[];
  /** Catalog properties that say whose it is, e.g. environment and region. */
  readonly properties: Readonly<Record<string, string>>;
  /**
   * Terraform refuses any plan that destroys the catalog (a new storage root replaces it).
   * @default false
   */
  readonly protected?: boolean;
  /**
   * prevent_destroy on the catalog's bucket (ProtectedBucket); lifted only while its region is
   * decommissioned (docs/lifecycle.md).
   * @default true
   */
  readonly preventBucketDestroy?: boolean;
}

/**
 * The workspace's own Unity Catalog catalog, isolated to it, with managed storage of its own: a
 * protected bucket, reached through an IAM role registered as a storage credential and an external
 * location over the bucket, which the catalog's `storage_root` points into. Our metastores have no
 * storage root, so every catalog needs one (databricks provider docs/resources/metastore.md (v1.99)),
 * and storage per catalog is the separation the provider's guide builds for (guides/unity-catalog.md:
 * "a metastore without a storage root location or credential to maintain strict separation of
 * storage across catalogs or environments"). SRA's catalog module has the same shape.
 */
export class WorkspaceCatalog extends Construct {
  /** The catalog's name, as a reference: what is granted on it comes after it. */
  public readonly catalogName: string;
  public readonly bucketName: string;

  constructor(scope: Construct, id: string, props: WorkspaceCatalogProps) {
    super(scope, id);
    const { names } = props;
    this.bucketName = new ProtectedBucket(this, "storage", { names: { bucket: names.catalogBucket }, preventDestroy: props.preventBucketDestroy }).bucketName;
    const role = new UnityCatalogRole(this, "role", {
      names: { role: names.catalogRole, credential: names.catalogStorage },
      awsAccountId: props.awsAccountId,
      bucketName: this.bucketName,
      comment: `Managed storage of catalog ${names.catalog}`,
    });
    // Isolated: reachable only from the workspace that creates it (this one). Fallback stays off:
    // with it, access falls back to cluster credentials where Unity Catalog's are not enough
    // (external_location.md (v1.99), `fallback`), which is access Unity Catalog does not govern.
    const location = new ExternalLocation(this, "location", {
      name: names.catalogStorage,
      url: `s3://${this.bucketName}/`,
      credentialName: role.credentialName,
      isolationMode: UC_ISOLATION.storage,
      readOnly: false,
      fallback: false,
      comment: `Managed storage of catalog ${names.catalog}`,
      dependsOn: role.ready,
    });
    const catalog = new Catalog(this, "catalog", {
      name: names.catalog,
      // The same URL as the location, as SRA does: the location covers the catalog's storage.
      storageRoot: location.url,
      isolationMode: UC_ISOLATION.catalog,
      comment: `The catalog of workspace ${names.workspace}, reachable from it alone`,
      properties: { ...props.properties },
      lifecycle: props.protected ? { preventDestroy: true } : undefined,
    });
    this.catalogName = catalog.name;
    // Creating an isolated catalog already binds the workspace it is created from (catalog.md (v1.99));
    // the binding is declared too, so plans and reviews show which workspace may use the catalog.
    // Never remove this resource alone: its delete unbinds the catalog from its own workspace
    // (catalog/resource_workspace_binding.go Delete), which then cannot read it.
    new WorkspaceBinding(this, "binding", {
      securableName: catalog.name,
      securableType: UC_BINDING_SECURABLES.catalog,
      workspaceId: props.workspaceId,
      bindingType: UC_BINDING_TYPES.readWrite,
    });
    new UnityCatalogGrants(this, "grants", { securable: { catalog: catalog.name }, grants: props.grants });
  }
}
