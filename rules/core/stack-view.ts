/**
 * One synthesized stack (cdk.tf.json) as a flat list of blocks, each with the address Terraform
 * gives it (`aws_vpc.x`, `data.aws_iam_policy_document.y`, `output.z`, `provider.aws`), which is
 * also what findings and suppression globs name.
 */
import { asList, isObject, type JsonObject } from "./values";
import type { StackExpectations } from "./context";

export type BlockKind = "resource" | "data" | "provider" | "output" | "variable" | "locals" | "terraform";

export interface Block {
  readonly kind: BlockKind;
  /** `aws_vpc` for resources and data sources, the provider name, or the kind itself otherwise. */
  readonly type: string;
  readonly name: string;
  readonly address: string;
  /** The block as synthesized, without cdktf's `//` metadata; meta-arguments such as lifecycle stay. */
  readonly body: JsonObject;
}

export interface StackView {
  readonly name: string;
  readonly blocks: readonly Block[];
  /** What regions.yaml says this stack must look like (names, tags, protection). */
  readonly expected: StackExpectations;
  block(address: string): Block | undefined;
  ofType(type: string, kind?: BlockKind): Block[];
}

function withoutMetadata(body: unknown): JsonObject {
  if (!isObject(body)) return {};
  const { "//": _metadata, ...rest } = body;
  return rest;
}

function typedBlocks(kind: "resource" | "data", section: unknown): Block[] {
  if (!isObject(section)) return [];
  return Object.entries(section).flatMap(([type, byName]) =>
    isObject(byName)
      ? Object.entries(byName).map(([name, body]) => ({
          kind,
          type,
          name,
          address: kind === "data" ? `data.${type}.${name}` : `${type}.${name}`,
          body: withoutMetadata(body),
        }))
      : [],
  );
}

/** Provider configurations are lists; an aliased one is addressed `provider.aws.<alias>`. */
function providerBlocks(section: unknown): Block[] {
  if (!isObject(section)) return [];
  return Object.entries(section).flatMap(([type, configs]) =>
    asList(configs).map((body) => {
      const alias = typeof body.alias === "string" ? body.alias : undefined;
      return { kind: "provider" as const, type, name: alias ?? type, address: alias ? `provider.${type}.${alias}` : `provider.${type}`, body };
    }),
  );
}

function namedBlocks(kind: "output" | "variable", section: unknown): Block[] {
  if (!isObject(section)) return [];
  return Object.entries(section).map(([name, body]) => ({ kind, type: kind, name, address: `${kind}.${name}`, body: withoutMetadata(body) }));
}

export function stackView(name: string, json: unknown, expected: StackExpectations): StackView {
  const root = isObject(json) ? json : {};
  const blocks: Block[] = [
    ...providerBlocks(root.provider),
    ...typedBlocks("resource", root.resource),
    ...typedBlocks("data", root.data),
    ...namedBlocks("output", root.output),
    ...namedBlocks("variable", root.variable),
  ];
  if (isObject(root.locals)) blocks.push({ kind: "locals", type: "locals", name: "locals", address: "locals", body: root.locals });
  if (isObject(root.terraform)) blocks.push({ kind: "terraform", type: "terraform", name: "terraform", address: "terraform", body: root.terraform });
  const byAddress = new Map(blocks.map((block) => [block.address, block]));
  // Rules look up companions (a bucket's versioning, a VPC's flow log) for every block: index once.
  const byType = new Map<string, Block[]>();
  for (const block of blocks) {
    const key = `${block.kind}:${block.type}`;
    byType.set(key, [...(byType.get(key) ?? []), block]);
  }
  return {
    name,
    blocks,
    expected,
    block: (address) => byAddress.get(address),
    ofType: (type, kind = "resource") => byType.get(`${kind}:${type}`) ?? [],
  };
}

/** `lifecycle.prevent_destroy` as synthesized (cdktf writes lifecycle as an object). */
export function preventsDestroy(block: Block): boolean {
  return asList(block.body.lifecycle).some((lifecycle) => lifecycle.prevent_destroy === true);
}
