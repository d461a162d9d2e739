/**
 * Predicts, for a block present in both synths, which of its arguments change and whether that
 * replaces it, following references so a replacement upstream reaches everything built on it.
 *
 * The model (kept simple on purpose; terraform's own plan is the authority, see plan-summary):
 * - An argument changes when its configuration text changes, or when a reference inside it resolves to
 *   a value that changes.
 * - A replaced resource gets new computed attributes (id, arn, …): references to them change. A
 *   configured attribute of a replaced or updated resource changes only if its own value changes.
 * - A data source whose inputs changed is re-read: what it returns is "known after apply", so a
 *   reference to it may change (uncertain: a force-new argument fed by it gives "may be replaced").
 * - A cross-stack reference (`terraform_remote_state` … `outputs.X`) follows the output X of the stack
 *   the data source reads, so a replacement in one stack reaches the next.
 */
import diff from "microdiff";
import { isDeepStrictEqual } from "node:util";
import { displayChange, formatAttributePath, type PathSegment } from "./display";
import type { Link } from "./chain";
import { forceNewRule, forcesReplacement, type ForceNewRule } from "./force-new";
import { providerDeltas, providerNameOf, type ProviderDelta } from "./provider-effects";
import type { Block, Synth } from "../../tfjson/block";
import { referencesIn, type Reference } from "../../tfjson/references";

export interface Delta {
  readonly path: readonly PathSegment[];
  readonly before: unknown;
  readonly after: unknown;
  /** The configuration text itself changed (false: a referenced value changes). */
  readonly direct: boolean;
  /** False when the change is only possible (fed by a re-read data source or a maybe-replaced resource). */
  readonly certain: boolean;
  /** For a referenced change: how the value comes to change. */
  readonly chain: readonly Link[];
  /** Forces replacement on its own (a switched rule source), whatever the table says of its path. */
  readonly forcing?: boolean;
  /** Set when the change comes from the stack's provider block (default_tags, region), not the resource. */
  readonly fromProvider?: ProviderDelta;
  /** How the change reads in a chain, when the path alone does not say it (`read during apply`). */
  readonly detail?: string;
}

export interface Evaluation {
  readonly action: "none" | "update" | "replace" | "maybe-replace";
  readonly deltas: readonly Delta[];
  /** For replace / maybe-replace: from the origin to this block. */
  readonly chain: readonly Link[];
  readonly reasons: readonly string[];
  readonly rule: ForceNewRule | undefined;
}

interface ValueChange {
  readonly certain: boolean;
  readonly chain: readonly Link[];
}

const NO_CHANGE: Evaluation = { action: "none", deltas: [], chain: [], reasons: [], rule: undefined };

export class Evaluator {
  /** By stack, then address: keys joined into one string cost more than the lookup at fleet size. */
  private readonly memo = new Map<string, Map<string, Evaluation | "pending">>();

  /** `base` has renamed stacks already filed under their new names (renames.ts). */
  constructor(
    private readonly base: Synth,
    private readonly head: Synth,
  ) {}

  /** The evaluation of `key` in `stack`; the block must exist on both sides. */
  evaluate(stack: string, key: string): Evaluation {
    let ofStack = this.memo.get(stack);
    if (!ofStack) {
      ofStack = new Map();
      this.memo.set(stack, ofStack);
    }
    const known = ofStack.get(key);
    // A reference cycle cannot be applied by terraform either; break it instead of recursing forever.
    if (known === "pending") return NO_CHANGE;
    if (known) return known;
    ofStack.set(key, "pending");
    const result = this.compute(stack, key);
    ofStack.set(key, result);
    return result;
  }

  /** Each template's references, parsed once: the same strings recur in every stack of a fleet. */
  private readonly references = new Map<string, readonly Reference[]>();

  private referencesOf(text: string): readonly Reference[] {
    let found = this.references.get(text);
    if (!found) {
      found = referencesIn(text);
      this.references.set(text, found);
    }
    return found;
  }

  private block(synth: Synth, stack: string, key: string): Block | undefined {
    return synth.get(stack)?.block(key);
  }

