import { describe, expect, test } from "vitest";
import { mutate } from "../fixtures/config";
import { problemsOf } from "../utils";

const WITH_IDENTITY: readonly (readonly [string, string])[] = [
  [
    "regions:\n",
    `groups:
  - name: admins
    roles: { dev: admin, prod: admin }
  - name: engineers
    roles: { dev: user }
servicePrincipals:
  - name: airflow
    groups: [engineers]
unityCatalog:
  metastoreOwner: admins
regions:
`,
  ],
];
const identity = (...edits: (readonly [string, string])[]) => {
  const base = mutate(...WITH_IDENTITY);
  return edits.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`no ${from}`);
    return text.replace(from, to);
  }, base);
};

describe("identity references resolve, with file:line and path", () => {
  test("the identity fixture is valid", () => {
    expect(problemsOf(identity())).toEqual([]);
  });

  test.each([
    [
      "unknown group joined by a service principal",
      identity(["groups: [engineers]", "groups: [enginers]"]),
      'regions.yaml:20:14 servicePrincipals[0].groups[0]: expected a group defined under groups (admins, engineers), found "enginers"',
    ],
    [
      "role for an environment that is not configured",
      identity(["roles: { dev: user }", "roles: { dev: user, staging: user }"]),
      'regions.yaml:17:25 groups[1].roles.staging: expected one of the configured environments (dev, prod), found "staging"',
    ],
    [
      "unknown metastore owner",
      identity(["metastoreOwner: admins", "metastoreOwner: root"]),
      'regions.yaml:22:19 unityCatalog.metastoreOwner: expected a group defined under groups (admins, engineers), found "root"',
    ],
    [
      "group defined twice",
      identity(["  - name: engineers", "  - name: admins"], ["groups: [engineers]", "groups: [admins]"]),
      'regions.yaml:16:11 groups[1].name: expected each group once, found "admins" again (first at index 0)',
    ],
    [
      "role that does not exist",
      identity(["roles: { dev: user }", "roles: { dev: owner }"]),
      'regions.yaml:17:19 groups[1].roles.dev: expected one of none, user, admin, found "owner"',
    ],
    [
      "group source that does not exist",
      identity(["  - name: engineers\n", "  - name: engineers\n    source: okta\n"]),
      'regions.yaml:17:13 groups[1].source: expected one of scim, terraform, found "okta"',
    ],
  ])("%s", (_name, text, expected) => {
    expect(problemsOf(text)).toEqual([expected]);
  });
});
