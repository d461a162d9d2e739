/**
 * How a value reads in a report, and the rule that keeps secrets out of PR comments: an attribute whose
 * name looks secret is printed as `(sensitive)` whatever its value, even when the value is a harmless
 * interpolation: a rule by name cannot leak by mistake, a rule by value can.
 */
import type { PathSegment } from "../../tfjson/json";

export const SENSITIVE = "(sensitive)";
export const UNKNOWN = "(known after apply)";
export const ABSENT = "(none)";

const MAX_VALUE_CHARS = 120;

/**
 * `client_secret`, `secret_string`, `password`, `token` (the workspace PAT block), `secret` (the OAuth
 * secret of a service principal), private keys. Matched per path segment so `secret_id` of a secret
 * version (an ARN) still prints.
 */
const SECRET_SEGMENT = /(_secret|^secret$|^secret_(string|binary)|password|passwd|token|private_key)/i;

export type { PathSegment };

export function looksSecret(path: readonly PathSegment[]): boolean {
  return path.some((segment) => typeof segment === "string" && SECRET_SEGMENT.test(segment));
}

/** `tags.Team`, `subnet_ids[1]`, `["weird key"]` */
export function formatAttributePath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || "(whole object)";
}

/** A value as one short line: strings quoted, objects as compact JSON, long ones cut with an ellipsis. */
export function formatValue(value: unknown): string {
  if (value === undefined) return ABSENT;
  const text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/** `formatValue`, unless the path looks secret or the caller knows the value is sensitive. */
export function displayValue(path: readonly PathSegment[], value: unknown, sensitive = false): string {
  if (value === undefined) return ABSENT;
  return sensitive || looksSecret(path) ? SENSITIVE : formatValue(value);
}
