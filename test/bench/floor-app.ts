/**
 * The framework's floor: a cdktf app that emits the JSON one of our synths emits (same stacks,
 * every resource, data source, provider, backend and output at the same address with the same body)
 * through the same provider classes, deep-imported, with literal values: no regions file, no
 * validation, no naming, no construct tree, no cross-stack references, no rules. Whatever our synth
 * costs above this is ours.
 *
 *   BENCH_FLOOR_PLAN=<plan.json> CDKTF_OUTDIR=<dir> node cli/launch.mjs test/bench/floor-app.ts
 *
 * The plan comes from floor-plan.ts; run.ts runs this the way it runs our app entry.
 */
import { readFileSync } from "node:fs";
import * as cdktf from "cdktf";
import type { Construct } from "constructs";
import { isEntryPoint } from "../../cli/kit/entry";
import type { FloorPlan } from "./floor-plan";

type Body = Record<string, unknown>;
type ElementClass = new (scope: Construct, id: string, config: Body) => cdktf.TerraformElement;

const REMOTE_STATE = "terraform_remote_state";

/** `aws_s3_bucket` → `@cdktf/provider-aws/lib/s3-bucket`; data sources keep the provider name (`lib/data-aws-…`). */
async function elementClass(plan: FloorPlan, type: string, kind: "resource" | "data" | "provider"): Promise<ElementClass> {
  const provider = kind === "provider" ? type : providerOf(plan, type);
  const module = kind === "provider" ? "provider" : kind === "data" ? `data-${type}` : type.slice(provider.length + 1);
  // The file, not the folder: node's ES module loader (the floor runs as a bundle, cli/launch.mjs) refuses folders.
  const specifier = `${plan.packages[provider]}/lib/${module.replaceAll("_", "-")}/index.js`;
  const exports = (await import(specifier)) as Record<string, unknown>;
  const found = [...Object.values(exports), ...Object.values((exports.default ?? {}) as Record<string, unknown>)].find(
    (value) => typeof value === "function" && (value as { tfResourceType?: string }).tfResourceType === type,
  );
  if (!found) throw new Error(`floor-app: no class for ${kind} ${type} in ${specifier}`);
  return found as ElementClass;
}

function providerOf(plan: FloorPlan, type: string): string {
  const provider = Object.keys(plan.packages)
    .filter((name) => type.startsWith(`${name}_`))
    .sort((a, b) => b.length - a.length)[0];
  if (!provider) throw new Error(`floor-app: no provider package for ${type}`);
  return provider;
}

/** `s3` → cdktf's `S3Backend` / `DataTerraformRemoteStateS3`. */
function cdktfClass(prefix: string, kind: string, suffix: string): ElementClass {
  const name = `${prefix}${kind.charAt(0).toUpperCase()}${kind.slice(1)}${suffix}`;
  const found = (cdktf as unknown as Record<string, ElementClass | undefined>)[name];
  if (!found) throw new Error(`floor-app: cdktf has no ${name}`);
  return found;
}

/** Every class the plan needs, loaded at once as a static import graph would: one by one costs seconds of idle. */
async function loadClasses(plan: FloorPlan): Promise<Map<string, ElementClass>> {
  const wanted = new Map<string, Promise<ElementClass>>();
  const want = (key: string, load: () => Promise<ElementClass>) => wanted.set(key, wanted.get(key) ?? load());
  for (const stack of plan.stacks) {
    for (const { name } of stack.providers) want(`provider ${name}`, () => elementClass(plan, name, "provider"));
    for (const type of Object.keys(stack.resources)) want(`resource ${type}`, () => elementClass(plan, type, "resource"));
    for (const type of Object.keys(stack.data)) {
      if (type !== REMOTE_STATE) want(`data ${type}`, () => elementClass(plan, type, "data"));
    }
  }
  return new Map(await Promise.all([...wanted].map(async ([key, loading]) => [key, await loading] as const)));
}

/** A block's `depends_on` / `provider` as the literal strings our synth wrote. */
function withMeta(element: cdktf.TerraformElement, meta: Body | undefined): void {
  for (const [key, value] of Object.entries(meta ?? {})) element.addOverride(key, value);
}

export async function synthFloor(plan: FloorPlan, outdir: string): Promise<void> {
  const classes = await loadClasses(plan);
  const classFor = (key: string) => classes.get(key)!;
  const app = new cdktf.App({ outdir });
  for (const spec of plan.stacks) {
    const stack = new cdktf.TerraformStack(app, spec.name);
    if (spec.backend) {
      const Backend = cdktfClass("", spec.backend.kind, "Backend") as unknown as new (scope: Construct, config: Body) => unknown;
      new Backend(stack, spec.backend.config);
    }
    spec.providers.forEach((provider, i) => new (classFor(`provider ${provider.name}`))(stack, `provider-${i}`, provider.config));
    for (const [type, blocks] of Object.entries(spec.resources)) {
      const Resource = classFor(`resource ${type}`);
      for (const { id, config, meta } of blocks) withMeta(new Resource(stack, id, config), meta);
    }
    for (const [type, blocks] of Object.entries(spec.data)) {
      for (const { id, config, meta } of blocks) {
        if (type === REMOTE_STATE) {
          const { backend, config: state, workspace } = config as { backend: string; config: Body; workspace?: string };
          new (cdktfClass("DataTerraformRemoteState", backend, ""))(stack, id, { ...state, workspace });
        } else {
          withMeta(new (classFor(`data ${type}`))(stack, id, config), meta);
        }
      }
    }
    for (const { id, config } of spec.outputs) new cdktf.TerraformOutput(stack, id, config as unknown as cdktf.TerraformOutputConfig);
  }
  app.synth();
}

if (isEntryPoint(import.meta.url)) {
  const plan = JSON.parse(readFileSync(process.env.BENCH_FLOOR_PLAN ?? "", "utf8")) as FloorPlan;
  await synthFloor(plan, process.env.CDKTF_OUTDIR ?? "cdktf.out");
}
