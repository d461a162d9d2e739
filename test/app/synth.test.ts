import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { synthApp } from "../../app/synth";
import { UNUSED_SUPPRESSION_MESSAGE } from "../../rules/suppressions";
import { stackNames } from "../../app/compose";
import { configFromText, shippedConfig, shippedRegionsText, tempDir } from "../utils";

function run(config = shippedConfig()) {
  const outdir = join(tempDir("synth-app-"), "cdktf.out");
  let stderr = "";
  const code = synthApp(config, { outdir, configFile: "regions.yaml" }, (text) => void (stderr += text));
  return { code, stderr, outdir };
}

describe("synthApp: what main.ts runs once the config is loaded", () => {
  test("the shipped file: exit 0, every stack in the output folder, nothing on stderr", () => {
    const { code, stderr, outdir } = run();
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(readdirSync(join(outdir, "stacks"))).toHaveLength(stackNames(shippedConfig()).length);
  });

  test("a warning is printed, one line, and does not stop the synth", () => {
    const withUnused = `${shippedRegionsText}\nsuppressions:\n  - rule: NET-4\n    resources: ["nothing/*"]\n    reason: a suppression that matches nothing\n`;
    const { code, stderr, outdir } = run(configFromText(withUnused));
    expect(code).toBe(0);
    expect(stderr).toBe(`warning: regions.yaml/suppressions[0] NET-4 ${UNUSED_SUPPRESSION_MESSAGE} (no NET-4 finding matches nothing/*)\n`);
    expect(readdirSync(join(outdir, "stacks"))).toHaveLength(stackNames(shippedConfig()).length);
  });
});
