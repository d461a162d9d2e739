/**
 * JSON strings as Terraform reads them: templates of literal text and `${…}` interpolations
 * (lexer.ts does the scanning). Rendering gives back the exact text, so a tool can rewrite one
 * interpolation and leave every other byte alone.
 */
import { scanTemplate, type TemplatePart } from "./lexer";

export type { TemplatePart as TemplateSegment } from "./lexer";

/** What `renderTemplate` needs of a segment: parsed ones, or ones a caller builds. */
export type RenderableSegment =
  | { readonly kind: "literal"; readonly raw: string }
  | { readonly kind: "interpolation" | "directive"; readonly expression: string };

export function parseTemplate(text: string): TemplatePart[] {
  return scanTemplate(text, 0, false).parts;
}

export function renderTemplate(segments: readonly RenderableSegment[]): string {
  return segments.map((s) => (s.kind === "literal" ? s.raw : `${s.kind === "interpolation" ? "$" : "%"}{${s.expression}}`)).join("");
}

/** True when the string is exactly one `${…}`: a value Terraform computes, with no text around it. */
export function isExpression(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const segments = parseTemplate(value);
  return segments.length === 1 && segments[0].kind === "interpolation";
}

/** A template as an HCL quoted string, usable inside another expression; its interpolations stay live. */
export function quoteTemplate(template: string): string {
  const body = parseTemplate(template)
    .map((s) => (s.kind === "literal" ? s.raw.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n") : renderTemplate([s])))
    .join("");
  return `"${body}"`;
}
