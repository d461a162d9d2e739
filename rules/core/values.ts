/**
 * Reading synthesized Terraform JSON values: cdktf writes every reference as a `${…}` string, so a
 * value is either a literal we can check or an expression we can only follow to another block.
 */

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { readonly [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Terraform JSON treats a nested block as an object or a list of objects; read both the same way. */
export function asList(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

export function asStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** The whole value is one Terraform expression, e.g. `${aws_vpc.main.id}` or `${jsonencode(…)}`. */
export function isExpression(value: unknown): value is string {
  return typeof value === "string" && value.startsWith("${") && value.endsWith("}") && !value.slice(2).includes("${");
}

/** A string Terraform takes as written: no interpolation anywhere in it. */
export function isLiteralString(value: unknown): value is string {
  return typeof value === "string" && !value.includes("${");
}

const REFERENCE = /\b((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)/g;

/**
 * The code inside each `${…}` of a string, with quoted strings blanked out so that text such as
 * "s3.amazonaws.com" is never read as a reference. Nested braces (`${jsonencode({…})}`) are followed.
 */
export function interpolations(value: string): string[] {
  const found: string[] = [];
  let start = value.indexOf("${");
  while (start !== -1) {
    let depth = 0;
    let inQuote = false;
    let code = "";
    let i = start + 2;
    for (; i < value.length; i++) {
      const char = value[i];
      if (inQuote) {
        if (char === "\\") i++;
        else if (char === '"') inQuote = false;
        continue;
      }
      if (char === '"') inQuote = true;
      else if (char === "{") depth++;
      else if (char === "}" && depth-- === 0) break;
      code += inQuote ? "" : char;
    }
    found.push(code);
    start = value.indexOf("${", i);
  }
  return found;
}

/** Every `type.name.attribute` (or `data.type.name.attribute`) a string refers to. */
export function referencesIn(value: unknown): { address: string; attribute: string }[] {
  if (typeof value !== "string" || !value.includes("${")) return [];
  return interpolations(value).flatMap((code) =>
    [...code.matchAll(REFERENCE)].map((match) => ({ address: match[1], attribute: match[2] })),
  );
}

/** True when `value` (a string or a list of strings) refers to the block at `address`. */
export function refersTo(value: unknown, address: string): boolean {
  return asStrings(value).some((item) => referencesIn(item).some((ref) => ref.address === address));
}

/**
 * The quoted strings of an HCL expression, in order, each marked when it is an object key
 * (`"key" = …` or `"key": …`). Scanned left to right so a closing quote never opens a string.
 */
export function quotedStrings(code: string): { text: string; isKey: boolean }[] {
  const found: { text: string; isKey: boolean }[] = [];
  for (let i = 0; i < code.length; i++) {
    if (code[i] !== '"') continue;
    let text = "";
    let j = i + 1;
    for (; j < code.length && code[j] !== '"'; j++) {
      if (code[j] === "\\") j++;
      text += code[j] ?? "";
    }
    found.push({ text, isKey: /^\s*[=:]/.test(code.slice(j + 1)) });
    i = j;
  }
  return found;
}
