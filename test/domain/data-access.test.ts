import { describe, expect, test } from "vitest";
import { catalogGrants, dataBucketGrants, dataBucketOwner, dataBucketsOwnedBy, grantEnvironments } from "../../domain/data-access";
import { regionOwnerEnvironment, workspaceSpecs } from "../../domain/workspaces";
import { configFromText, shippedConfig } from "../utils";
import { mutate } from "../fixtures/config";

const environments = (names: Record<string, boolean>) =>
  Object.fromEntries(Object.entries(names).map(([name, isProtected]) => [name, { protected: isProtected }])) as never;

/** Groups: admins (both), engineers (both), scientists (dev only); one service principal. */
const config = {
  environments: environments({ dev: false, prod: true }),
  groups: [
    { name: "admins", roles: { dev: "admin", prod: "admin" } },
    { name: "engineers", roles: { dev: "user", prod: "user" } },
    { name: "scientists", roles: { dev: "user" } },
  ] as never,
  dataAccess: {
    catalog: [
      { group: "engineers", privileges: ["USE_CATALOG", "SELECT"] },
      { group: "engineers", environments: ["dev"], privileges: ["MODIFY"] },
      { group: "scientists", privileges: ["USE_CATALOG", "SELECT"] },
      { servicePrincipal: "airflow", environments: ["prod"], privileges: ["USE_CATALOG", "MODIFY"] },
    ],
    dataBuckets: {
      landing: [
        { group: "scientists", privileges: ["READ_FILES"] },
        { servicePrincipal: "airflow", privileges: ["READ_FILES", "WRITE_FILES"] },
      ],
    },
  } as never,
};

describe("data access: which grant applies where", () => {
  test("a group's grant applies where it has a role; a service principal's everywhere, narrowed by environments", () => {
    expect(grantEnvironments(config, { group: "scientists", privileges: [] } as never)).toEqual(["dev"]);
    expect(grantEnvironments(config, { group: "scientists", environments: ["prod"], privileges: [] } as never)).toEqual([]);
    expect(grantEnvironments(config, { servicePrincipal: "airflow", privileges: [] } as never)).toEqual(["dev", "prod"]);
    expect(grantEnvironments(config, { group: "engineers", servicePrincipal: "airflow", privileges: [] } as never)).toEqual([]);
  });

  test("catalog grants per environment: a principal's entries merge, role none gets nothing", () => {
    expect(catalogGrants(config, "dev")).toEqual([
      { principal: { kind: "group", name: "engineers" }, privileges: ["USE_CATALOG", "SELECT", "MODIFY"] },
      { principal: { kind: "group", name: "scientists" }, privileges: ["USE_CATALOG", "SELECT"] },
    ]);
    expect(catalogGrants(config, "prod")).toEqual([
      { principal: { kind: "group", name: "engineers" }, privileges: ["USE_CATALOG", "SELECT"] },
      { principal: { kind: "servicePrincipal", name: "airflow" }, environment: "prod", privileges: ["USE_CATALOG", "MODIFY"] },
    ]);
  });

  test("a shared data bucket's grants: groups once, a service principal once per environment's workspace", () => {
    expect(dataBucketGrants(config, { name: "landing", environments: ["dev", "prod"] })).toEqual([
      { principal: { kind: "group", name: "scientists" }, privileges: ["READ_FILES"] },
      { principal: { kind: "servicePrincipal", name: "airflow" }, environment: "dev", privileges: ["READ_FILES", "WRITE_FILES"] },
      { principal: { kind: "servicePrincipal", name: "airflow" }, environment: "prod", privileges: ["READ_FILES", "WRITE_FILES"] },
    ]);
    // A bucket for prod only: scientists (dev only) get nothing on it.
    expect(dataBucketGrants(config, { name: "landing", environments: ["prod"] }).map((grant) => grant.principal.name)).toEqual(["airflow"]);
    expect(dataBucketGrants(config, { name: "curated", environments: ["prod"] })).toEqual([]);
  });
});

describe("data access: which config stack owns region-level objects", () => {
  test.each([
    ["the first protected environment", { dev: false, prod: true }, "prod"],
    ["the first of several protected ones", { dev: false, stage: true, prod: true }, "stage"],
    ["the first environment when none is protected", { sandbox: false, dev: false }, "sandbox"],
  ])("the region's metastore objects: %s", (_name, names, owner) => {
    expect(regionOwnerEnvironment(environments(names))).toBe(owner);
  });

  test.each([
    ["served by the metastore owner: the owner", ["dev", "prod"], "prod"],
    ["not served by the owner: the first environment it serves", ["stage", "dev"], "dev"],
    ["one environment: that one", ["stage"], "stage"],
  ])("a data bucket %s", (_name, served, owner) => {
    const three = { environments: environments({ dev: false, stage: false, prod: true }) };
    expect(dataBucketOwner(three, { environments: served })).toBe(owner);
  });

  test.each([
    // dev's config stack would bind prod's workspace, which CI applies after dev's config stacks.
    ["not served by the owner but by a later protected one: that one, not an earlier unprotected one", ["dev", "prod"], "prod"],
    ["served by unprotected environments only: the first of them", ["dev", "qa"], "dev"],
  ])("a data bucket %s", (_name, served, owner) => {
    const four = { environments: environments({ dev: false, stage: true, qa: false, prod: true }) };
    expect(dataBucketOwner(four, { environments: served })).toBe(owner);
  });

  test("each region's data bucket is owned by exactly one environment", () => {
    const region = { dataBuckets: [{ name: "a", environments: ["dev"] }, { name: "b", environments: ["dev", "prod"] }] } as never;
    expect(dataBucketsOwnedBy(config, region, "dev").map((bucket) => bucket.name)).toEqual(["a"]);
    expect(dataBucketsOwnedBy(config, region, "prod").map((bucket) => bucket.name)).toEqual(["b"]);
  });

  test("workspaceSpecs: exactly one workspace per region owns the metastore-level objects (shipped: prod)", () => {
    const specs = workspaceSpecs(shippedConfig());
    expect(specs.filter((spec) => spec.ownsRegionMetastore).map((spec) => spec.names.workspace)).toEqual([
      "acme-data-use1-prod",
      "acme-data-euw1-prod",
      "acme-data-apse2-prod",
    ]);
    const unprotected = workspaceSpecs(configFromText(mutate(["protected: true, ", ""])));
    expect(unprotected.filter((spec) => spec.ownsRegionMetastore).map((spec) => spec.environment)).toEqual(["dev", "dev"]);
  });
});
