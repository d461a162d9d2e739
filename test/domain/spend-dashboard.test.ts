/**
 * The spend dashboard definition: its SQL names only documented system-table columns and every tag
 * key, every widget is wired to fields that exist, the layout fits the grid, and the file in the
 * repository is exactly what the app deploys.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  COST_COLUMN,
  serializeDashboard,
  SPEND_DASHBOARD_FILE,
  SPEND_DATASET,
  spendDashboard,
  spendQuery,
  TABLE_ALIASES,
  type LakeviewDashboard,
} from "../../domain/spend-dashboard";
import { BILLING_LIST_PRICES, BILLING_USAGE, DASHBOARD_GRID_COLUMNS, LIST_PRICE_FIELD } from "../../domain/platform-facts";
import { costTagsFor } from "../../domain/workspaces";
import { spendDashboardJson } from "../../cli/gen-schema";
import { REPO_ROOT, shippedConfig } from "../utils";
import { join } from "node:path";

const TAG_KEYS = Object.keys(costTagsFor(shippedConfig(), "prod", "us-east-1"));

/** SQL words the dataset may use besides columns, aliases and table names. */
const SQL_WORDS = new Set(["SELECT", "AS", "FROM", "JOIN", "ON", "AND", "OR", "IS", "NULL", "WHERE", "GROUP", "BY", "ALL", "SUM", "COALESCE"]);

/**
 * Every identifier of `sql` that is not a SQL word, a table, a table alias or an output alias, and
 * every qualified column not documented for its table, as problems. String literals and the
 * `['key']` of map lookups are not identifiers.
 */
