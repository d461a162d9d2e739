import { asList, asStrings } from "../../tfjson/json";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";

const ANYWHERE = new Set(["0.0.0.0/0", "::/0"]);

function openSources(values: unknown[]): string[] {
  return values.flatMap(asStrings).filter((cidr) => ANYWHERE.has(cidr));
}

/** The CIDRs of every ingress a block opens, in each way the AWS provider can write one. */
function ingressSources(type: string, body: Record<string, unknown>): string[] {
  switch (type) {
    case "aws_security_group":
    case "aws_default_security_group":
      return asList(body.ingress).flatMap((rule) => openSources([rule.cidr_blocks, rule.ipv6_cidr_blocks]));
    case "aws_security_group_rule":
      return body.type === "ingress" ? openSources([body.cidr_blocks, body.ipv6_cidr_blocks]) : [];
    case "aws_vpc_security_group_ingress_rule":
      return openSources([body.cidr_ipv4, body.cidr_ipv6]);
    default:
      return [];
  }
}

export const INGRESS_TYPES: ReadonlySet<string> = new Set([
  "aws_security_group",
  "aws_default_security_group",
  "aws_security_group_rule",
  "aws_vpc_security_group_ingress_rule",
]);

/** No security group admits traffic from the whole internet (0.0.0.0/0 or ::/0). */
export const noOpenIngress: BlockRule = (block) => {
  if (block.kind !== "resource" || !INGRESS_TYPES.has(block.type)) return NOT_APPLICABLE;
  return fromProblems(ingressSources(block.type, block.body).map((cidr) => `ingress from ${cidr}`));
};
