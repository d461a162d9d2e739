/**
 * One synthesized stack (cdk.tf.json) as blocks, each with the address Terraform expressions name
 * it by (`aws_vpc.x`, `data.aws_iam_policy_document.y`, `output.z`, `local.l`, `var.v`,
 * `provider.aws`, `provider.aws.west`), which is also what rule findings, suppression globs and the
 * review report name. The one model of synthesized Terraform the rules, the review and the
 * integration tier read.
 */
import { asList, isObject, type Json, type JsonObject } from "./json";
import { readLifecycleMarker, type StackLifecycle } from "./lifecycle-marker";

export type BlockKind = "resource" | "data" | "provider" | "output" | "variable" | "local" | "terraform";

export interface Block {
  readonly kind: BlockKind;
  /** `aws_vpc` for resources and data sources, the provider's local name, or the kind otherwise. */
  readonly type: string;
  /** The resource's name, the provider's alias (else its type), the output's, variable's or local's name. */
  readonly name: string;
  readonly address: string;
  /** The block as synthesized, without cdktf's `//` metadata; meta-arguments (lifecycle…) stay. A local's is `{ value }`. */
  readonly body: JsonObject;
  /**
   * What the block passes on: a resource's or data source's arguments, a provider's configuration,
   * without meta-arguments (lifecycle, depends_on, provider, count, for_each, alias…); an output's value.
   */
  readonly arguments: JsonObject;
  /** `lifecycle.prevent_destroy` (cdktf writes lifecycle as an object). */
  readonly preventDestroy: boolean;
  /** An output or variable declared `sensitive = true` (every cdktf cross-stack output is). */
  readonly sensitive: boolean;
  /** The `provider` meta-argument (`aws.west`, cdktf may write `${aws.west}`), when set. */
  readonly provider?: string;
}

/** A Terraform `import` block (Terraform >= 1.5): adopt the existing object `id` as `to`. */
export interface ImportEntry {
  /** The resource address the object is imported into: `aws_vpc.network_vpc_4E8F0223`. */
  readonly to: string;
  /** The id the provider docs give for the type: `vpc-…`, `<account_id>/<workspace_id>`… */
  readonly id: string;
  /** `provider = <name>.<alias>`, when set. */
  readonly provider?: string;
}

export interface SynthStack {
  readonly name: string;
  /** The stack's Terraform JSON as read. */
  readonly json: JsonObject;
  readonly blocks: readonly Block[];
  /** The stack's `import` blocks, in order. */
  readonly imports: readonly ImportEntry[];
  /** What the stack says about its own lifecycle (tfjson/lifecycle-marker.ts). */
  readonly lifecycle: StackLifecycle;
  /** `terraform.backend`, to match a `terraform_remote_state` data source to the stack it reads. */
  readonly backend: JsonObject | undefined;
  /** How many resource blocks `blocks` holds, counted without making them. */
  readonly resourceCount: number;
  block(address: string): Block | undefined;
  ofType(type: string, kind?: BlockKind): readonly Block[];
}

export type Synth = ReadonlyMap<string, SynthStack>;

/** Not arguments: they change how Terraform handles the block, not what the provider gets. */
const META_ARGUMENTS = new Set(["lifecycle", "depends_on", "provider", "count", "for_each", "provisioner", "connection", "alias"]);

/**
 * `body` without the keys `drop` names; `body` itself when it has none. A fleet has ~30,000 blocks a
 * side and most have no meta-argument: copying each body twice was most of the time of making them.
 */
function without(body: JsonObject, drop: (key: string) => boolean): JsonObject {
  const keys = Object.keys(body);
  // A "__proto__" key is only kept as data by defining it, as Object.fromEntries does.
  if (!keys.some(drop)) return body;
  if (keys.includes("__proto__")) return Object.fromEntries(Object.entries(body).filter(([key]) => !drop(key)));
  const kept: Record<string, Json> = {};
  for (const key of keys) if (!drop(key)) kept[key] = body[key];
  return kept;
}

const isMetadata = (key: string) => key === "//";
const isMetaArgument = (key: string) => META_ARGUMENTS.has(key);

function withoutMetadata(body: JsonObject): JsonObject {
  return without(body, isMetadata);
}

function makeBlock(kind: BlockKind, type: string, name: string, address: string, body: JsonObject): Block {
  const args = kind === "output" ? { value: body.value ?? null } : without(body, isMetaArgument);
  const block = {
    kind, type, name, address, body, arguments: args,
    preventDestroy: body.lifecycle !== undefined && asList(body.lifecycle).some((lifecycle) => lifecycle.prevent_destroy === true),
    sensitive: body.sensitive === true,
  };
  return typeof body.provider === "string" && kind !== "provider" ? { ...block, provider: body.provider } : block;
}

/**
 * A section's keys in order: the order cdktf writes them (json-stable-stringify sorts keys), also for
 * JSON taken from memory before it is written (app/synthesis.ts), so rules report findings in the
 * same order either way.
 */
function sortedKeys(section: JsonObject): string[] {
  return Object.keys(section).sort();
}

