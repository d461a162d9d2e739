/**
 * Fits report sections into a PR comment. GitHub rejects a comment over 65,536 characters (tfcmt
 * #227), and a rejected comment means the reviewer sees nothing: better a cut report that says so.
 */

/** Under GitHub's 65,536 with room for a bot's own header. */
export const COMMENT_LIMIT = 65_000;

export interface Fitted {
  readonly text: string;
  /** Units that did not fit. */
  readonly omitted: number;
}

/**
 * Joins whole units (one list item with its sub-lines is one unit) while they fit in `cap`,
 * keeping room for the "N more" line written when some do not.
 */
export function fitUnits(units: readonly string[], cap: number, moreLine: (omitted: number) => string): Fitted {
  const reserve = moreLine(units.length).length + 1;
  let text = "";
  let taken = 0;
  for (const unit of units) {
    const next = `${unit}\n`;
    const isLast = taken === units.length - 1;
    if (text.length + next.length > cap - (isLast ? 0 : reserve)) break;
    text += next;
    taken++;
  }
  const omitted = units.length - taken;
  return { text: omitted ? `${text}${moreLine(omitted)}\n` : text, omitted };
}
