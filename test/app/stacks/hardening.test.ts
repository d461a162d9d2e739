import { describe, expect, test } from "vitest";
import { problemsOf, addressOf, configFromText, ref, resourcesOf, shippedConfig, shippedRegionsText, synthApp, workspaceStacksOf } from "../../utils";
import { mutate } from "../../fixtures/config";

const stacks = synthApp(shippedConfig());
const prod = stacks.get("acme-data-euw1-prod")!;
const dev = stacks.get("acme-data-euw1-dev")!;

describe("hardening: customer-managed keys (on by default where protected)", () => {
  test("prod has a rotated KMS key per use, registered with Databricks and set on the workspace", () => {
    expect(resourcesOf(prod, "aws_kms_key")).toHaveLength(2);
    expect(resourcesOf(prod, "aws_kms_key").every((key) => key.enable_key_rotation === true)).toBe(true);
    expect(resourcesOf(prod, "aws_kms_alias").map((alias) => alias.name).sort()).toEqual([
      "alias/acme-data-euw1-prod-managed-services",
      "alias/acme-data-euw1-prod-storage",
    ]);
    const registrations = resourcesOf(prod, "databricks_mws_customer_managed_keys").map((r) => r.use_cases);
    expect(registrations.sort()).toEqual([["MANAGED_SERVICES"], ["STORAGE"]]);
    const [workspace] = resourcesOf(prod, "databricks_mws_workspaces");
    expect(workspace.managed_services_customer_managed_key_id).toMatch(/managed-services-registration.*customer_managed_key_id/);
    expect(workspace.storage_customer_managed_key_id).toMatch(/storage-registration.*customer_managed_key_id/);
  });

  test("the storage key lets the cross-account role encrypt cluster volumes only through EC2", () => {
    const storagePolicy = Object.entries(prod.data!.aws_iam_policy_document).find(([name]) => name.includes("storage-policy"))![1];
    expect(storagePolicy.statement).toContainEqual(
      expect.objectContaining({
        principals: [{ type: "AWS", identifiers: [ref(addressOf(prod, "aws_iam_role", (r) => String(r.name).endsWith("-crossaccount")), "arn")] }],
        condition: [{ test: "StringEquals", variable: "kms:ViaService", values: ["ec2.eu-west-1.amazonaws.com"] }],
      }),
    );
  });

  test("the storage key lets the Databricks control plane create grants for AWS resources only", () => {
    const storagePolicy = Object.entries(prod.data!.aws_iam_policy_document).find(([name]) => name.includes("storage-policy"))![1];
    expect(storagePolicy.statement).toContainEqual({
      sid: "DatabricksControlPlaneGrants",
      principals: [{ type: "AWS", identifiers: ["arn:aws:iam::414351767826:root"] }],
      actions: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
      resources: ["*"],
      condition: [{ test: "Bool", variable: "kms:GrantIsForAWSResource", values: ["true"] }],
    });
    const managedPolicy = Object.entries(prod.data!.aws_iam_policy_document).find(([name]) => name.includes("managed-services-policy"))![1];
    expect(JSON.stringify(managedPolicy)).not.toContain("kms:CreateGrant");
  });

  test("the root bucket's default encryption is the storage key where keys are on, S3-managed elsewhere", () => {
    const encryption = (stack: typeof prod) => resourcesOf(stack, "aws_s3_bucket_server_side_encryption_configuration")[0].rule;
    expect(encryption(prod)).toEqual([
      {
        apply_server_side_encryption_by_default: {
          sse_algorithm: "aws:kms",
          kms_master_key_id: ref(addressOf(prod, "aws_kms_key", (key) => String(key.description).includes(" storage ")), "arn"),
        },
        bucket_key_enabled: true,
      },
    ]);
    expect(encryption(dev)).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" }, bucket_key_enabled: true }]);
  });

  test("dev keeps Databricks-managed keys", () => {
    expect(resourcesOf(dev, "aws_kms_key")).toEqual([]);
    expect(resourcesOf(dev, "databricks_mws_workspaces")[0]).not.toHaveProperty("storage_customer_managed_key_id");
  });

  test("customerManagedKeys: false turns them off in a protected environment", () => {
    const off = synthApp(configFromText(shippedRegionsText.replace("    hardening:\n", "    hardening:\n      customerManagedKeys: false\n")));
    expect(resourcesOf(off.get("acme-data-euw1-prod")!, "aws_kms_key")).toEqual([]);
  });
});

