/**
 * The tokens of Terraform's template and expression syntax (HCL native syntax), as far as
 * synthesized JSON uses it. Terraform reads every JSON string as a template: literal text with
 * `${ expression }` interpolations and `%{ directive }`s (`$${` and `%%{` are the literal escapes).
 * An expression may hold quoted strings, which are templates again (`"${a.b}-x"`), with backslash
 * escapes; so the end of an interpolation is found by scanning its tokens, never by counting braces
 * in the raw text: `${lookup({ "}" = 1 }, aws_vpc.main.id)}` ends at its last brace.
 * Heredocs (`<<EOT`) are not read: JSON strings have no use for them.
 * (HCL native syntax spec: github.com/hashicorp/hcl hclsyntax/spec.md, "Templates", "Lexical Elements".)
 */

export interface TemplateLiteral {
  readonly kind: "literal";
  /** As written, escapes included (`$${`, `\"` in a quoted string). */
  readonly raw: string;
  /** What it means: escapes resolved. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface TemplateExpression {
  /** `${…}` or `%{…}`. */
  readonly kind: "interpolation" | "directive";
  /** The text between the opening `${` (or `%{`) and the closing `}`. */
  readonly expression: string;
  readonly tokens: readonly Token[];
  readonly start: number;
  readonly end: number;
}

export type TemplatePart = TemplateLiteral | TemplateExpression;

interface Located {
  readonly start: number;
  readonly end: number;
  /** A line break separates it from the token before (object items may be separated by newlines). */
  readonly newlineBefore: boolean;
}

export type Token =
  | (Located & { readonly kind: "ident" | "number" | "punct"; readonly text: string })
  | (Located & { readonly kind: "string"; readonly parts: readonly TemplatePart[] });

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const MULTI_PUNCT = ["...", "==", "!=", "<=", ">=", "&&", "||", "=>", "::"];
const ESCAPES: Readonly<Record<string, string>> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

function matchAt(pattern: RegExp, src: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(src)?.[0];
}

/** A backslash escape of a quoted string at `at`: what it means and how long it is. */
function unescape(src: string, at: number): { text: string; length: number } {
  const next = src[at + 1];
  if (next === "u" || next === "U") {
    const digits = next === "u" ? 4 : 8;
    const hex = src.slice(at + 2, at + 2 + digits);
    if (new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(hex)) return { text: String.fromCodePoint(parseInt(hex, 16)), length: 2 + digits };
  }
  if (next !== undefined && next in ESCAPES) return { text: ESCAPES[next], length: 2 };
  return { text: next ?? "", length: next === undefined ? 1 : 2 };
}

/**
 * A template from `from`: the whole rest of `src` (a JSON string), or, when `quoted`, up to the
 * closing `"` of a quoted string inside an expression. An interpolation that never closes is text.
 */
export function scanTemplate(src: string, from: number, quoted: boolean): { parts: TemplatePart[]; end: number } {
  const parts: TemplatePart[] = [];
  let raw = "";
  let text = "";
  let literalStart = from;
  const append = (at: number, rawText: string, meaning: string) => {
    if (!raw) literalStart = at;
    raw += rawText;
    text += meaning;
  };
  const flush = (at: number) => {
    if (raw) parts.push({ kind: "literal", raw, text, start: literalStart, end: at });
    raw = "";
    text = "";
  };
  let i = from;
  while (i < src.length) {
    const char = src[i];
    if (quoted && char === '"') {
      flush(i);
      return { parts, end: i + 1 };
    }
    if (quoted && char === "\\") {
      const escape = unescape(src, i);
      append(i, src.slice(i, i + escape.length), escape.text);
      i += escape.length;
      continue;
    }
    if ((char === "$" || char === "%") && src[i + 1] === char && src[i + 2] === "{") {
      append(i, src.slice(i, i + 3), `${char}{`);
      i += 3;
      continue;
    }
    if ((char === "$" || char === "%") && src[i + 1] === "{") {
      const scanned = scanExpression(src, i + 2);
      if (scanned.closed) {
        flush(i);
        const kind = char === "$" ? "interpolation" : "directive";
        parts.push({ kind, expression: src.slice(i + 2, scanned.end), tokens: scanned.tokens, start: i, end: scanned.end + 1 });
        i = scanned.end + 1;
        continue;
      }
    }
    append(i, char, char);
    i++;
  }
  flush(i);
  return { parts, end: i };
}

/** Index just past a comment starting at `at`, or `at` when there is none. */
function skipComment(src: string, at: number): number {
  if (src[at] === "#" || src.startsWith("//", at)) {
    const newline = src.indexOf("\n", at);
    return newline === -1 ? src.length : newline;
  }
  if (src.startsWith("/*", at)) {
    const close = src.indexOf("*/", at + 2);
    return close === -1 ? src.length : close + 2;
  }
  return at;
}

/**
 * The tokens of an expression from `from` up to the `}` that closes it (`closed`, `end` at that
 * brace), or to the end of `src`.
 */
export function scanExpression(src: string, from: number): { tokens: Token[]; end: number; closed: boolean } {
  const tokens: Token[] = [];
  let depth = 0;
  let newlineBefore = false;
  let i = from;
  while (i < src.length) {
    const char = src[i];
    if (char === "\n") newlineBefore = true;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const afterComment = skipComment(src, i);
    if (afterComment !== i) {
      i = afterComment;
      continue;
    }
    if (char === '"') {
      const scanned = scanTemplate(src, i + 1, true);
      tokens.push({ kind: "string", parts: scanned.parts, start: i, end: scanned.end, newlineBefore });
      newlineBefore = false;
      i = scanned.end;
      continue;
    }
    if (char === "}" && depth === 0) return { tokens, end: i, closed: true };
    if ("{[(".includes(char)) depth++;
    if ("}])".includes(char)) depth = Math.max(0, depth - 1);
    const word = matchAt(IDENT, src, i) ?? matchAt(NUMBER, src, i);
    const text = word ?? MULTI_PUNCT.find((punct) => src.startsWith(punct, i)) ?? char;
    const kind = word === undefined ? "punct" : /^[0-9]/.test(word) ? "number" : "ident";
    tokens.push({ kind, text, start: i, end: i + text.length, newlineBefore });
    newlineBefore = false;
    i += text.length;
  }
  return { tokens, end: src.length, closed: false };
}
