/**
 * What the floor app (floor-app.ts) must emit to match one of our synths: the same JSON, each block
 * as a literal. Per stack: its backend, providers, every resource and data source with its own
 * address and body (keys turned back into the classes' camelCase config), the meta-arguments that
 * name other blocks (`depends_on`, `provider`) as literal strings, and every output with its value.
 * Only cdktf's `//` metadata differs (it names the construct path, ours nested, the floor's flat).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

type Body = Record<string, unknown>;

/** One resource or data source: its address in the stack, its body, the meta-arguments as written. */
export interface FloorBlock {
  readonly id: string;
  readonly config: Body;
  /** `depends_on` / `provider` exactly as our synth wrote them (addresses, not objects). */
  readonly meta?: Body;
}

export interface FloorStack {
  readonly name: string;
  readonly backend?: { readonly kind: string; readonly config: Body };
  readonly providers: readonly { readonly name: string; readonly config: Body }[];
  /** Terraform type → every block of that type. */
  readonly resources: Readonly<Record<string, readonly FloorBlock[]>>;
  readonly data: Readonly<Record<string, readonly FloorBlock[]>>;
  readonly outputs: readonly { readonly id: string; readonly config: Body }[];
}

export interface FloorPlan {
  /** Terraform provider name (aws) → the prebuilt package that has its classes. */
  readonly packages: Readonly<Record<string, string>>;
  readonly stacks: readonly FloorStack[];
}

interface StackJson {
  readonly resource?: Record<string, Record<string, Body>>;
  readonly data?: Record<string, Record<string, Body>>;
  readonly output?: Record<string, unknown>;
  readonly provider?: Record<string, Body[]>;
  readonly terraform?: { backend?: Record<string, Body>; required_providers?: Record<string, unknown> };
}

/** Every stack of a synth output folder, in manifest order. */
export function readSynth(outdir: string): { name: string; json: StackJson; bytes: number }[] {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as {
    stacks: Record<string, { synthesizedStackPath: string }>;
  };
  return Object.entries(manifest.stacks).map(([name, stack]) => {
    const text = readFileSync(join(outdir, stack.synthesizedStackPath), "utf8");
    return { name, json: JSON.parse(text) as StackJson, bytes: Buffer.byteLength(text) };
  });
}

export interface SynthCounts {
  readonly stacks: number;
  readonly resources: number;
  readonly dataSources: number;
  readonly bytes: number;
  /** `<stack> <resource|data>.<type>` → count, to prove the floor matches us. */
  readonly perStackType: Readonly<Record<string, number>>;
}

export function countSynth(outdir: string): SynthCounts {
  const perStackType: Record<string, number> = {};
  let resources = 0;
  let dataSources = 0;
  let bytes = 0;
  const stacks = readSynth(outdir);
  for (const { name, json, bytes: size } of stacks) {
    bytes += size;
    for (const [kind, blocks] of [["resource", json.resource], ["data", json.data]] as const) {
      for (const [type, instances] of Object.entries(blocks ?? {})) {
        const count = Object.keys(instances).length;
        perStackType[`${name} ${kind}.${type}`] = count;
        if (kind === "resource") resources += count;
        else dataSources += count;
      }
    }
  }
  return { stacks: stacks.length, resources, dataSources, bytes, perStackType };
}

export function floorPlanFrom(outdir: string): FloorPlan {
  const packages: Record<string, string> = {};
  const stacks = readSynth(outdir).map(({ name, json }): FloorStack => {
    for (const provider of Object.keys(json.terraform?.required_providers ?? {})) packages[provider] = `@cdktf/provider-${provider}`;
    const blocks = (kind: "resource" | "data") =>
      Object.fromEntries(
        Object.entries(json[kind] ?? {}).map(([type, instances]) => [
          type,
          Object.entries(instances).map(([id, body]): FloorBlock => {
            const meta = Object.fromEntries(Object.entries(body).filter(([key]) => META_KEYS.has(key)));
            return { id, config: toConfig(body) as Body, ...(Object.keys(meta).length && { meta }) };
          }),
        ]),
      );
    const [backend] = Object.entries(json.terraform?.backend ?? {});
    return {
      name,
      ...(backend && { backend: { kind: backend[0], config: toConfig(backend[1]) as Body } }),
      providers: Object.entries(json.provider ?? {}).flatMap(([provider, configs]) =>
        configs.map((config) => ({ name: provider, config: toConfig(config) as Body })),
      ),
      resources: blocks("resource"),
      data: blocks("data"),
      outputs: Object.entries(json.output ?? {}).map(([id, config]) => ({ id, config: toConfig(config) as Body })),
    };
  });
  return { packages, stacks };
}

/** Meta-arguments that name other blocks: the floor writes them as the literal strings we wrote. */
const META_KEYS = new Set(["depends_on", "provider"]);

/** Keys that are not the class's config: cdktf's own metadata, and the meta-arguments above (`meta`). */
const DROPPED_KEYS = new Set(["//", ...META_KEYS, "count", "for_each", "provisioner", "connection"]);

/** Terraform JSON → the camelCase config the provider classes take (map keys such as tag names pass unchanged). */
export function toConfig(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toConfig);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !DROPPED_KEYS.has(key))
      .map(([key, inner]) => [/^[a-z][a-z0-9_]*$/.test(key) ? key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : key, toConfig(inner)]),
  );
}
