import { asList } from "../../tfjson/json";
import { refersTo } from "../../tfjson/references";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";

/**
 * The default security group of every VPC is managed and has no rules. AWS creates it allowing all
 * traffic between its members and all egress; anything launched without a group lands in it.
 * Managing it with no ingress/egress blocks makes Terraform remove those rules.
 */
export const defaultSecurityGroupClosed: BlockRule = (block, stack) => {
  if (block.kind !== "resource") return NOT_APPLICABLE;
  if (block.type === "aws_vpc") {
    const managed = stack.ofType("aws_default_security_group").some((group) => refersTo(group.body.vpc_id, block.address));
    return fromProblems(managed ? [] : [`no aws_default_security_group closes this VPC's default group`]);
  }
  if (block.type === "aws_default_security_group") {
    return fromProblems(
      (["ingress", "egress"] as const).filter((direction) => asList(block.body[direction]).length > 0).map((d) => `has ${d} rules`),
    );
  }
  return NOT_APPLICABLE;
};
