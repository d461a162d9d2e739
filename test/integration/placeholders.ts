/**
 * What a dropped block's attribute becomes in the AWS-only copy. The value has the kind the AWS
 * argument expects (a policy document where IAM wants JSON, a list where a list goes), so the rest
 * of the stack still type-checks and plans.
 *
 * A Databricks policy data source (`databricks_aws_crossaccount_policy`…) becomes an
 * `aws_iam_policy_document` data source built from the same inputs (`vpc_id`, `bucket`,
 * `external_id`… as condition values). terraform treats it as it treats the real one: read at plan
 * time when its inputs are known, deferred to apply when an input is unknown or a resource it reads
 * has pending changes. So the copy plans the same knock-on update of the role or bucket policy.
 */

/** A reference to a block the copy drops: `data.databricks_aws_bucket_policy.x.json`. */
export interface DroppedReference {
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  /** What follows the block name: `.json`, `.outputs.vpc_id`, `[0].id`, or "" for the block itself. */
  readonly path: string;
}

export type Placeholder =
  | {
      readonly kind: "policy";
      /** Name of the `aws_iam_policy_document` data source that stands in. */
      readonly dataSource: string;
      readonly body: Readonly<Record<string, unknown>>;
    }
  | { readonly kind: "string"; readonly template: string }
  | { readonly kind: "list"; readonly items: readonly string[] }
  | { readonly kind: "number"; readonly value: number };

/** Databricks' own AWS account, the principal of its trust and bucket policies (public, in the provider docs). */
const DATABRICKS_AWS_PRINCIPAL = "arn:aws:iam::414351767826:root";

/** Numeric attributes of Databricks resources that AWS-side expressions or outputs may read. */
const NUMERIC_ATTRIBUTES = new Set(["workspace_id", "creation_time"]);

export function referenceText(ref: DroppedReference): string {
  return `${ref.mode === "data" ? "data." : ""}${ref.type}.${ref.name}${ref.path}`;
}

/** The first attribute name after the block name: `.outputs.vpc_id` → outputs, `[0].json` → json. */
function firstAttribute(path: string): string {
  return /^(?:\[[^\]]*\])*\.([\w-]+)/.exec(path)?.[1] ?? "";
}

function lastName(path: string): string {
  const names = path.match(/[\w-]+/g) ?? [];
  return names[names.length - 1] ?? "";
}

/** A stable fake id: the same reference gives the same value in the base and the head copy. */
export function fakeId(ref: DroppedReference): string {
  const attribute = lastName(ref.path) || "id";
  return `placeholder-${ref.type}-${ref.name}-${attribute}`.replace(/[^\w-]/g, "-");
}

export const policyDataSourceName = (name: string) => `placeholder_${name}`;

function statementFor(type: string, inputs: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const databricks = [{ type: "AWS", identifiers: [DATABRICKS_AWS_PRINCIPAL] }];
  if (type.includes("assume_role_policy")) return { actions: ["sts:AssumeRole"], principals: databricks };
  if (type.includes("bucket_policy") && typeof inputs.bucket === "string") {
    return {
      actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:GetBucketLocation"],
      principals: databricks,
      resources: [`arn:aws:s3:::${inputs.bucket}`, `arn:aws:s3:::${inputs.bucket}/*`],
    };
  }
  // databricks_aws_unity_catalog_policy: an identity policy on the bucket it names (no principals).
  if (type.includes("unity_catalog_policy") && typeof inputs.bucket_name === "string") {
    return {
      actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:GetBucketLocation"],
      resources: [`arn:aws:s3:::${inputs.bucket_name}`, `arn:aws:s3:::${inputs.bucket_name}/*`],
    };
  }
  return { actions: ["ec2:RunInstances", "ec2:TerminateInstances", "ec2:DescribeInstances"], resources: ["*"] };
}

/**
 * The `aws_iam_policy_document` body standing in for a Databricks `aws_*_policy` data source.
 * Scalar inputs become `StringEquals` conditions on `placeholder:<argument>`, so the document
 * changes, or becomes unknown, with them.
 */
export function policyPlaceholder(type: string, name: string, inputs: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const scalars = Object.entries(inputs).filter(([, value]) => value !== null && typeof value !== "object");
  return {
    statement: [
      {
        sid: `Placeholder${name.replace(/[^A-Za-z0-9]/g, "")}`,
        effect: "Allow",
        ...statementFor(type, inputs),
        ...(scalars.length
          ? { condition: scalars.map(([key, value]) => ({ test: "StringEquals", variable: `placeholder:${key}`, values: [String(value)] })) }
          : {}),
      },
    ],
  };
}

/**
 * The placeholder for one reference. `inputs` is the dropped block's own arguments (already
 * rewritten), used by policy placeholders.
 */
export function placeholderFor(ref: DroppedReference, inputs: Readonly<Record<string, unknown>> | undefined): Placeholder {
  const attribute = firstAttribute(ref.path);
  if (ref.mode === "data" && ref.type.startsWith("databricks_") && ref.type.endsWith("_policy") && attribute === "json") {
    return { kind: "policy", dataSource: policyDataSourceName(ref.name), body: policyPlaceholder(ref.type, ref.name, inputs ?? {}) };
  }
  const leaf = lastName(ref.path);
  const pathEndsInIndex = /\]$/.test(ref.path);
  if (!pathEndsInIndex && /(^|_)ids$/.test(leaf)) {
    return { kind: "list", items: [fakeId({ ...ref, path: ref.path.replace(/s$/, "") })] };
  }
  if (NUMERIC_ATTRIBUTES.has(leaf)) return { kind: "number", value: 0 };
  return { kind: "string", template: fakeId(ref) };
}

/** The reference expression to a policy placeholder's data source. */
export const policyReference = (dataSource: string) => `data.aws_iam_policy_document.${dataSource}.json`;

/** The placeholder as a value in Terraform JSON (where the whole string was the reference). */
export function placeholderJson(placeholder: Placeholder): unknown {
  switch (placeholder.kind) {
    case "policy":
      return `\${${policyReference(placeholder.dataSource)}}`;
    case "string":
      return placeholder.template;
    case "list":
      return [...placeholder.items];
    case "number":
      return placeholder.value;
  }
}
