/**
 * Edits of the shipped regions.yaml that touch AWS resources, each a change a reviewer must see
 * coming. Each edit names the exact text it changes and fails loudly when that text is gone, so a
 * reworded regions.yaml breaks the scenario instead of silently testing nothing.
 */

export interface Scenario {
  readonly name: string;
  readonly what: string;
  readonly edit: (regionsText: string) => string;
}

export class ScenarioError extends Error {}

function replaceOnce(from: string | RegExp, to: string): (text: string) => string {
  return (text) => {
    const found = typeof from === "string" ? text.includes(from) : from.test(text);
    if (!found) throw new ScenarioError(`regions.yaml has no ${String(from)}`);
    return text.replace(from, to);
  };
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: "company-renamed",
    what: "company acme → globex: every name, every stack",
    edit: replaceOnce(/^company: acme\b/m, "company: globex"),
  },
  {
    name: "vpc-cidr-changed",
    what: "us-east-1 dev VPC 10.10.0.0/16 → 10.12.0.0/16",
    edit: replaceOnce("vpcCidr: 10.10.0.0/16", "vpcCidr: 10.12.0.0/16"),
  },
  {
    name: "azs-changed",
    what: "us-east-1 AZs a,b,c → a,b,d",
    edit: replaceOnce("[us-east-1a, us-east-1b, us-east-1c]", "[us-east-1a, us-east-1b, us-east-1d]"),
  },
  {
    name: "region-removed",
    what: "ap-southeast-2 removed (its two workspace stacks)",
    edit: replaceOnce(/\n {2}- region: ap-southeast-2\n(?: {4,}.*\n|\s*\n)*/, "\n"),
  },
  {
    name: "region-decommissioned",
    what: "ap-southeast-2 decommissioned: `cdktf destroy` of its stacks, prevent_destroy lifted",
    edit: replaceOnce(/^( {2}- region: ap-southeast-2\n)/m, "$1    decommission: true\n"),
  },
  {
    name: "cost-tag-changed",
    what: "costTags.CostCenter CC-4410 → CC-4420 (provider default_tags)",
    edit: replaceOnce(/^( {2}CostCenter: )CC-4410\b/m, "$1CC-4420"),
  },
];
