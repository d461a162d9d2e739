import { describe, expect, test } from "vitest";
import { addressOf, configFromText, dataSourcesOf, problemsOf, ref, resourcesOf, shippedConfig, shippedRegionsText, synthApp, workspaceStacksOf, type StackJson } from "../../utils";

const config = shippedConfig();
const stacks = synthApp(config);
const workspaces = [...workspaceStacksOf(stacks).entries()];
const environmentOf = (name: string) => name.split("-").at(-1)!;
const scimGroups = config.groups.filter((group) => group.source === "scim");

/** Remote-state reference to an output of another stack whose name contains `fragment`. */
const remoteOutput = (stack: string, fragment: string) =>
  expect.stringMatching(new RegExp(`^\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-${stack}\\.outputs\\.cross-stack-output-.*${fragment}`));

function groupIdRef(stack: StackJson, group: string): string {
  const lookups = Object.entries(stack.data?.databricks_group ?? {}).filter(([, body]) => body.display_name === group);
  return lookups.length === 1 ? ref(`data.databricks_group.${lookups[0][0]}`, "id") : "";
}

describe("WorkspaceStack identity: SCIM groups, roles, service principals, metastore", () => {
  test.each(workspaces)("%s: SCIM groups are looked up and never created", (_name, stack) => {
    expect(resourcesOf(stack, "databricks_group")).toEqual([]);
    const looked = dataSourcesOf(stack, "databricks_group").map((g) => g.display_name);
    expect(looked.every((name) => scimGroups.some((group) => group.name === name))).toBe(true);
  });

  test.each(workspaces)("%s: one permission assignment per group with a role here, USER or ADMIN as configured", (name, stack) => {
    const environment = environmentOf(name);
    const workspaceId = ref(addressOf(stack, "databricks_mws_workspaces"), "workspace_id");
    const expected = config.groups
      .filter((group) => (group.roles[environment] ?? "none") !== "none")
      .map((group) =>
        expect.objectContaining({
          workspace_id: workspaceId,
          principal_id:
            group.source === "scim" ? groupIdRef(stack, group.name) : remoteOutput("acme-data-account", `groups_${group.name}_`),
          permissions: [group.roles[environment] === "admin" ? "ADMIN" : "USER"],
        }),
      );
    const groupAssignments = resourcesOf(stack, "databricks_mws_permission_assignment").filter(
      (a) => !String(a.principal_id).includes("databricks_service_principal"),
    );
    expect(groupAssignments).toHaveLength(expected.length);
    expect(groupAssignments).toEqual(expect.arrayContaining(expected));
  });

  test("a group with role none in an environment gets nothing there", () => {
    const prod = stacks.get("acme-data-use1-prod")!;
    const dev = stacks.get("acme-data-use1-dev")!;
    expect(dataSourcesOf(prod, "databricks_group").map((g) => g.display_name)).not.toContain("data-scientists");
    expect(dataSourcesOf(dev, "databricks_group").map((g) => g.display_name)).not.toContain("analysts");
    const entitled = (stack: StackJson) => JSON.stringify(resourcesOf(stack, "databricks_entitlements"));
    expect(entitled(stacks.get("acme-data-use1-prod-config")!)).not.toContain("data-scientists");
    expect(entitled(stacks.get("acme-data-use1-dev-config")!)).not.toContain("analysts");
    expect(dataSourcesOf(dev, "databricks_group").map((g) => g.display_name)).toContain("data-scientists");
  });

  test.each(workspaces)("%s: the airflow service principal, its assignment, group and secret in Secrets Manager", (name, stack) => {
    const principal = addressOf(stack, "databricks_service_principal");
    expect(resourcesOf(stack, "databricks_service_principal")).toEqual([{ display_name: `${name}-airflow`, active: true }]);
    expect(resourcesOf(stack, "databricks_mws_permission_assignment")).toContainEqual(
      expect.objectContaining({
        workspace_id: ref(addressOf(stack, "databricks_mws_workspaces"), "workspace_id"),
        principal_id: ref(principal, "id"),
        permissions: ["USER"],
      }),
    );
    expect(resourcesOf(stack, "databricks_group_member")).toEqual([
      { group_id: remoteOutput("acme-data-account", "groups_job-owners_"), member_id: ref(principal, "id") },
    ]);
    const oauth = addressOf(stack, "databricks_service_principal_secret");
    expect(resourcesOf(stack, "aws_secretsmanager_secret")).toEqual([
      expect.objectContaining({ name: `databricks/${name}/airflow` }),
    ]);
    const [version] = resourcesOf(stack, "aws_secretsmanager_secret_version");
    expect(version.secret_id).toBe(ref(addressOf(stack, "aws_secretsmanager_secret"), "id"));
    expect(version.secret_string).toContain(`${oauth}.secret`);
  });

  test.each(workspaces)("%s: the OAuth secret rotates with a 90-day time_rotating, new before old is deleted", (_name, stack) => {
    const rotation = addressOf(stack, "time_rotating");
    expect(resourcesOf(stack, "time_rotating")).toEqual([{ rotation_days: 90 }]);
    expect(resourcesOf(stack, "databricks_service_principal_secret")).toEqual([
      {
        service_principal_id: ref(addressOf(stack, "databricks_service_principal"), "id"),
        time_rotating: `Terraform (created: ${ref(rotation, "rfc3339")})`,
        lifecycle: { create_before_destroy: true },
      },
    ]);
  });

  test("secretRotationDays sets the period; one past half the secret's 730-day life is refused, at its line", () => {
    const text = (days: number) => shippedRegionsText.replace("    groups: [job-owners]\n", `    groups: [job-owners]\n    secretRotationDays: ${days}\n`);
    const stack = synthApp(configFromText(text(30))).get("acme-data-use1-dev")!;
    expect(resourcesOf(stack, "time_rotating")).toEqual([{ rotation_days: 30 }]);
    const line = shippedRegionsText.split("\n").indexOf("    groups: [job-owners]") + 2;
    expect(problemsOf(text(400))).toEqual([
      `regions.yaml:${line}:25 servicePrincipals[0].secretRotationDays: expected at most 365 days (the secret expires after 730: rotating within half of that leaves the scheduled apply time to catch up), found 400`,
    ]);
  });

  test.each([...stacks.entries()])("%s: no output carries a service principal secret, in clear or at all", (_name, stack) => {
    for (const [output, body] of Object.entries(stack.output ?? {})) {
      expect(String(body.value), output).not.toMatch(/databricks_service_principal_secret|secret_string|client_secret/);
    }
  });

  test.each(workspaces)("%s: every permission assignment waits for the metastore assignment and SRA's 60 s pause", (_name, stack) => {
    const assignment = addressOf(stack, "databricks_metastore_assignment");
    const pause = addressOf(stack, "time_sleep", (sleep) => sleep.create_duration === "60s");
    expect(resourcesOf(stack, "time_sleep").find((sleep) => sleep.create_duration === "60s")).toEqual({
      create_duration: "60s",
      triggers: { workspace_id: `\${${addressOf(stack, "databricks_mws_workspaces")}.workspace_id}` },
    });
    const assignments = resourcesOf(stack, "databricks_mws_permission_assignment");
    expect(assignments.length).toBeGreaterThanOrEqual(2);
    for (const principal of assignments) expect(principal.depends_on).toEqual([assignment, pause]);
  });

  test.each(workspaces)("%s: the metastore assignment points at the region's metastore", (_name, stack) => {
    const awsRegion = String(stack.provider?.aws?.[0].region);
    expect(resourcesOf(stack, "databricks_metastore_assignment")).toEqual([
      {
        metastore_id: remoteOutput("acme-data-account", `metastore-${awsRegion}_`),
        workspace_id: ref(addressOf(stack, "databricks_mws_workspaces"), "workspace_id"),
      },
    ]);
  });
});

