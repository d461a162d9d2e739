import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";
import { clusterSubnetAddresses } from "./cluster-subnets";

/** A workspace network spans at least two AZs, so one AZ outage does not stop every cluster. */
export const clusterSubnetsInTwoAzs: BlockRule = (block, stack) => {
  if (block.type !== "databricks_mws_networks" || block.kind !== "resource") return NOT_APPLICABLE;
  const zones = new Set<string>();
  for (const address of clusterSubnetAddresses(block)) {
    const subnet = stack.block(address)?.body;
    const zone = subnet?.availability_zone ?? subnet?.availability_zone_id;
    if (typeof zone === "string") zones.add(zone);
  }
  return fromProblems(zones.size < 2 ? [`the subnets it lists (those defined in this stack) are in ${zones.size} AZ(s): ${[...zones].join(", ") || "none"}`] : []);
};
