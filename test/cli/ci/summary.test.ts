import { describe, expect, test } from "vitest";
import { deploySummary, parseStackResult, wavesFromJson, wavesToJson } from "../../../cli/ci/summary";
import { deployWaves } from "../../../cli/ci/waves";
import { stackKinds } from "../../../cli/ci/stack-kinds";
import { shippedConfig } from "../../utils";

const kinds = stackKinds(shippedConfig());
const plan = deployWaves({
  kinds,
  neverApplied: new Map([["acme-data-bootstrap", "holds the roles CI assumes: an administrator applies it"]]),
  synthesized: [...kinds.keys(), "acme-data-bootstrap"],
  selection: { changed: ["acme-data-use1-dev", "acme-data-use1-prod", "acme-data-euw1-prod", "acme-data-bootstrap"], renamed: new Map(), removed: [], decommissioning: [] },
});

describe("deploySummary: what happened to each stack of the run", () => {
  const markdown = deploySummary(
    plan,
    [
      { stack: "acme-data-use1-dev", outcome: "applied" },
      { stack: "acme-data-use1-prod", outcome: "failed", step: "apply" },
    ],
    "Deploy of abc1234",
  );

  test("a row per stack of a wave, in wave order: applied, failed at its step, not reached", () => {
    expect(markdown).toContain("## Deploy of abc1234\n\n1 applied, 1 failed, 1 not reached\n");
    const rows = markdown.split("\n").filter((line) => line.startsWith("| `"));
    expect(rows).toEqual([
      "| `acme-data-use1-dev` | workspaces, unprotected environments | `dev` | ✅ applied |",
      "| `acme-data-use1-prod` | workspaces, protected environments | `prod` | ❌ failed at terraform apply |",
      "| `acme-data-euw1-prod` | workspaces, protected environments | `prod` | ⏸️ not reached |",
    ]);
  });

  test("stacks CI leaves alone are listed with the reason", () => {
    expect(markdown).toContain("### Not applied by CI\n\n- `acme-data-bootstrap`: holds the roles CI assumes: an administrator applies it\n");
  });

  test("a run with nothing to apply says so", () => {
    const empty = deployWaves({ kinds, neverApplied: new Map(), synthesized: [...kinds.keys()], selection: { changed: [], renamed: new Map(), removed: [], decommissioning: [] } });
    expect(deploySummary(empty, [], "Deploy")).toBe("## Deploy\n\nNo stack to apply: the change touches no stack CI applies.\n");
  });
});

describe("the files between jobs", () => {
  test("waves survive the trip through waves.json", () => {
    const back = wavesFromJson(wavesToJson(plan), "waves.json");
    expect([...back.waves]).toEqual([...plan.waves]);
    expect(back.notApplied).toEqual(plan.notApplied);
  });

  test.each([
    ["not JSON", "applied", /^results\/x\.json: not a stack result \(JSON\)/],
    ["no outcome", '{"stack":"x"}', /^results\/x\.json: not a stack result: expected \{stack, outcome\[, step\]\}, found \{"stack":"x"\}$/],
  ])("a result file that is %s is refused", (_name, text, message) => {
    expect(() => parseStackResult(text, "results/x.json")).toThrow(message);
  });
});
