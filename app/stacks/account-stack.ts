import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { RegionsConfig } from "../../config/schema/regions";
import { AccountGroups } from "../../constructs/account/account-groups";
import { RegionalMetastore } from "../../constructs/account/regional-metastore";
import { TagBudget } from "../../constructs/account/tag-budget";
import { UsageLogDelivery } from "../../constructs/account/usage-log-delivery";
import { accountResourceNames } from "../../domain/naming";
import { costTagsFor, SHARED_ENVIRONMENT } from "../../domain/workspaces";
import { TimeProvider } from "@cdktf/provider-time/lib/provider";
import { awsProvider, databricksAccountProvider } from "./providers";
import { configureStateBackend, type StateBackend } from "./state-backend";

/**
 * Account-wide pieces every workspace stack builds on: the groups this project owns, one Unity
 * Catalog metastore per region (unless regions.yaml names an existing one), usage/audit log
 * delivery, and the budgets of spend.budgets. Workspace stacks read them by cross-stack reference.
 */
export class AccountStack extends TerraformStack {
  /** Ids of the groups created here; SCIM groups are looked up where they are used. */
  public readonly ownedGroupIds: ReadonlyMap<string, string>;
  /** Region → the metastore its workspaces are assigned to: created here, or the one regions.yaml names. */
  private readonly metastoreIds: ReadonlyMap<string, string>;

  constructor(scope: Construct, config: RegionsConfig, backend: StateBackend) {
    const names = accountResourceNames(config);
    super(scope, names.stack);
    configureStateBackend(this, backend, names.stack);
    const logRegion = config.usageLogs.region ?? config.regions[0].region;
    awsProvider(this, logRegion, costTagsFor(config, SHARED_ENVIRONMENT, logRegion));
    databricksAccountProvider(this, config.databricksAccountId);
    new TimeProvider(this, "time");

    const ownedGroups = config.groups.filter((group) => group.source === "terraform").map((group) => group.name);
    this.ownedGroupIds = new AccountGroups(this, "groups", { groupNames: ownedGroups }).groupIds;
    // An account holds one metastore per region, and Databricks creates one where an account already
    // had workspaces: creating a second fails, so a region that names its metastore gets none here.
    this.metastoreIds = new Map(
      config.regions.map(({ region, metastoreId }) => [
        region,
        metastoreId ??
          new RegionalMetastore(this, `metastore-${region}`, {
            names,
            awsRegion: region,
            owner: config.unityCatalog.metastoreOwner,
          }).metastoreId,
      ]),
    );
    new UsageLogDelivery(this, "usage-logs", { names, databricksAccountId: config.databricksAccountId });
    // Budgets filter on tags only, never on workspace ids: those come from the workspace stacks,
    // which deploy after this one.
    for (const budget of config.spend.budgets) {
      new TagBudget(this, `budget-${budget.tag}-${budget.value}`, {
        names,
        tagKey: budget.tag,
        tagValue: budget.value,
        monthlyUsd: budget.monthlyUsd,
        alertAtPercent: budget.alertAtPercent,
        recipients: budget.recipients,
      });
    }
  }

  metastoreId(awsRegion: string): string {
    const metastoreId = this.metastoreIds.get(awsRegion);
    if (metastoreId === undefined) throw new Error(`no metastore for region ${awsRegion}`);
    return metastoreId;
  }
}
