/** Turns zod issues into "expected …, found …" problems that name the path a user edits. */
import { closest, distance } from "fastest-levenshtein";
import type { z } from "zod";
import { describeValue, type ConfigPath, type ConfigProblem } from "./problems";

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  object: "a map",
  record: "a map",
  array: "a list",
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
};

export function schemaProblems(issues: readonly Issue[], root: AnySchema, data: unknown): ConfigProblem[] {
  return issues.flatMap((issue) => toProblems(issue, root, data));
}

function toProblems(issue: Issue, root: AnySchema, data: unknown): ConfigProblem[] {
  const path = issue.path as (string | number)[];
  const found = describeValue(valueAt(data, path));
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = allowedKeys(root, path, data);
      return issue.keys.map((key) => ({
        path: [...path, key],
        atKey: true,
        message: `unknown key "${key}" (${unknownKeyHint(key, allowed)})`,
      }));
    }
    case "invalid_type":
      return [{ path, message: `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, found ${found}` }];
    case "invalid_value":
      return [{ path, message: `expected one of ${issue.values.map(String).join(", ")}, found ${found}${nearMissHint(valueAt(data, path), issue.values.map(String))}` }];
    case "invalid_key": {
      const inner = issue.issues[0]?.message ?? "invalid key";
      return [{ path, atKey: true, message: `${inner}, found ${JSON.stringify(path.at(-1))}` }];
    }
    case "too_small":
    case "too_big":
      return [{ path, message: `${issue.message}, found ${found}` }];
    default:
      return [{ path, message: `${issue.message.replace(/^Invalid input: /, "")}, found ${found}` }];
  }
}

/** A near miss gets "did you mean"; anything else gets the list of keys allowed there. */
function unknownKeyHint(key: string, allowed: readonly string[]): string {
  if (allowed.length === 0) return "no keys are allowed here";
  const nearest = closest(key.toLowerCase(), allowed.map((name) => name.toLowerCase()));
  const suggestion = allowed.find((name) => name.toLowerCase() === nearest)!;
  if (distance(key.toLowerCase(), nearest) <= 2) return `did you mean "${suggestion}"?`;
  return `expected one of ${allowed.join(", ")}`;
}

/** A misspelt enum value (`SELEKT`) gets the value it is closest to, as unknown keys do. */
function nearMissHint(value: unknown, allowed: readonly string[]): string {
  if (typeof value !== "string" || value === "" || allowed.length === 0) return "";
  const nearest = closest(value.toLowerCase(), allowed.map((name) => name.toLowerCase()));
  if (distance(value.toLowerCase(), nearest) > 2) return "";
  return ` (did you mean "${allowed.find((name) => name.toLowerCase() === nearest)}"?)`;
}

function valueAt(data: unknown, path: ConfigPath): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** The keys the schema accepts at `path`, for "did you mean" hints on unknown keys. */
function allowedKeys(root: AnySchema, path: ConfigPath, data: unknown): string[] {
  let schema: AnySchema | undefined = root;
  let value = data;
  for (const segment of path) {
    schema = schema && childSchema(pickOption(unwrap(schema), value), segment);
    value = valueAt(value, [segment]);
  }
  const def = schema && pickOption(unwrap(schema), value)._zod.def;
  return def?.type === "object" ? Object.keys((def as z.core.$ZodObjectDef).shape) : [];
}

/** For a discriminated union, the option the data's discriminator selects. */
function pickOption(schema: AnySchema, value: unknown): AnySchema {
  const def = schema._zod.def as { type: string; options?: AnySchema[]; discriminator?: string };
  if (def.type !== "union" || !def.options || !def.discriminator) return schema;
  const tag = valueAt(value, [def.discriminator]);
  const option = def.options.find((candidate) => {
    const shape = (candidate._zod.def as { shape?: Record<string, AnySchema> }).shape;
    const literal = shape?.[def.discriminator!]?._zod.def as { values?: unknown[] } | undefined;
    return literal?.values?.includes(tag);
  });
  return option ?? schema;
}

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if (def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else return current;
  }
}

function childSchema(schema: AnySchema, segment: string | number): AnySchema | undefined {
  const def = schema._zod.def as {
    type: string;
    shape?: Record<string, AnySchema>;
    element?: AnySchema;
    valueType?: AnySchema;
  };
  if (def.type === "object") return def.shape?.[String(segment)];
  if (def.type === "array") return def.element;
  if (def.type === "record") return def.valueType;
  return undefined;
}
