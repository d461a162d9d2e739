import { BUDGET_DISPLAY_NAME_MAX } from "../../domain/platform-facts";
import { accountResourceNames } from "../../domain/naming";
import { spendDashboardPlace } from "../../domain/workspaces";
import type { ConfigProblem } from "../problems";
import type { RegionsFile } from "../schema/regions";
import { unknownGroup } from "./identity";
import { unknownEnvironment } from "./messages";

/**
 * Budgets watch tag values something can carry and fit Databricks' name limit; the dashboard's
 * workspace, warehouse and viewers exist. A budget on an environment nobody has would never alert;
 * a viewer group without a role in the dashboard's workspace cannot hold a permission there.
 */
export function checkSpend(config: RegionsFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const environments = Object.keys(config.environments);
  const regions = config.regions.map((entry) => entry.region);
  const { spend } = config;

  spend.systemSchemas.forEach((schema, i) => {
    const first = spend.systemSchemas.indexOf(schema);
    if (first < i) problems.push({ path: ["spend", "systemSchemas", i], message: `expected each system schema once, found "${schema}" again (first at index ${first})` });
  });

  const names = accountResourceNames(config);
  spend.budgets.forEach((budget, i) => {
    const path = ["spend", "budgets", i];
    const allowed = budget.tag === "Environment" ? environments : budget.tag === "Region" ? regions : undefined;
    if (allowed && !allowed.includes(budget.value)) {
      const what = budget.tag === "Environment" ? "environments" : "regions";
      problems.push({ path: [...path, "value"], message: `expected one of the configured ${what} (${allowed.join(", ")}), found "${budget.value}"` });
    }
    const first = spend.budgets.findIndex((other) => other.tag === budget.tag && other.value === budget.value);
    if (first < i) {
      problems.push({ path: [...path, "value"], message: `expected one budget per tag value, found ${budget.tag}=${budget.value} again (first at index ${first})` });
    }
    budget.alertAtPercent.forEach((percent, j) => {
      const earlier = budget.alertAtPercent.indexOf(percent);
      if (earlier < j) problems.push({ path: [...path, "alertAtPercent", j], message: `expected each threshold once, found ${percent} again` });
    });
    budget.recipients.forEach((recipient, j) => {
      const earlier = budget.recipients.indexOf(recipient);
      if (earlier < j) problems.push({ path: [...path, "recipients", j], message: `expected each recipient once, found "${recipient}" again` });
    });
    const longest = names.budget(budget.tag, budget.value, Math.max(...budget.alertAtPercent));
    if (longest.length > BUDGET_DISPLAY_NAME_MAX) {
      problems.push({
        path: [...path, "value"],
        message: `expected a budget display name of at most ${BUDGET_DISPLAY_NAME_MAX} characters, found "${longest}" (${longest.length}); shorten the value`,
      });
    }
  });

  const dashboard = spend.dashboard;
  if (dashboard) {
    const host = dashboard.workspace;
    if (host && !regions.includes(host.region)) {
      problems.push({ path: ["spend", "dashboard", "workspace", "region"], message: `expected one of the configured regions (${regions.join(", ")}), found "${host.region}"` });
    }
    if (host && config.regions.some((region) => region.region === host.region && region.decommission === true)) {
      problems.push({
        path: ["spend", "dashboard", "workspace", "region"],
        message: `expected a region that is not being decommissioned (its config stacks are destroyed, the dashboard with them), found "${host.region}"`,
      });
    }
    if (host && !environments.includes(host.environment)) {
      problems.push({
        path: ["spend", "dashboard", "workspace", "environment"],
        message: unknownEnvironment(environments, host.environment),
      });
    }
    const warehouses = config.warehouses.map((warehouse) => warehouse.name);
    if (dashboard.warehouse !== undefined && !warehouses.includes(dashboard.warehouse)) {
      problems.push({
        path: ["spend", "dashboard", "warehouse"],
        message: `expected a warehouse defined under warehouses (${warehouses.join(", ") || "none defined"}), found "${dashboard.warehouse}"`,
      });
    } else if (dashboard.warehouse === undefined && !warehouses.length) {
      problems.push({ path: ["spend", "dashboard"], message: "expected a warehouses entry for the dashboard to run on, found none defined" });
    }
    const environment = spendDashboardPlace(config)!.environment;
    const groups = config.groups.map((group) => group.name);
    dashboard.viewers.forEach((viewer, i) => {
      const path = ["spend", "dashboard", "viewers", i];
      const unknown = unknownGroup(viewer, groups);
      const role = config.groups.find((group) => group.name === viewer)?.roles[environment] ?? "none";
      if (unknown) problems.push({ path, message: unknown });
      else if (role === "none" && environments.includes(environment)) {
        problems.push({ path, message: `expected a group with a role in ${environment} (the dashboard's workspace), found "${viewer}" (role none)` });
      }
    });
  }
  return problems;
}
