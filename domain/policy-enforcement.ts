/**
 * The values the app enforces in every cluster policy, whatever its author wrote: cost tags fixed, spot
 * workers with exactly one on-demand node (the driver), automatic AZ, no instance pools, and the
 * environment's size, DBU, idle-time and instance-type caps. A lost spot driver kills a five-hour
 * job; an AZ out of capacity needs another; a pool would pick the node type past the allowlist.
 */
import type { ClusterLimitsConfig } from "../config/schema/regions";
import type { Limitation, PolicyDefinition } from "../config/schema/policy-language";
import { CLUSTER_TYPES, ENFORCED_CLUSTER_ATTRIBUTES, POOL_ATTRIBUTES, type ClusterType } from "./platform-facts";

export interface PolicyEnforcement {
  readonly tags: Readonly<Record<string, string>>;
  readonly limits: ClusterLimitsConfig;
}

export interface PolicyConflict {
  readonly attribute: string;
  readonly message: string;
}

/** The cluster type a policy declares with a fixed `cluster_type`, or undefined. */
export function clusterTypeOf(definition: PolicyDefinition): ClusterType | undefined {
  const limitation = definition.cluster_type;
  return limitation?.type === "fixed" && CLUSTER_TYPES.includes(limitation.value as ClusterType)
    ? (limitation.value as ClusterType)
    : undefined;
}

/**
 * `definition` with every enforced value applied. Where the author was stricter, the author wins;
 * where the author contradicts an enforced value, the conflict is returned instead of silently
 * overriding it, so the policy file gets fixed.
 */
export function enforcePolicy(
  definition: PolicyDefinition,
  enforcement: PolicyEnforcement,
): { definition: PolicyDefinition; conflicts: PolicyConflict[] } {
  const merged: Record<string, Limitation> = { ...definition };
  const conflicts: PolicyConflict[] = [];
  const apply = (attribute: string, rule: (current: Limitation | undefined) => Limitation | string) => {
    const result = rule(definition[attribute]);
    if (typeof result === "string") conflicts.push({ attribute, message: result });
    else merged[attribute] = result;
  };
  const { limits } = enforcement;

  for (const [tag, value] of Object.entries(enforcement.tags)) apply(`custom_tags.${tag}`, fixedTo(value));
  apply("aws_attributes.availability", fixedTo(ENFORCED_CLUSTER_ATTRIBUTES.availability));
  apply("aws_attributes.zone_id", fixedTo(ENFORCED_CLUSTER_ATTRIBUTES.zoneId));
  // Fixed, not a range: a range with no maximum let a user put every worker on demand.
  apply("aws_attributes.first_on_demand", fixedTo(ENFORCED_CLUSTER_ATTRIBUTES.firstOnDemand, "exactly one on-demand node, the driver; workers on spot"));
  for (const pool of POOL_ATTRIBUTES) apply(pool, forbidden("a pool's node type would bypass the instance-type allowlist"));
  apply("num_workers", capped(limits.maxWorkers));
  apply("autoscale.max_workers", capped(limits.maxWorkers));
  apply("dbus_per_hour", capped(limits.maxDbusPerHour));
  apply("node_type_id", allowedFrom(limits.instanceTypes));
  apply("driver_node_type_id", allowedFrom(limits.instanceTypes));
  if (clusterTypeOf(definition) === "all-purpose") {
    apply("autotermination_minutes", idleLimit(limits.autoterminationMinutes));
  }
  return { definition: sortedByAttribute(merged), conflicts };
}

const describe = (limitation: Limitation) => JSON.stringify(limitation);

function fixedTo(value: string | number, why = "enforced from regions.yaml") {
  return (current: Limitation | undefined): Limitation | string => {
    if (current === undefined) return { type: "fixed", value };
    if (current.type === "fixed" && current.value === value) return current;
    return `expected {"type":"fixed","value":${JSON.stringify(value)}} (${why}), found ${describe(current)}`;
  };
}

function forbidden(why: string) {
  return (current: Limitation | undefined): Limitation | string => {
    if (current === undefined) return { type: "forbidden", hidden: true };
    if (current.type === "forbidden") return current;
    return `expected {"type":"forbidden"} (${why}), found ${describe(current)}`;
  };
}

function capped(cap: number) {
  return (current: Limitation | undefined): Limitation | string => {
    if (current === undefined) return { type: "range", maxValue: cap };
    if (current.type === "fixed" && typeof current.value === "number" && current.value <= cap) return current;
    if (current.type === "range" && (current.minValue ?? 0) <= cap) {
      const maxValue = Math.min(current.maxValue ?? cap, cap);
      const defaultValue = typeof current.defaultValue === "number" ? Math.min(current.defaultValue, maxValue) : current.defaultValue;
      return { ...current, maxValue, ...(defaultValue === undefined ? {} : { defaultValue }) };
    }
    return `expected a range or fixed value within the environment's cap of ${cap}, found ${describe(current)}`;
  };
}

function idleLimit(limit: ClusterLimitsConfig["autoterminationMinutes"]) {
  const within = (minutes: number) => minutes >= 10 && minutes <= limit.max;
  return (current: Limitation | undefined): Limitation | string => {
    if (current === undefined) return { type: "range", minValue: 10, maxValue: limit.max, defaultValue: limit.default };
    if (current.type === "fixed" && typeof current.value === "number" && within(current.value)) return current;
    if (current.type === "range" && (current.minValue ?? 10) <= limit.max && (current.minValue ?? 10) >= 10) {
      const maxValue = Math.min(current.maxValue ?? limit.max, limit.max);
      const defaultValue = typeof current.defaultValue === "number" ? Math.min(current.defaultValue, maxValue) : limit.default;
      return { ...current, minValue: current.minValue ?? 10, maxValue, defaultValue };
    }
    return `expected auto-termination between 10 and ${limit.max} minutes (0 would never stop the cluster), found ${describe(current)}`;
  };
}

function allowedFrom(instanceTypes: readonly string[]) {
  return (current: Limitation | undefined): Limitation | string => {
    if (current === undefined) return { type: "allowlist", values: [...instanceTypes], defaultValue: instanceTypes[0] };
    if (current.type === "fixed" && instanceTypes.includes(String(current.value))) return current;
    if (current.type === "allowlist") {
      const values = current.values.filter((value) => instanceTypes.includes(String(value)));
      if (values.length) {
        const defaultValue = values.includes(current.defaultValue as string) ? current.defaultValue : values[0];
        return { ...current, values, defaultValue };
      }
    }
    return `expected instance types from the environment's list (${instanceTypes.join(", ")}), found ${describe(current)}`;
  };
}

function sortedByAttribute(definition: Record<string, Limitation>): PolicyDefinition {
  return Object.fromEntries(Object.entries(definition).sort(([a], [b]) => a.localeCompare(b)));
}
