/**
 * A prior state without an apply. terraform 1.11 cannot apply offline, so the state a head plan
 * starts from is written from a plan of the base: every managed resource's planned `after` values,
 * with each value terraform only knows after apply filled in (state format v4).
 *
 * Filling must be consistent, or the next plan sees differences that are artefacts: a subnet's
 * `vpc_id` must equal the VPC's fake `id`. So an unknown value is first evaluated from the
 * configuration (a template of plain references such as `${aws_vpc.x.id}` resolves against the
 * filled values of the resource it names); only values with no configuration behind them
 * (`id`, `arn`, `owner_id`…) get a fake, derived from the address so it is the same every run. A
 * value fed by a data source read at plan time (a policy document) cannot be evaluated here: the
 * caller plans again on the state and folds terraform's values back in until a plan is empty.
 */
import { createHash } from "node:crypto";
import { actionOf, type PlanJson, type PlanResourceChange } from "./plan-json";
import { soleTraversal, type Step } from "../../tfjson/references";
import { parseTemplate } from "../../tfjson/template";

type Json = Record<string, unknown>;
type CtyType = string | readonly [string, unknown];

interface SchemaAttribute {
  readonly type?: CtyType;
  readonly nested_type?: { readonly attributes: Record<string, SchemaAttribute>; readonly nesting_mode: string };
}

interface SchemaBlock {
  readonly attributes?: Record<string, SchemaAttribute>;
  readonly block_types?: Record<string, { readonly nesting_mode: string; readonly block: SchemaBlock }>;
}

interface ResourceSchema {
  readonly version: number;
  readonly block: SchemaBlock;
}

export interface ProviderSchemas {
  readonly provider_schemas?: Record<string, { readonly resource_schemas?: Record<string, ResourceSchema> }>;
}

export interface StateV4 {
  readonly version: 4;
  readonly terraform_version: string;
  readonly serial: number;
  readonly lineage: string;
  readonly outputs: Json;
  readonly resources: readonly Json[];
}

/** The account id every fake ARN carries (never a real one). */
export const FAKE_ACCOUNT = "000000000000";

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const hex = (text: string, length = 17) => createHash("sha256").update(text).digest("hex").slice(0, length);

/** A schema block as one object type, so filling is driven by types alone. */
function blockType(block: SchemaBlock): CtyType {
  const fields: Record<string, CtyType> = {};
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) fields[name] = attributeType(attribute);
  for (const [name, nested] of Object.entries(block.block_types ?? {})) {
    const inner = blockType(nested.block);
    fields[name] = nested.nesting_mode === "single" || nested.nesting_mode === "group" ? inner : [nested.nesting_mode === "map" ? "map" : "list", inner];
  }
  return ["object", fields];
}

function attributeType(attribute: SchemaAttribute): CtyType {
  if (attribute.type !== undefined) return attribute.type;
  if (!attribute.nested_type) return "dynamic";
  const inner = blockType({ attributes: attribute.nested_type.attributes });
  const mode = attribute.nested_type.nesting_mode;
  return mode === "single" ? inner : [mode === "map" ? "map" : "list", inner];
}

function fieldType(type: CtyType, key: string | number): CtyType {
  if (typeof type === "string") return "dynamic";
  const [kind, inner] = type;
  if (kind === "object" && isRecord(inner)) return (inner[key as string] as CtyType | undefined) ?? "dynamic";
  if (kind === "tuple" && Array.isArray(inner)) return (inner[key as number] as CtyType | undefined) ?? "dynamic";
  return inner as CtyType;
}

/** Id prefixes AWS uses, so fake ids read like real ones in plans and fixtures. */
const ID_PREFIXES: Readonly<Record<string, string>> = {
  aws_vpc: "vpc", aws_subnet: "subnet", aws_security_group: "sg", aws_default_security_group: "sg",
  aws_internet_gateway: "igw", aws_nat_gateway: "nat", aws_eip: "eipalloc", aws_route_table: "rtb",
  aws_route: "r-rtb", aws_route_table_association: "rtbassoc", aws_vpc_endpoint: "vpce", aws_flow_log: "fl",
  aws_vpc_security_group_egress_rule: "sgr", aws_vpc_security_group_ingress_rule: "sgr",
};

/** Types whose id is one of their own arguments (provider docs, "Attribute Reference"). */
const ID_FROM_ARGUMENT: Readonly<Record<string, string>> = {
  aws_s3_bucket: "bucket", aws_s3_bucket_policy: "bucket", aws_s3_bucket_public_access_block: "bucket",
  aws_s3_bucket_ownership_controls: "bucket", aws_s3_bucket_versioning: "bucket",
  aws_s3_bucket_server_side_encryption_configuration: "bucket", aws_iam_role: "name", aws_cloudwatch_log_group: "name",
  aws_secretsmanager_secret: "arn",
};

