/**
 * The spend dashboard as data: one dataset of list-price cost per day, workspace, SKU and cost tag,
 * read from the billing system tables, and one page of widgets that slice it. The same definition
 * is the `serialized_dashboard` of the deployed dashboard and the file dashboards/spend.lvdash.json
 * (kept equal by a test), so it can also be opened or imported by hand.
 *
 * Widget JSON follows a real export (databricks/bundle-examples contrib/helen_databricks_cost_dashboard):
 * `query` strings, `textbox_spec` text, a 6-column grid, charts version 3, counters and filters version 2.
 */
import {
  BILLING_LIST_PRICES,
  BILLING_USAGE,
  DASHBOARD_GRID_COLUMNS,
  DASHBOARD_WIDGET_VERSIONS,
  LIST_PRICE_FIELD,
} from "./platform-facts";

export interface DashboardField {
  readonly name: string;
  readonly expression: string;
}

export interface DashboardQuery {
  readonly name: string;
  readonly query: { readonly datasetName: string; readonly fields: readonly DashboardField[]; readonly disaggregated: boolean };
}

export interface DashboardWidget {
  readonly name: string;
  readonly textbox_spec?: string;
  readonly queries?: readonly DashboardQuery[];
  readonly spec?: { readonly version: number; readonly widgetType: string; readonly encodings: Readonly<Record<string, unknown>>; readonly frame: { readonly showTitle: boolean; readonly title: string } };
}

