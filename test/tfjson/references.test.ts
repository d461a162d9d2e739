import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { referencesIn, refersTo, soleTraversal, stringLiteralsIn, traversalsIn } from "../../tfjson/references";

const addresses = (value: string) => referencesIn(value).map((reference) => reference.address);

describe("referencesIn: the cases the three old scanners disagreed on", () => {
  test("text in quotes is not a reference, even when it looks like one", () => {
    expect(addresses('${replace(aws_s3_bucket.b.arn, "aws_vpc.fake.id", "")}')).toEqual(["aws_s3_bucket.b"]);
  });

  test("a brace inside a quoted object key does not end the interpolation early", () => {
    expect(addresses('${lookup({ "}" = 1 }, aws_vpc.main.id)}')).toEqual(["aws_vpc.main"]);
  });
});

describe("referencesIn: what each reference is, table-driven", () => {
  test.each([
    ["a resource attribute", "${aws_vpc.main.id}", [{ kind: "resource", address: "aws_vpc.main", attribute: "id" }]],
    ["a data source", "${data.aws_iam_policy_document.d.json}", [{ kind: "data", address: "data.aws_iam_policy_document.d", attribute: "json" }]],
    [
      "a cross-stack reference",
      "${data.terraform_remote_state.cross-stack-reference-input-acme-data-account.outputs.metastore_id}",
      [{ kind: "remote-state", address: "data.terraform_remote_state.cross-stack-reference-input-acme-data-account", attribute: "outputs", output: "metastore_id" }],
    ],
    ["a local", "${local.prefix}", [{ kind: "local", address: "local.prefix" }]],
    ["a variable", "${var.region}", [{ kind: "variable", address: "var.region" }]],
    ["a module output", "${module.network.vpc_id}", [{ kind: "module", address: "module.network", attribute: "vpc_id" }]],
    ["an index before the attribute", "${aws_subnet.private[0].id}", [{ kind: "resource", address: "aws_subnet.private", attribute: "id" }]],
    ["a splat", "${aws_subnet.private[*].id}", [{ kind: "resource", address: "aws_subnet.private", attribute: "id" }]],
    ["the whole object", "${aws_vpc.main}", [{ kind: "resource", address: "aws_vpc.main" }]],
    ["names with dashes", "${aws_subnet.network_private-0.id}", [{ kind: "resource", address: "aws_subnet.network_private-0", attribute: "id" }]],
  ])("%s: %s", (_name, value, expected) => {
    expect(referencesIn(value)).toEqual(expected.map((reference) => expect.objectContaining(reference)));
    for (const reference of referencesIn(value)) expect(reference).not.toHaveProperty("attribute", expect.stringMatching(/\W/));
  });

  test.each([
    ["text outside ${…}", "aws_vpc.v.id"],
    ["an escaped interpolation", "$${aws_vpc.v.id}"],
    ["meta values", "${count.index}-${each.key}-${path.module}-${terraform.workspace}-${self.id}"],
    ["a provider alias", "${aws.west}"],
    ["function names and keywords", '${jsonencode(tolist([true, false, null]))}'],
    ["object keys, bare or quoted", '${jsonencode({ aws_vpc = 1, "data.aws_x.y" = 2 })}'],
    ["for iterators", "${[for aws_s in [1, 2] : aws_s.id]}"],
    ["a provider function", "${provider::aws::arn_parse(\"arn:aws:iam::1:role/x\")}"],
    ["an interpolation that never closes", "${aws_vpc.v.id"],
    ["not a string", 42],
  ])("none in %s", (_name, value) => {
    expect(referencesIn(value)).toEqual([]);
  });

  test.each([
    ["nested ${} inside a quoted string", '${format("%s-%s", "${aws_vpc.a.id}", aws_vpc.b.id)}', ["aws_vpc.a", "aws_vpc.b"]],
    ["nested braces of an object literal", '${jsonencode({"host" = databricks_mws_workspaces.w.workspace_url, "s3.amazonaws.com" = data.aws_iam_policy_document.d.json})}', ["databricks_mws_workspaces.w", "data.aws_iam_policy_document.d"]],
    ["escaped quotes and backslashes in strings", '${replace("a\\"}\\\\", "\\"", aws_vpc.a.id)}', ["aws_vpc.a"]],
    ["literal text around several interpolations", "arn:${data.aws_partition.p.partition}:s3:::${aws_s3_bucket.b.bucket}/*", ["data.aws_partition.p", "aws_s3_bucket.b"]],
    ["a computed index", "${aws_subnet.s[var.i].id}", ["aws_subnet.s", "var.i"]],
    ["the collection of a for, not its iterators", "${{for k, v in local.m : k => v.id if v != null}}", ["local.m"]],
    ["a for's collection naming what its iterator shadows", "${[for aws_it in aws_it.a.list : aws_it.id]}", ["aws_it.a"]],
    [
      "a conditional collection of a for (fast-check's counterexample, seed 479540835)",
      '${[for aws_it in "${aws_it.a.a}" ? aws_a.a.a : aws_a.a.a : aws_it.id]}',
      ["aws_it.a", "aws_a.a", "aws_a.a"],
    ],
    ["a conditional", "${var.on ? aws_vpc.a.id : aws_vpc.b.id}", ["var.on", "aws_vpc.a", "aws_vpc.b"]],
    ["a newline-separated object", '${jsonencode({\n  a = aws_vpc.a.id\n  "b" = aws_vpc.b.id\n})}', ["aws_vpc.a", "aws_vpc.b"]],
    ["a template directive", "%{ if var.on }${aws_vpc.a.id}%{ endif }", ["var.on", "aws_vpc.a"]],
  ])("%s", (_name, value, expected) => {
    expect(addresses(value)).toEqual(expected);
  });

  test("refersTo: a string or a list of strings, the exact address", () => {
    expect(refersTo(["${aws_subnet.a.id}", "${aws_subnet.b.id}"], "aws_subnet.b")).toBe(true);
    expect(refersTo("${aws_subnet.ab.id}", "aws_subnet.a")).toBe(false);
  });
});