describe("hardening: back-end PrivateLink", () => {
  test("REST API and relay endpoints for the region, registered and attached to the network", () => {
    const endpoints = resourcesOf(prod, "aws_vpc_endpoint").filter((e) => String(e.service_name).startsWith("com.amazonaws.vpce."));
    expect(endpoints.map((e) => e.service_name).sort()).toEqual([
      "com.amazonaws.vpce.eu-west-1.vpce-svc-09b4eb2bc775f4e8c",
      "com.amazonaws.vpce.eu-west-1.vpce-svc-0da6ebf1461278016",
    ]);
    expect(endpoints.every((e) => e.private_dns_enabled === true && (e.subnet_ids as string[]).length === 3)).toBe(true);
    const registrations = Object.keys(prod.resource!.databricks_mws_vpc_endpoint);
    expect(resourcesOf(prod, "databricks_mws_networks")[0].vpc_endpoints).toEqual({
      rest_api: [ref(`databricks_mws_vpc_endpoint.${registrations.find((r) => r.includes("rest-api"))}`, "vpc_endpoint_id")],
      dataplane_relay: [ref(`databricks_mws_vpc_endpoint.${registrations.find((r) => r.includes("relay"))}`, "vpc_endpoint_id")],
    });
    expect(resourcesOf(prod, "databricks_mws_private_access_settings")).toEqual([
      expect.objectContaining({ region: "eu-west-1", public_access_enabled: true, private_access_settings_name: "acme-data-euw1-prod-private-access" }),
    ]);
    expect(resourcesOf(prod, "databricks_mws_workspaces")[0].private_access_settings_id).toBe(
      ref(addressOf(prod, "databricks_mws_private_access_settings"), "private_access_settings_id"),
    );
  });

  test("the endpoints sit in their own /26 per AZ, with a route table holding only the local route", () => {
    const privateLinkSubnets = Object.entries(prod.resource!.aws_subnet).filter(([, s]) => String((s.tags as Record<string, string>).Name).includes("-privatelink-"));
    expect(privateLinkSubnets.map(([, s]) => [s.availability_zone, s.cidr_block])).toEqual([
      ["eu-west-1a", "10.21.224.0/26"],
      ["eu-west-1b", "10.21.224.64/26"],
      ["eu-west-1c", "10.21.224.128/26"],
    ]);
    const subnetRefs = privateLinkSubnets.map(([id]) => ref(`aws_subnet.${id}`, "id"));
    const endpoints = resourcesOf(prod, "aws_vpc_endpoint").filter((e) => String(e.service_name).startsWith("com.amazonaws.vpce."));
    for (const endpoint of endpoints) expect(endpoint.subnet_ids).toEqual(subnetRefs);
    const table = addressOf(prod, "aws_route_table", (t) => (t.tags as Record<string, string>).Name === "acme-data-euw1-prod-privatelink");
    expect(resourcesOf(prod, "aws_route_table_association").filter((a) => a.route_table_id === ref(table, "id")).map((a) => a.subnet_id)).toEqual(subnetRefs);
    expect(resourcesOf(prod, "aws_route").filter((r) => r.route_table_id === ref(table, "id"))).toEqual([]);
    // The cluster subnets hold no Databricks endpoint, and dev (no PrivateLink) has no such subnets.
    expect(Object.values(dev.resource!.aws_subnet).map((s) => (s.tags as Record<string, string>).Name).filter((n) => n.includes("privatelink"))).toEqual([]);
  });

  test("the endpoints admit only the workspace security group", () => {
    const workspaceGroup = ref(addressOf(prod, "aws_security_group", (g) => String(g.name).endsWith("-workspace")), "id");
    const endpointGroup = ref(addressOf(prod, "aws_security_group", (g) => String(g.name).endsWith("-privatelink")), "id");
    const ingress = resourcesOf(prod, "aws_vpc_security_group_ingress_rule").filter((r) => r.security_group_id === endpointGroup);
    expect(ingress.map((r) => `${r.from_port}-${r.to_port}`).sort()).toEqual(["2443-2443", "443-443", "6666-6666", "8443-8451"]);
    expect(ingress.every((r) => r.referenced_security_group_id === workspaceGroup)).toBe(true);
  });

  test("dev has none", () => {
    expect(resourcesOf(dev, "databricks_mws_vpc_endpoint")).toEqual([]);
    expect(resourcesOf(dev, "databricks_mws_networks")[0]).not.toHaveProperty("vpc_endpoints");
  });

  test("a region without back-end PrivateLink services is rejected when it is on", () => {
    const text = mutate(
      ["  dev: {}", "  dev: { pricingTier: ENTERPRISE, hardening: { privateLink: true } }"],
      ["region: eu-west-1", "region: ap-southeast-3"],
      ["[eu-west-1a, eu-west-1b]", "[ap-southeast-3a, ap-southeast-3b]"],
    );
    expect(problemsOf(text)).toEqual([
      'regions.yaml:21:13 regions[1].region: expected a region with back-end PrivateLink (environments.dev.hardening.privateLink is on), found "ap-southeast-3"',
    ]);
  });
});

