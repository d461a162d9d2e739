/**
 * Finds what a configuration value refers to. cdktf writes every reference as a Terraform
 * interpolation inside a JSON string (`"${aws_vpc.vpc.id}"`, `"${element(data.x.y.names, 0)}"`), and a
 * cross-stack reference as a `terraform_remote_state` lookup of an output of the other stack.
 */
import type { PathSegment } from "./display";

export type Reference =
  | { readonly kind: "resource"; readonly key: string; readonly attribute: string }
  | { readonly kind: "data"; readonly key: string; readonly attribute: string }
  | { readonly kind: "remote-state"; readonly key: string; readonly output: string }
  | { readonly kind: "local"; readonly key: string };

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

/** The text of each `${…}` in a string, braces balanced so nested object literals stay inside. */
function interpolations(text: string): string[] {
  const found: string[] = [];
  let start = text.indexOf("${");
  while (start !== -1) {
    let depth = 0;
    let end = start + 1;
    for (; end < text.length; end++) {
      if (text[end] === "{") depth++;
      else if (text[end] === "}" && --depth === 0) break;
    }
    found.push(text.slice(start + 2, end));
    start = text.indexOf("${", end);
  }
  return found;
}

const NAME = "[A-Za-z_][\\w-]*";
const INDEX = "(?:\\[[^\\]]*\\])?";
const REMOTE_STATE = new RegExp(`data\\.terraform_remote_state\\.(${NAME})\\.outputs\\.(${NAME})`, "g");
const DATA = new RegExp(`data\\.(${NAME})\\.(${NAME})${INDEX}\\.(\\w+)`, "g");
const LOCAL = new RegExp(`(?<![\\w.])local\\.(${NAME})`, "g");
// A resource type always has a provider prefix (`aws_`, `databricks_`, `time_`); `var.x`, `each.value`,
// `count.index`, `path.module` and `terraform.workspace` do not match.
const RESOURCE = new RegExp(`(?<![\\w.])([a-z][a-z0-9]*_\\w*)\\.(${NAME})${INDEX}\\.(\\w+)`, "g");

export function referencesIn(text: string): Reference[] {
  const found: Reference[] = [];
  for (const expression of interpolations(text)) {
    for (const m of expression.matchAll(REMOTE_STATE)) {
      found.push({ kind: "remote-state", key: `data.terraform_remote_state.${m[1]}`, output: m[2] });
    }
    for (const m of expression.matchAll(DATA)) {
      if (m[1] !== "terraform_remote_state") found.push({ kind: "data", key: `data.${m[1]}.${m[2]}`, attribute: m[3] });
    }
    for (const m of expression.matchAll(LOCAL)) found.push({ kind: "local", key: `local.${m[1]}` });
    for (const m of expression.matchAll(RESOURCE)) found.push({ kind: "resource", key: `${m[1]}.${m[2]}`, attribute: m[3] });
  }
  return found;
}
