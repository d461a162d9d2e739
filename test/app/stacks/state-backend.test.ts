import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { localStatePath, stateBackendOf } from "../../../app/stacks/state-backend";
import { configFromText, REPO_ROOT, shippedConfig, shippedRegionsText, synthApp, type StackJson } from "../../utils";

const withoutState = shippedRegionsText.replace(/^state:\n(?: {2}.*\n)+/m, "");

describe("localStatePath: outside the output folder, the same string from every stack's folder", () => {
  test.each([
    ["npm run synth", { outdir: "cdktf.out", projectDir: "." }, "../../../terraform-state/acme-data-account.tfstate"],
    ["an output folder elsewhere ($CDKTF_OUTDIR)", { outdir: "/tmp/review-1/head-out", projectDir: "/repo" }, "../../../../../repo/terraform-state/acme-data-account.tfstate"],
    ["a nested output folder", { outdir: "build/out", projectDir: "." }, "../../../../terraform-state/acme-data-account.tfstate"],
  ])("%s", (_name, layout, expected) => {
    const path = localStatePath(layout, "acme-data-account");
    expect(path).toBe(expected);
    // Resolved from any stack's folder (all siblings), it is the project's terraform-state file.
    for (const stack of ["acme-data-account", "acme-data-use1-dev-config"]) {
      expect(resolve(layout.outdir, "stacks", stack, path)).toBe(resolve(layout.projectDir, "terraform-state", "acme-data-account.tfstate"));
    }
  });

  test("terraform-state/ is kept out of git", () => {
    expect(readFileSync(join(REPO_ROOT, ".gitignore"), "utf8").split("\n")).toContain("terraform-state/");
  });
});

describe("without state: every cross-stack read names its producer's state file", () => {
  const stacks = synthApp(configFromText(withoutState));
  const reads = [...stacks].flatMap(([reader, json]) =>
    Object.entries((json.data?.terraform_remote_state ?? {}) as Record<string, { backend: string; config: { path: string } }>).map(([name, block]) => ({
      reader, producer: name.replace("cross-stack-reference-input-", ""), block,
    })),
  );
  const backendOf = (stack: StackJson | undefined) => (stack?.terraform as { backend?: { local?: { path: string } } } | undefined)?.backend?.local;

  test("every stack has a local backend under terraform-state/", () => {
    for (const [name, json] of stacks) expect(backendOf(json), name).toEqual({ path: `../../../terraform-state/${name}.tfstate` });
  });

  test("every reader's terraform_remote_state config is its producer's backend, string for string", () => {
    expect(reads.length).toBeGreaterThanOrEqual(12);
    for (const { reader, producer, block } of reads) {
      expect(block.backend, reader).toBe("local");
      expect(block.config, `${reader} reads ${producer}`).toEqual(backendOf(stacks.get(producer)));
    }
  });
});

describe("with state: S3, SSE-KMS with the bootstrap key unless another is named", () => {
  test("the default kms_key_id is the bootstrap key's alias ARN in the state region", () => {
    expect(stateBackendOf(shippedConfig(), { outdir: "cdktf.out", projectDir: "." })).toEqual({
      kind: "s3", bucket: "acme-data-terraform-state", region: "us-east-1", keyPrefix: "databricks-workspaces",
      kmsKeyId: "arn:aws:kms:us-east-1:123456789012:alias/acme-data-terraform-state",
    });
  });

  test("state.kmsKeyId names another key", () => {
    const key = "arn:aws:kms:us-east-1:123456789012:key/0b7c2d4e-1111-4222-8333-444455556666";
    const config = configFromText(shippedRegionsText.replace("state:\n  bucket: acme-data-terraform-state\n", `state:\n  kmsKeyId: ${key}\n  bucket: acme-data-terraform-state\n`));
    expect(stateBackendOf(config, { outdir: "cdktf.out", projectDir: "." })).toMatchObject({ kind: "s3", kmsKeyId: key });
  });
});
