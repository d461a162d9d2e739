import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { IPv4CidrRange } from "ip-num";
import { cidrContains, cidrsOverlap, netmaskOf } from "../../../domain/network";
import { allocateVpcCidrs, vpcNetmaskLike } from "../../../cli/onboard/allocate-cidrs";
import { appendRegionEntry, assertOnlyAppended, type NewRegionEntry } from "../../../cli/onboard/append-region";
import { unifiedDiff } from "../../../cli/onboard/unified-diff";

const entry: NewRegionEntry = {
  region: "eu-central-1",
  availabilityZones: ["eu-central-1a", "eu-central-1b"],
  vpcCidrs: { dev: "10.0.0.0/16", prod: "10.1.0.0/16" },
};

const lines = (...rows: string[]) => rows.map((row) => `${row}\n`).join("");

describe("appendRegionEntry: the new entry takes the style of the entries above it", () => {
  test.each([
    [
      "flow AZ list, two-space indents, entries separated by a blank line, a comment on the first entry",
      lines(
        "company: acme",
        "regions:",
        "  - region: us-east-1",
        "    availabilityZones: [us-east-1a, us-east-1b]",
        "    workspaces:",
        "      # pinned",
        "      dev:",
        "        vpcCidr: 10.10.0.0/16",
        "      prod:",
        "        vpcCidr: 10.11.0.0/16",
        "",
        "  - region: eu-west-1",
        "    availabilityZones: [eu-west-1a, eu-west-1b]",
        "    workspaces:",
        "      dev:",
        "        vpcCidr: 10.20.0.0/16",
        "      prod:",
        "        vpcCidr: 10.21.0.0/16",
      ),
      lines(
        "",
        "  - region: eu-central-1",
        "    availabilityZones: [eu-central-1a, eu-central-1b]",
        "    workspaces:",
        "      dev:",
        "        vpcCidr: 10.0.0.0/16",
        "      prod:",
        "        vpcCidr: 10.1.0.0/16",
      ),
    ],
    [
      "block AZ list flush with its key, four-space indents, no blank lines, quoted scalars, flow workspaces",
      lines(
        "regions:",
        "-   region: 'us-east-1'",
        "    availabilityZones:",
        "    - 'us-east-1a'",
        "    - 'us-east-1b'",
        "    workspaces:",
        "        dev: { vpcCidr: '10.10.0.0/16' }",
        "        prod: { vpcCidr: '10.11.0.0/16' }",
        "-   region: 'eu-west-1'",
        "    availabilityZones:",
        "    - 'eu-west-1a'",
        "    - 'eu-west-1b'",
        "    workspaces:",
        "        dev: { vpcCidr: '10.20.0.0/16' }",
        "        prod: { vpcCidr: '10.21.0.0/16' }",
      ),
      lines(
        "-   region: 'eu-central-1'",
        "    availabilityZones:",
        "    - 'eu-central-1a'",
        "    - 'eu-central-1b'",
        "    workspaces:",
        "        dev: { vpcCidr: '10.0.0.0/16' }",
        "        prod: { vpcCidr: '10.1.0.0/16' }",
      ),
    ],
  ])("%s", (_name, text, expected) => {
    const result = appendRegionEntry(text, entry);
    expect(result.inserted).toBe(expected);
    expect(result.text).toBe(text + expected);
  });

  test("a list followed by other keys: the entry goes after the last entry, before the comment heading the next key", () => {
    const text = lines(
      "regions:",
      "  - region: us-east-1",
      "    availabilityZones: [us-east-1a, us-east-1b]",
      "    workspaces:",
      "      dev: { vpcCidr: 10.10.0.0/16 }",
      "      prod: { vpcCidr: 10.11.0.0/16 }",
      "      # belongs to us-east-1: stays with it",
      "",
      "# Groups from the IdP",
      "groups: []",
    );
    const result = appendRegionEntry(text, entry);
    expect(result.text).toBe(
      lines(
        "regions:",
        "  - region: us-east-1",
        "    availabilityZones: [us-east-1a, us-east-1b]",
        "    workspaces:",
        "      dev: { vpcCidr: 10.10.0.0/16 }",
        "      prod: { vpcCidr: 10.11.0.0/16 }",
        "      # belongs to us-east-1: stays with it",
        "",
        "  - region: eu-central-1",
        "    availabilityZones: [eu-central-1a, eu-central-1b]",
        "    workspaces:",
        "      dev: { vpcCidr: 10.0.0.0/16 }",
        "      prod: { vpcCidr: 10.1.0.0/16 }",
        "",
        "# Groups from the IdP",
        "groups: []",
      ),
    );
  });

  test("CRLF line endings and a missing final newline are kept as the file has them", () => {
    const text = "regions:\r\n  - region: us-east-1\r\n    availabilityZones: [us-east-1a, us-east-1b]\r\n    workspaces: { dev: { vpcCidr: 10.10.0.0/16 }, prod: { vpcCidr: 10.11.0.0/16 } }";
    const result = appendRegionEntry(text, entry);
    expect(result.text.startsWith(text)).toBe(true);
    expect(result.inserted).toBe(
      "\r\n\r\n  - region: eu-central-1\r\n    availabilityZones: [eu-central-1a, eu-central-1b]\r\n    workspaces: { dev: { vpcCidr: 10.0.0.0/16 }, prod: { vpcCidr: 10.1.0.0/16 } }\r\n",
    );
  });

  test.each([
    ["a flow list", "regions: [{ region: us-east-1 }]\n", /flow list/],
    ["no regions key", "company: acme\n", /no `regions:` list/],
    ["broken YAML", "regions:\n  - region: [\n", /not valid YAML/],
  ])("refuses %s with a message", (_name, text, message) => {
    expect(() => appendRegionEntry(text, entry)).toThrow(message);
  });

  test("the guard catches a block that changed anything else or does not read back as the entry", () => {
    const old = lines("regions:", "  - region: us-east-1");
    const good = appendRegionEntry(lines("regions:", "  - region: us-east-1", "    availabilityZones: [a, b]", "    workspaces: {}"), entry);
    expect(() => assertOnlyAppended(old, { ...good, text: good.text.replace("us-east-1", "us-east-2") }, entry)).toThrow(/outside the inserted entry/);
    const misplaced = "  foo: 1\n";
    const text = old + misplaced;
    expect(() => assertOnlyAppended(old, { text, offset: old.length, inserted: misplaced }, entry)).toThrow(/does not read back/);
  });
});

