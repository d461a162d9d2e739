import { Construct } from "constructs";
import { Token, type ITerraformDependable } from "cdktf";
import { MetastoreAssignment } from "@cdktf/provider-databricks/lib/metastore-assignment";
import { Sleep } from "@cdktf/provider-time/lib/sleep";
import { WORKSPACE_READY_WAIT } from "../../domain/platform-facts";
import { importExisting } from "../import-block";

export interface MetastoreAttachmentProps {
  readonly workspaceId: number;
  readonly metastoreId: string;
  /**
   * How long to wait after the workspace exists before it is configured.
   * @default WORKSPACE_READY_WAIT (60 s, as SRA waits)
   */
  readonly readyDelay?: string;
  /**
   * Import id (`<workspace_id>|<metastore_id>`) of an assignment that exists (an adopted workspace).
   * @default the workspace is assigned here
   */
  readonly existingAssignment?: string;
}

/**
 * Attaches a new workspace to its region's Unity Catalog metastore. The assignment is what turns on
 * identity federation (docs.databricks.com/aws/en/data-governance/unity-catalog/enable-workspaces),
 * and account-level permission assignments fail without it ("Permission assignment APIs are not
 * available for this workspace", provider issue #5282), so they wait for it, as SRA's user
 * assignment does (aws/tf/main.tf `depends_on = [module.unity_catalog_metastore_assignment]`). They
 * also wait for the pause SRA takes after creating a workspace (`time_sleep.wait_for_workspace`, 60 s),
 * which SRA puts before its workspace-level settings: a workspace is not always found by id at once.
 * The config stack, which holds the workspace-level settings here, is applied after this stack.
 */
export class MetastoreAttachment extends Construct {
  public readonly assignment: MetastoreAssignment;
  /** What principals must wait for before they are assigned to the workspace. */
  public readonly identityFederationReady: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: MetastoreAttachmentProps) {
    super(scope, id);
    this.assignment = new MetastoreAssignment(this, "assignment", {
      metastoreId: props.metastoreId,
      workspaceId: props.workspaceId,
    });
    if (props.existingAssignment) importExisting(this.assignment, props.existingAssignment);
    // Triggered by the workspace id: a new workspace waits again, a new metastore does not.
    const workspaceReady = new Sleep(this, "workspace-ready", {
      createDuration: props.readyDelay ?? WORKSPACE_READY_WAIT,
      triggers: { workspace_id: Token.asString(props.workspaceId) },
    });
    this.identityFederationReady = [this.assignment, workspaceReady];
  }
}
