/** The check's two outputs: a table for people, a JSON report for CI and other tools. */
import type { Finding } from "../../rules/finding";
import { isBlocking } from "../../rules/finding";
import type { PackRule } from "../../rules/pack";

export interface CheckSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly suppressed: number;
}

export function summarize(findings: readonly Finding[]): CheckSummary {
  return {
    errors: findings.filter(isBlocking).length,
    warnings: findings.filter((f) => f.level === "warning" && !f.suppressed).length,
    suppressed: findings.filter((f) => f.suppressed).length,
  };
}

const levelOf = (finding: Finding) => (finding.suppressed ? "suppressed" : finding.level);

function messageOf(finding: Finding): string {
  const details = finding.details.length ? ` (${finding.details.join("; ")})` : "";
  const reason = finding.suppressed ? ` Suppressed: ${finding.suppressed.reason}` : "";
  return `${finding.message}${details}${reason}`;
}

/** stack | resource | rule | level | message, columns padded; the message runs to the end of the line. */
export function findingsTable(findings: readonly Finding[]): string {
  const rows = [
    ["stack", "resource", "rule", "level", "message"],
    ...findings.map((f) => [f.stack, f.address, f.rule, levelOf(f), messageOf(f)]),
  ];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]) : cell)).join("  ").trimEnd()).join("\n");
}

export interface CheckReport {
  readonly regionsFile: string;
  readonly stacks: readonly string[];
  readonly rules: readonly { readonly id: string; readonly level: string; readonly message: string }[];
  readonly summary: CheckSummary;
  readonly findings: readonly Finding[];
}

/** No timestamps: the same input gives the same report, so reports diff cleanly. */
export function checkReport(regionsFile: string, stacks: readonly string[], pack: readonly PackRule[], findings: readonly Finding[]): CheckReport {
  return {
    regionsFile,
    stacks,
    rules: pack.map(({ id, level, message }) => ({ id, level, message })),
    summary: summarize(findings),
    findings,
  };
}
