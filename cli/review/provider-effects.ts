/**
 * What a change to a provider configuration does to the resources that use it. The app puts three
 * things in provider blocks rather than in each resource, so a change there changes no resource
 * argument and would otherwise look like nothing to a reviewer:
 * - AWS `default_tags` (the cost tags): every taggable resource's `tags_all` (the provider's tags with
 *   the resource's own on top) is updated in place.
 * - AWS `region`: in provider 6.x every regional resource has a top-level `region` defaulting to the
 *   provider's, and a changed value forces replacement (internal/provider/sdkv2/region.go,
 *   forceNewIfRegionChanges). IAM is global and stays; regional data sources are read again.
 * - Databricks `host` / `account_id`: the objects live in another workspace or account, so each is
 *   created there (the config stack's host is the workspace URL: a replaced workspace moves them all).
 * A resource that sets its own `region` is judged by that; `provider = aws.x` picks the configuration.
 */
import { isDeepStrictEqual } from "node:util";
import type { Link } from "./chain";
import { formatChange, type PathSegment } from "./display";
import { forceNewRule } from "./force-new";
import type { Block } from "../../tfjson/block";

/**
 * AWS resource types with `tags` / `tags_all`, among those the app emits (every AWS type in
 * force-new.ts). Read from the provider bindings (`tagsAll` in @cdktf/provider-aws/lib/<type>); a test
 * checks the table against them.
 */
export const TAGGABLE_AWS_TYPES: ReadonlySet<string> = new Set([
  "aws_cloudwatch_log_group", "aws_default_security_group", "aws_eip", "aws_flow_log", "aws_iam_openid_connect_provider", "aws_iam_role",
  "aws_internet_gateway", "aws_kms_key", "aws_nat_gateway", "aws_route_table", "aws_s3_bucket",
  "aws_secretsmanager_secret", "aws_security_group", "aws_subnet", "aws_vpc", "aws_vpc_endpoint",
  "aws_vpc_security_group_egress_rule", "aws_vpc_security_group_ingress_rule",
]);

/** AWS data sources that do not depend on the region (computed locally or account-wide). */
const GLOBAL_AWS_DATA = /^aws_(iam_|caller_identity$|partition$)/;

/** Databricks provider arguments that say WHERE the objects live (not how to authenticate). */
const DATABRICKS_LOCATION = ["host", "account_id"];

export type ProviderEffect = "default_tags" | "region" | "location";

/** A change of the provider configuration, as the evaluator found it (direct or through a reference). */
export interface ProviderChange {
  readonly path: readonly PathSegment[];
  readonly before: unknown;
  readonly after: unknown;
  readonly direct: boolean;
  readonly certain: boolean;
  readonly chain: readonly Link[];
}

export interface ProviderSide {
  /** `aws`, `aws.west`, `databricks`: the configuration the block uses. */
  readonly name: string;
  readonly type: string;
  readonly before: Block | undefined;
  readonly after: Block | undefined;
  readonly changes: readonly ProviderChange[];
}

