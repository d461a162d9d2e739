/** The subnets Databricks launches cluster nodes into: those a `databricks_mws_networks` lists. */
import type { Block } from "../../tfjson/block";
import type { StackView } from "../core/stack-view";
import { asStrings } from "../../tfjson/json";
import { referencesIn } from "../../tfjson/references";

export function clusterSubnetAddresses(network: Block): string[] {
  return asStrings(network.body.subnet_ids).flatMap((id) =>
    referencesIn(id)
      .filter((ref) => ref.address.startsWith("aws_subnet."))
      .map((ref) => ref.address),
  );
}

export function isClusterSubnet(subnet: Block, stack: StackView): boolean {
  return stack.ofType("databricks_mws_networks").some((network) => clusterSubnetAddresses(network).includes(subnet.address));
}