describe("hardening: the Enterprise tier it needs", () => {
  test("the shipped file puts hardened prod workspaces on ENTERPRISE and dev on the account-wide PREMIUM", () => {
    for (const [name, stack] of workspaceStacksOf(stacks)) {
      const [workspace] = resourcesOf(stack, "databricks_mws_workspaces");
      expect([name, workspace.pricing_tier]).toEqual([name, name.endsWith("-prod") ? "ENTERPRISE" : "PREMIUM"]);
    }
  });

  test.each([
    [
      "customer-managed keys on by default where protected",
      ["  prod: { natGateways: perAz, protected: true, pricingTier: ENTERPRISE }", "  prod: { natGateways: perAz, protected: true }"],
      "regions.yaml:12:42 environments.prod.protected: expected pricingTier ENTERPRISE for customer-managed keys (on by default where protected): set environments.prod.pricingTier: ENTERPRISE or turn it off, found PREMIUM",
    ],
    [
      "customer-managed keys asked for explicitly",
      ["  dev: {}", "  dev: { hardening: { customerManagedKeys: true } }"],
      "regions.yaml:11:44 environments.dev.hardening.customerManagedKeys: expected pricingTier ENTERPRISE for customer-managed keys: set environments.dev.pricingTier: ENTERPRISE or turn it off, found PREMIUM",
    ],
    [
      "PrivateLink on a PREMIUM environment",
      ["  dev: {}", "  dev: { pricingTier: PREMIUM, hardening: { privateLink: true } }"],
      "regions.yaml:11:58 environments.dev.hardening.privateLink: expected pricingTier ENTERPRISE for back-end PrivateLink: set environments.dev.pricingTier: ENTERPRISE or turn it off, found PREMIUM",
    ],
  ] as const)("Enterprise-only hardening on PREMIUM is a located error: %s", (_name, edit, problem) => {
    expect(problemsOf(mutate(edit))).toEqual([problem]);
  });

  test("a top-level ENTERPRISE covers every environment; an environment can override it", () => {
    const text = mutate(["  prod: { natGateways: perAz, protected: true, pricingTier: ENTERPRISE }", "  prod: { natGateways: perAz, protected: true }"]).replace(
      'awsAccountId: "123456789012"',
      'awsAccountId: "123456789012"\npricingTier: ENTERPRISE',
    );
    expect(problemsOf(text)).toEqual([]);
    const tiers = [...workspaceStacksOf(synthApp(configFromText(text.replace("  dev: {}", "  dev: { pricingTier: PREMIUM }"))))]
      .map(([name, stack]) => [name, resourcesOf(stack, "databricks_mws_workspaces")[0].pricing_tier]);
    expect(Object.fromEntries(tiers)).toEqual({
      "acme-data-euw1-dev": "PREMIUM",
      "acme-data-euw1-prod": "ENTERPRISE",
      "acme-data-use1-dev": "PREMIUM",
      "acme-data-use1-prod": "ENTERPRISE",
    });
  });
});

describe("the legacy Hive metastore: switched off, or reachable on 3306 (environments.<env>.legacyAccess)", () => {
  const egressPorts = (stack: typeof prod) => resourcesOf(stack, "aws_vpc_security_group_egress_rule").map((rule) => rule.from_port);

  test.each([...stacks.keys()].filter((name) => name.endsWith("-config")))("%s: legacy access and DBFS are switched off", (name) => {
    const configStack = stacks.get(name)!;
    expect(resourcesOf(configStack, "databricks_disable_legacy_access_setting")).toEqual([{ disable_legacy_access: { value: true } }]);
    expect(resourcesOf(configStack, "databricks_disable_legacy_dbfs_setting")).toEqual([{ disable_legacy_dbfs: { value: true } }]);
  });

  test("with legacy access off, no security group opens 3306", () => {
    for (const [name, stack] of stacks) expect(egressPorts(stack), name).not.toContain(3306);
  });

  test("legacyAccess: true keeps the settings off and opens egress 3306 from the workspace security group only", () => {
    const legacy = synthApp(configFromText(shippedRegionsText.replace("    legacyAccess: false ", "    legacyAccess: true ")));
    const devStack = legacy.get("acme-data-euw1-dev")!;
    const rule = resourcesOf(devStack, "aws_vpc_security_group_egress_rule").find((r) => r.from_port === 3306);
    expect(rule).toMatchObject({
      ip_protocol: "tcp",
      from_port: 3306,
      to_port: 3306,
      cidr_ipv4: "0.0.0.0/0",
      security_group_id: ref(addressOf(devStack, "aws_security_group", (g) => String(g.name).endsWith("-workspace")), "id"),
    });
    expect(resourcesOf(legacy.get("acme-data-euw1-dev-config")!, "databricks_disable_legacy_access_setting")).toEqual([]);
    expect(resourcesOf(legacy.get("acme-data-euw1-dev-config")!, "databricks_disable_legacy_dbfs_setting")).toEqual([]);
    // prod keeps the default.
    expect(egressPorts(legacy.get("acme-data-euw1-prod")!)).not.toContain(3306);
    expect(resourcesOf(legacy.get("acme-data-euw1-prod-config")!, "databricks_disable_legacy_access_setting")).toHaveLength(1);
  });
});
