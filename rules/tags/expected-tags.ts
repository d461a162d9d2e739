/**
 * The tag set a stack must carry and how a found set falls short of it. Shared by the tag rules so
 * "missing" and "wrong value" read the same for provider tags, workspaces, policies and warehouses.
 */
import type { StackView } from "../core/stack-view";

export function tagProblems(found: Readonly<Record<string, unknown>>, stack: StackView): string[] {
  const expected = stack.expected.workspace?.tags;
  return stack.expected.costTagKeys.flatMap((key) => {
    const value = found[key];
    if (value === undefined || value === "") return [`tag ${key} is missing`];
    if (expected && value !== expected[key]) return [`tag ${key} is ${JSON.stringify(value)}, expected "${expected[key]}"`];
    return [];
  });
}