  private compute(stack: string, key: string): Evaluation {
    const before = this.block(this.base, stack, key);
    const after = this.block(this.head, stack, key);
    if (!before || !after) return NO_CHANGE;
    const deltas = this.deltas(stack, before, after);
    if (after.kind === "data" && !deltas.length) deltas.push(...this.deferredRead(stack, after));
    if (after.kind !== "resource") return { ...NO_CHANGE, action: deltas.length ? "update" : "none", deltas };
    return classify(stack, after, before, deltas);
  }

  private deltas(stack: string, before: Block, after: Block): Delta[] {
    // The remote-state config holds the other stack's backend (for a local backend, an absolute path
    // that differs between two checkouts): what matters is which stack it reads.
    const direct: Delta[] =
      after.type === "terraform_remote_state"
        ? this.remoteStateMoved(before, after)
        : diff(before.arguments as Record<string, unknown>, after.arguments as Record<string, unknown>).map((d) => ({
            path: d.path,
            before: d.type === "CREATE" ? undefined : d.oldValue,
            after: d.type === "REMOVE" ? undefined : d.value,
            direct: true,
            certain: true,
            chain: [],
          }));
    const referenced: Delta[] = [];
    // Loops, not callbacks: this runs for every template of every block of a fleet.
    for (const leaf of templateLeaves(after)) {
      if (covers(direct, leaf.path) || covers(referenced, leaf.path)) continue;
      let first: ValueChange | undefined;
      let certain: ValueChange | undefined;
      // Every reference is evaluated, certain or not: the order of evaluations decides where a cycle breaks.
      for (const reference of this.referencesOf(leaf.value)) {
        const change = this.referenceChange(stack, reference);
        if (change) {
          first ??= change;
          if (change.certain) certain ??= change;
        }
      }
      const change = certain ?? first;
      if (change) referenced.push({ path: leaf.path, before: leaf.value, after: undefined, direct: false, ...change });
    }
    return [...direct, ...referenced, ...this.providerChanges(stack, before, after, direct)];
  }

  /**
   * Changes the provider configuration makes to a resource or data source (provider-effects.ts). The
   * configuration is evaluated like any block, so a host fed by another stack's output carries its chain.
   */
  private providerChanges(stack: string, before: Block, after: Block, direct: readonly Delta[]): Delta[] {
    if (after.kind !== "resource" && after.kind !== "data") return [];
    const name = providerNameOf(after);
    if (name !== providerNameOf(before)) return [];
    const key = `provider.${name}`;
    const providerBefore = this.block(this.base, stack, key);
    const providerAfter = this.block(this.head, stack, key);
    if (!providerBefore || !providerAfter) return [];
    const side = { name, type: providerAfter.type, before: providerBefore, after: providerAfter, changes: this.evaluate(stack, key).deltas };
    return providerDeltas(side, before, after)
      .filter((change) => !direct.some((d) => isPrefix(d.path, change.path)))
      .map((change) => ({
        path: change.path, before: change.before, after: change.after, direct: change.direct, certain: change.certain,
        chain: change.chain, ...(change.forcing ? { forcing: true } : {}), fromProvider: change,
      }));
  }

  /**
   * Terraform reads a data source during apply, not plan, when a resource it refers to has changes
   * planned (plan JSON: read_because_dependency_pending), so whatever it returns is unknown at plan
   * time even if it will not change: a cost-tag update on a log group makes the policy document built
   * from its ARN, and the role policy using it, "known after apply".
   */
  private deferredRead(stack: string, block: Block): Delta[] {
    for (const leaf of templateLeaves(block)) {
      for (const reference of this.referencesOf(leaf.value)) {
        if (reference.kind !== "resource") continue;
        const upstream = this.block(this.head, stack, reference.address);
        if (!upstream || !this.block(this.base, stack, reference.address)) continue;
        const pending = fromDeltas(stack, upstream, this.evaluate(stack, reference.address).deltas);
        if (pending) {
          return [{ path: leaf.path, before: leaf.value, after: undefined, direct: false, certain: false, chain: pending.chain, detail: "read during apply" }];
        }
      }
    }
    return [];
  }

  private remoteStateMoved(before: Block, after: Block): Delta[] {
    const from = resolveRemoteState(this.base, before);
    const to = resolveRemoteState(this.head, after);
    if (from !== undefined && from === to) return [];
    if (from === undefined && to === undefined && isDeepStrictEqual(before.arguments, after.arguments)) return [];
    return [{ path: ["config"], before: from ?? before.arguments.config, after: to ?? after.arguments.config, direct: true, certain: true, chain: [] }];
  }

