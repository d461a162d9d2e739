/**
 * What a rule sees of one synthesized stack: its blocks (tfjson/block.ts, the one model of
 * synthesized Terraform) and what regions.yaml says the stack must look like.
 */
import { parseStack, type SynthStack } from "../../tfjson/block";
import type { StackExpectations } from "./context";

export interface StackView extends SynthStack {
  /** What regions.yaml says this stack must look like (names, tags, protection). */
  readonly expected: StackExpectations;
}

export function stackView(name: string, json: unknown, expected: StackExpectations): StackView {
  return { ...parseStack(name, json), expected };
}
