import { isObject, type Json } from "../../tfjson/json";
import { isExpression } from "../../tfjson/template";
import { fromProblems } from "../core/result";
import type { BlockRule } from "../core/rule";
import { SECRET_NAME, SECRET_SHAPES } from "./patterns";

/** Every string leaf of a block with the attribute path it sits at, e.g. `default_tags[0].tags.Team`. */
function* stringLeaves(value: Json, path: string, key: string): Generator<{ path: string; key: string; value: string }> {
  if (typeof value === "string") yield { path, key, value };
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringLeaves(item, `${path}[${i}]`, key);
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) yield* stringLeaves(v, path ? `${path}.${k}` : k, k);
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
  for (const leaf of stringLeaves(root, name, name)) {
    if (leaf.value !== "" && SECRET_NAME.test(leaf.key) && !isExpression(leaf.value)) {
      problems.push(`${leaf.path} holds a literal value`);
    }
    for (const shape of SECRET_SHAPES) {
      if (shape.pattern.test(leaf.value)) problems.push(`${leaf.path} contains ${shape.what}`);
    }
  }
  return fromProblems(problems);
};