  private referenceChange(stack: string, reference: Reference): ValueChange | undefined {
    const upstream = this.block(this.head, stack, reference.address);
    if (!upstream) return undefined;
    // Referring to something new: the referencing text changed too, and that delta already covers it.
    if (!this.block(this.base, stack, reference.address)) return undefined;
    if (reference.kind === "remote-state") return this.remoteOutputChange(stack, upstream, reference.output);
    const evaluation = this.evaluate(stack, reference.address);
    if (reference.kind === "local" || reference.kind === "variable") return fromDeltas(stack, upstream, evaluation.deltas);
    if (reference.kind === "data") {
      const change = fromDeltas(stack, upstream, evaluation.deltas);
      return change && { ...change, certain: false };
    }
    if (reference.attribute !== undefined && Object.hasOwn(upstream.arguments, reference.attribute)) {
      const own = evaluation.deltas.filter((d) => d.path[0] === reference.attribute);
      return fromDeltas(stack, upstream, own);
    }
    if (evaluation.action === "replace" || evaluation.action === "maybe-replace") {
      return { certain: evaluation.action === "replace", chain: evaluation.chain };
    }
    return undefined;
  }

  private remoteOutputChange(stack: string, dataBlock: Block, output: string | undefined): ValueChange | undefined {
    const source = resolveRemoteState(this.head, dataBlock);
    if (output === undefined || source === undefined || !this.block(this.base, source, `output.${output}`)) {
      // Unknown source stack: fall back to "its inputs changed".
      const change = fromDeltas(stack, dataBlock, this.evaluate(stack, dataBlock.address).deltas);
      return change && { ...change, certain: false };
    }
    const outputBlock = this.block(this.head, source, `output.${output}`);
    if (!outputBlock) return undefined;
    return fromDeltas(source, outputBlock, this.evaluate(source, outputBlock.address).deltas);
  }
}

interface TemplateLeaf {
  readonly path: readonly PathSegment[];
  readonly value: string;
}

/** Each block's strings that hold an interpolation, with their paths: found once, read by every evaluation. */
const templates = new WeakMap<Block, readonly TemplateLeaf[]>();

/**
 * The strings in a block's arguments holding `${`, in the order tfjson/json.ts `leaves` walks them. A
 * fleet-wide change evaluates every block of 402 stacks; walking each one through `leaves`, a path
 * copied per leaf, was a fifth of that review's garbage (bench profile).
 */
function templateLeaves(block: Block): readonly TemplateLeaf[] {
  let found = templates.get(block);
  if (found) return found;
  found = [];
  collectTemplates(block.arguments, [], found as TemplateLeaf[]);
  templates.set(block, found);
  return found;
}

/** Walks `value` with one path array, copied only for the strings kept. */
function collectTemplates(value: unknown, path: PathSegment[], found: TemplateLeaf[]): void {
  if (typeof value === "string") {
    if (value.includes("${")) found.push({ path: [...path], value });
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      collectTemplates(value[i], path, found);
      path.pop();
    }
  } else if (typeof value === "object" && value !== null) {
    for (const key of Object.keys(value)) {
      path.push(key);
      collectTemplates((value as Record<string, unknown>)[key], path, found);
      path.pop();
    }
  }
}

/** One of `deltas` is at `path` or above it. */
function covers(deltas: readonly Delta[], path: readonly PathSegment[]): boolean {
  for (const delta of deltas) if (isPrefix(delta.path, path)) return true;
  return false;
}

/** `a.b` is a prefix of `a.b.c`. */
function isPrefix(prefix: readonly PathSegment[], path: readonly PathSegment[]): boolean {
  if (prefix.length > path.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== path[i]) return false;
  return true;
}

function detailOf(delta: Delta): string {
  if (delta.detail) return delta.detail;
  const path = formatAttributePath(delta.path);
  if (!delta.direct) return path;
  const shown = displayChange(delta.path, delta.before, delta.after);
  return `${path} ${shown.before}→${shown.after}`;
}

/** How a change of `deltas` inside `block` reaches whoever refers to it. */
function fromDeltas(stack: string, block: Block, deltas: readonly Delta[]): ValueChange | undefined {
  const delta = deltas.find((d) => d.certain) ?? deltas[0];
  if (!delta) return undefined;
  const address = block.kind === "output" ? `output.${block.name}` : block.address;
  const link: Link = { stack, address, detail: detailOf(delta) };
  return { certain: delta.certain, chain: delta.direct ? [link] : [...delta.chain, link] };
}

