/**
 * Terraform JSON strings are templates: literal text with `${ expression }` interpolations. The
 * AWS-only copy rewrites references inside interpolations only, so the scanner splits a string into
 * literal and interpolation segments, and an expression into code and quoted-string segments (a
 * reference-shaped word inside a quoted literal is text, not a reference).
 */

export type TemplateSegment =
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "interpolation"; readonly expression: string };

/** Index just past the quoted string that starts at `start` (a `"`), honouring backslash escapes. */
function endOfQuoted(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
  return i + 1;
}

/** Index of the `}` closing the interpolation whose expression starts at `start`, or -1. */
function endOfInterpolation(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      i = endOfQuoted(text, i) - 1;
    } else if (char === "{") {
      depth++;
    } else if (char === "}") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

export function parseTemplate(text: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let literal = "";
  let i = 0;
  while (i < text.length) {
    // `$${` is an escaped, literal `${`.
    if (text.startsWith("$${", i)) {
      literal += "$${";
      i += 3;
      continue;
    }
    if (text.startsWith("${", i)) {
      const end = endOfInterpolation(text, i + 2);
      if (end < 0) break;
      if (literal) segments.push({ kind: "literal", text: literal });
      literal = "";
      segments.push({ kind: "interpolation", expression: text.slice(i + 2, end) });
      i = end + 1;
      continue;
    }
    literal += text[i];
    i++;
  }
  literal += text.slice(i);
  if (literal) segments.push({ kind: "literal", text: literal });
  return segments;
}

export function renderTemplate(segments: readonly TemplateSegment[]): string {
  return segments.map((s) => (s.kind === "literal" ? s.text : `\${${s.expression}}`)).join("");
}

/** Applies `rewrite` to the code of an expression, leaving its quoted string literals alone. */
export function rewriteExpressionCode(expression: string, rewrite: (code: string) => string): string {
  let out = "";
  let code = "";
  for (let i = 0; i < expression.length; i++) {
    if (expression[i] === '"') {
      const end = endOfQuoted(expression, i);
      out += rewrite(code) + expression.slice(i, end);
      code = "";
      i = end - 1;
    } else {
      code += expression[i];
    }
  }
  return out + rewrite(code);
}

/** A template as an HCL quoted-string literal, usable inside another expression. */
export function quotedTemplate(template: string): string {
  const escaped = parseTemplate(template)
    .map((s) => (s.kind === "literal" ? s.text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n") : `\${${s.expression}}`))
    .join("");
  return `"${escaped}"`;
}