export interface DashboardPosition {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LakeviewDashboard {
  readonly datasets: readonly { readonly name: string; readonly displayName: string; readonly query: string }[];
  readonly pages: readonly {
    readonly name: string;
    readonly displayName: string;
    readonly pageType: string;
    readonly layout: readonly { readonly widget: DashboardWidget; readonly position: DashboardPosition }[];
  }[];
}

/** Where the definition is kept in the repository, for opening or importing it by hand. */
export const SPEND_DASHBOARD_FILE = "dashboards/spend.lvdash.json";

export const SPEND_DATASET = "spend";
/** Column of the dataset holding list-price cost in US dollars. */
export const COST_COLUMN = "list_cost_usd";
/** What usage without a tag shows as, so untagged spend is visible instead of dropped. */
export const UNTAGGED = "(untagged)";

/** Table aliases in the dataset SQL: every column reference is qualified with one of them. */
export const TABLE_ALIASES = { u: BILLING_USAGE, lp: BILLING_LIST_PRICES } as const;

const SUM = `sum(${COST_COLUMN})`;
const CURRENCY = { type: "number-currency", currencyCode: "USD", abbreviation: "compact", decimalPlaces: { type: "max", places: 2 } };

/**
 * Cost per day × workspace × SKU × product × tag values. The join on SKU, cloud, unit and the price's
 * validity window, with `effective_list` prices, is Databricks' own cost query (docs.databricks.com/
 * aws/en/admin/system-tables/pricing, sample "total cost … of a particular custom tag"; the pricing
 * page says effective_list "contains the effective list price used for calculating the cost").
 * Every record type is kept: retractions and restatements net out corrections.
 */
export function spendQuery(tagKeys: readonly string[]): string {
  const tags = tagKeys.map((key) => `  COALESCE(u.custom_tags['${key}'], '${UNTAGGED}') AS \`${key}\`,`);
  return [
    "SELECT",
    "  u.usage_date AS usage_date,",
    "  u.workspace_id AS workspace_id,",
    "  u.sku_name AS sku_name,",
    "  u.billing_origin_product AS product,",
    ...tags,
    `  SUM(u.usage_quantity * lp.${LIST_PRICE_FIELD}) AS ${COST_COLUMN}`,
    `FROM ${BILLING_USAGE.name} AS u`,
    `JOIN ${BILLING_LIST_PRICES.name} AS lp`,
    "  ON lp.sku_name = u.sku_name",
    "  AND lp.cloud = u.cloud",
    "  AND lp.usage_unit = u.usage_unit",
    "  AND u.usage_end_time >= lp.price_start_time",
    "  AND (lp.price_end_time IS NULL OR u.usage_end_time < lp.price_end_time)",
    "WHERE lp.currency_code = 'USD'",
    "GROUP BY ALL",
  ].join("\n");
}

const field = (name: string): DashboardField => ({ name, expression: `\`${name}\`` });
const costField: DashboardField = { name: SUM, expression: `SUM(\`${COST_COLUMN}\`)` };
const mainQuery = (fields: readonly DashboardField[]): DashboardQuery[] => [
  { name: "main_query", query: { datasetName: SPEND_DATASET, fields, disaggregated: false } },
];
const frame = (title: string) => ({ showTitle: true, title });

function bar(name: string, title: string, dimension: string, color?: string): DashboardWidget {
  return {
    name,
    queries: mainQuery([field(dimension), ...(color && color !== dimension ? [field(color)] : []), costField]),
    spec: {
      version: DASHBOARD_WIDGET_VERSIONS.bar,
      widgetType: "bar",
      encodings: {
        x: { fieldName: dimension, scale: { type: "categorical" }, displayName: dimension },
        y: { fieldName: SUM, scale: { type: "quantitative" }, displayName: "List cost (USD)", format: CURRENCY },
        ...(color ? { color: { fieldName: color, scale: { type: "categorical" }, displayName: color } } : {}),
      },
      frame: frame(title),
    },
  };
}

function filter(name: string, title: string, column: string, widgetType: string): DashboardWidget {
  const queryName = `${name}_${column}`;
  return {
    name,
    queries: [{ name: queryName, query: { datasetName: SPEND_DATASET, fields: [field(column)], disaggregated: false } }],
    spec: {
      version: DASHBOARD_WIDGET_VERSIONS.filter,
      widgetType,
      encodings: { fields: [{ fieldName: column, displayName: column, queryName }] },
      frame: frame(title),
    },
  };
}

const INTRO = [
  "## Databricks spend by cost tag",
  "",
  `List-price US dollars from \`${BILLING_USAGE.name}\` joined with \`${BILLING_LIST_PRICES.name}\`, every workspace of the account.`,
  "Classic clusters carry the tags from their cluster policy, SQL warehouses from their own tags, serverless compute from the workspace's budget policy.",
  `Usage without a tag shows as \`${UNTAGGED}\`. Records arrive within about 12 hours; contract discounts are not applied.`,
].join("\n");

/**
 * The dashboard for a tag set (the cost tags plus Environment and Region, in that order): filters, a
 * total, the daily trend, one bar chart per tag, per workspace and per SKU.
 */
export function spendDashboard(tagKeys: readonly string[]): LakeviewDashboard {
  const width = DASHBOARD_GRID_COLUMNS;
  const third = width / 3;
  const colorKey = tagKeys.includes("Environment") ? "Environment" : undefined;
  const layout: { widget: DashboardWidget; position: DashboardPosition }[] = [];
  let y = 0;
  const row = (height: number, ...widgets: DashboardWidget[]) => {
    const each = width / widgets.length;
    widgets.forEach((widget, i) => layout.push({ widget, position: { x: i * each, y, width: each, height } }));
    y += height;
  };

  row(3, { name: "intro", textbox_spec: INTRO });
  row(
    2,
    filter("filter_date", "Usage date", "usage_date", "filter-date-range-picker"),
    ...tagKeys.filter((key) => key === "Environment" || key === "Region").map((key) => filter(`filter_${key.toLowerCase()}`, key, key, "filter-multi-select")),
  );
  const total: DashboardWidget = {
    name: "total_spend",
    queries: mainQuery([costField]),
    spec: {
      version: DASHBOARD_WIDGET_VERSIONS.counter,
      widgetType: "counter",
      encodings: { value: { fieldName: SUM, displayName: "List cost (USD)", format: CURRENCY } },
      frame: frame("Spend in the selected period"),
    },
  };
  const trend: DashboardWidget = {
    name: "daily_trend",
    queries: mainQuery([{ name: "daily(usage_date)", expression: 'DATE_TRUNC("DAY", `usage_date`)' }, ...(colorKey ? [field(colorKey)] : []), costField]),
    spec: {
      version: DASHBOARD_WIDGET_VERSIONS.line,
      widgetType: "line",
      encodings: {
        x: { fieldName: "daily(usage_date)", scale: { type: "temporal" }, displayName: "Usage date" },
        y: { fieldName: SUM, scale: { type: "quantitative" }, displayName: "List cost (USD)", format: CURRENCY },
        ...(colorKey ? { color: { fieldName: colorKey, scale: { type: "categorical" }, displayName: colorKey } } : {}),
      },
      frame: frame("Daily spend"),
    },
  };
  layout.push({ widget: total, position: { x: 0, y, width: third, height: 5 } });
  layout.push({ widget: trend, position: { x: third, y, width: width - third, height: 5 } });
  y += 5;

  const byTag = tagKeys.map((key) => bar(`by_${key.toLowerCase()}`, `Spend by ${key}`, key, colorKey));
  for (let i = 0; i < byTag.length; i += 2) row(5, ...byTag.slice(i, i + 2));
  row(6, bar("by_workspace", "Spend by workspace (id)", "workspace_id", colorKey), bar("by_sku", "Spend by SKU", "sku_name", colorKey));

  return {
    datasets: [{ name: SPEND_DATASET, displayName: "Spend by day, workspace, SKU and cost tag", query: spendQuery(tagKeys) }],
    pages: [{ name: "spend", displayName: "Spend", pageType: "PAGE_TYPE_CANVAS", layout }],
  };
}

/** The JSON text deployed as `serialized_dashboard` and kept in the repository. */
export function serializeDashboard(dashboard: LakeviewDashboard): string {
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}
