import { Construct } from "constructs";
import { Metastore } from "@cdktf/provider-databricks/lib/metastore";

export interface RegionalMetastoreProps {
  readonly name: string;
  readonly awsRegion: string;
  /**
   * Group that owns the metastore.
   * @default the principal that deploys the account stack
   */
  readonly owner?: string;
}

/**
 * The Unity Catalog metastore of one region. An account can have only one per region, and every
 * workspace there attaches to it, so it is protected from destroy and never force-deleted.
 */
export class RegionalMetastore extends Construct {
  public readonly metastore: Metastore;

  constructor(scope: Construct, id: string, props: RegionalMetastoreProps) {
    super(scope, id);
    this.metastore = new Metastore(this, "metastore", {
      name: props.name,
      region: props.awsRegion,
      owner: props.owner,
      forceDestroy: false,
      lifecycle: { preventDestroy: true },
    });
  }
}
