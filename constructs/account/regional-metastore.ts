import { Construct } from "constructs";
import { Metastore } from "@cdktf/provider-databricks/lib/metastore";

/** The names a regional metastore takes (domain/naming.ts accountResourceNames fits). */
export interface RegionalMetastoreNames {
  readonly metastore: (awsRegion: string) => string;
}

export interface RegionalMetastoreProps {
  readonly names: RegionalMetastoreNames;
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
  public readonly metastoreId: string;

  constructor(scope: Construct, id: string, props: RegionalMetastoreProps) {
    super(scope, id);
    this.metastoreId = new Metastore(this, "metastore", {
      name: props.names.metastore(props.awsRegion),
      region: props.awsRegion,
      owner: props.owner,
      forceDestroy: false,
      lifecycle: { preventDestroy: true },
    }).metastoreId;
  }
}
