import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { main } from "../../../cli/ci/cli";
import { stackKinds } from "../../../cli/ci/stack-kinds";
import { captureIo, REPO_ROOT, shippedConfig, tempDir, testEnv } from "../../utils";

/** A synth folder holding `stacks`, with the manifest cdktf writes. */
function synthDir(stacks: readonly string[], providers: Record<string, unknown> = { aws: { source: "aws", version: "6.25.0" } }): string {
  const dir = tempDir("ci-synth-");
  const manifest: Record<string, unknown> = {};
  for (const stack of stacks) {
    mkdirSync(join(dir, "stacks", stack), { recursive: true });
    writeFileSync(join(dir, "stacks", stack, "cdk.tf.json"), JSON.stringify({ terraform: { required_providers: providers } }));
    manifest[stack] = { synthesizedStackPath: `stacks/${stack}/cdk.tf.json` };
  }
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ stacks: manifest }));
  return dir;
}

async function ci(argv: string[], cwd = REPO_ROOT) {
  const io = captureIo(cwd, testEnv());
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const shippedStacks = [...stackKinds(shippedConfig()).keys()];

describe("npm run ci: the workflows' computations", () => {
  test("stacks: every synthesized stack, as the JSON list a matrix takes", async () => {
    expect(await ci(["stacks", "--synth", synthDir(["b", "a"])])).toEqual({ code: 0, out: '["b","a"]\n', err: "" });
  });

  test("stacks --review: the review's changed stacks", async () => {
    const dir = tempDir("ci-review-");
    writeFileSync(join(dir, "review.json"), JSON.stringify({ stacks: [{ name: "x", status: "changed" }, { name: "y", status: "removed" }] }));
    expect((await ci(["stacks", "--review", join(dir, "review.json")])).out).toBe('["x"]\n');
  });

  test("waves --format github: one output line per wave, for the shipped regions.yaml", async () => {
    const { code, out } = await ci(["waves", "--synth", synthDir(shippedStacks), "--format", "github"]);
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toBe('account=[{"stack":"acme-data-account","environment":"prod"}]');
  });

  test("providers: the configuration one lock file is made from", async () => {
    const { out } = await ci(["providers", "--synth", synthDir(["a"])]);
    expect(JSON.parse(out)).toEqual({ terraform: { required_providers: { aws: { source: "aws", version: "6.25.0" } } } });
  });

  test.each([
    [[], "ci: no command given; usage: npm run ci -- stacks"],
    [["deploy"], 'ci: unknown command "deploy" (known: stacks, waves, providers, summary, failed, drift)'],
    [["providers", "--review", "r.json"], "ci: providers takes no --review; usage: npm run ci -- providers [--synth dir]"],
    [["waves", "--format", "yaml"], 'ci: unknown --format "yaml" (use json or github)'],
    [["summary", "--results", "r"], "ci: summary needs --waves; usage: npm run ci -- summary --waves waves.json --results dir [--heading text]"],
    [["failed", "--results", "r", "--expect", "a,b"], 'ci: --expect needs the JSON list of stack names the matrix ran, found "a,b"'],
    [["stacks", "--synth", "nowhere"], "(run npm run synth first)"],
  ])("%j fails with one line saying why", async (argv, message) => {
    const { code, err } = await ci(argv);
    expect(code).toBe(1);
    expect(err).toContain(message);
  });
});
