/**
 * Stacks that were renamed rather than removed and added. Every name in the app comes from one
 * convention (`<company>-<domain>-<region code>-<env>`), so renaming the company renames every stack;
 * comparing them as "all removed, all added" would hide what the rename does to each resource (the
 * bucket, the workspace and everything built on them are replaced). A rename is recognised as one
 * consistent substitution of name parts (`acme` → `globex`) mapping removed stacks one-to-one onto
 * added ones, in the same AWS region: a region swapped for another is a removal and an addition.
 */
import { parseStack, type Synth, type SynthStack } from "../../tfjson/block";

/** `acme-data-use1-dev` → `globex-data-use1-dev`: old name → new name. */
export type Renames = ReadonlyMap<string, string>;

function parts(name: string): string[] {
  return name.split("-");
}

/** The part-by-part substitution that turns `from` into `to`, or undefined when they differ in length. */
function substitution(from: string, to: string): string | undefined {
  const a = parts(from);
  const b = parts(to);
  if (a.length !== b.length) return undefined;
  const changed = a.flatMap((part, i) => (part === b[i] ? [] : [`${part}>${b[i]}`]));
  return changed.length ? [...new Set(changed)].sort().join(",") : undefined;
}

function awsRegion(stack: SynthStack): unknown {
  return stack.block("provider.aws")?.arguments.region;
}

/**
 * Pairs base-only and head-only stacks that one substitution explains, the substitution covering the
 * most stacks first. A substitution is refused whole if any pair it makes changes AWS region or if it
 * maps two stacks onto one.
 */
export function findRenames(base: Synth, head: Synth): Renames {
  let removed = [...base.keys()].filter((name) => !head.has(name));
  let added = [...head.keys()].filter((name) => !base.has(name));
  const renames = new Map<string, string>();
  const refused = new Set<string>();
  for (;;) {
    const bySubstitution = new Map<string, [string, string][]>();
    for (const from of removed) {
      for (const to of added) {
        const key = substitution(from, to);
        if (key === undefined || refused.has(key)) continue;
        bySubstitution.set(key, [...(bySubstitution.get(key) ?? []), [from, to]]);
      }
    }
    const ranked = [...bySubstitution].sort(([keyA, a], [keyB, b]) => b.length - a.length || keyA.localeCompare(keyB));
    if (!ranked.length) return renames;
    const [key, pairs] = ranked[0];
    const oneToOne = new Set(pairs.map(([from]) => from)).size === pairs.length && new Set(pairs.map(([, to]) => to)).size === pairs.length;
    const sameRegion = pairs.every(([from, to]) => awsRegion(base.get(from)!) === awsRegion(head.get(to)!));
    if (!oneToOne || !sameRegion) {
      refused.add(key);
      continue;
    }
    for (const [from, to] of pairs) renames.set(from, to);
    removed = removed.filter((name) => !renames.has(name));
    added = added.filter((name) => ![...renames.values()].includes(name));
  }
}

const REMOTE_STATE_PREFIX = "cross-stack-reference-input-";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * cdktf names a cross-stack reference after the stack it reads (`data.terraform_remote_state.
 * cross-stack-reference-input-<stack>`), so a rename rewrites every reference to it. That text change
 * is not a change of value: the references are renamed in the base too, and the remote-state data
 * source is matched by its backend (evaluate.ts), which still tells whether it reads the same stack.
 */
function renameReferences(renames: Renames): (text: string) => string {
  const patterns = [...renames].map(([from, to]) => ({
    pattern: new RegExp(`${escapeRegExp(REMOTE_STATE_PREFIX + from)}(?![\\w-])`, "g"),
    replacement: REMOTE_STATE_PREFIX + to,
  }));
  return (text) => patterns.reduce((out, { pattern, replacement }) => out.replace(pattern, replacement), text);
}

/** Every string and every key renamed: the data source's name (a key) and each reference to it. */
function mapStrings(value: unknown, rename: (text: string) => string): unknown {
  if (typeof value === "string") return rename(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, rename));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [rename(key), mapStrings(child, rename)]));
  }
  return value;
}

/**
 * The base synth with renamed stacks filed under their new names and references to them renamed, so
 * both sides line up stack by stack and only real changes remain.
 */
export function underNewNames(base: Synth, renames: Renames): Synth {
  if (!renames.size) return base;
  const rename = renameReferences(renames);
  return new Map(
    [...base].map(([name, stack]) => {
      const to = renames.get(name) ?? name;
      return [to, parseStack(to, mapStrings(stack.json, rename))];
    }),
  );
}
