/**
 * JSON as synthesized Terraform holds it. Terraform JSON writes a nested block as an object or a
 * list of objects, and a list argument as a list or (for one item) a bare value: the readers here
 * take both shapes the same way.
 */

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { readonly [key: string]: Json };
export type PathSegment = string | number;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A nested block written as an object or a list of objects, as a list. */
export function asList(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

/** A string or a list of strings, as a list (other items dropped). */
export function asStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

export interface Leaf {
  readonly path: readonly PathSegment[];
  readonly value: unknown;
}

/** Every primitive inside a value, with its path (objects and arrays are walked, never returned). */
export function* leaves(value: unknown, path: PathSegment[] = []): Generator<Leaf> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* leaves(value[i], [...path, i]);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) yield* leaves(child, [...path, key]);
  } else {
    yield { path, value };
  }
}
