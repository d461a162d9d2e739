import { Construct } from "constructs";
import { MwsNetworks } from "@cdktf/provider-databricks/lib/mws-networks";
import { MwsWorkspaces } from "@cdktf/provider-databricks/lib/mws-workspaces";

export interface DatabricksWorkspaceProps {
  readonly databricksAccountId: string;
  readonly workspaceName: string;
  /**
   * The URL part after the account's deployment-name prefix.
   * @default none: Databricks generates the URL (an account without a prefix rejects the field)
   */
  readonly deploymentName?: string;
  readonly networkName: string;
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
}

/** The network registration and the workspace itself (account-level objects). */
export class DatabricksWorkspace extends Construct {
  public readonly network: MwsNetworks;
  public readonly workspace: MwsWorkspaces;

  constructor(scope: Construct, id: string, props: DatabricksWorkspaceProps) {
    super(scope, id);
    this.network = new MwsNetworks(this, "network", {
      accountId: props.databricksAccountId,
      networkName: props.networkName,
      vpcId: props.vpcId,
      subnetIds: props.subnetIds,
      securityGroupIds: props.securityGroupIds,
      vpcEndpoints: props.privateLink && {
        restApi: [props.privateLink.restApiEndpointId],
        dataplaneRelay: [props.privateLink.relayEndpointId],
      },
    });
    this.workspace = new MwsWorkspaces(this, "workspace", {
      accountId: props.databricksAccountId,
      workspaceName: props.workspaceName,
      deploymentName: props.deploymentName,
      awsRegion: props.awsRegion,
      pricingTier: props.pricingTier,
      credentialsId: props.credentialsId,
      storageConfigurationId: props.storageConfigurationId,
      networkId: this.network.networkId,
      customTags: { ...props.customTags },
      managedServicesCustomerManagedKeyId: props.keys?.managedServices,
      storageCustomerManagedKeyId: props.keys?.storage,
      privateAccessSettingsId: props.privateLink?.privateAccessSettingsId,
      lifecycle: props.protected ? { preventDestroy: true } : undefined,
    });
  }
}
