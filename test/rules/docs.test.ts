import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { RULES_END, RULES_START, ruleTableMarkdown, withRuleTable } from "../../rules/docs";
import { RULE_PACK } from "../../rules/pack";
import { GUARDRAILS_DOC } from "../../cli/check";

describe("docs/guardrails.md: the rule table is generated from the pack", () => {
  test("the committed table matches the pack (run `npm run check -- --docs` when this fails)", () => {
    const doc = readFileSync(GUARDRAILS_DOC, "utf8");
    expect(doc).toBe(withRuleTable(doc, RULE_PACK));
  });

  test("every rule is a row with its ID and level; IDs are unique and fit the suppression schema", () => {
    const rows = ruleTableMarkdown(RULE_PACK).split("\n").slice(2);
    expect(rows.map((row) => row.split(" | ").slice(0, 2))).toEqual(RULE_PACK.map((rule) => [`| \`${rule.id}\``, rule.level]));
    expect(new Set(RULE_PACK.map((rule) => rule.id)).size).toBe(RULE_PACK.length);
    for (const rule of RULE_PACK) expect(rule.id).toMatch(/^[A-Z]+-\d+$/);
  });

  test("a stale table is detected and replaced between the markers only", () => {
    const stale = `intro\n${RULES_START}\n| old |\n${RULES_END}\noutro\n`;
    const fresh = withRuleTable(stale, RULE_PACK);
    expect(fresh).not.toBe(stale);
    expect(fresh.startsWith(`intro\n${RULES_START}\n| rule |`)).toBe(true);
    expect(fresh.endsWith(`${RULES_END}\noutro\n`)).toBe(true);
    expect(() => withRuleTable("no markers", RULE_PACK)).toThrow(/expected the markers/);
  });
});
