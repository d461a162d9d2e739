import { isObject, type Json } from "../../tfjson/json";
import { isExpression } from "../../tfjson/template";
import { fromProblems } from "../core/result";
import type { BlockRule } from "../core/rule";
import { ANY_SECRET_SHAPE, SECRET_NAME, SECRET_SHAPES } from "./patterns";

type Segment = string | number;

/** `default_tags[0].tags.Team` from its segments. */
function pathText(segments: readonly Segment[]): string {
  let text = "";
  for (const segment of segments) text = typeof segment === "number" ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment;
  return text;
}

/**
 * Calls `visit` with every string leaf of a block and the key it sits under; its attribute path is
 * built only when asked for (a problem to report). This rule reads every string of every block:
 * a generator and a path string per leaf made it the dearest rule of the pack (bench profile).
 */
function forEachStringLeaf(root: Json, rootKey: string, visit: (value: string, key: string, path: () => string) => void): void {
  const segments: Segment[] = rootKey ? [rootKey] : [];
  const path = () => pathText(segments);
  const walk = (value: Json, key: string): void => {
    if (typeof value === "string") visit(value, key, path);
    else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        segments.push(i);
        walk(value[i], key);
        segments.pop();
      }
    } else if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        segments.push(k);
        walk(v, k);
        segments.pop();
      }
    }
  };
  walk(root, rootKey);
}

/**
 * No credential is written into the synthesized JSON: it would sit in git, in CI logs and in the
 * state file. Credentials come from the environment or a secret store, by reference.
 */
export const noLiteralSecrets: BlockRule = (block) => {
  const problems: string[] = [];
  if (block.kind === "variable" && SECRET_NAME.test(block.name) && typeof block.body.default === "string" && block.body.default !== "") {
    problems.push(`variable ${block.name} has a literal default`);
  }
  if (block.kind === "output" && SECRET_NAME.test(block.name) && typeof block.body.value === "string" && !isExpression(block.body.value)) {
    problems.push(`output ${block.name} is a literal`);
  }
  // A local is its own block (`local.db_password`): its name is the key its value sits under.
  const [root, name] = block.kind === "local" ? [block.body.value, block.name] : [block.body, ""];
  forEachStringLeaf(root, name, (value, key, path) => {
    if (value !== "" && SECRET_NAME.test(key) && !isExpression(value)) problems.push(`${path()} holds a literal value`);
    if (!ANY_SECRET_SHAPE.test(value)) return;
    for (const shape of SECRET_SHAPES) {
      if (shape.pattern.test(value)) problems.push(`${path()} contains ${shape.what}`);
    }
  });
  return fromProblems(problems);
};
