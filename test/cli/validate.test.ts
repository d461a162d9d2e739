import { describe, expect, test } from "vitest";
import { main } from "../../cli/validate";
import { captureIo, testEnv } from "../utils";

async function validate(argv: readonly string[], env = testEnv()) {
  const io = captureIo(process.cwd(), env);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("validate: checks a file without synthesizing", () => {
  test("the shipped file: one-line summary, exit 0", async () => {
    expect(await validate([])).toEqual({ code: 0, out: "regions.yaml: ok: 3 regions, 6 workspaces, 13 stacks\n", err: "" });
  });

  test("a file given as argument is validated instead, and it wins over REGIONS_FILE", async () => {
    const expected = { code: 0, out: "test/fixtures/minimal-regions.yaml: ok: 2 regions, 4 workspaces, 9 stacks\n", err: "" };
    expect(await validate(["test/fixtures/minimal-regions.yaml"])).toEqual(expected);
    expect(await validate(["test/fixtures/minimal-regions.yaml"], testEnv({ REGIONS_FILE: "regions.yaml" }))).toEqual(expected);
  });

  test("without an argument, REGIONS_FILE names the file", async () => {
    const { out } = await validate([], testEnv({ REGIONS_FILE: "test/fixtures/minimal-regions.yaml" }));
    expect(out).toBe("test/fixtures/minimal-regions.yaml: ok: 2 regions, 4 workspaces, 9 stacks\n");
  });

  test("an invalid file: every problem, then a count, exit 1", async () => {
    const { code, out, err } = await validate(["test/fixtures/invalid-regions.yaml"]);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err.trim().split("\n")).toEqual([
      'test/fixtures/invalid-regions.yaml:1:10 company: expected a company name: 2-20 lowercase letters or digits, starting with a letter, found "Acme"',
      'test/fixtures/invalid-regions.yaml:27:18 regions[1].workspaces.prod.vpcCidr: expected an IPv4 CIDR block (A Prefix value cannot be less than 0 or greater than 32), found "10.4.0.0/33"',
      "validate: test/fixtures/invalid-regions.yaml: 2 problem(s)",
    ]);
  });

  test.each([
    ["a missing file", ["nope.yaml"], "validate: nope.yaml: cannot read the regions file: no such file\n"],
    ["a wrong flag", ["--strict"], 'validate: unknown flag "--strict" (known: --help)\n'],
    ["two files", ["a.yaml", "b.yaml"], "validate: expected one file, found 2; usage: npm run validate [-- path/to/regions.yaml]\n"],
  ])("%s is named in one line", async (_name, argv, message) => {
    expect(await validate(argv)).toEqual({ code: 1, out: "", err: message });
  });
});
