/**
 * Whole stacks coming and going, told the way they really happen:
 *
 * - A stack that leaves the synth is never destroyed by `cdktf deploy`: deploy only runs terraform for
 *   the stacks in the current synth (cdktf selects stacks by name from the synthesized manifest), so
 *   the removed stack's resources keep running, billed and unmanaged: orphaned. Only `cdktf destroy`
 *   of a stack still in the synth deletes it. So a region is removed in two steps: `decommission:
 *   true` (its stacks stay, `prevent_destroy` lifted, destroyed), then the entry deleted.
 * - The same edit can delete blocks elsewhere for that region (its metastore in the account stack:
 *   the block goes with the entry, and `prevent_destroy` goes with the block): those ARE destroyed by
 *   the next deploy of the stack they were in.
 * - An `import` block adopts an existing object instead of creating one.
 *
 * A stack's region and decommissioning come from the stack itself (its AWS provider, its lifecycle
 * marker: tfjson/lifecycle-marker.ts), so a base synth still says so after the entry is gone.
 */
import { BLOCKED_BY_PREVENT_DESTROY, type Adoption, type RegionNotice, type ResourceChange, type StackReport } from "./report";
import type { Block, Synth, SynthStack } from "../../tfjson/block";

/** Where the runbook for all of this lives. */
export const LIFECYCLE_DOC = "docs/lifecycle.md";

export const ORPHAN_REASON = "its stack left the synth: no `cdktf deploy` plans it again, so it keeps running (and billing), unmanaged";

const BUCKET_NOTE =
  "the destroy stops here while the bucket holds objects (force_destroy is false, on purpose): back it up, then empty it or take it out of the state first";

function resources(stack: SynthStack): Block[] {
  return stack.blocks.filter((block) => block.kind === "resource");
}

function awsRegionOf(stack: SynthStack): string | undefined {
  const region = stack.block("provider.aws")?.arguments.region;
  return typeof region === "string" ? region : undefined;
}

const REMOTE_STATE = /^cross-stack-reference-input-(.+)$/;

/**
 * The AWS region a stack belongs to: its AWS provider's, else (a config stack has only the workspace's
 * Databricks provider) that of a stack it reads through a cross-stack reference and that `related`
 * accepts (one leaving with it, not the account stack every stack reads).
 */
export function regionOf(stack: SynthStack, synth: Synth, related: (name: string) => boolean = () => true): string | undefined {
  if (stack.lifecycle.decommission) return stack.lifecycle.decommission.region;
  const own = awsRegionOf(stack);
  if (own) return own;
  for (const block of stack.ofType("terraform_remote_state", "data")) {
    const source = REMOTE_STATE.exec(block.name)?.[1];
    const upstream = source && related(source) ? synth.get(source) : undefined;
    const region = upstream && awsRegionOf(upstream);
    if (region) return region;
  }
  return undefined;
}

/** Removed without its region being decommissioned: nothing is destroyed, everything is left running. */
export function orphanedStack(stack: SynthStack): StackReport {
  const changes = resources(stack).map((block): ResourceChange => ({
    stack: stack.name, address: block.address, type: block.type, action: "orphan", attributes: [], reasons: [ORPHAN_REASON],
  }));
  return { name: stack.name, status: "removed", removal: "orphaned", changes, unchanged: 0 };
}

/** Removed after its region was decommissioned: whatever `cdktf destroy` left is not visible here. */
export function removedAfterDecommission(stack: SynthStack): StackReport {
  return { name: stack.name, status: "removed", removal: "after-decommission", changes: [], unchanged: 0 };
}

/** Decommissioning: `cdktf destroy` deletes every resource; a prevent_destroy still set stops it. */
export function decommissioningStack(stack: SynthStack): StackReport {
  const region = stack.lifecycle.decommission!.region;
  const changes = resources(stack).map((block): ResourceChange => {
    const reasons = [`decommissioning ${region}: \`cdktf destroy\` deletes it`];
    if (block.type === "aws_s3_bucket" && block.arguments.force_destroy !== true) reasons.push(BUCKET_NOTE);
    return {
      stack: stack.name, address: block.address, type: block.type, action: "delete", attributes: [], reasons,
      ...(block.preventDestroy ? { blocked: BLOCKED_BY_PREVENT_DESTROY } : {}),
    };
  });
  return { name: stack.name, status: "decommissioning", changes, unchanged: 0 };
}

function group(entries: readonly { region: string; stack: StackReport }[]): Map<string, StackReport[]> {
  const byRegion = new Map<string, StackReport[]>();
  for (const { region, stack } of entries) byRegion.set(region, [...(byRegion.get(region) ?? []), stack]);
  return byRegion;
}

/** Blocks of stacks on both sides that this change deletes and that carry `region` (a metastore). */
function regionalDeletions(base: Synth, head: Synth, region: string): string[] {
  return [...head.keys()].flatMap((name) => {
    const before = base.get(name);
    const after = head.get(name)!;
    if (!before || after.lifecycle.decommission) return [];
    return resources(before)
      .filter((block) => !after.block(block.address) && block.arguments.region === region)
      .map((block) => `${name}/${block.address}`);
  });
}

const UNKNOWN_REGION = "(region unknown)";

/**
 * One notice per region and kind, from the stack reports: `base` is the base synth with renamed
 * stacks already under their new names (renames.ts), `head` the head synth.
 */
export function regionNotices(base: Synth, head: Synth, stacks: readonly StackReport[]): RegionNotice[] {
  const removed = new Set(stacks.filter((stack) => stack.status === "removed").map((stack) => stack.name));
  const regionFrom = (synth: Synth, name: string) => regionOf(synth.get(name)!, synth, (source) => removed.has(source)) ?? UNKNOWN_REGION;
  const count = (reports: readonly StackReport[], synth: Synth) => reports.reduce((sum, report) => sum + resources(synth.get(report.name)!).length, 0);
  const notices: RegionNotice[] = [];
  const kinds = [
    ["decommissioning", (s: StackReport) => s.status === "decommissioning", head],
    ["orphaned", (s: StackReport) => s.removal === "orphaned", base],
    ["removed-after-decommission", (s: StackReport) => s.removal === "after-decommission", base],
  ] as const;
  for (const [kind, selects, synth] of kinds) {
    const chosen = stacks.filter(selects).map((stack) => ({ region: regionFrom(synth, stack.name), stack }));
    for (const [region, reports] of group(chosen)) {
      notices.push({
        kind,
        region,
        stacks: reports.map((report) => report.name),
        resources: count(reports, synth),
        alsoDestroyed: kind === "orphaned" ? regionalDeletions(base, head, region) : [],
      });
    }
  }
  return notices;
}

/** Workspaces adopted under a name the convention would not give them, newly in this change. */
export function adoptions(base: Synth, head: Synth): Adoption[] {
  return [...head.values()].flatMap((stack) => {
    const adopted = stack.lifecycle.adopted;
    const before = base.get(stack.name)?.lifecycle.adopted;
    if (!adopted || (before && before.workspaceName === adopted.workspaceName)) return [];
    return [{ stack: stack.name, ...adopted }];
  });
}

/** The reason an imported resource carries: adopted, not created. */
export function importReason(id: string): string {
  return `imported from ${JSON.stringify(id)}: the existing object is adopted, not created`;
}
