import { describe, expect, test } from "vitest";
import type { GroupConfig } from "../../config/schema/regions";
import { groupAssignments, roleIn } from "../../domain/identity";

const group = (name: string, roles: GroupConfig["roles"]): GroupConfig => ({
  name,
  source: "scim",
  roles,
  entitlements: { workspaceAccess: true, sqlAccess: true, clusterCreate: false },
});

describe("identity: a group's role per environment", () => {
  test.each([
    ["a role set for the environment", { prod: "admin" }, "prod", "admin"],
    ["an environment left out", { dev: "user" }, "prod", "none"],
    ["an explicit none", { prod: "none" }, "prod", "none"],
  ] as const)("%s", (_name, roles, environment, expected) => {
    expect(roleIn({ roles }, environment)).toBe(expected);
  });

  test("assignments keep file order and leave out groups with no role there", () => {
    const groups = [group("admins", { dev: "admin", prod: "admin" }), group("analysts", { dev: "user" }), group("ops", { prod: "user" })];
    expect(groupAssignments(groups, "prod")).toEqual([
      { group: "admins", role: "admin" },
      { group: "ops", role: "user" },
    ]);
  });
});
