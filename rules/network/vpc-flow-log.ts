import { refersTo } from "../../tfjson/references";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";

/** Every VPC has a flow log: without one, an incident in the VPC leaves no network record. */
export const vpcHasFlowLog: BlockRule = (block, stack) => {
  if (block.type !== "aws_vpc" || block.kind !== "resource") return NOT_APPLICABLE;
  const logged = stack.ofType("aws_flow_log").some((flowLog) => refersTo(flowLog.body.vpc_id, block.address));
  return fromProblems(logged ? [] : [`no aws_flow_log has vpc_id = ${block.address}.id`]);
};
