import { Construct } from "constructs";
import { DisableLegacyAccessSetting } from "@cdktf/provider-databricks/lib/disable-legacy-access-setting";
import { DisableLegacyDbfsSetting } from "@cdktf/provider-databricks/lib/disable-legacy-dbfs-setting";

/**
 * Turns legacy access off in one workspace, as SRA does for every workspace
 * (databricks/terraform-databricks-sra aws/tf/modules/databricks_workspace/disable_legacy_settings):
 * no direct access to the workspace's legacy Hive metastore, no fallback mode on external locations,
 * no Databricks Runtime before 13.3 LTS (databricks provider docs/resources/disable_legacy_access_setting.md
 * (v1.99)), and no DBFS root or mounts (…/disable_legacy_dbfs_setting.md). Data goes through Unity
 * Catalog only, so clusters never need the metastore's port 3306. The settings need a workspace-level
 * provider and take effect within minutes, after clusters and warehouses restart.
 */
export class LegacyAccessSettings extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new DisableLegacyAccessSetting(this, "legacy-access", { disableLegacyAccess: { value: true } });
    new DisableLegacyDbfsSetting(this, "legacy-dbfs", { disableLegacyDbfs: { value: true } });
  }
}
