import { describe, test } from "vitest";
import { EXPECTED, expectCase, resources, type RuleCase } from "./helpers";

const HARDENED = { ...EXPECTED, workspace: { ...EXPECTED.workspace!, hardening: { customerManagedKeys: true, privateLink: true } } };
const PLAIN = { ...EXPECTED, workspace: { ...EXPECTED.workspace!, hardening: { customerManagedKeys: false, privateLink: false } } };
const WS = "databricks_mws_workspaces.ws";
const NET = "databricks_mws_networks.net";
const workspace = (body: Record<string, unknown>) => resources({ databricks_mws_workspaces: { ws: body } });
const network = (body: Record<string, unknown>) => resources({ databricks_mws_networks: { net: body } });
const KEYS = { storage_customer_managed_key_id: "${a.id}", managed_services_customer_managed_key_id: "${b.id}" };
const ENDPOINTS = { vpc_endpoints: { rest_api: ["${r.id}"], dataplane_relay: ["${s.id}"] } };

const CASES: RuleCase[] = [
  { name: "both keys set", rule: "DBX-7", json: workspace(KEYS), address: WS, status: "compliant", expected: HARDENED },
  { name: "storage key missing", rule: "DBX-7", json: workspace({ managed_services_customer_managed_key_id: "${b.id}" }), address: WS, status: "non-compliant", detail: "storage_customer_managed_key_id is not set", expected: HARDENED },
  { name: "an environment without keys", rule: "DBX-7", json: workspace({}), address: WS, status: "not-applicable", expected: PLAIN },
  { name: "private access settings set", rule: "DBX-8", json: workspace({ private_access_settings_id: "${p.id}" }), address: WS, status: "compliant", expected: HARDENED },
  { name: "private access settings missing", rule: "DBX-8", json: workspace({}), address: WS, status: "non-compliant", detail: "private_access_settings_id is not set", expected: HARDENED },
  { name: "network with both endpoints", rule: "DBX-8", json: network(ENDPOINTS), address: NET, status: "compliant", expected: HARDENED },
  { name: "network without the relay", rule: "DBX-8", json: network({ vpc_endpoints: { rest_api: ["${r.id}"] } }), address: NET, status: "non-compliant", detail: "vpc_endpoints.dataplane_relay is empty", expected: HARDENED },
  { name: "an environment without PrivateLink", rule: "DBX-8", json: network({}), address: NET, status: "not-applicable", expected: PLAIN },
  { name: "a hardened workspace on ENTERPRISE", rule: "DBX-9", json: workspace({ pricing_tier: "ENTERPRISE" }), address: WS, status: "compliant", expected: HARDENED },
  { name: "a hardened workspace on PREMIUM", rule: "DBX-9", json: workspace({ pricing_tier: "PREMIUM" }), address: WS, status: "non-compliant", detail: 'customer-managed keys and back-end PrivateLink need pricing_tier ENTERPRISE, found "PREMIUM"', expected: HARDENED },
  { name: "a plain workspace on PREMIUM", rule: "DBX-9", json: workspace({ pricing_tier: "PREMIUM" }), address: WS, status: "not-applicable", expected: PLAIN },
  { name: "a rotating key", rule: "IAM-4", json: resources({ aws_kms_key: { k: { enable_key_rotation: true } } }), address: "aws_kms_key.k", status: "compliant" },
  { name: "a key that never rotates", rule: "IAM-4", json: resources({ aws_kms_key: { k: {} } }), address: "aws_kms_key.k", status: "non-compliant", detail: "enable_key_rotation is not true" },
];

describe("hardening rules: customer-managed keys, PrivateLink, the Enterprise tier they need, key rotation", () => {
  test.each(CASES)("$rule: $name → $status", (c) => expectCase(c));
});