/** The blocks of one resource or data source type: `byName` is `resource.<type>` or `data.<type>`. */
function typedBlocks(kind: "resource" | "data", type: string, byName: Json | undefined): Block[] {
  if (!isObject(byName)) return [];
  const blocks: Block[] = [];
  for (const name of sortedKeys(byName)) {
    const body = byName[name];
    if (isObject(body)) blocks.push(makeBlock(kind, type, name, kind === "data" ? `data.${type}.${name}` : `${type}.${name}`, withoutMetadata(body)));
  }
  return blocks;
}

function countResources(section: Json | undefined): number {
  if (!isObject(section)) return 0;
  let count = 0;
  for (const byName of Object.values(section)) {
    if (isObject(byName)) for (const body of Object.values(byName)) if (isObject(body)) count++;
  }
  return count;
}

/** cdktf writes a list of configurations per provider (hand-written JSON may not); an alias is addressed `provider.aws.<alias>`. */
function providerBlocks(section: Json | undefined): Block[] {
  if (!isObject(section)) return [];
  return sortedKeys(section).flatMap((type) =>
    asList(section[type]).map((body) => {
      const alias = typeof body.alias === "string" ? body.alias : undefined;
      return makeBlock("provider", type, alias ?? type, alias ? `provider.${type}.${alias}` : `provider.${type}`, body);
    }),
  );
}

function namedBlocks(kind: "output" | "variable", prefix: string, section: Json | undefined): Block[] {
  if (!isObject(section)) return [];
  return sortedKeys(section).flatMap((name) => {
    const body = section[name];
    return isObject(body) ? [makeBlock(kind, kind, name, `${prefix}.${name}`, withoutMetadata(body))] : [];
  });
}

function localBlocks(section: Json | undefined): Block[] {
  if (!isObject(section)) return [];
  return sortedKeys(section).map((name) => makeBlock("local", "local", name, `local.${name}`, { value: section[name] }));
}

function importEntries(section: Json | undefined): ImportEntry[] {
  return asList(section).flatMap((entry) =>
    typeof entry.to === "string" && typeof entry.id === "string"
      ? [{ to: entry.to, id: entry.id, ...(typeof entry.provider === "string" ? { provider: entry.provider } : {}) }]
      : [],
  );
}

interface BlockIndex {
  readonly blocks: readonly Block[];
  readonly byAddress: ReadonlyMap<string, Block>;
  readonly byType: ReadonlyMap<string, readonly Block[]>;
}

/**
 * One stack's Terraform JSON as blocks. The blocks are made on first use: a review reads hundreds of
 * stacks that cannot change (compare.ts) and needs no block of most of them, only their backend,
 * lifecycle marker, remote-state sources and resource count. Spreading the stack makes them all.
 */
export function parseStack(name: string, json: unknown): SynthStack {
  const root = isObject(json) ? json : {};
  const terraform = isObject(root.terraform) ? root.terraform : undefined;
  // Made per type on demand, and reused by the full index so a block is always the same object.
  const typed = new Map<string, readonly Block[]>();
  const ofSection = (kind: "resource" | "data", type: string): readonly Block[] => {
    const key = `${kind}:${type}`;
    let found = typed.get(key);
    if (!found) {
      const section = root[kind];
      found = isObject(section) && Object.hasOwn(section, type) ? typedBlocks(kind, type, section[type]) : [];
      typed.set(key, found);
    }
    return found;
  };
  const sectionBlocks = (kind: "resource" | "data"): Block[] => {
    const section = root[kind];
    const blocks: Block[] = [];
    if (isObject(section)) for (const type of sortedKeys(section)) blocks.push(...ofSection(kind, type));
    return blocks;
  };
  let index: BlockIndex | undefined;
  const indexed = (): BlockIndex => {
    if (index) return index;
    const blocks: Block[] = [
      ...providerBlocks(root.provider),
      ...sectionBlocks("resource"),
      ...sectionBlocks("data"),
      ...namedBlocks("output", "output", root.output),
      ...namedBlocks("variable", "var", root.variable),
      ...localBlocks(root.locals),
      ...(terraform ? [makeBlock("terraform", "terraform", "terraform", "terraform", terraform)] : []),
    ];
    // Resources and data sources are found by type through their sections (ofSection), the rest here.
    // Loops, not callbacks or key pairs: a fleet has ~30,000 blocks a side.
    const byType = new Map<string, Block[]>();
    const byAddress = new Map<string, Block>();
    for (const block of blocks) {
      byAddress.set(block.address, block);
      if (block.kind === "resource" || block.kind === "data") continue;
      const key = `${block.kind}:${block.type}`;
      const ofType = byType.get(key);
      if (ofType) ofType.push(block);
      else byType.set(key, [block]);
    }
    index = { blocks, byAddress, byType };
    return index;
  };
  return {
    name,
    json: root,
    get blocks() {
      return indexed().blocks;
    },
    imports: importEntries(root.import),
    lifecycle: readLifecycleMarker(root),
    backend: terraform && isObject(terraform.backend) ? terraform.backend : undefined,
    resourceCount: countResources(root.resource),
    block: (address) => indexed().byAddress.get(address),
    ofType: (type, kind = "resource") =>
      kind === "resource" || kind === "data" ? ofSection(kind, type) : (indexed().byType.get(`${kind}:${type}`) ?? []),
  };
}