describe("stringLiteralsIn and soleTraversal", () => {
  test("quoted strings are read left to right, keys told apart from values, escapes resolved", () => {
    expect(stringLiteralsIn('{"user" = "ad\\"min", "pw": random_password.p.result}')).toEqual([
      { text: "user", isKey: true },
      { text: 'ad"min', isKey: false },
      { text: "pw", isKey: true },
    ]);
    expect(stringLiteralsIn('var.on ? "a" : "b"')).toEqual([{ text: "a", isKey: false }, { text: "b", isKey: false }]);
  });

  test("a sole traversal spans the whole expression", () => {
    expect(soleTraversal(" data.aws_iam_policy_document.d.json ")).toMatchObject({ root: "data", start: 1, end: 36 });
    expect(soleTraversal('aws_subnet.s[0]["k"].id')?.steps).toEqual([
      { kind: "attribute", name: "s", end: 12 },
      { kind: "index", key: 0, end: 15 },
      { kind: "index", key: "k", end: 20 },
      { kind: "attribute", name: "id", end: 23 },
    ]);
    expect(soleTraversal("upper(aws_vpc.v.id)")).toBeUndefined();
    expect(soleTraversal("aws_vpc.v.id != null")).toBeUndefined();
  });

  test("offsets point at the traversal in the expression text", () => {
    const expression = 'merge(var.a, { "x" = data.aws_x.y[0].z })';
    for (const traversal of traversalsIn(expression)) {
      expect(expression.slice(traversal.start, traversal.end)).toMatch(/^(var\.a|data\.aws_x\.y\[0\]\.z)$/);
    }
  });
});

/** An HCL quoted string whose value is exactly `text`: every character that means something escaped. */
function hclString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\$\{/g, () => "$${").replace(/%\{/g, "%%{")}"`;
}

const name = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
/** Any text, weighted towards what breaks scanners: braces, quotes, backslashes, `${`, reference-shaped words. */
const nastyText = fc.array(fc.oneof(fc.string(), fc.constantFrom("}", "{", '"', "\\", "${", "%{", "aws_vpc.fake.id", "data.x.y.z", "\n")), { maxLength: 6 }).map((parts) => parts.join(""));

interface Built {
  readonly text: string;
  readonly addresses: readonly string[];
}

const expression: fc.Arbitrary<Built> = fc.letrec<{ expr: Built }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.tuple(name, name, name).map(([type, block, attribute]) => ({ text: `aws_${type}.${block}.${attribute}`, addresses: [`aws_${type}.${block}`] })),
    fc.tuple(name, name).map(([type, block]) => ({ text: `data.aws_${type}.${block}.json`, addresses: [`data.aws_${type}.${block}`] })),
    name.map((local) => ({ text: `local.${local}`, addresses: [`local.${local}`] })),
    nastyText.map((text) => ({ text: hclString(text), addresses: [] })),
    fc.integer({ min: 0, max: 99 }).map((n) => ({ text: String(n), addresses: [] })),
    fc.tuple(tie("expr"), tie("expr")).map(([a, b]) => ({ text: `join(${a.text}, ${b.text})`, addresses: [...a.addresses, ...b.addresses] })),
    fc.tuple(nastyText, tie("expr"), name, tie("expr")).map(([key, a, bare, b]) => ({
      text: `{ ${hclString(key)} = ${a.text}, ${bare} = ${b.text} }`,
      addresses: [...a.addresses, ...b.addresses],
    })),
    fc.tuple(tie("expr"), tie("expr"), tie("expr")).map(([a, b, c]) => ({ text: `${a.text} ? ${b.text} : ${c.text}`, addresses: [...a.addresses, ...b.addresses, ...c.addresses] })),
    fc.tuple(tie("expr"), nastyText).map(([a, text]) => ({ text: `"${hclString(text).slice(1, -1).replace(/[$%]$/, "$& ")}\${${a.text}}"`, addresses: a.addresses })),
    fc.tuple(tie("expr")).map(([a]) => ({ text: `[for aws_it in ${a.text} : aws_it.id]`, addresses: a.addresses })),
  ),
})).expr;

describe("referencesIn: properties over generated expressions", () => {
  test("finds exactly the references built into an expression, whatever strings surround them", () => {
    fc.assert(
      fc.property(expression, nastyText, (built, around) => {
        // `$` right before `${` would make the escape `$${`: such text cannot sit there unescaped.
        const literal = around.replace(/\$\{/g, () => "$${").replace(/%\{/g, "%%{").replace(/[$%]$/, "$& ");
        expect(addresses(`${literal}\${${built.text}}${literal}`)).toEqual(built.addresses);
      }),
      { numRuns: 300 },
    );
  });

  test("a quoted string reads back as the text it was built from", () => {
    fc.assert(
      fc.property(nastyText, (text) => {
        expect(stringLiteralsIn(`f(${hclString(text)})`)).toEqual([{ text, isKey: false }]);
      }),
    );
  });
});
