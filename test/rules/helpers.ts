/**
 * Rule tests run one pack rule (by ID, so the pack's wiring is tested too) against small
 * hand-written stack JSON, with the expectations regions.yaml would give a prod workspace in us-east-1.
 */
import { expect } from "vitest";
import type { StackExpectations } from "../../rules/core/context";
import type { RuleResult } from "../../rules/core/result";
import { stackView } from "../../rules/core/stack-view";
import { RULE_PACK, type PackRule } from "../../rules/pack";
import { workspaceResourceNames } from "../../domain/naming";

export const NAMES = workspaceResourceNames({ company: "acme", domain: "data", awsRegion: "us-east-1", environment: "prod" });

export const TAGS = {
  CostCenter: "CC-1",
  Project: "lakehouse",
  Team: "platform",
  Owner: "platform@acme.example",
  Environment: "prod",
  Region: "us-east-1",
} as const;

export const EXPECTED: StackExpectations = {
  awsAccountId: "123456789012",
  costTagKeys: Object.keys(TAGS),
  workspace: { environment: "prod", names: NAMES, tags: TAGS, protected: true },
};

/** Expectations of a stack that belongs to no workspace (the account stack). */
export const NO_WORKSPACE: StackExpectations = { awsAccountId: EXPECTED.awsAccountId, costTagKeys: EXPECTED.costTagKeys };

export function packRule(id: string): PackRule {
  const rule = RULE_PACK.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`no rule ${id} in the pack`);
  return rule;
}

/** The verdict of rule `id` on the block at `address` (ignored for stack rules) of `json`. */
export function verdict(id: string, json: unknown, address: string, expected: StackExpectations = EXPECTED): RuleResult {
  const { check } = packRule(id);
  const stack = stackView("acme-data-use1-prod", json, expected);
  if ("stack" in check) return check.stack(stack);
  const block = stack.block(address);
  if (!block) throw new Error(`no block ${address} in the test stack`);
  return check.block(block, stack);
}

export interface RuleCase {
  readonly name: string;
  readonly rule: string;
  readonly json: unknown;
  readonly address: string;
  readonly status: RuleResult["status"];
  /** A substring of one of the details, for non-compliant cases. */
  readonly detail?: string;
  readonly expected?: StackExpectations;
}

/** Runs a case and returns what the assertion compares: status and the matching detail, if any. */
export function outcome(c: RuleCase): { status: string; detail?: string } {
  const result = verdict(c.rule, c.json, c.address, c.expected);
  if (result.status !== "non-compliant" || c.detail === undefined) return { status: result.status };
  return { status: result.status, detail: result.details.find((d) => d.includes(c.detail!)) ?? result.details.join(" | ") };
}

/** Asserts a case: its status, and for a failing case that some detail names what is wrong. */
export function expectCase(c: RuleCase): void {
  const expected = c.detail === undefined ? { status: c.status } : { status: c.status, detail: expect.stringContaining(c.detail) };
  expect(outcome(c)).toEqual(expected);
}

/** `{ resource: { type: { name: body } } }`, the shape cdktf synthesizes. */
export const resources = (blocks: Record<string, Record<string, unknown>>) => ({ resource: blocks });
