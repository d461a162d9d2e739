/**
 * The AWS half of a synthesized stack, as a configuration the offline terraform can validate and
 * plan: only the hashicorp/aws provider is in the offline mirror (docs/integration-tier.md).
 *
 * Pure: JSON in, JSON out. Blocks of every other provider (databricks, time…) and
 * `terraform_remote_state` data sources (they read another stack's S3 state) are dropped; each
 * reference to them becomes a placeholder of the kind the argument expects (placeholders.ts);
 * `depends_on` / `replace_triggered_by` entries naming them are removed; the backend becomes local;
 * `required_providers` keeps aws only, pinned to the mirror's version; the AWS provider blocks get
 * the flags that let a plan run with fake credentials and no network. `import` blocks stay for the
 * resources that stay, and go with the ones dropped.
 */
import {
  placeholderFor,
  placeholderJson,
  policyReference,
  referenceText,
  type DroppedReference,
  type Placeholder,
} from "./placeholders";
import { referenceOf, soleTraversal, traversalsIn, type Reference } from "../../tfjson/references";
import { parseTemplate, quoteTemplate, renderTemplate, type RenderableSegment } from "../../tfjson/template";

export interface AwsOnlyOptions {
  /** hashicorp/aws version the offline mirror has; the bindings target 6.25. */
  readonly awsProviderVersion: string;
  /** Keep `lifecycle.prevent_destroy` (true) or drop it, to see every action a refused plan would take. */
  readonly keepPreventDestroy?: boolean;
  /**
   * Which AWS resources and data sources stay (default: all). The others are dropped and
   * referenced through placeholders like any other provider's, to make a small configuration.
   */
  readonly keepResource?: (type: string, name: string, mode: "managed" | "data") => boolean;
}

export type AwsOnlyResult =
  | {
      readonly status: "aws-only";
      readonly json: Record<string, unknown>;
      /** AWS managed resources left in the copy. */
      readonly awsResources: number;
      /** Addresses of the dropped blocks: `databricks_mws_workspaces.x`, `data.terraform_remote_state.y`. */
      readonly dropped: readonly string[];
      /** Each distinct reference replaced, with the kind of value it became. */
      readonly placeholders: ReadonlyMap<string, Placeholder["kind"]>;
      /** Per kept resource, its top-level attributes fed by a fixed placeholder. */
      readonly placeholderFed: ReadonlyMap<string, ReadonlySet<string>>;
      /** The `import` blocks kept (those whose target stayed). */
      readonly imports: readonly { readonly to: string; readonly id: string }[];
    }
  | { readonly status: "skipped"; readonly reason: string; readonly dropped: readonly string[] };

/** The AWS provider flags that make an offline plan possible (terraform-provider-aws provider docs). */
export const OFFLINE_PROVIDER_FLAGS = {
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
} as const;

const KEPT_PROVIDER = "aws";
/** Built-in types: `terraform_data` needs no provider and stays. */
const BUILT_IN_KEPT = new Set(["terraform_data"]);

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The provider local name a block uses: its `provider` meta-argument, else the type's prefix. */
function providerOf(type: string, body: Json): string {
  if (typeof body.provider === "string") return body.provider.split(".")[0];
  return type.split("_")[0];
}

function isKept(type: string, body: Json): boolean {
  return BUILT_IN_KEPT.has(type) || (type !== "terraform_remote_state" && providerOf(type, body) === KEPT_PROVIDER);
}

interface DroppedBlock {
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  readonly body: Json;
}

const blockKey = (mode: "managed" | "data", type: string, name: string) => `${mode === "data" ? "data." : ""}${type}.${name}`;

/** A traversal's reference, when it names a block (`data.x.y`, `x.y`). */
function blockReference(expression: string): Reference | undefined {
  const traversal = soleTraversal(expression);
  return traversal && referenceOf(traversal);
}