/** One change a block undergoes because of its provider configuration. */
export interface ProviderDelta extends ProviderChange {
  readonly effect: ProviderEffect;
  readonly provider: string;
  /** Replaces the resource whatever the force-new table says of `path`. */
  readonly forcing: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `provider = "aws.west"` (cdktf writes it plain or as `${aws.west}`), else the type's default provider. */
export function providerNameOf(block: Block): string {
  // Without a regular expression or a split: called twice for every block a review evaluates.
  const meta = block.provider;
  if (typeof meta === "string") return meta.startsWith("${") && meta.endsWith("}") && !/[\n\r\u2028\u2029]/.test(meta) ? meta.slice(2, -1) : meta;
  const underscore = block.type.indexOf("_");
  return underscore < 0 ? block.type : block.type.slice(0, underscore);
}

/** Each provider block's default tags, merged once: every taggable resource of its stack asks. */
const mergedTags = new WeakMap<Block, Record<string, unknown>>();

/** `default_tags { tags = {…} }` as one map (cdktf writes the block as a one-element list). */
function defaultTags(provider: Block | undefined): Record<string, unknown> {
  if (!provider) return {};
  let tags = mergedTags.get(provider);
  if (!tags) {
    const blocks = provider.arguments.default_tags;
    const list = Array.isArray(blocks) ? blocks : blocks === undefined ? [] : [blocks];
    tags = Object.assign({}, ...list.map((entry) => (isRecord(entry) && isRecord(entry.tags) ? entry.tags : {}))) as Record<string, unknown>;
    mergedTags.set(provider, tags);
  }
  return tags;
}

function isRegional(block: Block): boolean {
  if (block.kind === "data") return !GLOBAL_AWS_DATA.test(block.type);
  const rule = forceNewRule(block.type);
  // Not in the table: assume regional; the evaluator reports such a type as "may be replaced" anyway.
  return rule ? rule.forceNew.includes("region") : true;
}

function ownTags(block: Block): Record<string, unknown> {
  return isRecord(block.arguments.tags) ? block.arguments.tags : {};
}

function tagsAll(provider: ProviderSide, before: Block, after: Block): ProviderDelta[] {
  const fromTags = defaultTags(provider.before);
  const toTags = defaultTags(provider.after);
  if (isDeepStrictEqual(fromTags, toTags)) return [];
  const was: Record<string, unknown> = { ...fromTags, ...ownTags(before) };
  const now: Record<string, unknown> = { ...toTags, ...ownTags(after) };
  return [...new Set([...Object.keys(was), ...Object.keys(now)])]
    .sort()
    .filter((key) => !isDeepStrictEqual(was[key], now[key]))
    .map((key) => ({
      path: ["tags_all", key], before: was[key], after: now[key], direct: true, certain: true, chain: [],
      effect: "default_tags" as const, provider: provider.name, forcing: false,
    }));
}

function tagged(change: ProviderChange, effect: ProviderEffect, provider: string, forcing: boolean): ProviderDelta {
  return { ...change, effect, provider, forcing };
}

/** The changes `after` undergoes because the provider configuration it uses changed. */
export function providerDeltas(provider: ProviderSide, before: Block, after: Block): ProviderDelta[] {
  if (!provider.changes.length) return [];
  if (provider.type === "aws") {
    const ownRegion = before.arguments.region !== undefined || after.arguments.region !== undefined;
    const region = ownRegion || !isRegional(after)
      ? []
      : provider.changes.filter((c) => c.path[0] === "region").map((change) => tagged(change, "region", provider.name, false));
    return [...region, ...(after.kind === "resource" && TAGGABLE_AWS_TYPES.has(after.type) ? tagsAll(provider, before, after) : [])];
  }
  if (provider.type === "databricks" && after.kind === "resource") {
    const moved = provider.changes.find((c) => c.certain && DATABRICKS_LOCATION.includes(String(c.path[0])))
      ?? provider.changes.find((c) => DATABRICKS_LOCATION.includes(String(c.path[0])));
    return moved ? [tagged({ ...moved, path: ["provider", ...moved.path] }, "location", provider.name, true)] : [];
  }
  return [];
}

/** The line a reviewer reads beside a resource changed by its provider configuration. */
export function providerReasons(deltas: readonly ProviderDelta[]): string[] {
  const reasons: string[] = [];
  for (const effect of ["region", "location", "default_tags"] as const) {
    const delta = deltas.find((d) => d.effect === effect);
    if (!delta) continue;
    const shown = formatChange(delta.before, delta.after);
    const what = delta.direct ? `${shown.before}→${shown.after}` : "changes through a reference (see the chain)";
    const argument = String(delta.path[delta.path.length - 1]);
    if (effect === "region") reasons.push(`provider ${delta.provider} region ${what}: every regional resource is recreated in the new region`);
    if (effect === "location") {
      reasons.push(`provider ${delta.provider} ${argument} ${what}: the object is created again where the provider now points (another workspace or account)`);
    }
    if (effect === "default_tags") reasons.push(`provider ${delta.provider} default_tags changed: tags_all is updated in place`);
  }
  return reasons;
}
