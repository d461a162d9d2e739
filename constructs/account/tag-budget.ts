import { Construct } from "constructs";
import { Budget } from "@cdktf/provider-databricks/lib/budget";
import { BUDGET_ALERT } from "../../domain/platform-facts";

/** The names a tag budget gives (domain/naming.ts accountResourceNames fits). */
export interface TagBudgetNames {
  /** Display name of the budget for one tag value and alert threshold. */
  readonly budget: (tagKey: string, tagValue: string, percent: number) => string;
}

export interface TagBudgetProps {
  readonly names: TagBudgetNames;
  /** The tag key usage must carry, e.g. CostCenter. */
  readonly tagKey: string;
  /** The tag value whose usage is counted, e.g. CC-4410. */
  readonly tagValue: string;
  /** The month's budget in list-price US dollars. */
  readonly monthlyUsd: number;
  /** Alert thresholds as percentages of `monthlyUsd`: one Databricks budget each. */
  readonly alertAtPercent: readonly number[];
  /** E-mail addresses notified when a threshold is passed. */
  readonly recipients: readonly string[];
}

/**
 * Account budgets for one tag value: all usage carrying `tagKey = tagValue`, whatever the workspace
 * (classic clusters and warehouses through their tags, serverless through the budget policies),
 * counted per calendar month in list-price US dollars, with an e-mail at each threshold. A budget
 * holds exactly one alert configuration at provider v1.99 (ALERT_CONFIGURATIONS_PER_BUDGET in
 * domain/platform-facts), so each threshold is a budget of its own with the same filter. Budgets
 * are named by percentage, so a new monthly amount updates them in place.
 */
export class TagBudget extends Construct {
  /** Budget configuration ids, one per threshold, in `alertAtPercent` order. */
  public readonly budgetConfigurationIds: readonly string[];

  constructor(scope: Construct, id: string, props: TagBudgetProps) {
    super(scope, id);
    this.budgetConfigurationIds = props.alertAtPercent.map(
      (percent) =>
        new Budget(this, `at-${percent}-percent`, {
          displayName: props.names.budget(props.tagKey, props.tagValue, percent),
          filter: { tags: [{ key: props.tagKey, value: { operator: BUDGET_ALERT.filterOperator, values: [props.tagValue] } }] },
          alertConfigurations: [
            {
              timePeriod: BUDGET_ALERT.timePeriod,
              triggerType: BUDGET_ALERT.triggerType,
              quantityType: BUDGET_ALERT.quantityType,
              quantityThreshold: usdThreshold(props.monthlyUsd, percent),
              actionConfigurations: props.recipients.map((target) => ({ actionType: BUDGET_ALERT.actionType, target })),
            },
          ],
        }).budgetConfigurationId,
    );
  }
}

/**
 * `quantity_threshold` is a decimal string: `percent` of the amount in whole cents, without exponent
 * or trailing zeros (20000 × 80% → "16000", 5 × 33% → "1.65").
 */
export function usdThreshold(monthlyUsd: number, percent: number): string {
  return String(Math.round(monthlyUsd * percent) / 100);
}
