import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { composeStacks, stackNames } from "../../app/compose";
import { shippedConfig, testApp } from "../utils";

describe("composeStacks: one loop over the regions, deploy order from cross-stack references", () => {
  const config = shippedConfig();
  const app = testApp();
  composeStacks(app, config);
  app.synth();
  const manifest = JSON.parse(readFileSync(join(app.outdir, "manifest.json"), "utf8")) as {
    stacks: Record<string, { dependencies: string[] }>;
  };

  test("the bootstrap stack + 1 account stack + 6 workspace stacks + 6 config stacks, as stackNames() predicts", () => {
    expect(Object.keys(manifest.stacks).sort()).toEqual(stackNames(config).sort());
    expect(stackNames(config)).toHaveLength(2 + 2 * config.regions.length * Object.keys(config.environments).length);
  });

  test("the bootstrap stack depends on nothing and nothing depends on it: an administrator applies it on its own", () => {
    expect(manifest.stacks["acme-data-bootstrap"].dependencies).toEqual([]);
    for (const [name, { dependencies }] of Object.entries(manifest.stacks)) expect(dependencies, name).not.toContain("acme-data-bootstrap");
  });

  test("a config stack depends on its workspace stack, which depends on the account stack", () => {
    expect(manifest.stacks["acme-data-account"].dependencies).toEqual([]);
    expect(manifest.stacks["acme-data-use1-prod"].dependencies).toEqual(["acme-data-account"]);
    expect(manifest.stacks["acme-data-use1-dev-config"].dependencies.sort()).toEqual(["acme-data-account", "acme-data-use1-dev"]);
    // The region's shared data bucket lives in prod's config stack and is bound to (and granted in) dev's workspace too.
    expect(manifest.stacks["acme-data-use1-prod-config"].dependencies.sort()).toEqual(["acme-data-account", "acme-data-use1-dev", "acme-data-use1-prod"]);
  });

  test("no workspace depends on another workspace, and nothing on another region: regions deploy independently", () => {
    for (const [name, { dependencies }] of Object.entries(manifest.stacks)) {
      const others = dependencies.filter((d) => d !== "acme-data-account");
      if (!name.endsWith("-config")) expect(others, name).toEqual([]);
      const region = name.split("-")[2];
      for (const dependency of others) expect(dependency.split("-")[2], `${name} → ${dependency}`).toBe(region);
    }
  });
});
