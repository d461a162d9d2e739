/** Small text helpers for the PR comment's markdown (render-markdown.ts, render-lifecycle.ts). */

/** Inline code that survives any value: backticks and newlines cannot break out of it. */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\s*\n\s*/g, " ")}\``;
}

/** For HTML contexts (`<summary>`), where markdown code spans do not render. */
export function htmlCode(text: string): string {
  return `<code>${text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</code>`;
}

export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/** `a`, `b`, `c` and 4 more: a list that stays one line. */
export function codeList(items: readonly string[], shown = 3): string {
  const listed = items.slice(0, shown).map(code).join(", ");
  return items.length > shown ? `${listed} and ${items.length - shown} more` : listed;
}
