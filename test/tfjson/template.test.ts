import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isExpression, parseTemplate, quoteTemplate, renderTemplate } from "../../tfjson/template";

describe("parseTemplate: literal text and ${…} interpolations, exactly as written", () => {
  test("segments, with escapes kept raw and resolved in text", () => {
    expect(parseTemplate('arn:$${x}:${lookup({ "}" = 1 }, aws_vpc.v.id)}/*').map(({ kind, ...rest }) => ({ kind, ...("raw" in rest ? { raw: rest.raw, text: rest.text } : { expression: rest.expression }) }))).toEqual([
      { kind: "literal", raw: "arn:$${x}:", text: "arn:${x}:" },
      { kind: "interpolation", expression: 'lookup({ "}" = 1 }, aws_vpc.v.id)' },
      { kind: "literal", raw: "/*", text: "/*" },
    ]);
  });

  test("renders back to the same text, whatever the text", () => {
    const pieces = fc.constantFrom("${", "}", "$${", "%{", '"', "\\", "a.b.c", "${x}", '${f("}")}', "$", "{");
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), pieces), { maxLength: 8 }), (parts) => {
        const text = parts.join("");
        expect(renderTemplate(parseTemplate(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe("isExpression: the whole string is one ${…}", () => {
  test.each([
    ["${aws_vpc.v.id}", true],
    ['${jsonencode({"a" = "${x.y}"})}', true],
    ['${lookup({ "}" = 1 }, aws_vpc.main.id)}', true],
    ["arn:${aws_vpc.v.arn}", false],
    ["${a.b.c}-${d.e.f}", false],
    ["$${literal}", false],
    ["plain", false],
  ])("%s: %s", (value, expression) => {
    expect(isExpression(value)).toBe(expression);
  });
});

describe("quoteTemplate: a template as a quoted string inside another expression", () => {
  test("literal quotes, backslashes and newlines are escaped; interpolations stay live", () => {
    expect(quoteTemplate('say "hi"\\\n${aws_vpc.v.id}')).toBe('"say \\"hi\\"\\\\\\n${aws_vpc.v.id}"');
  });
});
