/**
 * A unified diff (`diff -u` / `git diff` format) between two texts that differ in one place, which is
 * all `onboard --dry-run` needs: the common leading and trailing lines are context, the rest one hunk.
 */

const CONTEXT = 3;

/** Lines with their terminators, so a missing final newline shows as a change, as in `diff -u`. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function range(start: number, count: number): string {
  // diff -u numbers an empty range by the line before it.
  return count === 0 ? `${start},0` : count === 1 ? `${start + 1}` : `${start + 1},${count}`;
}

function show(prefix: string, line: string): string {
  return line.endsWith("\n") ? `${prefix}${line}` : `${prefix}${line}\n\\ No newline at end of file\n`;
}

/** The section a hunk sits in, as git shows it: the nearest line above it that starts a top-level key. */
function sectionHeading(lines: readonly string[], start: number): string {
  for (let i = start - 1; i >= 0; i--) {
    if (/^[A-Za-z_$]/.test(lines[i])) return ` ${lines[i].replace(/\s+$/, "").slice(0, 80)}`;
  }
  return "";
}

export function unifiedDiff(file: string, oldText: string, newText: string): string {
  const before = linesOf(oldText);
  const after = linesOf(newText);
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head && tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) tail++;
  if (head === before.length && head === after.length) return "";

  const start = Math.max(0, head - CONTEXT);
  const endBefore = Math.min(before.length, before.length - tail + CONTEXT);
  const endAfter = Math.min(after.length, after.length - tail + CONTEXT);
  const lines = [
    `--- a/${file}\n`,
    `+++ b/${file}\n`,
    `@@ -${range(start, endBefore - start)} +${range(start, endAfter - start)} @@${sectionHeading(before, start)}\n`,
    ...before.slice(start, head).map((line) => show(" ", line)),
    ...before.slice(head, before.length - tail).map((line) => show("-", line)),
    ...after.slice(head, after.length - tail).map((line) => show("+", line)),
    ...before.slice(before.length - tail, endBefore).map((line) => show(" ", line)),
  ];
  return lines.join("");
}
