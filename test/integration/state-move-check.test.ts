import { describe, expect, test } from "vitest";
import { withoutStateBlock } from "./state-move-check";
import { configFromText, shippedRegionsText } from "../utils";

describe("withoutStateBlock: the shipped regions.yaml with local state", () => {
  test("drops the state block and nothing else: the file stays valid and has no remote state", () => {
    const local = withoutStateBlock(shippedRegionsText);
    expect(configFromText(local).state).toBeUndefined();
    expect(shippedRegionsText.split("\n").length - local.split("\n").length).toBe(3);
  });

  test("a file without a state block fails loudly instead of testing nothing", () => {
    expect(() => withoutStateBlock("company: acme\n")).toThrow("regions.yaml has no top-level state: block");
  });
});
