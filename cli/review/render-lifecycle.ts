/**
 * The parts of the PR comment about whole stacks and regions (lifecycle.ts): a region being
 * decommissioned, stacks orphaned, workspaces adopted under their old names, and the state moves a
 * rename needs. Said plainly and first: each is easy to miss in a list of resources and costly to miss.
 */
import { LIFECYCLE_DOC } from "./lifecycle";
import { code, codeList, plural } from "./markdown-text";
import type { RegionNotice, Report } from "./report";
import { stateMoveScript, type StateMove } from "./state-moves";

function regionNote(notice: RegionNotice): string {
  const stacks = codeList(notice.stacks);
  switch (notice.kind) {
    case "decommissioning":
      return (
        `> 🗑️ **decommissioning ${notice.region}: ${plural(notice.resources, "resource")} will be destroyed** by \`cdktf destroy\` of ${stacks}: ` +
        `\`prevent_destroy\` is lifted on these stacks only. Back up notebooks, root buckets and catalog tables first, then destroy config stacks before workspace stacks (${LIFECYCLE_DOC}).`
      );
    case "orphaned": {
      const also = notice.alsoDestroyed.length
        ? ` The same change WILL destroy ${notice.region}'s account-level objects: ${codeList(notice.alsoDestroyed)} (the block went with the entry, and its \`prevent_destroy\` with it).`
        : "";
      return (
        `> ⚠️ **${notice.region}: ${plural(notice.stacks.length, "stack")} left the synth without \`decommission: true\`: \`cdktf deploy\` will NOT destroy them.** ` +
        `Their ${plural(notice.resources, "resource")} keep running, billed and unmanaged (orphaned): ${stacks}.${also} ` +
        `To remove a region, put its entry back with \`decommission: true\`, destroy its stacks, then delete the entry (${LIFECYCLE_DOC}).`
      );
    }
    case "removed-after-decommission":
      return (
        `> ℹ️ ${notice.region} (decommissioned) left the synth: ${stacks}. Right if \`cdktf destroy\` finished for them; ` +
        `if it did not, their resources are now orphaned: put the entry back (still \`decommission: true\`) and destroy them first.`
      );
  }
}

/** Lines for the top of the comment, each a blockquote preceded by a blank line. */
export function lifecycleNotes(report: Report): string[] {
  const lines: string[] = [];
  for (const notice of report.regions ?? []) lines.push("", regionNote(notice));
  for (const adoption of report.adoptions ?? []) {
    lines.push(
      "",
      `> ℹ️ ${code(adoption.stack)} adopts the workspace ${code(adoption.workspaceName)} under its existing name; the convention would name it ` +
        `${code(adoption.conventionName)}. Nothing is renamed: renaming a workspace replaces it.`,
    );
  }
  return lines;
}

/**
 * The commands each renamed stack's state needs, before anything is deployed from the new names.
 * Without them terraform creates every resource anew and the old ones keep running, unmanaged. One
 * script: every step that must precede the synth first, then the synth, then the rest per stack.
 */
export function stateMoveSection(report: Report, cap: number): { text: string; omitted: number } {
  const moves = report.stateMoves ?? [];
  if (!moves.length) return { text: "", omitted: 0 };
  const kinds = [...new Set(moves.map((move) => move.backend))].join(", ");
  const title =
    `\n### State moves (renamed stacks, ${kinds} backend)\n\n` +
    "cdktf keys state by stack name. Run these before deploying from the new names; `terraform state push` refuses a state of another lineage.\n\n";
  const block = (shown: readonly StateMove[]) => `\`\`\`sh\n${stateMoveScript(shown)}\`\`\`\n`;
  let shown = moves.length;
  while (shown > 0 && title.length + block(moves.slice(0, shown)).length + CUT_NOTE.length > cap) shown--;
  const omitted = moves.length - shown;
  return { text: title + block(moves.slice(0, shown)) + (omitted ? CUT_NOTE : ""), omitted };
}

const CUT_NOTE = "\n> ✂️ Not every stack's commands fit: run `npm run review -- --format json` for all of them BEFORE synthesizing the rename.\n";
