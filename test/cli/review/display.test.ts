import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { displayChange, formatChange, formatValue, SENSITIVE } from "../../../cli/review/display";
import { documentChanges } from "../../../cli/review/json-documents";

describe("formatChange: two different values never read the same", () => {
  test("long values with a long common start are shown from just before the difference", () => {
    const before = `arn:aws:iam::123456789012:role/${"x".repeat(150)}-a`;
    const after = `arn:aws:iam::123456789012:role/${"x".repeat(150)}-b`;
    expect(formatValue(before)).toBe(formatValue(after));
    const shown = formatChange(before, after);
    expect(shown.before).not.toBe(shown.after);
    expect(shown.before).toMatch(/^…x+-a"$/);
    expect(shown.after).toMatch(/^…x+-b"$/);
    expect(shown.before.length).toBeLessThanOrEqual(120);
  });

  test("for any two different JSON values", () => {
    const long = fc.string({ minLength: 100, maxLength: 400 });
    const value = fc.oneof(fc.jsonValue(), long, long.map((text) => ({ text })));
    fc.assert(
      fc.property(value, value, fc.string({ maxLength: 300 }), (a, b, prefix) => {
        const [before, after] = typeof a === "string" && typeof b === "string" ? [prefix + a, prefix + b] : [a, b];
        fc.pre(JSON.stringify(before) !== JSON.stringify(after));
        const shown = formatChange(before, after);
        expect(shown.before).not.toBe(shown.after);
        expect(shown.before.length).toBeLessThanOrEqual(120);
        expect(shown.after.length).toBeLessThanOrEqual(120);
      }),
      { numRuns: 300 },
    );
  });

  test("a secret-looking attribute stays hidden on both sides", () => {
    expect(displayChange(["client_secret"], "a", "b")).toEqual({ before: SENSITIVE, after: SENSITIVE });
  });
});

describe("documentChanges: a JSON document in a string, key by key", () => {
  test("a cluster policy cap", () => {
    const before = JSON.stringify({ "autoscale.max_workers": { type: "range", maxValue: 4 }, num_workers: { type: "range", maxValue: 32 } });
    const after = JSON.stringify({ "autoscale.max_workers": { type: "range", maxValue: 4 }, num_workers: { type: "range", maxValue: 16 } });
    expect(documentChanges(before, after)).toEqual([{ inside: "num_workers.maxValue", before: 32, after: 16 }]);
  });

  test("an IAM policy: statements by index, keys added and removed", () => {
    const before = JSON.stringify({ Statement: [{ Action: ["s3:GetObject"], Effect: "Allow" }] });
    const after = JSON.stringify({ Statement: [{ Action: ["s3:GetObject", "s3:PutObject"], Effect: "Allow", Sid: "Write" }] });
    expect(documentChanges(before, after)).toEqual([
      { inside: "Statement[0].Action[1]", before: undefined, after: "s3:PutObject" },
      { inside: "Statement[0].Sid", before: undefined, after: "Write" },
    ]);
  });

  test.each([
    ["not JSON", "arn:aws:s3:::a", "arn:aws:s3:::b"],
    ["a reference, not a document", "${data.aws_iam_policy_document.d.json}", '{"Statement":[]}'],
    ["the same document written another way", '{"a":1,"b":2}', '{ "b": 2, "a": 1 }'],
  ])("none for %s", (_name, before, after) => {
    expect(documentChanges(before, after)).toBeUndefined();
  });
});