/** Which of `rule.replaceOnSwitch` `block` sets, joined. */
function switchesSetIn(rule: ForceNewRule, block: Block): string {
  return (rule.replaceOnSwitch ?? []).filter((name) => block.arguments[name] !== undefined).join(",");
}

function switched(rule: ForceNewRule, before: Block, after: Block): Delta | undefined {
  if (!rule.replaceOnSwitch) return undefined;
  const from = switchesSetIn(rule, before);
  const to = switchesSetIn(rule, after);
  if (from === to) return undefined;
  return { path: [to || from], before: from || undefined, after: to || undefined, direct: true, certain: true, chain: [], forcing: true };
}

function classify(stack: string, after: Block, before: Block, deltas: Delta[]): Evaluation {
  const rule = forceNewRule(after.type);
  const base = { deltas, rule, reasons: [] as string[] };
  if (!rule) {
    if (!deltas.length) return { ...base, action: "none", chain: [] };
    const first = deltas[0];
    return {
      ...base,
      action: "maybe-replace",
      chain: originChain(stack, after, first),
      reasons: [`${after.type} is not in the force-new table (cli/review/force-new.ts): any change may replace it`],
    };
  }
  const switchDelta = switched(rule, before, after);
  const forcing = [...(switchDelta ? [switchDelta] : []), ...deltas.filter((d) => d.forcing || forcesReplacement(rule, d.path))];
  const certain = forcing.find((d) => d.certain && d.direct) ?? forcing.find((d) => d.certain);
  const chosen = certain ?? forcing[0];
  const reasons = rule.note && chosen ? [`note: ${rule.note}`] : [];
  if (chosen) {
    const action = certain ? "replace" : "maybe-replace";
    if (!certain) reasons.unshift("fed by a value that is only known after apply");
    return { ...base, deltas: switchDelta ? [switchDelta, ...deltas] : deltas, action, chain: originChain(stack, after, chosen), reasons };
  }
  return { ...base, action: deltas.length ? "update" : "none", chain: [] };
}

function originChain(stack: string, block: Block, delta: Delta): Link[] {
  const link: Link = { stack, address: block.address, detail: detailOf(delta) };
  return delta.direct ? [link] : [...delta.chain, link];
}

/** The stack a `terraform_remote_state` data source reads: the one whose backend matches, else by cdktf's name. */
export function resolveRemoteState(synth: Synth, block: Block): string | undefined {
  const backend = block.arguments.backend;
  if (typeof backend === "string") {
    const reader = backendIndex(synth).get(remoteStateKey(block, backend));
    if (reader !== undefined) return reader;
  }
  const byName = /^cross-stack-reference-input-(.+)$/.exec(block.name);
  return byName && synth.has(byName[1]) ? byName[1] : undefined;
}

/** JSON with every object's keys sorted: equal for equal values, as isDeepStrictEqual compares them. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const backendKey = (type: string, config: unknown) => `${type}\u0000${canonical(config)}`;

/** A remote-state source's backend key, kept: every reference through it looks it up. */
const remoteStateKeys = new WeakMap<Block, string>();

function remoteStateKey(block: Block, backend: string): string {
  let key = remoteStateKeys.get(block);
  if (key === undefined) {
    key = backendKey(backend, block.arguments.config ?? {});
    remoteStateKeys.set(block, key);
  }
  return key;
}

/**
 * Stack by backend, per synth, built once: a fleet has ~800 remote-state sources, and scanning
 * every stack's backend for each cost a fifth of a 100-region review (bench profile). The first
 * stack wins, as the scan did.
 */
const backendIndexes = new WeakMap<Synth, Map<string, string>>();

function backendIndex(synth: Synth): Map<string, string> {
  let index = backendIndexes.get(synth);
  if (!index) {
    index = new Map();
    for (const stack of synth.values()) {
      for (const [type, config] of Object.entries(stack.backend ?? {})) {
        const key = backendKey(type, config);
        if (!index.has(key)) index.set(key, stack.name);
      }
    }
    backendIndexes.set(synth, index);
  }
  return index;
}
