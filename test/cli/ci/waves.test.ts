import { describe, expect, test } from "vitest";
import { UserError } from "../../../cli/kit/errors";
import { reviewStacks } from "../../../cli/ci/review-stacks";
import { accountEnvironment, neverAppliedStacks, stackKinds } from "../../../cli/ci/stack-kinds";
import { deployWaves, githubOutputs, WAVES } from "../../../cli/ci/waves";
import { configFromText, shippedConfig, shippedRegionsText } from "../../utils";

const config = shippedConfig();
const kinds = stackKinds(config);
const synthesized = [...kinds.keys()];
const noneNever = new Map<string, string>();
const review = (stacks: { name: string; status: string; renamedFrom?: string }[]) => reviewStacks(JSON.stringify({ stacks }), "review.json");

describe("deployWaves: every stack of the shipped regions.yaml in its wave", () => {
  const plan = deployWaves({ kinds, neverApplied: noneNever, synthesized, selection: "all" });
  const stacksOf = (key: string) => plan.waves.get(key)!.map((leg) => leg.stack);

  test("the account stack first, alone, in the protected environment that gates it", () => {
    expect(plan.waves.get("account")).toEqual([{ stack: "acme-data-account", environment: "prod" }]);
  });

  test("dev workspaces, then dev config stacks, then prod workspaces, then prod config stacks, each a leg per region", () => {
    expect(WAVES.map((wave) => wave.key)).toEqual(["account", "workspaces_unprotected", "configs_unprotected", "workspaces_protected", "configs_protected"]);
    expect(stacksOf("workspaces_unprotected")).toEqual(["acme-data-use1-dev", "acme-data-euw1-dev", "acme-data-apse2-dev"]);
    expect(stacksOf("configs_unprotected")).toEqual(["acme-data-use1-dev-config", "acme-data-euw1-dev-config", "acme-data-apse2-dev-config"]);
    expect(stacksOf("workspaces_protected")).toEqual(["acme-data-use1-prod", "acme-data-euw1-prod", "acme-data-apse2-prod"]);
    expect(stacksOf("configs_protected")).toEqual(["acme-data-use1-prod-config", "acme-data-euw1-prod-config", "acme-data-apse2-prod-config"]);
  });

  test("every prod leg runs in the prod environment (required reviewers), every dev leg in dev", () => {
    for (const key of ["workspaces_protected", "configs_protected"]) expect(new Set(plan.waves.get(key)!.map((leg) => leg.environment))).toEqual(new Set(["prod"]));
    for (const key of ["workspaces_unprotected", "configs_unprotected"]) expect(new Set(plan.waves.get(key)!.map((leg) => leg.environment))).toEqual(new Set(["dev"]));
  });

  test("as GitHub outputs: one JSON line per wave, the matrix include lists", () => {
    const lines = githubOutputs(plan).trimEnd().split("\n");
    expect(lines[0]).toBe('account=[{"stack":"acme-data-account","environment":"prod"}]');
    expect(lines.map((line) => line.split("=")[0])).toEqual([...WAVES.map((wave) => wave.key), "stacks", "not_applied"]);
    expect(JSON.parse(lines.find((line) => line.startsWith("stacks="))!.slice("stacks=".length))).toHaveLength(13);
  });
});