function fakeArn(type: string, address: string, values: Json, region: string): string {
  const name = typeof values.name === "string" ? values.name : hex(address, 8);
  if (type === "aws_iam_role") return `arn:aws:iam::${FAKE_ACCOUNT}:role/${name}`;
  if (type === "aws_s3_bucket") return `arn:aws:s3:::${String(values.bucket)}`;
  if (type === "aws_cloudwatch_log_group") return `arn:aws:logs:${region}:${FAKE_ACCOUNT}:log-group:${name}`;
  if (type === "aws_secretsmanager_secret") return `arn:aws:secretsmanager:${region}:${FAKE_ACCOUNT}:secret:${name}-${hex(address, 6)}`;
  return `arn:aws:ec2:${region}:${FAKE_ACCOUNT}:${type.replace(/^aws_/, "")}/${ID_PREFIXES[type] ?? "fake"}-${hex(address)}`;
}

function fakeId(type: string, address: string, values: Json): string {
  const from = ID_FROM_ARGUMENT[type];
  if (from && typeof values[from] === "string") return values[from] as string;
  if (type === "aws_iam_role_policy") return `${String(values.role)}:${String(values.name)}`;
  return `${ID_PREFIXES[type] ?? "fake"}-${hex(address)}`;
}

function fakeScalar(type: CtyType, attribute: string, address: string, region: string): unknown {
  if (type === "number") return 0;
  if (type === "bool") return false;
  if (type === "string") {
    if (/(^|_)(owner|account)_id$/.test(attribute)) return FAKE_ACCOUNT;
    if (/_arn$/.test(attribute)) return `arn:aws:ec2:${region}:${FAKE_ACCOUNT}:${attribute}/${hex(address + attribute)}`;
    return `fake-${attribute}-${hex(address + attribute, 8)}`;
  }
  if (Array.isArray(type)) return type[0] === "map" || type[0] === "object" ? (type[0] === "map" ? {} : null) : [];
  return null;
}

/** A traversal that is the whole interpolation: `aws_vpc.x.id`, `aws_subnet.y.cidr_block`, `data.a.b.json`. */
/** Follows attribute and literal index steps into a value; undefined where one leads nowhere. */
function walk(value: unknown, steps: readonly Step[]): unknown {
  let current = value;
  for (const step of steps) {
    if (current === undefined || current === null) return undefined;
    const key = step.kind === "attribute" ? step.name : step.kind === "index" ? step.key : undefined;
    if (typeof key === "number") current = Array.isArray(current) ? current[key] : undefined;
    else if (typeof key === "string") current = isRecord(current) ? current[key] : undefined;
    else return undefined;
  }
  return current;
}

/**
 * State v4 `sensitive_attributes` from a plan's `after_sensitive`: without them terraform plans an
 * update that only marks a value sensitive (a secret's `secret_string`).
 */
export function sensitivePaths(marks: unknown, prefix: readonly Json[] = []): Json[][] {
  if (marks === true) return prefix.length ? [[...prefix]] : [];
  if (Array.isArray(marks)) {
    return marks.flatMap((mark, i) => sensitivePaths(mark, [...prefix, { type: "index", value: { value: i, type: "number" } }]));
  }
  if (isRecord(marks)) {
    return Object.entries(marks).flatMap(([key, mark]) => sensitivePaths(mark, [...prefix, { type: "get_attr", value: key }]));
  }
  return [];
}

class StateBuilder {
  private readonly changes = new Map<string, PlanResourceChange>();
  private readonly filled = new Map<string, Json | "pending">();

  constructor(
    plan: PlanJson,
    private readonly config: Json,
    private readonly schemas: ProviderSchemas,
    private readonly region: string,
  ) {
    for (const change of plan.resource_changes ?? []) {
      if (change.mode === "managed" && change.index === undefined && actionOf(change.change.actions) !== "delete") {
        this.changes.set(change.address, change);
      }
    }
  }

  schemaOf(change: PlanResourceChange): ResourceSchema {
    const schema = this.schemas.provider_schemas?.[change.provider_name]?.resource_schemas?.[change.type];
    if (!schema) throw new Error(`no provider schema for ${change.type} (${change.provider_name})`);
    return schema;
  }

  /** The filled values of a managed resource, or undefined (unknown address, or a reference cycle). */
  values(address: string): Json | undefined {
    const known = this.filled.get(address);
    if (known === "pending") return undefined;
    if (known) return known;
    const change = this.changes.get(address);
    if (!change) return undefined;
    this.filled.set(address, "pending");
    const type = blockType(this.schemaOf(change).block);
    const body = (this.config.resource as Record<string, Record<string, unknown>> | undefined)?.[change.type]?.[change.name];
    const values = this.fill(change.change.after, change.change.after_unknown, type, body, change, "") as Json;
    // id and arn last: they are built from the other values (a bucket's id is its name).
    const unknown = isRecord(change.change.after_unknown) ? change.change.after_unknown : {};
    if (unknown.arn === true) values.arn = fakeArn(change.type, address, values, this.region);
    if (unknown.id === true) values.id = fakeId(change.type, address, values);
    this.filled.set(address, values);
    return values;
  }

