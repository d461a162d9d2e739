/**
 * The dependency rules (.dependency-cruiser.cjs) fire: a scratch project with the house's folders and
 * one forbidden import per rule is cruised with the real configuration, and every forbidden import is
 * reported under its rule, while the allowed ones (a command using everything below it, domain/
 * naming a config type) are not. `npm run deps` applies the same rules to the real tree.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { REPO_ROOT, tempDir } from "./utils";

const DEPCRUISE = join(REPO_ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");

/** file → its source; each forbidden import is one line, so a violation names one rule. */
const SCRATCH: Readonly<Record<string, string>> = {
  "main.ts": 'import { run } from "./app/gate";\nrun();\n',
  "app/gate.ts": 'import { usage } from "../cli/validate";\nexport const run = () => usage;\n',
  "cli/validate.ts": 'import { load } from "../config/load";\nimport { name } from "../domain/naming";\nexport const usage = [load, name];\n',
  "config/load.ts": 'import { other } from "./checks";\nexport const load = other;\n',
  "config/checks.ts": 'import { load } from "./load";\nexport const other = () => load;\n',
  "config/schema/regions.ts": "export interface RegionsConfig { readonly company: string }\n",
  "domain/naming.ts": 'import type { RegionsConfig } from "../config/schema/regions";\nexport const name = (config: RegionsConfig) => config.company;\n',
  "domain/workspaces.ts": 'import { run } from "../app/gate";\nexport const specs = run;\n',
  "domain/network.ts": 'import { load } from "../config/load";\nexport const layout = load;\n',
  "rules/pack.ts": 'import { run } from "../app/gate";\nexport const pack = run;\n',
  "tfjson/block.ts": 'import { name } from "../domain/naming";\nexport const block = name;\n',
  "constructs/aws/bucket.ts": 'import type { RegionsConfig } from "../../config/schema/regions";\nexport type Props = RegionsConfig;\n',
  "constructs/aws/network.ts": 'import { name } from "../../domain/naming";\nexport const vpcName = name;\n',
  "constructs/aws/provider.ts": 'import { AwsProvider } from "@cdktf/provider-aws";\nexport const provider = AwsProvider;\n',
};

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

function cruiseScratch(): Violation[] {
  const dir = tempDir("depcruise-");
  for (const [file, text] of Object.entries(SCRATCH)) {
    mkdirSync(join(dir, dirname(file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const run = spawnSync(
    process.execPath,
    [DEPCRUISE, "--config", join(REPO_ROOT, ".dependency-cruiser.cjs"), "--output-type", "json", "main.ts", "app", "cli", "config", "constructs", "domain", "rules", "tfjson"],
    { cwd: dir, encoding: "utf8" },
  );
  expect(run.stderr).toBe("");
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

describe("dependency rules: every forbidden import fails npm test", () => {
  const found = cruiseScratch().map(({ from, to, rule }) => `${rule.name}: ${from} → ${to.replace(/^.*node_modules\//, "node_modules/")}`);

  test.each([
    // A cycle is reported once, at the import that closes it.
    ["no-cycles", "config/checks.ts → config/load.ts"],
    ["config-and-domain-stay-low", "domain/workspaces.ts → app/gate.ts"],
    ["domain-reads-config-types-only", "domain/network.ts → config/load.ts"],
    ["domain-reads-the-schema-only", "domain/network.ts → config/load.ts"],
    ["rules-are-only-rules", "rules/pack.ts → app/gate.ts"],
    ["tfjson-is-a-library", "tfjson/block.ts → domain/naming.ts"],
    ["constructs-take-ids-and-names", "constructs/aws/bucket.ts → config/schema/regions.ts"],
    ["constructs-use-facts-not-derivations", "constructs/aws/network.ts → domain/naming.ts"],
    ["app-is-not-a-command", "app/gate.ts → cli/validate.ts"],
    ["deep-provider-imports", "constructs/aws/provider.ts → node_modules/@cdktf/provider-aws/lib/index.js"],
  ])("%s: %s", (rule, edge) => {
    expect(found).toContain(`${rule}: ${edge}`);
  });

  test("allowed imports are not reported: a command using what is below it, domain/ naming a config type", () => {
    expect(found.filter((line) => /: (main\.ts|cli\/validate\.ts|domain\/naming\.ts) →/.test(line))).toEqual([]);
    expect(found).toHaveLength(10);
  });
});
