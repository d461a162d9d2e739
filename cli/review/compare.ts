/**
 * Compares two synthesized cdktf.out folders stack by stack and predicts what terraform will do to
 * every resource: the `review` half of the plan-review tools (no terraform, no credentials, no state).
 */
import { isDeepStrictEqual } from "node:util";
import { formatChain } from "./chain";
import { displayChange, displayValue, formatAttributePath, formatChange, SENSITIVE, UNKNOWN, looksSecret } from "./display";
import { Evaluator, resolveRemoteState, type Delta, type Evaluation } from "./evaluate";
import { forcesReplacement } from "./force-new";
import { documentChanges } from "./json-documents";
import { providerReasons, type ProviderDelta } from "./provider-effects";
import { BLOCKED_BY_PREVENT_DESTROY, type AttributeChange, type Report, type ResourceChange, type StackReport } from "./report";
import { adoptions, decommissioningStack, importReason, orphanedStack, regionNotices, removedAfterDecommission } from "./lifecycle";
import { findRenames, underNewNames } from "./renames";
import { stateMoves, type StateMoveOptions } from "./state-moves";
import type { Block, Synth, SynthStack } from "../../tfjson/block";
import { loadSynthPair, SynthDirError } from "../../tfjson/synth-dir";
import { UserError } from "../kit/errors";

export { BLOCKED_BY_PREVENT_DESTROY };

/** Reads both folders and compares them. Throws `UserError` naming a folder that cannot be read. */
export function compareSynthDirs(baseDir: string, headDir: string, options: StateMoveOptions = {}): Report {
  let synths: { base: Synth; head: Synth };
  try {
    synths = loadSynthPair(baseDir, headDir);
  } catch (error) {
    if (error instanceof SynthDirError) throw new UserError(error.message);
    throw error;
  }
  return compareSynths(synths.base, synths.head, { baseSynthDir: baseDir, ...options });
}

export function compareSynths(base: Synth, head: Synth, options: StateMoveOptions = {}): Report {
  const renames = findRenames(base, head);
  const renamedFrom = new Map([...renames].map(([from, to]) => [to, from]));
  const rebased = underNewNames(base, renames);
  const evaluator = new Evaluator(rebased, head);
  const settled = settledStacks(rebased, head);
  const names = [...new Set([...rebased.keys(), ...head.keys()])].sort();
  const stacks = names.map((name): StackReport => {
    const before = rebased.get(name);
    const after = head.get(name);
    if (!before) return addedStack(after!);
    if (!after) return before.lifecycle.decommission ? removedAfterDecommission(before) : orphanedStack(before);
    if (after.lifecycle.decommission) return decommissioningStack(after);
    const compared = settled.has(name) ? unchangedStack(after) : compareStack(evaluator, before, after);
    const from = renamedFrom.get(name);
    return from ? { ...compared, status: "renamed", renamedFrom: from } : compared;
  });
  const moves = stateMoves(base, head, renames, options);
  const regions = regionNotices(rebased, head, stacks);
  const adopted = adoptions(rebased, head);
  return {
    source: "synth-diff",
    stacks,
    ...(regions.length ? { regions } : {}),
    ...(moves.length ? { stateMoves: moves } : {}),
    ...(adopted.length ? { adoptions: adopted } : {}),
  };
}

/**
 * Stacks that cannot change: the same Terraform JSON on both sides, and every stack they read through
 * remote state resolves alike and is settled too. Nothing in them needs evaluating; at fleet size
 * most stacks of a one-region change are such, and evaluating them was most of a review's time.
 */
function settledStacks(base: Synth, head: Synth): Set<string> {
  const verdicts = new Map<string, boolean | "pending">();
  const settled = (name: string): boolean => {
    const known = verdicts.get(name);
    if (known !== undefined) return known === true;
    verdicts.set(name, "pending");
    const before = base.get(name);
    const after = head.get(name);
    const verdict =
      before !== undefined &&
      after !== undefined &&
      // The same object when the files are byte-identical (synth-dir.ts loadSynthPair); the JSON is
      // compared only when they are not (other whitespace or key order reads the same to terraform).
      (before === after || isDeepStrictEqual(before.json, after.json)) &&
      // By type, not by address: the address index would make every block of the stack.
      after.ofType("terraform_remote_state", "data").every((source) => {
        const from = resolveRemoteState(base, before.ofType("terraform_remote_state", "data").find((old) => old.address === source.address)!);
        return from !== undefined && from === resolveRemoteState(head, source) && settled(from);
      });
    verdicts.set(name, verdict);
    return verdict;
  };
  return new Set([...head.keys()].filter(settled));
}