class Rewriter {
  readonly placeholders = new Map<string, Placeholder["kind"]>();
  /** `aws_iam_policy_document` data sources standing in for Databricks policy data sources, by name. */
  readonly policyDocuments = new Map<string, Json>();
  /**
   * Attributes of kept resources fed by a fixed placeholder (a Databricks id, a remote-state
   * output): the copy cannot show them change, so a prediction about them cannot be checked.
   */
  readonly placeholderFed = new Map<string, Set<string>>();
  private readonly rewrittenInputs = new Map<string, Json>();
  private target: { readonly address: string; readonly attribute: string } | undefined;

  constructor(private readonly dropped: ReadonlyMap<string, DroppedBlock>) {}

  private droppedBlockOf(reference: Reference | undefined): DroppedBlock | undefined {
    return reference && this.dropped.get(reference.address);
  }

  private placeholder(block: DroppedBlock, path: string): Placeholder {
    const ref: DroppedReference = { mode: block.mode, type: block.type, name: block.name, path };
    const placeholder = placeholderFor(ref, this.inputsOf(block));
    this.placeholders.set(referenceText(ref), placeholder.kind);
    if (this.target && placeholder.kind !== "policy") {
      const fed = this.placeholderFed.get(this.target.address) ?? new Set<string>();
      this.placeholderFed.set(this.target.address, fed.add(this.target.attribute));
    }
    if (placeholder.kind === "policy" && !this.policyDocuments.has(placeholder.dataSource)) {
      const dependsOn = Array.isArray(block.body.depends_on) ? this.addressList(block.body.depends_on) : [];
      this.policyDocuments.set(placeholder.dataSource, { ...placeholder.body, ...(dependsOn.length ? { depends_on: dependsOn } : {}) });
    }
    return placeholder;
  }

  /** A dropped block's own arguments, with its references rewritten too (policy placeholders embed them). */
  private inputsOf(block: DroppedBlock): Json {
    const key = blockKey(block.mode, block.type, block.name);
    let inputs = this.rewrittenInputs.get(key);
    if (!inputs) {
      const { "//": _metadata, depends_on: _dependsOn, lifecycle: _lifecycle, provider: _provider, ...args } = block.body;
      const target = this.target;
      this.target = undefined;
      inputs = this.value(args) as Json;
      this.target = target;
      this.rewrittenInputs.set(key, inputs);
    }
    return inputs;
  }

  /** The whole expression is one reference to a dropped block: the block and the path after it. */
  private soleReference(expression: string): { block: DroppedBlock; path: string } | undefined {
    const reference = blockReference(expression);
    const block = this.droppedBlockOf(reference);
    return block && reference && { block, path: expression.slice(reference.addressEnd, reference.end) };
  }

  private hclLiteral(placeholder: Placeholder): string {
    switch (placeholder.kind) {
      case "policy":
        return policyReference(placeholder.dataSource);
      case "string":
        return quoteTemplate(placeholder.template);
      case "list":
        return `[${placeholder.items.map(quoteTemplate).join(", ")}]`;
      case "number":
        return String(placeholder.value);
    }
  }

  /**
   * The expression with each reference to a dropped block replaced by its placeholder, text and
   * quoted strings left as they are (a reference inside another one's computed index goes with it).
   */
  private rewritten(expression: string): string {
    let out = "";
    let done = 0;
    for (const traversal of traversalsIn(expression)) {
      const reference = referenceOf(traversal);
      const block = this.droppedBlockOf(reference);
      if (!block || !reference || traversal.start < done) continue;
      out += expression.slice(done, traversal.start) + this.hclLiteral(this.placeholder(block, expression.slice(reference.addressEnd, traversal.end)));
      done = traversal.end;
    }
    return out + expression.slice(done);
  }

