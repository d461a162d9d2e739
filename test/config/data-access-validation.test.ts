import { describe, expect, test } from "vitest";
import { DATA_TEAM, mutate, US_EAST_1_DATA_BUCKETS } from "../fixtures/config";
import { problemsOf } from "../utils";

/** The small base file with groups, a service principal, a data bucket in us-east-1 and grants on both. */
const WITH_DATA: readonly (readonly [string, string])[] = [
  [
    "regions:\n",
    `${DATA_TEAM}unityCatalog:
  metastoreGrants:
    - group: admins
      privileges: [CREATE_CATALOG, CREATE_EXTERNAL_LOCATION]
dataAccess:
  catalog:
    - group: engineers
      privileges: [USE_CATALOG, USE_SCHEMA, SELECT]
    - servicePrincipal: airflow
      environments: [prod]
      privileges: [USE_CATALOG, USE_SCHEMA, MODIFY]
  dataBuckets:
    landing:
      - group: scientists
        privileges: [READ_FILES]
regions:
`,
  ],
  US_EAST_1_DATA_BUCKETS,
];
const data = (...edits: (readonly [string, string])[]) => mutate(...WITH_DATA, ...edits);

describe("data access: grants and data buckets are checked before anything is built, with file:line and path", () => {
  test("the data fixture is valid", () => {
    expect(problemsOf(data())).toEqual([]);
  });

  test.each([
    ["unknown group granted on the catalog", data(["    - group: engineers\n      privileges: [USE_CATALOG", "    - group: engineer\n      privileges: [USE_CATALOG"]), 'regions.yaml:28:14 dataAccess.catalog[0].group: expected a group defined under groups (admins, engineers, scientists), found "engineer"'],
    ["unknown service principal", data(["servicePrincipal: airflow\n      environments", "servicePrincipal: dagster\n      environments"]), 'regions.yaml:30:25 dataAccess.catalog[1].servicePrincipal: expected a service principal defined under servicePrincipals (airflow), found "dagster"'],
    ["both a group and a service principal", data(["    - servicePrincipal: airflow\n", "    - servicePrincipal: airflow\n      group: engineers\n"]), 'regions.yaml:30:7 dataAccess.catalog[1]: expected exactly one of group or servicePrincipal, found both'],
    ["neither a group nor a service principal", data(["    - servicePrincipal: airflow\n      environments: [prod]\n", "    - environments: [prod]\n"]), 'regions.yaml:30:7 dataAccess.catalog[1]: expected exactly one of group or servicePrincipal, found neither'],
    ["an environment that is not configured", data(["environments: [prod]\n      privileges: [USE_CATALOG, USE_SCHEMA, MODIFY]", "environments: [prod, staging]\n      privileges: [USE_CATALOG, USE_SCHEMA, MODIFY]"]), 'regions.yaml:31:28 dataAccess.catalog[1].environments[1]: expected one of the configured environments (dev, prod), found "staging"'],
    ["a group whose role is none wherever the grant applies", data(["      - group: scientists\n        privileges: [READ_FILES]", "      - group: scientists\n        environments: [prod]\n        privileges: [READ_FILES]"]), 'regions.yaml:35:16 dataAccess.dataBuckets.landing[0].group: expected a group with a role in prod (this entry would grant nothing), found "scientists" with role none there'],
    ["the same principal twice for one environment", data(["  dataBuckets:\n    landing:\n", "    - group: engineers\n      environments: [prod]\n      privileges: [MODIFY]\n  dataBuckets:\n    landing:\n"]), 'regions.yaml:33:14 dataAccess.catalog[2].group: expected "engineers" once per environment, found it again for prod (first at index 0)'],
    ["a location privilege granted on the catalog", data(["privileges: [USE_CATALOG, USE_SCHEMA, SELECT]", "privileges: [USE_CATALOG, USE_SCHEMA, READ_FILES]"]), 'regions.yaml:29:45 dataAccess.catalog[0].privileges[2]: expected one of ALL_PRIVILEGES, APPLY_TAG, CREATE_CONNECTION, CREATE_SCHEMA, MANAGE, USE_CATALOG, CREATE_FUNCTION, CREATE_TABLE, CREATE_VOLUME, EXECUTE, MODIFY, REFRESH, SELECT, READ_VOLUME, WRITE_VOLUME, USE_SCHEMA, found "READ_FILES"'],
    ["a privilege listed twice", data(["privileges: [USE_CATALOG, USE_SCHEMA, SELECT]", "privileges: [USE_CATALOG, SELECT, SELECT]"]), 'regions.yaml:29:41 dataAccess.catalog[0].privileges[2]: expected each privilege once, found "SELECT" again'],
    ["grants on a data bucket no region declares", data(["    landing:\n      - group: scientists", "    lnding:\n      - group: scientists"]), 'regions.yaml:34:5 dataAccess.dataBuckets.lnding: expected a data bucket declared under regions[].dataBuckets (landing, curated), found "lnding"'],
    ["a write privilege on a read-only bucket", data(["privileges: [READ_FILES]", "privileges: [READ_FILES, WRITE_FILES]"]), 'regions.yaml:36:34 dataAccess.dataBuckets.landing[0].privileges[1]: expected a privilege that reads (landing is readOnly at regions[0].dataBuckets[0]), found "WRITE_FILES"'],
    ["a bucket name with dots", data(["bucket: acme-landing", "bucket: acme.landing"]), 'regions.yaml:47:17 regions[0].dataBuckets[0].bucket: expected an S3 bucket name without dots (Databricks does not support them): 3-63 lowercase letters, digits or -, found "acme.landing"'],
    ["a prefix that is not a folder", data(["prefix: events/", "prefix: events"]), 'regions.yaml:48:17 regions[0].dataBuckets[0].prefix: expected a path of ASCII segments each ending in /, e.g. events/raw/, found "events"'],
    ["two data buckets over the same path", data(["bucket: acme-curated\n", "bucket: acme-landing\n        prefix: events/raw/\n"]), 'regions.yaml:52:17 regions[0].dataBuckets[1].prefix: expected a path no other data bucket of this region covers (external locations cannot overlap), found "events/raw/", which overlaps "events/" of "landing" (index 0)'],
    ["a data bucket that is a workspace's root bucket", data(["bucket: acme-curated", "bucket: acme-data-use1-dev-root"]), 'regions.yaml:51:17 regions[0].dataBuckets[1].bucket: expected a data-lake bucket, found "acme-data-use1-dev-root", the root bucket of acme-data-use1-dev (data buckets must not overlap the platform\'s own storage)'],
    ["a data bucket name used twice in a region", data(["      - name: curated", "      - name: landing"]), 'regions.yaml:50:15 regions[0].dataBuckets[1].name: expected each data bucket name once per region, found "landing" again (first at index 0)'],
    ["a data bucket for an environment that is not configured", data(["        environments: [prod]\n", "        environments: [prod, qa]\n"]), 'regions.yaml:53:30 regions[0].dataBuckets[1].environments[1]: expected one of the configured environments (dev, prod), found "qa"'],
    ["an access mode that does not exist", data(["access: readWrite", "access: writeOnly"]), 'regions.yaml:52:17 regions[0].dataBuckets[1].access: expected one of readOnly, readWrite, found "writeOnly"'],
    ["a misspelt data bucket key", data(["        environments: [prod]\n", "        enviroments: [prod]\n"]), ['regions.yaml:50:9 regions[0].dataBuckets[1].environments: expected a list, found nothing (the field is missing)', 'regions.yaml:53:9 regions[0].dataBuckets[1].enviroments: unknown key "enviroments" (did you mean "environments"?)']],
    ["a metastore grant to an unknown group", data(["    - group: admins\n      privileges: [CREATE_CATALOG", "    - group: root\n      privileges: [CREATE_CATALOG"]), 'regions.yaml:24:14 unityCatalog.metastoreGrants[0].group: expected a group defined under groups (admins, engineers, scientists), found "root"'],
    ["a catalog privilege granted on the metastore", data(["privileges: [CREATE_CATALOG, CREATE_EXTERNAL_LOCATION]", "privileges: [CREATE_CATALOG, CREATE_TABLE]"]), 'regions.yaml:25:36 unityCatalog.metastoreGrants[0].privileges[1]: expected one of CREATE_CATALOG, CREATE_CLEAN_ROOM, CREATE_CONNECTION, CREATE_EXTERNAL_LOCATION, CREATE_PROVIDER, CREATE_RECIPIENT, CREATE_SHARE, CREATE_SERVICE_CREDENTIAL, CREATE_STORAGE_CREDENTIAL, SET_SHARE_PERMISSION, USE_MARKETPLACE_ASSETS, USE_PROVIDER, USE_RECIPIENT, USE_SHARE, found "CREATE_TABLE"'],
  ])("%s", (_name, text, expected) => {
    expect(problemsOf(text)).toEqual(typeof expected === "string" ? [expected] : expected);
  });
});
