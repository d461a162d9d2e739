import { describe, expect, test } from "vitest";
import { selectRegionsFile } from "../../config/regions-file";

describe("selectRegionsFile: the path argument, else REGIONS_FILE, else regions.yaml", () => {
  test.each([
    ["given.yaml", { REGIONS_FILE: "env.yaml" }, "given.yaml"],
    [undefined, { REGIONS_FILE: "env.yaml" }, "env.yaml"],
    [undefined, {}, "regions.yaml"],
  ])("%s with %j → %s", (argument, env, expected) => {
    expect(selectRegionsFile(argument, env)).toBe(expected);
  });
});
