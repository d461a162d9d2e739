import { Construct } from "constructs";
import { ExternalLocation } from "@cdktf/provider-databricks/lib/external-location";
import { WorkspaceBinding } from "@cdktf/provider-databricks/lib/workspace-binding";
import { UC_BINDING_SECURABLES, UC_BINDING_TYPES, UC_ISOLATION } from "../../domain/platform-facts";
import { UnityCatalogRole } from "../aws/unity-catalog-role";
import { UnityCatalogGrants, type UnityCatalogGrant } from "./unity-catalog-grants";

/** The IAM role's name, and the storage credential's and external location's (domain/naming.ts regionResourceNames().dataBucket fits). */
export interface DataBucketLocationNames {
  readonly role: string;
  readonly location: string;
}

export interface DataBucketLocationProps {
  readonly names: DataBucketLocationNames;
  readonly awsAccountId: string;
  /** An existing bucket in `awsAccountId`. */
  readonly bucketName: string;
  /** The path inside it, ending in `/`; empty for the whole bucket. */
  readonly prefix: string;
  readonly readOnly: boolean;
  /**
   * Every workspace that may reach the location (the one this stack configures among them), by the
   * environment it serves: the environment names each binding, so adding one never moves another.
   */
  readonly workspaces: readonly { readonly environment: string; readonly workspaceId: number }[];
  readonly grants: readonly UnityCatalogGrant[];
}

/**
 * An existing data-lake bucket (or a prefix of it) as one Unity Catalog external location of the
 * region's metastore, isolated to the workspaces that may use it, with its grants.
 *
 * One location per region, not per workspace: locations cannot overlap (docs.databricks.com/aws/
 * volumes/paths) and a region's workspaces share one metastore. Its credential stays bound to the
 * workspace that creates it: binding a credential limits where privileges *on the credential* (such
 * as creating locations) can be used (docs.databricks.com/aws/en/connect/unity-catalog/cloud-storage/
 * manage-storage-credentials, "Assign a storage credential to specific workspaces"); reading goes
 * through the location, which every serving workspace is bound to.
 */
export class DataBucketLocation extends Construct {
  public readonly locationName: string;

  constructor(scope: Construct, id: string, props: DataBucketLocationProps) {
    super(scope, id);
    const access = props.readOnly ? "read-only" : "read-write";
    const role = new UnityCatalogRole(this, "role", {
      names: { role: props.names.role, credential: props.names.location },
      awsAccountId: props.awsAccountId,
      bucketName: props.bucketName,
      readOnly: props.readOnly,
      comment: `Data bucket ${props.bucketName}/${props.prefix} (${access})`,
    });
    const location = new ExternalLocation(this, "location", {
      name: props.names.location,
      url: `s3://${props.bucketName}/${props.prefix}`,
      credentialName: role.credentialName,
      isolationMode: UC_ISOLATION.storage,
      readOnly: props.readOnly,
      // Off, so cluster credentials never stand in for Unity Catalog's (external_location.md (v1.99), `fallback`).
      fallback: false,
      comment: `Data bucket ${props.bucketName}/${props.prefix} (${access})`,
      dependsOn: role.ready,
    });
    this.locationName = location.name;
    // Creating an isolated location binds the creating workspace; the bindings declare every serving
    // workspace, that one included, so plans show exactly where the data is reachable. Removing one
    // unbinds that workspace (catalog/resource_workspace_binding.go Delete).
    for (const { environment, workspaceId } of props.workspaces) {
      new WorkspaceBinding(this, `binding-${environment}`, {
        securableName: location.name,
        securableType: UC_BINDING_SECURABLES.externalLocation,
        workspaceId,
        bindingType: props.readOnly ? UC_BINDING_TYPES.readOnly : UC_BINDING_TYPES.readWrite,
      });
    }
    new UnityCatalogGrants(this, "grants", { securable: { externalLocation: location.name }, grants: props.grants });
  }
}
