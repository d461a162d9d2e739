/**
 * The tier's check of the import blocks synth emits for an adopted workspace (`adopt:` in
 * regions.yaml). Offline, terraform can validate import blocks but not plan them: an import always
 * reads the object from the API (research-15 §5). So the check goes as far as terraform can:
 *
 * 1. `terraform validate` of the AWS-only copy, its AWS import blocks included (validate rejects a
 *    non-resource address and two imports into one address);
 * 2. `terraform plan` with every AWS endpoint pointed at a closed local port: terraform must start
 *    reading each imported object with exactly the id synth wrote (`refresh_start` in its JSON UI,
 *    `[id=…]`), and fail only because the API cannot be reached. That proves each block names a
 *    resource that has configuration and reaches the provider with our id; whether the id exists is
 *    the API's to say. Terraform never reads an import whose configuration waits on a resource that
 *    failed (a subnet on its VPC, a bucket's versioning on the bucket), so in this copy the import
 *    targets' references to other resources are cut (`${…}` → a literal) and depends_on dropped;
 * 3. a self-check: the same copy with one import pointed at an address without configuration must be
 *    refused ("Configuration for import target does not exist", which validate alone does not catch).
 */
import { join } from "node:path";
import { awsOnlyStack } from "./aws-only";
import { prepareFolder, type PlanRunner } from "./stack-plan";
import { runTerraform, terraformMessage } from "./terraform";

type Json = Record<string, unknown>;

/** A port nothing listens on: every AWS call fails at once (connection refused). */
export const UNREACHABLE_API = "http://127.0.0.1:9";

/** The services the imported types read (EC2, S3, IAM) and the ones a provider might call besides. */
const SERVICES = ["ec2", "s3", "iam", "sts", "kms", "logs", "secretsmanager"] as const;

/** `config` with every AWS provider block pointed at the unreachable API, one attempt per call. */
export function withUnreachableApi(config: Json): Json {
  const provider = config.provider as Record<string, Json[]>;
  const endpoints = Object.fromEntries(SERVICES.map((service) => [service, UNREACHABLE_API]));
  return { ...config, provider: { ...provider, aws: provider.aws.map((block) => ({ ...block, max_retries: 1, endpoints: [endpoints] })) } };
}

/**
 * A policy document in place of a referenced one: the AWS provider checks at plan time, before any
 * import is read, that `policy` and `assume_role_policy` are JSON objects.
 */
export const LITERAL_POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "*", Resource: "*" }] });

/** The import targets of `config` with no reference to another resource: each import read on its own. */
export function independentTargets(config: Json, imports: readonly { readonly to: string }[]): Json {
  const resources = config.resource as Record<string, Record<string, Json>>;
  const cut = (value: unknown, key = ""): unknown => {
    if (typeof value === "string") return value.includes("${") ? (/policy$/.test(key) ? LITERAL_POLICY : "offline-check-literal") : value;
    if (Array.isArray(value)) return value.map((item) => cut(item));
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, cut(item, name)]));
    return value;
  };
  const out: Record<string, Record<string, Json>> = Object.fromEntries(Object.entries(resources).map(([type, instances]) => [type, { ...instances }]));
  for (const { to } of imports) {
    const [type, name] = to.split(".");
    const { depends_on: _dependsOn, ...body } = out[type][name];
    out[type][name] = cut(body) as Json;
  }
  return { ...config, resource: out };
}

export interface ImportReads {
  /** Address → the id terraform started reading it with. */
  readonly reads: ReadonlyMap<string, string>;
  /** Error diagnostics: summary, then detail. */
  readonly errors: readonly string[];
}

