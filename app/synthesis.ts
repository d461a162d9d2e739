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
import { App, Aspects, DefaultTokenResolver, StringConcat, TerraformElement, TerraformStack, Tokenization } from "cdktf";
import type { IConstruct } from "constructs";
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
  const discard = () => {
    // The stacks/ folder inside a folder that was created goes with it.
    if (created.length) rmSync(created[0], { recursive: true, force: true });
  };
  const app = new App({ outdir: target });
  let prepared: ReturnType<typeof stacksAsJson>;
  try {
    build(app);
    prepared = stacksAsJson(app);
  } catch (error) {
    // A build or a stack that throws leaves nothing behind either.
    discard();
    throw error;
  }
  const { stacks, json } = prepared;
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
    discard,
  };
}

/**
 * Every stack of `app` as Terraform JSON, in the order and with the two passes of cdktf's App.synth
 * (cdktf lib/app.js): every stack prepared before any is turned into JSON, since preparing a consumer
 * adds outputs to its producer. Preparing here resolves each element once and keeps the result
 * (prepareOnce).
 */
function stacksAsJson(app: App): { stacks: TerraformStack[]; json: Map<string, JsonObject> } {
  const constructs = app.node.findAll();
  refuseAspects(constructs);
  const stacks = constructs.filter(TerraformStack.isStack);
  const resolvedOnce = stacks.map(prepareOnce);
  const json = new Map(
    stacks.map((stack, i) => {
      const made = stack.toTerraform() as JsonObject;
      // Each element's JSON now lives on in the stack's; letting go of the copies keeps the heap,
      // and with it the garbage collector's work, from growing with every stack made.
      for (const element of resolvedOnce[i]) Reflect.deleteProperty(element, "toTerraform");
      return [stack.node.id, made] as const;
    }),
  );
  return { stacks, json };
}

/**
 * cdktf applies Aspects while it writes each stack (cdktf lib/synthesize/synthesizer.js), which here
 * comes after the JSON was made and judged: an aspect's change would reach neither the rules nor the
 * output. None of our constructs uses one; one added later fails here instead of being lost.
 * (`Aspects.of` would give every construct an Aspects object just to ask, so only the constructs
 * that have one are asked.)
 */
function refuseAspects(constructs: readonly IConstruct[]): void {
  for (const construct of constructs) {
    if (!Object.getOwnPropertySymbols(construct).some((symbol) => symbol.description === "cdktf-aspects")) continue;
    if (Aspects.of(construct).all.length) {
      throw new Error(`${construct.node.path} has an Aspect: the guardrail gate makes and judges the JSON before cdktf would apply it (app/synthesis.ts). Change the constructs instead.`);
    }
  }
}

/** The resolver cdktf's own synth resolves with (cdktf lib/_tokens.js). */
const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * cdktf's `prepareStack` (cdktf lib/terraform-stack.js), keeping what it throws away. cdktf resolves
 * every element twice: once "preparing", which is where a reference to another stack's resource turns
 * into an output there and a remote-state read here, and again when the stack becomes JSON, where the
 * reference resolves to what the first pass decided. Both give the same JSON, so the first one is
 * kept and the element hands it back: the second pass walks plain JSON instead of resolving every
 * token again. Elements the preparing adds (those outputs and remote-state reads) are resolved as
 * usual. The gate test holds the output byte-identical to a plain `App.synth`.
 */
function prepareOnce(stack: TerraformStack): TerraformElement[] {
  stack.ensureBackendExists();
  const elements = elementsOf(stack);
  for (const element of elements) {
    const resolved = Tokenization.resolve(element.toTerraform(), { scope: stack, preparing: true, resolver: RESOLVER }) as unknown;
    element.toTerraform = () => resolved;
  }
  return elements;
}

/** The stack's elements in cdktf's order, not entering a nested stack (cdktf lib/terraform-stack.js `terraformElements`). */
function elementsOf(scope: IConstruct, into: TerraformElement[] = []): TerraformElement[] {
  if (TerraformElement.isTerraformElement(scope)) into.push(scope);
  for (const child of scope.node.children) if (!TerraformStack.isStack(child)) elementsOf(child, into);
  return into;
}
