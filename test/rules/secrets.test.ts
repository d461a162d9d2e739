import { describe, test } from "vitest";
import { expectCase, resources, type RuleCase } from "./helpers";

const PAT = `dapi${"0123456789abcdef".repeat(2)}`;
const secretVersion = (secretString: unknown) => resources({ aws_secretsmanager_secret_version: { v: { secret_id: "${aws_secretsmanager_secret.s.id}", secret_string: secretString } } });
const output = (body: Record<string, unknown>, name = "o") => ({ output: { [name]: body } });

const CASES: RuleCase[] = [
  { name: "a provider reading credentials from the environment", rule: "SEC-1", json: { provider: { databricks: [{ host: "https://accounts.cloud.databricks.com", account_id: "3f2c8a1e" }] } }, address: "provider.databricks", status: "compliant" },
  { name: "a literal token in the provider", rule: "SEC-1", json: { provider: { databricks: [{ host: "https://x", token: "not-a-real-token" }] } }, address: "provider.databricks", status: "non-compliant", detail: "token holds a literal value" },
  { name: "a PAT shape under an innocent name", rule: "SEC-1", json: resources({ time_sleep: { s: { triggers: { note: PAT } } } }), address: "time_sleep.s", status: "non-compliant", detail: "triggers.note contains a Databricks personal access token" },
  { name: "a GitHub token deep in a list, named by its full path", rule: "SEC-1", json: resources({ aws_instance: { i: { ebs_block_device: [{ tags: {} }, { tags: { Note: `ghp_${"A".repeat(36)}` } }] } } }), address: "aws_instance.i", status: "non-compliant", detail: "ebs_block_device[1].tags.Note contains a GitHub token" },
  { name: "an AWS access key id in the backend", rule: "SEC-1", json: { terraform: { backend: { s3: { bucket: "b", access_key: "AKIAIOSFODNN7EXAMPLE" } } } }, address: "terraform", status: "non-compliant", detail: "an AWS access key id" },
  { name: "a password inside jsonencode", rule: "SEC-1", json: secretVersion('${jsonencode({"password" = "hunter2hunter2"})}'), address: "aws_secretsmanager_secret_version.v", status: "non-compliant", detail: "a literal value under a secret-looking key" },
  { name: "a literal password in a local", rule: "SEC-1", json: { locals: { db_password: "hunter2hunter2" } }, address: "local.db_password", status: "non-compliant", detail: "db_password holds a literal value" },
  { name: "a local taking its password by reference", rule: "SEC-1", json: { locals: { db_password: "${random_password.p.result}" } }, address: "local.db_password", status: "compliant" },
  { name: "a secret by reference", rule: "SEC-1", json: resources({ databricks_secret: { s: { key: "k", string_value: "${databricks_service_principal_secret.p.secret}" } } }), address: "databricks_secret.s", status: "compliant" },
  { name: "secret_string from references only", rule: "SEC-2", json: secretVersion('${jsonencode({"host" = databricks_mws_workspaces.w.workspace_url, "client_secret" = databricks_service_principal_secret.p.secret})}'), address: "aws_secretsmanager_secret_version.v", status: "compliant" },
  { name: "a literal secret_string", rule: "SEC-2", json: secretVersion("s3cr3t-value"), address: "aws_secretsmanager_secret_version.v", status: "non-compliant", detail: "secret_string is a literal" },
  { name: "a reference-shaped word in quotes is a literal too", rule: "SEC-2", json: secretVersion('${replace(random_password.p.result, "aws_vpc.fake.id", "")}'), address: "aws_secretsmanager_secret_version.v", status: "non-compliant", detail: 'embeds literal "aws_vpc.fake.id", ""' },
  { name: "a literal mixed into the JSON", rule: "SEC-2", json: secretVersion('${jsonencode({"user" = "admin", "pw" = random_password.p.result})}'), address: "aws_secretsmanager_secret_version.v", status: "non-compliant", detail: 'embeds literal "admin"' },
  { name: "an output of a URL", rule: "SEC-3", json: output({ value: "${databricks_mws_workspaces.w.workspace_url}" }), address: "output.o", status: "not-applicable" },
  { name: "a sensitive output of a secret", rule: "SEC-3", json: output({ value: "${databricks_service_principal_secret.p.secret}", sensitive: true }), address: "output.o", status: "compliant" },
  { name: "an output of a secret, not sensitive", rule: "SEC-3", json: output({ value: "${databricks_service_principal_secret.p.secret}" }), address: "output.o", status: "non-compliant", detail: "carries databricks_service_principal_secret.p.secret but is not sensitive" },
  { name: "an output named like a secret, not sensitive", rule: "SEC-3", json: output({ value: "${random_id.x.hex}" }, "admin_password"), address: "output.admin_password", status: "non-compliant", detail: 'its name "admin_password"' },
];

describe("secret rules: no credential in the JSON, secrets by reference, sensitive outputs", () => {
  test.each(CASES)("$rule: $name → $status", (c) => expectCase(c));
});
