/**
 * Reads a synthesized cdktf.out folder (`stacks/<stack>/cdk.tf.json`) into blocks keyed the way
 * Terraform references them: `aws_vpc.vpc`, `data.aws_iam_policy_document.x`, `output.name`, `local.x`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../kit/errors";

export type BlockKind = "resource" | "data" | "output" | "local" | "provider";

export interface Block {
  readonly kind: BlockKind;
  /** How expressions name it: `aws_vpc.vpc`, `data.aws_x.y`, `output.o`, `local.l`; `provider.aws(.alias)`. */
  readonly key: string;
  readonly type: string;
  readonly name: string;
  /** Arguments without meta-arguments (lifecycle, depends_on, provider, count, for_each, cdktf's "//"). */
  readonly body: Readonly<Record<string, unknown>>;
  readonly preventDestroy: boolean;
  /** Outputs declared `sensitive = true` (every cdktf cross-stack output is). */
  readonly sensitive: boolean;
  /** The `provider` meta-argument (`aws.west`), when the block names a non-default configuration. */
  readonly provider?: string;
}

export interface StackConfig {
  readonly name: string;
  readonly blocks: ReadonlyMap<string, Block>;
  /** `terraform.backend`, to match a `terraform_remote_state` data source to the stack it reads. */
  readonly backend: Readonly<Record<string, unknown>> | undefined;
}

export type Synth = ReadonlyMap<string, StackConfig>;

/** Not resource arguments: they change how terraform handles the block, not what the provider gets. */
const META_ARGUMENTS = new Set(["//", "lifecycle", "depends_on", "provider", "count", "for_each", "provisioner", "connection"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function argumentsOf(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !META_ARGUMENTS.has(key)));
}

function typedBlocks(kind: "resource" | "data", section: unknown, into: Map<string, Block>): void {
  if (!isRecord(section)) return;
  for (const [type, instances] of Object.entries(section)) {
    if (!isRecord(instances)) continue;
    for (const [name, raw] of Object.entries(instances)) {
      if (!isRecord(raw)) continue;
      const lifecycle = isRecord(raw.lifecycle) ? raw.lifecycle : {};
      const key = kind === "resource" ? `${type}.${name}` : `data.${type}.${name}`;
      into.set(key, {
        kind, key, type, name, body: argumentsOf(raw), preventDestroy: lifecycle.prevent_destroy === true, sensitive: false,
        ...(typeof raw.provider === "string" ? { provider: raw.provider } : {}),
      });
    }
  }
}

/**
 * Provider configurations as blocks keyed `provider.<name>` or `provider.<name>.<alias>` (type = the
 * provider's local name), so their references are followed like any block's. cdktf writes a list per
 * provider; hand-written JSON may not.
 */
function providerBlocks(section: unknown, into: Map<string, Block>): void {
  if (!isRecord(section)) return;
  for (const [type, value] of Object.entries(section)) {
    for (const config of Array.isArray(value) ? value : [value]) {
      if (!isRecord(config)) continue;
      const { alias, ...body } = config;
      const name = typeof alias === "string" ? `${type}.${alias}` : type;
      into.set(`provider.${name}`, { kind: "provider", key: `provider.${name}`, type, name, body, preventDestroy: false, sensitive: false });
    }
  }
}

/** One stack's Terraform JSON as blocks. Exported for tests that build configurations in memory. */
export function parseStackJson(name: string, json: unknown): StackConfig {
  const blocks = new Map<string, Block>();
  const root = isRecord(json) ? json : {};
  typedBlocks("resource", root.resource, blocks);
  typedBlocks("data", root.data, blocks);
  providerBlocks(root.provider, blocks);
  if (isRecord(root.output)) {
    for (const [outputName, raw] of Object.entries(root.output)) {
      if (!isRecord(raw)) continue;
      blocks.set(`output.${outputName}`, {
        kind: "output", key: `output.${outputName}`, type: "output", name: outputName,
        body: { value: raw.value }, preventDestroy: false, sensitive: raw.sensitive === true,
      });
    }
  }
  if (isRecord(root.locals)) {
    for (const [localName, value] of Object.entries(root.locals)) {
      blocks.set(`local.${localName}`, {
        kind: "local", key: `local.${localName}`, type: "local", name: localName,
        body: { value }, preventDestroy: false, sensitive: false,
      });
    }
  }
  const terraform = isRecord(root.terraform) ? root.terraform : {};
  return { name, blocks, backend: isRecord(terraform.backend) ? terraform.backend : undefined };
}

/** Every stack of a cdktf.out folder; a clear one-line error when the folder is not one. */
export function loadSynthDir(dir: string): Synth {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(`cannot read synth folder "${dir}": it does not exist or is not a folder`);
  }
  const stacksDir = join(dir, "stacks");
  if (!existsSync(stacksDir)) {
    throw new UserError(`cannot read synth folder "${dir}": no stacks/ folder in it (expected ${dir}/stacks/<stack>/cdk.tf.json)`);
  }
  const stacks = new Map<string, StackConfig>();
  for (const entry of readdirSync(stacksDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const file = join(stacksDir, entry.name, "cdk.tf.json");
    if (!existsSync(file)) continue;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new UserError(`cannot read "${file}": ${(error as Error).message}`);
    }
    stacks.set(entry.name, parseStackJson(entry.name, json));
  }
  return stacks;
}
