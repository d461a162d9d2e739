import { asList, isObject } from "../../tfjson/json";
import { COMPLIANT, NOT_APPLICABLE, nonCompliant } from "../core/result";
import type { StackRule } from "../core/rule";
import { tagProblems } from "./expected-tags";

/**
 * Every AWS provider configuration of a stack with AWS resources puts the cost tags on everything
 * through default_tags. A stack rule: a missing provider block leaves no block to flag.
 */
export const awsProviderDefaultTags: StackRule = (stack) => {
  const providers = stack.blocks.filter((block) => block.kind === "provider" && block.type === "aws");
  const usesAws = stack.blocks.some((block) => (block.kind === "resource" || block.kind === "data") && block.type.startsWith("aws_"));
  if (!usesAws && providers.length === 0) return NOT_APPLICABLE;
  if (providers.length === 0) return nonCompliant("the stack has AWS resources but no aws provider with default_tags", "provider.aws");
  for (const provider of providers) {
    const tags = Object.assign({}, ...asList(provider.body.default_tags).map((block) => (isObject(block.tags) ? block.tags : {})));
    const problems = tagProblems(tags, stack).map((problem) => `default_tags: ${problem}`);
    if (problems.length) return nonCompliant(problems, provider.address);
  }
  return COMPLIANT;
};
