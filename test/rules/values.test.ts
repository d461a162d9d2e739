import { describe, expect, test } from "vitest";
import { isExpression, quotedStrings, referencesIn, refersTo } from "../../rules/core/values";

describe("reading synthesized values: references and literals inside ${…}", () => {
  test("references inside nested braces are found; text in quotes is not a reference", () => {
    const value = '${jsonencode({"host" = databricks_mws_workspaces.w.workspace_url, "s3.amazonaws.com" = data.aws_iam_policy_document.d.json})}';
    expect(referencesIn(value)).toEqual([
      { address: "databricks_mws_workspaces.w", attribute: "workspace_url" },
      { address: "data.aws_iam_policy_document.d", attribute: "json" },
    ]);
    expect(referencesIn("aws_vpc.v.id")).toEqual([]); // a literal, not an interpolation
    expect(refersTo(["${aws_subnet.a.id}", "${aws_subnet.b.id}"], "aws_subnet.b")).toBe(true);
    expect(refersTo("${aws_subnet.ab.id}", "aws_subnet.a")).toBe(false);
  });

  test("quoted strings are read left to right, keys told apart from values, escapes kept in", () => {
    expect(quotedStrings('{"user" = "ad\\"min", "pw": random_password.p.result}')).toEqual([
      { text: "user", isKey: true },
      { text: 'ad"min', isKey: false },
      { text: "pw", isKey: true },
    ]);
  });

  test("a whole-value expression is one ${…}", () => {
    expect(isExpression("${aws_vpc.v.id}")).toBe(true);
    expect(isExpression("arn:${aws_vpc.v.arn}")).toBe(false);
    expect(isExpression("${a.b.c}-${d.e.f}")).toBe(false);
  });
});
