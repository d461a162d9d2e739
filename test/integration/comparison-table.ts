/**
 * The comparison as a table. Agreeing rows of one stack with the same type and the same verdicts
 * collapse into one line with a count (a cost-tag change updates every taggable resource); a
 * disagreement is always its own line with the full address and what differs.
 */
import type { ComparisonRow } from "./compare";

export interface ScenarioComparison {
  readonly scenario: string;
  readonly what: string;
  readonly rows: readonly ComparisonRow[];
  readonly unchanged: number;
  /** Stacks whose AWS half did not change: terraform would plan nothing. */
  readonly identicalStacks: number;
}

interface Line {
  readonly cells: readonly string[];
  /** Printed under the line: why it is a mismatch, or what was not checked. */
  readonly detail?: string;
}

function linesOf(rows: readonly ComparisonRow[]): Line[] {
  const groups = new Map<string, ComparisonRow[]>();
  const lines: Line[] = [];
  for (const row of rows) {
    if (!row.agree) {
      lines.push({ cells: [row.stack, row.address, row.review, row.terraform, "MISMATCH"], detail: row.problem });
      continue;
    }
    if (row.note) {
      lines.push({ cells: [row.stack, row.address, row.review, row.terraform, "ok, partly unchecked"], detail: row.note });
      continue;
    }
    const key = [row.stack, row.type, row.review, row.terraform].join("\u0000");
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const group of groups.values()) {
    const [first] = group;
    const what = group.length === 1 ? first.address : `${first.type} ×${group.length}`;
    lines.push({ cells: [first.stack, what, first.review, first.terraform, "ok"] });
  }
  return lines.sort((a, b) => a.cells[0].localeCompare(b.cells[0]) || a.cells[1].localeCompare(b.cells[1]));
}

const HEADER = ["stack", "resource", "review", "terraform", ""];

export function renderComparison(comparisons: readonly ScenarioComparison[]): string {
  const out: string[] = [];
  for (const comparison of comparisons) {
    const lines = linesOf(comparison.rows);
    const widths = HEADER.map((header, i) => Math.max(header.length, ...lines.map((line) => line.cells[i].length)));
    const format = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd();
    const mismatches = comparison.rows.filter((row) => !row.agree).length;
    const partly = comparison.rows.filter((row) => row.agree && row.note).length;
    out.push(
      `scenario ${comparison.scenario}: ${comparison.what}`,
      `  ${format(HEADER)}`,
      ...lines.flatMap((line) => [`  ${format(line.cells)}`, ...(line.detail ? [`      ${line.detail}`] : [])]),
      `  ${comparison.rows.length} changed AWS resources compared, ${mismatches} mismatch(es), ${partly} partly unchecked; ` +
        `${comparison.unchanged} unchanged on both sides; ${comparison.identicalStacks} stack(s) with an unchanged AWS half`,
      "",
    );
  }
  return out.join("\n");
}
