import type { RuleLevel } from "./pack";

/** One rule's verdict on one block of one stack, as reports and the synth gate show it. */
export interface Finding {
  readonly stack: string;
  /** The block's Terraform address (`aws_vpc.x`, `provider.aws`, `output.y`). */
  readonly address: string;
  readonly rule: string;
  readonly level: RuleLevel;
  readonly message: string;
  readonly details: readonly string[];
  /** Set when a suppression in regions.yaml accepts this finding. */
  readonly suppressed?: { readonly reason: string };
}

/** Findings that fail synth and `npm run check`. */
export const isBlocking = (finding: Finding) => finding.level === "error" && !finding.suppressed;

/** `stack/resource RULE-ID message (details)`: the line synth prints for a failing finding. */
export function findingLine(finding: Finding): string {
  const details = finding.details.length ? ` (${finding.details.join("; ")})` : "";
  return `${finding.stack}/${finding.address} ${finding.rule} ${finding.message}${details}`;
}