  private fill(after: unknown, unknown: unknown, type: CtyType, config: unknown, change: PlanResourceChange, attribute: string): unknown {
    if (unknown === true) {
      if (attribute === "id" || attribute === "arn") return null;
      const evaluated = this.evaluate(config);
      return evaluated !== undefined ? evaluated : fakeScalar(type, attribute, change.address, this.region);
    }
    if (Array.isArray(after)) {
      return after.map((item, i) =>
        this.fill(item, Array.isArray(unknown) ? unknown[i] : undefined, fieldType(type, i), this.configItem(config, i), change, attribute),
      );
    }
    if (isRecord(after) || (isRecord(unknown) && after === undefined)) {
      const source = isRecord(after) ? after : {};
      const out: Json = {};
      const keys = new Set([...Object.keys(source), ...(isRecord(unknown) ? Object.keys(unknown) : [])]);
      for (const key of keys) {
        const nested = isRecord(config) ? config[key] : undefined;
        out[key] = this.fill(source[key], isRecord(unknown) ? unknown[key] : undefined, fieldType(type, key), nested, change, attribute ? `${attribute}.${key}` : key);
      }
      return out;
    }
    return after === undefined ? null : after;
  }

  /** cdktf writes a single nested block as an object where the plan has a one-item list. */
  private configItem(config: unknown, index: number): unknown {
    if (Array.isArray(config)) return config[index];
    return index === 0 && isRecord(config) ? config : undefined;
  }

  /** A configuration value made of plain references to managed resources, resolved; else undefined. */
  private evaluate(config: unknown): unknown {
    if (typeof config === "string") return this.evaluateTemplate(config);
    if (Array.isArray(config)) {
      const items = config.map((item) => this.evaluate(item));
      return items.every((item) => item !== undefined) ? items : undefined;
    }
    if (isRecord(config)) {
      const entries = Object.entries(config).map(([key, value]) => [key, this.evaluate(value)] as const);
      return entries.every(([, value]) => value !== undefined) ? Object.fromEntries(entries) : undefined;
    }
    return config;
  }

  private evaluateTemplate(text: string): unknown {
    const segments = parseTemplate(text);
    const parts: unknown[] = [];
    for (const segment of segments) {
      if (segment.kind === "literal") {
        parts.push(segment.text);
        continue;
      }
      // A plain reference to a managed resource (`aws_vpc.x.id`, `aws_subnet.s[0].id`), nothing else.
      const traversal = segment.kind === "interpolation" ? soleTraversal(segment.expression) : undefined;
      const [name, ...path] = traversal?.steps ?? [];
      if (!traversal || traversal.root === "data" || name?.kind !== "attribute") return undefined;
      const value = walk(this.values(`${traversal.root}.${name.name}`), path);
      if (value === undefined || value === null) return undefined;
      parts.push(value);
    }
    if (parts.length === 1) return parts[0];
    return parts.every((part) => typeof part !== "object") ? parts.map(String).join("") : undefined;
  }

  resources(): Json[] {
    return [...this.changes.values()].map((change) => ({
      mode: "managed",
      type: change.type,
      name: change.name,
      provider: `provider["${change.provider_name}"]`,
      instances: [
        {
          schema_version: this.schemaOf(change).version,
           attributes: this.values(change.address),
          sensitive_attributes: sensitivePaths(change.change.after_sensitive),
        },
      ],
    }));
  }
}

/** The cty type of a known JSON value, as state v4 records an output's type. */
export function ctyTypeOf(value: unknown): unknown {
  if (typeof value === "string") return "string";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "bool";
  if (Array.isArray(value)) return ["tuple", value.map(ctyTypeOf)];
  if (isRecord(value)) return ["object", Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ctyTypeOf(v)]))];
  return "dynamic";
}

/**
 * The plan's outputs as state outputs, so a plan on the state shows no output change either (a
 * change check by exit code counts output changes). An output known only after apply gets a fake.
 */
function stateOutputs(plan: PlanJson): Json {
  const outputs: Json = {};
  for (const [name, change] of Object.entries(plan.output_changes ?? {})) {
    if (change.actions.includes("delete")) continue;
    const value = change.after_unknown === true || change.after === undefined ? `fake-output-${name}` : change.after;
    outputs[name] = { value, type: ctyTypeOf(value), ...(change.after_sensitive === true ? { sensitive: true } : {}) };
  }
  return outputs;
}

/** The region the configuration's default AWS provider is set to (fake ARNs carry it). */
function providerRegion(config: Json): string {
  const aws = (config.provider as Record<string, unknown> | undefined)?.aws;
  const first = Array.isArray(aws) ? aws[0] : aws;
  return isRecord(first) && typeof first.region === "string" ? first.region : "us-east-1";
}

/**
 * State v4 holding every managed resource of `plan` as it would be after an apply of it.
 * `config` is the AWS-only configuration the plan was made from.
 */
export function priorStateFromPlan(plan: PlanJson, config: Json, schemas: ProviderSchemas): StateV4 {
  const builder = new StateBuilder(plan, config, schemas, providerRegion(config));
  return {
    version: 4,
    terraform_version: plan.terraform_version,
    serial: 1,
    lineage: `00000000-0000-4000-8000-${hex(JSON.stringify(config), 12)}`,
    outputs: stateOutputs(plan),
    resources: builder.resources(),
  };
}
