import { describe, expect, test } from "vitest";
import { TagBudget, usdThreshold, type TagBudgetProps } from "../../../constructs/account/tag-budget";
import { accountResourceNames } from "../../../domain/naming";
import { ALERT_CONFIGURATIONS_PER_BUDGET } from "../../../domain/platform-facts";
import { resourcesOf, synthConstruct } from "../../utils";

const PROPS: TagBudgetProps = {
  names: accountResourceNames({ company: "acme", domain: "data" }),
  tagKey: "CostCenter",
  tagValue: "CC-4410",
  monthlyUsd: 20000,
  alertAtPercent: [80, 100],
  recipients: ["finops@acme.example", "platform@acme.example"],
};

/** Budgets in threshold order (logical ids sort "at-100" before "at-80"). */
const budgetsOf = (props: TagBudgetProps) =>
  resourcesOf(synthConstruct((scope) => void new TagBudget(scope, "budget", props)), "databricks_budget").sort(
    (a, b) => thresholdOf(a) - thresholdOf(b),
  );
const thresholdOf = (budget: Record<string, unknown>) => Number((budget.alert_configurations as { quantity_threshold: string }[])[0].quantity_threshold);

describe("TagBudget: one account budget per threshold, filtered on one tag value", () => {
  test("each threshold is a monthly list-price budget on the tag value, e-mailing every recipient", () => {
    expect(budgetsOf(PROPS)).toEqual(
      [80, 100].map((percent) => ({
        display_name: `acme-data CostCenter=CC-4410 at ${percent}%`,
        filter: { tags: [{ key: "CostCenter", value: { operator: "IN", values: ["CC-4410"] } }] },
        alert_configurations: [
          {
            time_period: "MONTH",
            trigger_type: "CUMULATIVE_SPENDING_EXCEEDED",
            quantity_type: "LIST_PRICE_DOLLARS_USD",
            quantity_threshold: String((20000 * percent) / 100),
            action_configurations: [
              { action_type: "EMAIL_NOTIFICATION", target: "finops@acme.example" },
              { action_type: "EMAIL_NOTIFICATION", target: "platform@acme.example" },
            ],
          },
        ],
      })),
    );
  });

  test("no budget holds more alert configurations than provider 1.99 accepts", () => {
    const budgets = budgetsOf({ ...PROPS, alertAtPercent: [50, 80, 100, 120] });
    expect(budgets).toHaveLength(4);
    for (const budget of budgets) expect(budget.alert_configurations).toHaveLength(ALERT_CONFIGURATIONS_PER_BUDGET);
  });

  test("budgets are addressed by percentage: a new amount changes them in place, not into new ones", () => {
    const addresses = (props: TagBudgetProps) =>
      Object.keys(synthConstruct((scope) => void new TagBudget(scope, "budget", props)).resource!.databricks_budget);
    expect(addresses({ ...PROPS, monthlyUsd: 999 })).toEqual(addresses(PROPS));
  });

  test.each([
    [20000, 80, "16000"],
    [20000, 100, "20000"],
    [5, 33, "1.65"],
    [1, 1, "0.01"],
    [3, 150, "4.5"],
    [9_000_000_000_000, 1000, "90000000000000"],
  ])("%d USD at %d%% alerts at %s", (monthlyUsd, percent, threshold) => {
    expect(usdThreshold(monthlyUsd, percent)).toBe(threshold);
  });
});
