/**
 * Compares two synthesized cdktf.out folders stack by stack and predicts what terraform will do to
 * every resource: the `review` half of the plan-review tools (no terraform, no credentials, no state).
 */
import { formatChain } from "./chain";
import { displayChange, displayValue, formatAttributePath, formatChange, SENSITIVE, UNKNOWN, looksSecret } from "./display";
import { Evaluator, type Delta, type Evaluation } from "./evaluate";
import { forcesReplacement } from "./force-new";
import { documentChanges } from "./json-documents";
import { providerReasons, type ProviderDelta } from "./provider-effects";
import type { AttributeChange, Report, ResourceChange, StackReport } from "./report";
import { findRenames, underNewNames } from "./renames";
import type { Block, Synth, SynthStack } from "../../tfjson/block";
import { loadSynth, SynthDirError } from "../../tfjson/synth-dir";
import { UserError } from "../kit/errors";

export const BLOCKED_BY_PREVENT_DESTROY = "blocked: terraform will refuse (prevent_destroy)";

/** Reads both folders and compares them. Throws `UserError` naming a folder that cannot be read. */
export function compareSynthDirs(baseDir: string, headDir: string): Report {
  return compareSynths(readSynth(baseDir), readSynth(headDir));
}

function readSynth(dir: string): Synth {
  try {
    return loadSynth(dir);
  } catch (error) {
    if (error instanceof SynthDirError) throw new UserError(error.message);
    throw error;
  }
}

export function compareSynths(base: Synth, head: Synth): Report {
  const renames = findRenames(base, head);
  const renamedFrom = new Map([...renames].map(([from, to]) => [to, from]));
  const rebased = underNewNames(base, renames);
  const evaluator = new Evaluator(rebased, head);
  const names = [...new Set([...rebased.keys(), ...head.keys()])].sort();
  const stacks = names.map((name): StackReport => {
    const before = rebased.get(name);
    const after = head.get(name);
    if (!before) return wholeStack(after!, "added");
    if (!after) return wholeStack(before, "removed");
    const compared = compareStack(evaluator, before, after);
    const from = renamedFrom.get(name);
    return from ? { ...compared, status: "renamed", renamedFrom: from } : compared;
  });
  return { source: "synth-diff", stacks };
}

function resources(stack: SynthStack): Block[] {
  return stack.blocks.filter((block) => block.kind === "resource");
}

function wholeStack(stack: SynthStack, status: "added" | "removed"): StackReport {
  const changes = resources(stack).map((block): ResourceChange => {
    if (status === "added") return created(stack.name, block);
    // Destroying a whole workspace stack runs `terraform destroy` on its last configuration, with
    // its prevent_destroy flags still in place.
    return {
      stack: stack.name, address: block.address, type: block.type, action: "delete", attributes: [],
      reasons: ["stack removed: its workspace is destroyed"],
      ...(block.preventDestroy ? { blocked: BLOCKED_BY_PREVENT_DESTROY } : {}),
    };
  });
  return { name: stack.name, status, changes, unchanged: 0 };
}

function created(stack: string, block: Block): ResourceChange {
  return { stack, address: block.address, type: block.type, action: "create", attributes: [], reasons: [] };
}

function compareStack(evaluator: Evaluator, before: SynthStack, after: SynthStack): StackReport {
  const changes: ResourceChange[] = [];
  let unchanged = 0;
  const keys = [...new Set([...resources(before), ...resources(after)].map((block) => block.address))].sort();
  for (const key of keys) {
    const old = before.block(key);
    const now = after.block(key);
    if (!old) {
      changes.push(created(after.name, now!));
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
