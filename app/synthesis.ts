/**
 * Synthesis in two halves with the guardrail verdict between them. First every stack becomes its
 * Terraform JSON in memory, through cdktf's own steps (`prepareStack` on every stack, which adds the
 * cross-stack outputs and remote-state sources, then each stack's `toTerraform`), exactly once; the
 * rule pack judges that JSON. Only when it passes does cdktf's own `App.synth` write it, handed the
 * JSON already made instead of resolving every token again. Nothing is written before the verdict and
 * nothing is read back.
 *
 * Why not a staging folder, as before issue 17: every stack was written there, read back and parsed
 * for the rules, and moved into the output folder file by file, then the folder removed. With 402
 * stacks that was ~0.45 s of CPU (mkdir, rename, rmdir, read, parse; bench profile), all to keep a
 * failing run from touching the output folder, which the verdict-first order gives for free.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack } from "cdktf";
import type { JsonObject } from "../tfjson/json";

export interface PreparedApp {
  /** Each stack's Terraform JSON by stack name, in cdktf's synth (and manifest) order. */
  readonly stacks: ReadonlyMap<string, JsonObject>;
  /** cdktf writes the stacks and manifest.json into the output folder. */
  write(): void;
  /** Takes away what creating the app made (cdktf's App makes `<outdir>/stacks/` when constructed). */
  discard(): void;
}

/**
 * The app `build` fills, every stack turned into JSON and nothing written yet. Without `outdir` (a
 * check that writes nothing) cdktf gets a temporary folder, removed by `discard`.
 */
export function prepareApp(outdir: string | undefined, build: (app: App) => void): PreparedApp {
  const target = outdir ?? mkdtempSync(join(tmpdir(), "cdktf-check-"));
  // cdktf lib/app.js and lib/manifest.js create the folder and its stacks/ in their constructors.
  const created = outdir === undefined ? [target] : [target, join(target, "stacks")].filter((dir) => !existsSync(dir));
  const app = new App({ outdir: target });
  build(app);
  // The order and the two passes of cdktf's App.synth (cdktf lib/app.js): every stack prepared before
  // any is turned into JSON, since preparing a consumer adds outputs to its producer.
  const stacks = app.node.findAll().filter(TerraformStack.isStack);
  for (const stack of stacks) stack.prepareStack();
  const json = new Map(stacks.map((stack) => [stack.node.id, stack.toTerraform() as JsonObject]));
  return {
    stacks: json,
    write() {
      for (const stack of stacks) {
        const made = json.get(stack.node.id);
        // Done above: App.synth would prepare every stack again and resolve every token again.
        stack.prepareStack = () => undefined;
        stack.toTerraform = () => made as ReturnType<TerraformStack["toTerraform"]>;
      }
      app.synth();
    },
    discard() {
      // The stacks/ folder inside a folder that was created goes with it.
      if (created.length) rmSync(created[0], { recursive: true, force: true });
    },
  };
}