describe("AccountStack: owned groups and one metastore per region", () => {
  const account = stacks.get("acme-data-account")!;

  test("only groups with source terraform are created, at account level", () => {
    expect(resourcesOf(account, "databricks_group")).toEqual([{ display_name: "job-owners", force: false }]);
    expect(account.provider?.databricks).toEqual([
      { host: "https://accounts.cloud.databricks.com", account_id: config.databricksAccountId },
    ]);
  });

  test("one protected metastore per region, owned by the configured group", () => {
    const metastores = resourcesOf(account, "databricks_metastore");
    expect(metastores).toHaveLength(3);
    expect(metastores).toEqual(
      expect.arrayContaining(
        config.regions.map(({ region }) =>
          expect.objectContaining({ region, owner: "data-platform-admins", force_destroy: false, lifecycle: { prevent_destroy: true } }),
        ),
      ),
    );
    expect(metastores.map((m) => m.name).sort()).toEqual(["acme-data-apse2", "acme-data-euw1", "acme-data-use1"]);
  });
});

describe("ConfigStack: entitlements through the workspace's own URL", () => {
  test.each(workspaces)("%s-config: the provider host is the workspace URL by cross-stack reference", (name) => {
    const configStack = stacks.get(`${name}-config`)!;
    expect(configStack.provider?.databricks).toEqual([{ host: remoteOutput(name, "workspace_url") }]);
  });

  test("entitlements follow regions.yaml: analysts SQL only, cluster creation off, airflow entitled", () => {
    const prodConfig = stacks.get("acme-data-euw1-prod-config")!;
    const entitlements = resourcesOf(prodConfig, "databricks_entitlements");
    expect(entitlements).toContainEqual({
      group_id: remoteOutput("acme-data-euw1-prod", "scim-analysts"),
      workspace_access: false,
      databricks_sql_access: true,
      allow_cluster_create: false,
    });
    expect(entitlements).toContainEqual({
      service_principal_id: remoteOutput("acme-data-euw1-prod", "service-principal-airflow"),
      workspace_access: true,
      databricks_sql_access: true,
      allow_cluster_create: false,
    });
    expect(entitlements.every((e) => e.allow_cluster_create === false)).toBe(true);
    expect(entitlements).toHaveLength(6);
  });

  test.each(workspaces)("%s-config: the built-in users group is entitled to nothing, so each group gets exactly its own", (name) => {
    const configStack = stacks.get(`${name}-config`)!;
    const users = Object.entries(configStack.data?.databricks_group ?? {}).filter(([, body]) => body.display_name === "users");
    expect(users).toHaveLength(1);
    expect(resourcesOf(configStack, "databricks_entitlements")).toContainEqual({
      group_id: ref(`data.databricks_group.${users[0][0]}`, "id"),
      workspace_access: false,
      databricks_sql_access: false,
      allow_cluster_create: false,
    });
  });

  test("allUsersEntitlements sets what every user gets; a group named users is refused", () => {
    const text = shippedRegionsText.replace("\nservicePrincipals:", "\nallUsersEntitlements: { sqlAccess: true }\nservicePrincipals:");
    const configStack = synthApp(configFromText(text)).get("acme-data-use1-dev-config")!;
    expect(resourcesOf(configStack, "databricks_entitlements")).toContainEqual(
      expect.objectContaining({ workspace_access: false, databricks_sql_access: true, allow_cluster_create: false, group_id: expect.stringContaining("all-users") }),
    );
    const line = shippedRegionsText.split("\n").indexOf("  - name: analysts") + 1;
    expect(problemsOf(shippedRegionsText.replace("  - name: analysts\n", "  - name: users\n"))).toContain(
      `regions.yaml:${line}:11 groups[3].name: expected a group other than the built-in "users" group of every workspace (set its entitlements under allUsersEntitlements), found "users"`,
    );
  });
});

