import { describe, expect, test } from "vitest";
import { UserError } from "../../../cli/kit/errors";
import { reviewStacks } from "../../../cli/ci/review-stacks";
import { reportToJson, type Report } from "../../../cli/review/report";

describe("reviewStacks: the stacks a review report names", () => {
  test("plans added, changed and renamed stacks; removed, decommissioning and unchanged ones are not planned", () => {
    const report: Report = {
      source: "synth-diff",
      stacks: [
        { name: "a-unchanged", status: "unchanged", changes: [], unchanged: 3 },
        { name: "b-changed", status: "changed", changes: [], unchanged: 0 },
        { name: "c-added", status: "added", changes: [], unchanged: 0 },
        { name: "d-removed", status: "removed", changes: [], unchanged: 0 },
        { name: "e-renamed", status: "renamed", renamedFrom: "e-old", changes: [], unchanged: 0 },
        { name: "f-decommissioning", status: "decommissioning", changes: [], unchanged: 0 },
      ],
    };
    const stacks = reviewStacks(reportToJson(report, false), "review.json");
    expect(stacks.changed).toEqual(["b-changed", "c-added", "e-renamed"]);
    expect(stacks.removed).toEqual(["d-removed"]);
    // A review of a decommission is a report CI reads like any other (not "a stack of another shape").
    expect(stacks.decommissioning).toEqual(["f-decommissioning"]);
    expect([...stacks.renamed]).toEqual([["e-renamed", "e-old"]]);
  });

  test.each([
    ["not JSON", "## review", /^review\.json: not a review report \(JSON\): /],
    ["no stacks list", '{"source":"plan"}', /^review\.json: not a review report: expected a "stacks" list/],
    ["a stack of another shape", '{"stacks":[{"name":"x","status":"gone"}]}', /^review\.json: stacks\[0\] is not a reviewed stack .* found \{"name":"x","status":"gone"\}$/],
  ])("refuses %s with a line saying what it expected", (_name, text, message) => {
    expect(() => reviewStacks(text, "review.json")).toThrow(UserError);
    expect(() => reviewStacks(text, "review.json")).toThrow(message);
  });
});