describe("unifiedDiff", () => {
  test("numbers the hunk like diff -u, with the section heading, and marks a missing final newline", () => {
    expect(unifiedDiff("f.yaml", "a: 1\nb: 2\n", "a: 1\nb: 2\nc: 3\n")).toBe(
      "--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1,3 @@\n a: 1\n b: 2\n+c: 3\n",
    );
    expect(unifiedDiff("f.yaml", "x:\n  - 1", "x:\n  - 1\n  - 2\n")).toBe(
      "--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1,3 @@\n x:\n-  - 1\n\\ No newline at end of file\n+  - 1\n+  - 2\n",
    );
    expect(unifiedDiff("f.yaml", "same\n", "same\n")).toBe("");
  });
});

describe("allocateVpcCidrs: free, aligned blocks of the pool", () => {
  test("never overlaps what is used or itself, stays in the pool, and takes the lowest free blocks", () => {
    const used = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 16, max: 20 })), { maxLength: 12 });
    fc.assert(
      fc.property(used, fc.integer({ min: 1, max: 3 }), (blocks, count) => {
        const cidrs = blocks.map(([second, mask]) => IPv4CidrRange.fromCidr(`10.${second}.0.0/${mask}`).toCidrString());
        let found: string[];
        try {
          found = allocateVpcCidrs({ pool: "10.0.0.0/12", netmask: 16, used: cidrs, count });
        } catch (error) {
          // Exhaustion is only claimed when it is true.
          const free = Array.from({ length: 16 }, (_, i) => `10.${i}.0.0/16`).filter((b) => !cidrs.some((c) => cidrsOverlap(b, c)));
          expect(free.length).toBeLessThan(count);
          expect(String(error)).toMatch(/is exhausted/);
          return;
        }
        expect(found).toHaveLength(count);
        for (const [i, cidr] of found.entries()) {
          expect(netmaskOf(cidr)).toBe(16);
          expect(cidrContains("10.0.0.0/12", cidr)).toBe(true);
          expect(cidrs.some((c) => cidrsOverlap(c, cidr))).toBe(false);
          expect(found.slice(i + 1).some((other) => cidrsOverlap(other, cidr))).toBe(false);
        }
        const lowestFree = Array.from({ length: 16 }, (_, i) => `10.${i}.0.0/16`).find((b) => !cidrs.some((c) => cidrsOverlap(b, c)));
        expect(found[0]).toBe(lowestFree);
      }),
    );
  });

  test("refuses a pool smaller than one VPC", () => {
    expect(() => allocateVpcCidrs({ pool: "10.0.0.0/20", netmask: 16, used: [], count: 1 })).toThrow(/smaller than one \/16 VPC/);
  });

  test("sizes new VPCs like most existing ones, the larger on a tie", () => {
    expect(vpcNetmaskLike(["10.0.0.0/16", "10.1.0.0/20", "10.2.0.0/20"])).toBe(20);
    expect(vpcNetmaskLike(["10.0.0.0/16", "10.1.0.0/20"])).toBe(16);
    expect(vpcNetmaskLike([])).toBe(16);
  });
});