describe("an existing metastore: regions[].metastoreId", () => {
  const metastoreId = "0b9d3a4e-5f61-4c7a-8e2d-1a2b3c4d5e6f";
  const withExisting = synthApp(
    configFromText(shippedRegionsText.replace("  - region: eu-west-1\n", `  - region: eu-west-1\n    metastoreId: ${metastoreId}\n`)),
  );

  test("no metastore is created for that region; the others are", () => {
    const regions = resourcesOf(withExisting.get("acme-data-account")!, "databricks_metastore").map((m) => m.region);
    expect(regions.sort()).toEqual(["ap-southeast-2", "us-east-1"]);
  });

  test.each(["acme-data-euw1-dev", "acme-data-euw1-prod"])("%s is assigned to that id, read from no other stack", (name) => {
    const stack = withExisting.get(name)!;
    expect(resourcesOf(stack, "databricks_metastore_assignment")).toEqual([
      { metastore_id: metastoreId, workspace_id: ref(addressOf(stack, "databricks_mws_workspaces"), "workspace_id") },
    ]);
    expect(JSON.stringify(stack)).not.toContain("metastore-eu-west-1");
  });

  test("a metastore id that is not a UUID is a located error", () => {
    expect(problemsOf(shippedRegionsText.replace("  - region: eu-west-1\n", "  - region: eu-west-1\n    metastoreId: main\n"))).toEqual([
      `regions.yaml:${shippedRegionsText.split("\n").indexOf("  - region: eu-west-1") + 2}:18 regions[1].metastoreId: expected the id of the region's existing Unity Catalog metastore, a UUID, found "main"`,
    ]);
  });
});
