import type { RuleResult } from "./result";
import type { Block } from "../../tfjson/block";
import type { StackView } from "./stack-view";

/** A pure check of one synthesized block; the stack is there to follow references. */
export type BlockRule = (block: Block, stack: StackView) => RuleResult;

/** A pure check of a whole stack, for what no single block can show (a missing provider, say). */
export type StackRule = (stack: StackView) => RuleResult;