function unchangedStack(stack: SynthStack): StackReport {
  return { name: stack.name, status: "unchanged", changes: [], unchanged: stack.resourceCount };
}

function resources(stack: SynthStack): Block[] {
  return stack.blocks.filter((block) => block.kind === "resource");
}

function addedStack(stack: SynthStack): StackReport {
  return { name: stack.name, status: "added", changes: resources(stack).map((block) => created(stack, block)), unchanged: 0 };
}

/** A resource new to the configuration: created, or adopted by an import block. */
function created(stack: SynthStack, block: Block): ResourceChange {
  const imported = stack.imports.find((entry) => entry.to === block.address);
  return {
    stack: stack.name, address: block.address, type: block.type, action: imported ? "import" : "create", attributes: [],
    reasons: imported ? [importReason(imported.id)] : [],
  };
}

function compareStack(evaluator: Evaluator, before: SynthStack, after: SynthStack): StackReport {
  const changes: ResourceChange[] = [];
  let unchanged = 0;
  const keys = [...new Set([...resources(before), ...resources(after)].map((block) => block.address))].sort();
  for (const key of keys) {
    const old = before.block(key);
    const now = after.block(key);
    if (!old) {
      changes.push(created(after, now!));
    } else if (!now) {
      changes.push(removedBlock(after.name, old));
    } else {
      const evaluation = evaluator.evaluate(after.name, key);
      if (evaluation.action === "none") unchanged++;
      else changes.push(changed(after.name, now, evaluation));
    }
  }
  const status = changes.length ? "changed" : "unchanged";
  return { name: after.name, status, changes, unchanged };
}

function removedBlock(stack: string, block: Block): ResourceChange {
  const reasons = ["removed from the configuration"];
  // prevent_destroy lives in the block: once the block is gone terraform no longer sees it
  // (terraform docs, lifecycle meta-argument), so this deletion is NOT blocked. Say so loudly.
  if (block.preventDestroy) reasons.push("prevent_destroy was set, but it was removed with the block: terraform WILL destroy it");
  return { stack, address: block.address, type: block.type, action: "delete", attributes: [], reasons };
}

function changed(stack: string, block: Block, evaluation: Evaluation): ResourceChange {
  const destructive = evaluation.action === "replace" || evaluation.action === "maybe-replace";
  const fromProvider = evaluation.deltas.flatMap((delta): ProviderDelta[] => (delta.fromProvider ? [delta.fromProvider] : []));
  const reasons = [...providerReasons(fromProvider), ...evaluation.reasons];
  if (destructive && evaluation.chain.length > 1) reasons.unshift(`replaced because ${formatChain(evaluation.chain)}`);
  return {
    stack,
    address: block.address,
    type: block.type,
    action: evaluation.action === "none" ? "update" : evaluation.action,
    attributes: evaluation.deltas.flatMap((delta) => attributeChanges(delta, evaluation)),
    reasons,
    ...(destructive && block.preventDestroy ? { blocked: BLOCKED_BY_PREVENT_DESTROY } : {}),
  };
}

/**
 * How one delta reads: the attribute with its old and new value, or, for an attribute holding a JSON
 * document (a policy), one line per key that changed inside it.
 */
function attributeChanges(delta: Delta, evaluation: Evaluation): AttributeChange[] {
  const path = formatAttributePath(delta.path);
  const forces = delta.forcing === true || (evaluation.rule !== undefined && forcesReplacement(evaluation.rule, delta.path));
  const secret = looksSecret(delta.path);
  if (!delta.direct) {
    return [{ path, before: displayValue(delta.path, delta.before), after: secret ? SENSITIVE : UNKNOWN, forcesReplacement: forces }];
  }
  const inside = secret ? undefined : documentChanges(delta.before, delta.after);
  if (inside) return inside.map((change) => ({ path, inside: change.inside, ...formatChange(change.before, change.after), forcesReplacement: forces }));
  return [{ path, ...displayChange(delta.path, delta.before, delta.after), forcesReplacement: forces }];
}
