import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { DATA_ACCESS_DOC } from "../../cli/check";
import { ACCESS_END, ACCESS_START, dataAccessTables, withDataAccessTables } from "../../cli/data-access-doc";
import { DATA_TEAM, mutate, US_EAST_1_DATA_BUCKETS } from "../fixtures/config";
import { configFromText, shippedConfig } from "../utils";

/**
 * Two regions that differ: us-east-1 has a read-only bucket for both environments and a read-write
 * one for prod; eu-west-1 has none. Admins have a role everywhere and no grant; scientists are in
 * dev only; airflow reaches the catalog in prod only.
 */
const config = configFromText(
  mutate(
    [
      "regions:\n",
      `${DATA_TEAM}dataAccess:
  catalog:
    - group: engineers
      privileges: [USE_CATALOG, USE_SCHEMA, SELECT]
    - servicePrincipal: airflow
      environments: [prod]
      privileges: [USE_CATALOG, MODIFY]
  dataBuckets:
    landing:
      - group: scientists
        privileges: [READ_FILES]
    curated:
      - group: engineers
        privileges: [READ_FILES, WRITE_FILES]
regions:
`,
    ],
    US_EAST_1_DATA_BUCKETS,
  ),
);

describe("data-access tables: what each principal may do in each workspace, from the grants synth writes", () => {
  test("a row per principal, a column per environment; role none and nothing granted say so; regions that differ get their own table", () => {
    expect(dataAccessTables(config)).toBe(
      [
        "### us-east-1",
        "",
        "| principal | dev workspace | prod workspace |",
        "| --- | --- | --- |",
        "| `admins` (group) | — (nothing granted) | — (nothing granted) |",
        "| `engineers` (group) | catalog: USE_CATALOG, USE_SCHEMA, SELECT | catalog: USE_CATALOG, USE_SCHEMA, SELECT<br>curated (read-write): READ_FILES, WRITE_FILES |",
        "| `scientists` (group) | landing (read-only): READ_FILES | — (role none: not in the workspace) |",
        "| `airflow` (service principal, each workspace's own) | — (nothing granted) | catalog: USE_CATALOG, MODIFY |",
        "",
        "- `landing`: `s3://acme-landing/events/`, read-only, external location `acme_data_use1_lake_landing`, bound to the dev and prod workspaces",
        "- `curated`: `s3://acme-curated/`, read-write, external location `acme_data_use1_lake_curated`, bound to the prod workspace",
        "",
        "### eu-west-1",
        "",
        "| principal | dev workspace | prod workspace |",
        "| --- | --- | --- |",
        "| `admins` (group) | — (nothing granted) | — (nothing granted) |",
        "| `engineers` (group) | catalog: USE_CATALOG, USE_SCHEMA, SELECT | catalog: USE_CATALOG, USE_SCHEMA, SELECT |",
        "| `scientists` (group) | — (nothing granted) | — (role none: not in the workspace) |",
        "| `airflow` (service principal, each workspace's own) | — (nothing granted) | catalog: USE_CATALOG, MODIFY |",
        "",
        "No data buckets: each workspace reaches its own catalog only.",
      ].join("\n"),
    );
  });

  test("the shipped file: its three regions share one table, each bucket listed under its region; airflow's group is named", () => {
    const tables = dataAccessTables(shippedConfig());
    expect(tables.match(/^### .*$/gm)).toEqual(["### us-east-1, eu-west-1, ap-southeast-2"]);
    for (const region of ["us-east-1:", "eu-west-1:", "ap-southeast-2:"]) expect(tables).toContain(`\n${region}\n`);
    expect(tables).toContain("| `airflow` (service principal, each workspace's own; also holds what job-owners holds) |");
    expect(tables).toContain("| `analysts` (group) | — (role none: not in the workspace) | catalog: USE_CATALOG, USE_SCHEMA, SELECT |");
  });

  test(`the committed ${DATA_ACCESS_DOC} matches the shipped regions.yaml (run \`npm run check -- --docs\` when this fails)`, () => {
    const doc = readFileSync(DATA_ACCESS_DOC, "utf8");
    expect(doc).toBe(withDataAccessTables(doc, shippedConfig()));
    expect(doc).toContain("| `data-scientists` (group) |");
  });

  test("a stale table is replaced between the markers only; missing markers are an error", () => {
    const stale = `intro\n${ACCESS_START}\n| old |\n${ACCESS_END}\noutro\n`;
    const fresh = withDataAccessTables(stale, config);
    expect(fresh).toBe(`intro\n${ACCESS_START}\n${dataAccessTables(config)}\n${ACCESS_END}\noutro\n`);
    expect(() => withDataAccessTables("no markers", config)).toThrow(/expected the markers/);
  });
});
