/** regions.yaml: system schemas, budgets and the spend dashboard (`spend:`). */
import type { ZodString } from "zod";
import { z } from "./zod";
import { SPEND_DEFAULTS } from "../defaults";
import { groupName } from "./identity";
import { ENABLEABLE_SYSTEM_SCHEMAS } from "../../domain/platform-facts";

/**
 * Tag keys a budget may watch: the cost tags, plus Environment and Region, which every workspace adds
 * (domain/workspaces.ts costTagsFor; test/config/spend-validation.test.ts keeps the two lists equal).
 */
export const WORKSPACE_TAG_KEYS = ["Environment", "Region"] as const;

const Budget = (tagKeys: readonly string[], tagValue: ZodString) =>
  z
    .strictObject({
      tag: z.enum(tagKeys).meta({ description: "The tag the budget watches: a costTags key, Environment or Region." }),
      value: tagValue.meta({ description: "The tag value whose spend is counted, e.g. CC-4410 or prod." }),
      monthlyUsd: z
        .int({ error: "expected a whole number of US dollars above 0" })
        .positive({ error: "expected a whole number of US dollars above 0" })
        .meta({ description: "Monthly budget in list-price US dollars (contract discounts are not applied)." }),
      alertAtPercent: z
        .array(
          z
            .int({ error: "expected a percentage of monthlyUsd from 1 to 1000" })
            .min(1, { error: "expected a percentage of monthlyUsd from 1 to 1000" })
            .max(1000, { error: "expected a percentage of monthlyUsd from 1 to 1000" }),
        )
        .min(1, { error: "expected at least one alert threshold" })
        .default([...SPEND_DEFAULTS.alertAtPercent])
        .meta({ description: "Alert when the month's spend passes these percentages of monthlyUsd; one Databricks budget each." }),
      recipients: z
        .array(z.email({ error: "expected an e-mail address such as finops@acme.example" }))
        .min(1, { error: "expected at least one recipient e-mail address" })
        .meta({ description: "E-mail addresses alerted when a threshold is passed." }),
    })
    .meta({ description: "A monthly budget for one tag value, with e-mail alerts." });

const SpendDashboard = z
  .strictObject({
    workspace: z
      .strictObject({
        region: z.string().meta({ description: "A regions[].region." }),
        environment: z.string().meta({ description: "A configured environment." }),
      })
      .optional()
      .meta({ description: "The workspace that hosts the dashboard; default: the first region not being decommissioned, its first protected environment (else its first)." }),
    warehouse: z
      .string()
      .optional()
      .meta({ description: "The warehouses[].name the dashboard runs on; default: the first warehouse." }),
    viewers: z
      .array(groupName)
      .default([])
      .meta({ description: "Groups that may view the dashboard (CAN_READ); each needs a role in the dashboard's environment." }),
  })
  .meta({ description: "One Lakeview dashboard of spend by cost tag, workspace and SKU, read from the billing system tables." });

/** The `spend:` section, for the cost-tag keys and tag-value pattern of regions.yaml. */
export const Spend = (costTagKeys: readonly string[], tagValue: ZodString) =>
  z
    .strictObject({
      systemSchemas: z
        .array(z.enum(ENABLEABLE_SYSTEM_SCHEMAS))
        .default([...SPEND_DEFAULTS.systemSchemas])
        .meta({
          description:
            "System schemas enabled on every region's metastore (billing is always on and never listed). Drop one Databricks already manages (state MANAGED): provider v1.99 fails on it.",
        }),
      budgets: z
        .array(Budget([...costTagKeys, ...WORKSPACE_TAG_KEYS], tagValue))
        .default([]).meta({ description: "Account budgets, one per tag value." }),
      dashboard: SpendDashboard.optional().meta({ description: "The spend dashboard; absent: none." }),
    })
    .meta({ description: "Spend visibility: system tables, budgets with e-mail alerts, the spend dashboard." });
