import { Construct } from "constructs";
import { MwsNetworks } from "@cdktf/provider-databricks/lib/mws-networks";
import { MwsWorkspaces } from "@cdktf/provider-databricks/lib/mws-workspaces";
import { importExisting } from "../import-block";

/** The names a workspace and its network registration take (domain/naming.ts workspaceResourceNames fits). */
export interface DatabricksWorkspaceNames {
  readonly workspace: string;
  readonly network: string;
}

export interface DatabricksWorkspaceProps {
  readonly names: DatabricksWorkspaceNames;
  readonly databricksAccountId: string;
  /**
   * The URL part after the account's deployment-name prefix.
   * @default none: Databricks generates the URL (an account without a prefix rejects the field)
   */
  readonly deploymentName?: string;
  readonly awsRegion: string;
  /** PREMIUM, or ENTERPRISE where customer-managed keys or PrivateLink are on (Enterprise-only features). */
  readonly pricingTier: string;
  readonly credentialsId: string;
  readonly storageConfigurationId: string;
  readonly vpcId: string;
  readonly subnetIds: string[];
  readonly securityGroupIds: string[];
  readonly customTags: Readonly<Record<string, string>>;
  /** prevent_destroy: terraform refuses any plan that would delete or replace the workspace. */
  readonly protected: boolean;
  /**
   * Customer-managed key configuration ids.
   * @default Databricks-managed keys
   */
  readonly keys?: { readonly managedServices: string; readonly storage: string };
  /**
   * Back-end PrivateLink endpoints (Databricks registration ids) and private access settings.
   * @default no PrivateLink: cluster traffic to the control plane leaves through the NAT gateway
   */
  readonly privateLink?: { readonly restApiEndpointId: string; readonly relayEndpointId: string; readonly privateAccessSettingsId: string };
  /**
   * Import ids (`<account_id>/<id>`) of a workspace that exists, and of its network registration: both
   * are imported, kept from destruction, and the registration keeps its name.
   * @default a new workspace and network registration
   */
  readonly existing?: { readonly workspace: string; readonly network?: string };
}

/** The network registration and the workspace itself (account-level objects). */
export class DatabricksWorkspace extends Construct {
  public readonly networkId: string;
  public readonly workspaceId: number;
  /** The workspace URL, `https://<deployment>.cloud.databricks.com`: what workspace-level providers talk to. */
  public readonly workspaceUrl: string;

  constructor(scope: Construct, id: string, props: DatabricksWorkspaceProps) {
    super(scope, id);
    const network = new MwsNetworks(this, "network", {
      accountId: props.databricksAccountId,
      networkName: props.names.network,
      vpcId: props.vpcId,
      subnetIds: props.subnetIds,
      securityGroupIds: props.securityGroupIds,
      vpcEndpoints: props.privateLink && {
        restApi: [props.privateLink.restApiEndpointId],
        dataplaneRelay: [props.privateLink.relayEndpointId],
      },
    });
    this.networkId = network.networkId;
    const workspace = new MwsWorkspaces(this, "workspace", {
      accountId: props.databricksAccountId,
      workspaceName: props.names.workspace,
      deploymentName: props.deploymentName,
      awsRegion: props.awsRegion,
      pricingTier: props.pricingTier,
      credentialsId: props.credentialsId,
      storageConfigurationId: props.storageConfigurationId,
      networkId: this.networkId,
      customTags: { ...props.customTags },
      managedServicesCustomerManagedKeyId: props.keys?.managedServices,
      storageCustomerManagedKeyId: props.keys?.storage,
      privateAccessSettingsId: props.privateLink?.privateAccessSettingsId,
      lifecycle: props.protected ? { preventDestroy: true } : undefined,
    });
    if (props.existing) {
      importExisting(workspace, props.existing.workspace);
      if (props.existing.network) importExisting(network, props.existing.network, ["network_name"]);
    }
    this.workspaceId = workspace.workspaceId;
    this.workspaceUrl = workspace.workspaceUrl;
  }
}