describe("deployWaves: only what the review says changed", () => {
  test("a change to one prod workspace applies that stack only; empty waves stay empty", () => {
    const plan = deployWaves({ kinds, neverApplied: noneNever, synthesized, selection: review([
      { name: "acme-data-account", status: "unchanged" },
      { name: "acme-data-euw1-prod", status: "changed" },
    ]) });
    expect([...plan.waves].filter(([, legs]) => legs.length)).toEqual([["workspaces_protected", [{ stack: "acme-data-euw1-prod", environment: "prod" }]]]);
    expect(plan.notApplied).toEqual([]);
  });

  test("renamed and removed stacks are never applied, and say why", () => {
    const plan = deployWaves({ kinds, neverApplied: noneNever, synthesized, selection: review([
      { name: "acme-data-use1-dev", status: "renamed", renamedFrom: "acme-data-use1-test" },
      { name: "acme-data-old-dev", status: "removed" },
      { name: "acme-data-use1-dev-config", status: "added" },
    ]) });
    expect(plan.waves.get("workspaces_unprotected")).toEqual([]);
    expect(plan.waves.get("configs_unprotected")).toEqual([{ stack: "acme-data-use1-dev-config", environment: "dev" }]);
    expect(plan.notApplied.map((entry) => entry.stack)).toEqual(["acme-data-use1-dev", "acme-data-old-dev"]);
    expect(plan.notApplied[0].reason).toMatch(/^renamed from acme-data-use1-test: .*move the state first/);
    expect(plan.notApplied[1].reason).toMatch(/^removed from the app: its resources still exist/);
  });

  test("stacks CI never applies are listed with their reason, in both selections", () => {
    const never = new Map([["acme-data-bootstrap", "holds the roles CI assumes"]]);
    const all = deployWaves({ kinds, neverApplied: never, synthesized: [...synthesized, "acme-data-bootstrap"], selection: "all" });
    expect(all.notApplied).toEqual([{ stack: "acme-data-bootstrap", reason: "holds the roles CI assumes" }]);
    const changed = deployWaves({ kinds, neverApplied: never, synthesized, selection: review([{ name: "acme-data-bootstrap", status: "changed" }]) });
    expect(changed.notApplied).toEqual([{ stack: "acme-data-bootstrap", reason: "holds the roles CI assumes" }]);
  });

  test("a decommissioning region's stacks are never applied, in both selections: an apply would build what is being destroyed", () => {
    const decommissioned = configFromText(shippedRegionsText.replace("  - region: ap-southeast-2\n", "  - region: ap-southeast-2\n    decommission: true\n"));
    const inputs = { kinds: stackKinds(decommissioned), neverApplied: neverAppliedStacks(decommissioned), synthesized };
    const region = ["acme-data-apse2-dev", "acme-data-apse2-dev-config", "acme-data-apse2-prod", "acme-data-apse2-prod-config"];
    const all = deployWaves({ ...inputs, selection: "all" });
    const applied = [...all.waves.values()].flat().map((leg) => leg.stack);
    expect(applied.filter((stack) => region.includes(stack))).toEqual([]);
    expect(applied).toHaveLength(synthesized.length - region.length);
    expect(all.notApplied.map((entry) => entry.stack).sort()).toEqual(region);
    expect(all.notApplied[0].reason).toMatch(/^its region is being decommissioned: it is destroyed with `cdktf destroy` by hand/);
    const changed = deployWaves({ ...inputs, selection: review(region.map((name) => ({ name, status: "decommissioning" }))) });
    expect([...changed.waves.values()].flat()).toEqual([]);
    expect(changed.notApplied.map((entry) => entry.stack)).toEqual(region);
  });

  test("a synthesized stack no wave knows is refused, not silently left out", () => {
    expect(() => deployWaves({ kinds, neverApplied: noneNever, synthesized: [...synthesized, "acme-data-mystery"], selection: "all" })).toThrow(
      new UserError("cdktf.out has stacks no deploy wave takes: acme-data-mystery (add their kind to cli/ci/stack-kinds.ts)"),
    );
  });
});

describe("accountEnvironment: the first protected environment gates the account stack", () => {
  test.each([
    ["prod protected", shippedRegionsText, "prod"],
    // The dashboard then moves to dev, where analysts have no role: drop them so the file stays valid.
    ["none protected: the first", shippedRegionsText
      .replace("protected: true          # terraform", "protected: false          # terraform")
      .replace("viewers: [data-platform-admins, analysts]", "viewers: [data-platform-admins]"), "dev"],
  ])("%s", (_name, text, expected) => {
    expect(accountEnvironment(configFromText(text))).toBe(expected);
  });
});