/** What terraform's JSON UI (`plan -json`) says about the imports it tried. */
export function importReads(stdout: string): ImportReads {
  const reads = new Map<string, string>();
  const errors: string[] = [];
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    let message: { type?: string; hook?: { resource?: { addr?: string }; id_value?: string }; diagnostic?: { severity?: string; summary?: string; detail?: string } };
    try {
      message = JSON.parse(line);
    } catch {
      continue;
    }
    if (message.type === "refresh_start" && message.hook?.resource?.addr && typeof message.hook.id_value === "string") {
      reads.set(message.hook.resource.addr, message.hook.id_value);
    }
    if (message.type === "diagnostic" && message.diagnostic?.severity === "error") {
      errors.push(`${message.diagnostic.summary ?? ""}${message.diagnostic.detail ? `: ${message.diagnostic.detail}` : ""}`);
    }
  }
  return { reads, errors };
}

/** Errors that only say the API was out of reach, as the AWS provider words them. */
const UNREACHABLE = [/^reading .*connect: connection refused/s, /^Cannot import non-existent remote object/];

export function onlyUnreachable(errors: readonly string[]): boolean {
  return errors.length > 0 && errors.every((error) => UNREACHABLE.some((pattern) => pattern.test(error)));
}

export interface CheckResult {
  readonly ok: boolean;
  readonly line: string;
}

const PLAN = ["plan", "-refresh=false", "-input=false", "-lock=false", "-no-color", "-json"];

export async function checkImports(runner: PlanRunner, stack: string, stackJson: Json, options: { readonly workDir: string; readonly awsVersion: string }): Promise<CheckResult> {
  const label = `imports: ${stack}`;
  const copy = awsOnlyStack(stackJson, { awsProviderVersion: options.awsVersion });
  if (copy.status !== "aws-only" || !copy.imports.length) return { ok: false, line: `${label} FAILED: the adopted workspace's stack has no AWS import blocks` };
  const config = withUnreachableApi(copy.json);
  const dir = join(options.workDir, "imports", stack);
  prepareFolder(runner, { dir, config, init: "prepared" });
  const validate = await runTerraform(runner.context, dir, ["validate", "-no-color"]);
  if (validate.code !== 0) return { ok: false, line: `${label} FAILED at terraform validate:\n${terraformMessage(validate)}` };

  prepareFolder(runner, { dir, config: independentTargets(config, copy.imports), init: "ready" });
  const { reads, errors } = importReads((await runTerraform(runner.context, dir, PLAN)).stdout);
  const unread = copy.imports.filter((entry) => reads.get(entry.to) !== entry.id);
  if (unread.length) {
    const found = unread.map((entry) => `${entry.to} [id=${entry.id}]: terraform read ${reads.has(entry.to) ? `[id=${reads.get(entry.to)}]` : "nothing"}`);
    return { ok: false, line: `${label} FAILED: not every import reached the provider with its id:\n  ${found.join("\n  ")}\n  ${errors.join("\n  ")}` };
  }
  if (!onlyUnreachable(errors)) return { ok: false, line: `${label} FAILED: the plan failed for another reason than the unreachable API:\n  ${errors.join("\n  ")}` };

  // Self-check: an import into an address without configuration must not get this far.
  const [first, ...rest] = copy.imports;
  const stray = { ...first, to: `${first.to.split(".")[0]}.not_in_configuration` };
  const selfDir = join(options.workDir, "imports", `${stack}-self-check`);
  prepareFolder(runner, { dir: selfDir, config: { ...config, import: [stray, ...rest] }, init: "prepared" });
  const refused = importReads((await runTerraform(runner.context, selfDir, PLAN)).stdout);
  if (!refused.errors.some((error) => error.startsWith("Configuration for import target does not exist"))) {
    return { ok: false, line: `${label} FAILED: an import into ${stray.to} was not refused:\n  ${refused.errors.join("\n  ")}` };
  }
  const types = [...new Set(copy.imports.map((entry) => entry.to.split(".")[0]))].join(", ");
  return {
    ok: true,
    line:
      `${label}: ${copy.imports.length} AWS import blocks (${types}) pass terraform validate; terraform starts reading each with the id synth wrote and stops only at the ` +
      `unreachable API (${UNREACHABLE_API}); an import into an address without configuration is refused`,
  };
}