  private expression(expression: string): RenderableSegment[] {
    const sole = this.soleReference(expression);
    if (sole) {
      const placeholder = this.placeholder(sole.block, sole.path);
      if (placeholder.kind === "policy") return [{ kind: "interpolation", expression: policyReference(placeholder.dataSource) }];
      if (placeholder.kind === "string") return parseTemplate(placeholder.template);
      if (placeholder.kind === "number") return [{ kind: "literal", raw: String(placeholder.value) }];
    }
    return [{ kind: "interpolation", expression: this.rewritten(expression) }];
  }

  string(text: string): unknown {
    const segments = parseTemplate(text);
    if (!segments.some((s) => s.kind === "interpolation")) return text;
    if (segments.length === 1 && segments[0].kind === "interpolation") {
      const sole = this.soleReference(segments[0].expression);
      if (sole) return placeholderJson(this.placeholder(sole.block, sole.path));
    }
    return renderTemplate(
      segments.flatMap((s): RenderableSegment[] => {
        if (s.kind === "literal") return [s];
        return s.kind === "interpolation" ? this.expression(s.expression) : [{ kind: "directive", expression: this.rewritten(s.expression) }];
      }),
    );
  }

  /** `depends_on` / `replace_triggered_by` entries are bare addresses (or `${address}`): drop those naming a dropped block. */
  addressList(entries: unknown[]): unknown[] {
    return entries.filter((entry) => {
      if (typeof entry !== "string") return true;
      const address = entry.replace(/^\$\{(.*)\}$/, "$1");
      return this.droppedBlockOf(blockReference(address)) === undefined;
    });
  }

  /** The kept resources, attribute by attribute, so placeholder-fed attributes are known. */
  resources(resources: Record<string, Record<string, Json>>): Record<string, Record<string, Json>> {
    const out: Record<string, Record<string, Json>> = {};
    for (const [type, instances] of Object.entries(resources)) {
      out[type] = {};
      for (const [name, body] of Object.entries(instances)) {
        out[type][name] = Object.fromEntries(
          Object.entries(body).map(([attribute, value]) => {
            this.target = { address: `${type}.${name}`, attribute };
            const rewritten = attribute === "//" ? value : (this.value({ [attribute]: value }) as Json)[attribute];
            this.target = undefined;
            return [attribute, rewritten];
          }).filter(([, rewritten]) => rewritten !== undefined),
        );
      }
    }
    return out;
  }

  value(value: unknown): unknown {
    if (typeof value === "string") return this.string(value);
    if (Array.isArray(value)) return value.map((item) => this.value(item));
    if (!isRecord(value)) return value;
    const out: Json = {};
    for (const [key, item] of Object.entries(value)) {
      if (key === "//") out[key] = item;
      else if (key === "depends_on" && Array.isArray(item)) {
        const kept = this.addressList(item);
        if (kept.length) out[key] = kept;
      } else if (key === "replace_triggered_by" && Array.isArray(item)) {
        const kept = this.addressList(item);
        if (kept.length) out[key] = kept;
      } else out[key] = this.value(item);
    }
    return out;
  }
}

/** Splits `resource` / `data` into kept blocks and dropped ones. */
function partition(
  section: unknown,
  mode: "managed" | "data",
  dropped: Map<string, DroppedBlock>,
  keep: (type: string, name: string, mode: "managed" | "data") => boolean = () => true,
): Record<string, Record<string, Json>> {
  const kept: Record<string, Record<string, Json>> = {};
  if (!isRecord(section)) return kept;
  for (const [type, instances] of Object.entries(section)) {
    if (!isRecord(instances)) continue;
    for (const [name, body] of Object.entries(instances)) {
      if (!isRecord(body)) continue;
      if (isKept(type, body) && keep(type, name, mode)) (kept[type] ??= {})[name] = body;
      else dropped.set(blockKey(mode, type, name), { mode, type, name, body });
    }
  }
  return kept;
}