function columnProblems(sql: string): string[] {
  const problems: string[] = [];
  const withoutStrings = sql.replace(/'[^']*'/g, "''");
  const outputAliases = new Set([...withoutStrings.matchAll(/\bAS\s+`?(\w+)`?/g)].map((match) => match[1]));
  const tables = new Set(Object.values(TABLE_ALIASES).map((table) => table.name));
  for (const match of withoutStrings.replace(/`\w+`/g, " ").matchAll(/[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*/g)) {
    const identifier = match[0];
    const [head, column, ...rest] = identifier.split(".");
    if (tables.has(identifier)) continue;
    if (column === undefined) {
      if (!SQL_WORDS.has(identifier.toUpperCase()) && !outputAliases.has(identifier) && !Object.hasOwn(TABLE_ALIASES, identifier)) {
        problems.push(`unknown word ${identifier}`);
      }
      continue;
    }
    const table = Object.hasOwn(TABLE_ALIASES, head) ? TABLE_ALIASES[head as keyof typeof TABLE_ALIASES] : undefined;
    if (!table) problems.push(`${identifier}: ${head} is not a table alias`);
    else if (!table.columns.includes(column)) problems.push(`${identifier}: ${table.name} has no column ${column} (${table.docs})`);
    else if (rest.length && [column, ...rest].join(".") !== LIST_PRICE_FIELD) problems.push(`${identifier}: undocumented field of ${column}`);
  }
  return problems;
}

function tagKeysRead(sql: string): string[] {
  return [...sql.matchAll(/u\.custom_tags\['([^']+)'\]/g)].map((match) => match[1]);
}

describe("spend dashboard: the query reads only documented system-table columns", () => {
  const sql = spendQuery(TAG_KEYS);

  test("it joins system.billing.usage with system.billing.list_prices", () => {
    expect(sql).toContain(`FROM ${BILLING_USAGE.name} AS u`);
    expect(sql).toContain(`JOIN ${BILLING_LIST_PRICES.name} AS lp`);
    expect(sql).toContain(`SUM(u.usage_quantity * lp.${LIST_PRICE_FIELD}) AS ${COST_COLUMN}`);
  });

  test("every identifier is a documented column, a table, an alias or a SQL word", () => {
    expect(columnProblems(sql)).toEqual([]);
  });

  test("the check catches a misspelt column, a column of the wrong table and an unqualified one", () => {
    expect(columnProblems(sql.replace("u.usage_date", "u.usage_day"))).toEqual([
      `u.usage_day: system.billing.usage has no column usage_day (${BILLING_USAGE.docs})`,
    ]);
    expect(columnProblems(sql.replace("lp.currency_code", "u.currency_code"))).toEqual([
      `u.currency_code: system.billing.usage has no column currency_code (${BILLING_USAGE.docs})`,
    ]);
    expect(columnProblems(sql.replace("u.sku_name AS", "sku AS"))).toEqual(["unknown word sku"]);
  });

  test("it reads every tag key, cost tags plus Environment and Region, each once", () => {
    expect(TAG_KEYS).toEqual(["CostCenter", "Project", "Team", "Owner", "Environment", "Region"]);
    expect(tagKeysRead(sql)).toEqual(TAG_KEYS);
  });
});

/** Every way a widget can point at something that is not there. */
function wiringProblems(dashboard: LakeviewDashboard): string[] {
  const problems: string[] = [];
  const datasets = new Map(dashboard.datasets.map((dataset) => [dataset.name, dataset]));
  const names = new Set<string>();
  for (const page of dashboard.pages) {
    const cells = new Set<string>();
    for (const { widget, position } of page.layout) {
      if (names.has(widget.name)) problems.push(`${widget.name}: name used twice`);
      names.add(widget.name);
      if (!/^[\w-]{1,60}$/.test(widget.name)) problems.push(`${widget.name}: name is not 1-60 letters, digits, - or _`);
      if (position.x < 0 || position.x + position.width > DASHBOARD_GRID_COLUMNS) problems.push(`${widget.name}: outside the grid`);
      for (let x = position.x; x < position.x + position.width; x++) {
        for (let y = position.y; y < position.y + position.height; y++) {
          if (cells.has(`${x},${y}`)) problems.push(`${widget.name}: overlaps another widget at ${x},${y}`);
          cells.add(`${x},${y}`);
        }
      }
      if (widget.textbox_spec !== undefined) continue;
      const fieldsByQuery = new Map((widget.queries ?? []).map((q) => [q.name, q.query.fields.map((f) => f.name)]));
      for (const q of widget.queries ?? []) {
        const dataset = datasets.get(q.query.datasetName);
        if (!dataset) problems.push(`${widget.name}: no dataset ${q.query.datasetName}`);
        for (const f of q.query.fields) {
          for (const [, column] of f.expression.matchAll(/`(\w+)`/g)) {
            if (dataset && !new RegExp(`AS \`?${column}\`?[,\\n]`).test(`${dataset.query}\n`)) problems.push(`${widget.name}: dataset has no column ${column}`);
          }
        }
      }
      // Filters list their fields under `encodings.fields`; charts name one per channel (`x.fieldName`)
      // or several (`y.fields`).
      type Encoded = { fieldName: string; queryName?: string };
      const encodings = widget.spec?.encodings ?? {};
      const encoded: Encoded[] = Object.values(encodings).flatMap((encoding) => {
        if (Array.isArray(encoding)) return encoding as Encoded[];
        const { fields, fieldName } = encoding as { fields?: Encoded[]; fieldName?: string };
        return [...(fields ?? []), ...(fieldName ? [{ fieldName }] : [])];
      });
      if (!encoded.length) problems.push(`${widget.name}: encodes nothing`);
      for (const { fieldName, queryName } of encoded) {
        const fields = fieldsByQuery.get(queryName ?? "main_query");
        if (!fields?.includes(fieldName)) problems.push(`${widget.name}: encodes ${fieldName}, which ${queryName ?? "main_query"} does not select`);
      }
    }
  }
  return problems;
}

describe("spend dashboard: widgets are wired to what exists", () => {
  const dashboard = spendDashboard(TAG_KEYS);
  const widgets = dashboard.pages.flatMap((page) => page.layout.map((item) => item.widget));

  test("every widget reads the spend dataset's columns, encodes selected fields and fits the grid without overlap", () => {
    expect(dashboard.datasets.map((dataset) => dataset.name)).toEqual([SPEND_DATASET]);
    expect(wiringProblems(dashboard)).toEqual([]);
  });

  test("the wiring check catches a field that no query selects and a widget off the grid", () => {
    const broken = JSON.parse(JSON.stringify(dashboard).replace('"fieldName":"Team"', '"fieldName":"Tean"')) as LakeviewDashboard;
    expect(wiringProblems(broken)).toContain("by_team: encodes Tean, which main_query does not select");
    const wide = structuredClone(dashboard) as unknown as { pages: { layout: { position: { width: number } }[] }[] };
    wide.pages[0].layout[0].position.width = DASHBOARD_GRID_COLUMNS + 1;
    expect(wiringProblems(wide as unknown as LakeviewDashboard)).toContain("intro: outside the grid");
  });

  test.each(TAG_KEYS)("a bar chart breaks cost down by %s", (key) => {
    const chart = widgets.find((widget) => widget.spec?.widgetType === "bar" && (widget.spec.encodings.x as { fieldName: string }).fieldName === key);
    expect(chart?.spec?.encodings.y).toMatchObject({ fieldName: `sum(${COST_COLUMN})` });
  });

  test("breakdowns by workspace and SKU, a daily trend and a total", () => {
    const byX = (type: string) => widgets.filter((w) => w.spec?.widgetType === type).map((w) => (w.spec!.encodings.x as { fieldName: string } | undefined)?.fieldName);
    expect(byX("bar")).toEqual(expect.arrayContaining(["workspace_id", "sku_name"]));
    expect(byX("line")).toEqual(["daily(usage_date)"]);
    expect(widgets.filter((w) => w.spec?.widgetType === "counter")).toHaveLength(1);
  });
});

describe("spend dashboard: the file in the repository is what the app deploys", () => {
  test(`${SPEND_DASHBOARD_FILE} is current (npm run gen:schema rewrites it)`, () => {
    expect(readFileSync(join(REPO_ROOT, SPEND_DASHBOARD_FILE), "utf8")).toBe(spendDashboardJson());
  });

  test("gen:schema writes the definition the app deploys for the shipped tags", () => {
    expect(spendDashboardJson()).toBe(serializeDashboard(spendDashboard(TAG_KEYS)));
  });
});
