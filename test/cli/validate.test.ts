import { describe, expect, test } from "vitest";
import { validateCommand } from "../../cli/validate";

describe("validate: checks a file without synthesizing", () => {
  test("the shipped file: one-line summary, exit 0", () => {
    expect(validateCommand([])).toEqual({ code: 0, out: "regions.yaml: ok: 3 regions, 6 workspaces, 13 stacks\n" });
  });

  test("a file given as argument is validated instead", () => {
    expect(validateCommand(["test/fixtures/minimal-regions.yaml"])).toEqual({
      code: 0,
      out: "test/fixtures/minimal-regions.yaml: ok: 2 regions, 4 workspaces, 9 stacks\n",
    });
  });

  test("an invalid file: every problem, then a count, exit 1", () => {
    const { code, out } = validateCommand(["test/fixtures/invalid-regions.yaml"]);
    expect(code).toBe(1);
    expect(out.trim().split("\n")).toEqual([
      'test/fixtures/invalid-regions.yaml:1:10 company: expected a company name: 2-20 lowercase letters or digits, starting with a letter, found "Acme"',
      'test/fixtures/invalid-regions.yaml:27:18 regions[1].workspaces.prod.vpcCidr: expected an IPv4 CIDR block (A Prefix value cannot be less than 0 or greater than 32), found "10.4.0.0/33"',
      "test/fixtures/invalid-regions.yaml: 2 problem(s)",
    ]);
  });

  test("a missing file and a wrong flag are named", () => {
    expect(validateCommand(["nope.yaml"])).toEqual({ code: 1, out: "nope.yaml: cannot read the regions file: no such file\n" });
    expect(validateCommand(["--strict"]).out).toMatch(/^validate: unknown option --strict\nusage: /);
  });
});