function withoutPreventDestroy(resources: Record<string, Record<string, Json>>): Record<string, Record<string, Json>> {
  return Object.fromEntries(
    Object.entries(resources).map(([type, instances]) => [
      type,
      Object.fromEntries(
        Object.entries(instances).map(([name, body]) => {
          if (!isRecord(body.lifecycle) || !("prevent_destroy" in body.lifecycle)) return [name, body];
          const { prevent_destroy: _preventDestroy, ...lifecycle } = body.lifecycle;
          const { lifecycle: _lifecycle, ...rest } = body;
          return [name, Object.keys(lifecycle).length ? { ...rest, lifecycle } : rest];
        }),
      ),
    ]),
  );
}

function awsProviderBlocks(provider: unknown): Json[] {
  const blocks = isRecord(provider) ? provider[KEPT_PROVIDER] : undefined;
  const list = Array.isArray(blocks) ? blocks : isRecord(blocks) ? [blocks] : [];
  const aws = list.filter(isRecord);
  return (aws.length ? aws : [{}]).map((block) => ({ ...block, ...OFFLINE_PROVIDER_FLAGS }));
}

/** The AWS-only copy of one synthesized stack (`cdk.tf.json` parsed). */
export function awsOnlyStack(stack: unknown, options: AwsOnlyOptions): AwsOnlyResult {
  if (!isRecord(stack)) throw new Error("a stack must be a JSON object");
  const dropped = new Map<string, DroppedBlock>();
  let resources = partition(stack.resource, "managed", dropped, options.keepResource);
  const data = partition(stack.data, "data", dropped, options.keepResource);
  const droppedAddresses = [...dropped.keys()];
  const awsResources = Object.entries(resources)
    .filter(([type]) => !BUILT_IN_KEPT.has(type))
    .reduce((count, [, instances]) => count + Object.keys(instances).length, 0);
  if (awsResources === 0) return { status: "skipped", reason: "no AWS resources", dropped: droppedAddresses };
  if (options.keepPreventDestroy === false) resources = withoutPreventDestroy(resources);

  const rewriter = new Rewriter(dropped);
  const { resource: _r, data: _d, provider, terraform, import: importBlocks, ...rest } = stack;
  const imports = keptImports(importBlocks, resources);
  const terraformBlock = isRecord(terraform) ? terraform : {};
  const { backend: _backend, cloud: _cloud, required_providers: _requiredProviders, ...terraformRest } = terraformBlock;

  const json: Json = {
    ...(rewriter.value(rest) as Json),
    terraform: {
      ...terraformRest,
      backend: { local: { path: "terraform.tfstate" } },
      required_providers: { aws: { source: "hashicorp/aws", version: options.awsProviderVersion } },
    },
    provider: { [KEPT_PROVIDER]: rewriter.value(awsProviderBlocks(provider)) },
    resource: rewriter.resources(resources),
  };
  const keptData = rewriter.value(data) as Record<string, Record<string, Json>>;
  if (rewriter.policyDocuments.size) {
    keptData.aws_iam_policy_document = { ...keptData.aws_iam_policy_document, ...Object.fromEntries(rewriter.policyDocuments) };
  }
  if (Object.keys(keptData).length) json.data = keptData;
  if (imports.length) json.import = imports;
  return {
    status: "aws-only", json, awsResources, dropped: droppedAddresses, placeholders: rewriter.placeholders, placeholderFed: rewriter.placeholderFed, imports,
  };
}

/** Import blocks whose target is a kept resource, as written (an import into a dropped block cannot be planned here). */
function keptImports(section: unknown, resources: Record<string, Record<string, Json>>): { to: string; id: string }[] {
  const entries = Array.isArray(section) ? section : isRecord(section) ? [section] : [];
  return entries.flatMap((entry) => {
    if (!isRecord(entry) || typeof entry.to !== "string" || typeof entry.id !== "string") return [];
    const [type, name] = entry.to.split(".");
    return resources[type]?.[name] !== undefined ? [{ ...entry, to: entry.to, id: entry.id }] : [];
  });
}
