/**
 * The PR comment both tools post: a verdict first, then what will be destroyed and why, then counts per
 * stack, then every change folded away. Shared by `review` and `plan-summary` so a reviewer reads one
 * format whichever produced it.
 */
import { COMMENT_LIMIT, fitUnits } from "./budget";
import { code, htmlCode, plural } from "./markdown-text";
import { lifecycleNotes, stateMoveSection } from "./render-lifecycle";
import {
  countChanges, destructiveChanges, sortChanges, allChanges, isDestructive, isReplacement,
  type ChangeCounts, type Report, type ResourceChange, type StackReport,
} from "./report";

const TABLE_CAP = 12_000;
/** A company rename moves every stack's state: about 700 characters each. */
const STATE_MOVES_CAP = 20_000;
const MIN_DETAILS = 2_000;
const FOOTER_RESERVE = 400;
const ATTRIBUTES_PER_RESOURCE = 20;

function countsPhrase(counts: ChangeCounts): string {
  const parts = [
    counts.create && `${counts.create} to add`,
    counts.import && `${counts.import} to import`,
    counts.update && `${counts.update} to change`,
    counts.replace && `${counts.replace} to replace`,
    counts["maybe-replace"] && `${counts["maybe-replace"]} that may be replaced`,
    counts.delete && `${counts.delete} to delete`,
    counts.orphan && `${counts.orphan} left running unmanaged (orphaned)`,
    counts.forget && `${counts.forget} to forget`,
    counts.read && `${counts.read} to read`,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "no changes";
}

function headline(report: Report): string {
  const counts = countChanges(allChanges(report));
  const destructive = destructiveChanges(report);
  const blocked = destructive.filter((change) => change.blocked).length;
  const verdict = destructive.length
    ? `## 🔴 Plan review: DESTRUCTIVE: ${countsPhrase(counts)}`
    : counts.orphan
      ? `## 🟠 Plan review: ORPHANED, nothing destroyed: ${countsPhrase(counts)}`
      : `## 🟢 Plan review: nothing destroyed: ${countsPhrase(counts)}`;
  const origin = report.source === "synth-diff"
    ? "_Predicted from two synthesized cdktf.out folders and the provider force-new table; `terraform plan` is the authority._"
    : "_From terraform plans (`terraform show -json`)._";
  const lines = [verdict, "", origin, ...lifecycleNotes(report)];
  const renamed = report.stacks.filter((stack) => stack.renamedFrom);
  if (renamed.length) {
    const example = `${code(renamed[0].renamedFrom!)} → ${code(renamed[0].name)}`;
    lines.push(
      "",
      `> ⚠️ ${plural(renamed.length, "stack")} renamed (${example}${renamed.length > 1 ? ", …" : ""}): a renamed stack has a new state key. ` +
        "The changes below assume its state is moved to the new key first (State moves, below); without that, terraform creates every resource anew and the old ones keep running, unmanaged.",
    );
  }
  const harmless = allChanges(report).filter((change) => isReplacement(change) && !isDestructive(change));
  if (harmless.length) {
    const types = [...new Set(harmless.map((change) => change.type))].map(code).join(", ");
    lines.push("", `> ℹ️ ${plural(harmless.length, "replacement")} of ${types} not counted as destructive: it holds no infrastructure, replacing it only waits again.`);
  }
  if (blocked) lines.push("", `> ⛔ ${plural(blocked, "change")} will stop the apply: terraform refuses to destroy a resource with \`prevent_destroy\`.`);
  return `${lines.join("\n")}\n`;
}

function attributeLine(attribute: ResourceChange["attributes"][number]): string {
  const forces = attribute.forcesReplacement ? " (forces replacement)" : "";
  const where = attribute.inside === undefined ? code(attribute.path) : `${code(attribute.path)} › ${code(attribute.inside)}`;
  return `  - ${where}: ${code(attribute.before)} → ${code(attribute.after)}${forces}`;
}

function changeUnit(change: ResourceChange, onlyForcing: boolean): string {
  const lines = [`- **${change.action}** ${code(change.stack)} ${code(change.address)}`];
  const forcing = change.attributes.filter((a) => a.forcesReplacement);
  const shown = onlyForcing ? (forcing.length ? forcing : change.attributes.slice(0, 3)) : change.attributes;
  for (const attribute of shown.slice(0, ATTRIBUTES_PER_RESOURCE)) lines.push(attributeLine(attribute));
  if (shown.length > ATTRIBUTES_PER_RESOURCE) lines.push(`  - … ${shown.length - ATTRIBUTES_PER_RESOURCE} more attributes`);
  for (const reason of change.reasons) lines.push(`  - ${reason}`);
  if (change.blocked) lines.push(`  - ⛔ ${change.blocked}`);
  return lines.join("\n");
}

/**
 * What a reviewer must see first when the list is cut: changes that stop the apply, then the changes
 * that start something (a renamed bucket, a new CIDR), then what is dragged along by a reference.
 */
function destructiveOrder(changes: readonly ResourceChange[]): ResourceChange[] {
  const tier = (change: ResourceChange) => (change.blocked ? 0 : change.reasons.some((r) => r.startsWith("replaced because")) ? 2 : 1);
  return sortChanges(changes).sort((a, b) => tier(a) - tier(b));
}

/** An update that only changes `tags_all`: what a provider default_tags (cost tag) change does. */
function isTagsAllOnly(change: ResourceChange): boolean {
  return change.action === "update" && change.attributes.length > 0 && change.attributes.every((a) => a.path.startsWith("tags_all."));
}

const ADDRESSES_PER_GROUP = 40;

/** One entry per distinct tags_all change, listing the resources it reaches: a cost-tag change stays readable. */
function tagsAllUnits(changes: readonly ResourceChange[]): string[] {
  const groups = new Map<string, ResourceChange[]>();
  for (const change of changes) {
    const key = JSON.stringify(change.attributes);
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  return [...groups.values()].map((group) => {
    if (group.length === 1) return changeUnit(group[0], false);
    const addresses = group.map((c) => code(c.address));
    const shown = addresses.slice(0, ADDRESSES_PER_GROUP).join(", ");
    const more = addresses.length > ADDRESSES_PER_GROUP ? `, … ${addresses.length - ADDRESSES_PER_GROUP} more` : "";
    return [
      `- **update** ${plural(group.length, "resource")} in ${code(group[0].stack)}: only \`tags_all\` (the provider's default_tags), in place`,
      ...group[0].attributes.map(attributeLine),
      `  - ${shown}${more}`,
    ].join("\n");
  });
}

function destructiveSection(report: Report, cap: number): { text: string; omitted: number } {
  const changes = destructiveOrder(destructiveChanges(report));
  if (!changes.length) return { text: "", omitted: 0 };
  const title = "\n### Destroyed or replaced\n\n";
  const fitted = fitUnits(changes.map((c) => changeUnit(c, true)), cap - title.length, (n) => `- … ${plural(n, "more destructive change")} not shown`);
  return { text: title + fitted.text, omitted: fitted.omitted };
}

function tableSection(report: Report): { text: string; omitted: number } {
  const title = "\n### Per stack\n\n| Stack | Status | Add | Change | Replace | Delete | Unchanged |\n|---|---|---:|---:|---:|---:|---:|\n";
  const rows = report.stacks.map((stack) => {
    const c = countChanges(stack.changes);
    const replace = c.replace + c["maybe-replace"];
    const status = stack.renamedFrom ? `renamed from ${code(stack.renamedFrom)}` : stack.removal ? `removed (${stack.removal})` : stack.status;
    return `| ${code(stack.name)} | ${status} | ${c.create} | ${c.update} | ${replace} | ${c.delete} | ${stack.unchanged} |`;
  });
  const fitted = fitUnits(rows, TABLE_CAP - title.length, (n) => `| … ${plural(n, "more stack")} | | | | | | |`);
  return { text: title + fitted.text, omitted: fitted.omitted };
}

function detailsSection(stacks: readonly StackReport[], cap: number): { text: string; omitted: number } {
  const withChanges = stacks.filter((stack) => stack.changes.length);
  if (!withChanges.length) return { text: "", omitted: 0 };
  let text = "\n### All changes\n\n";
  let omitted = 0;
  for (const stack of withChanges) {
    const open = `<details><summary>${htmlCode(stack.name)}: ${plural(stack.changes.length, "change")} (${stack.status})</summary>\n\n`;
    const close = "\n</details>\n";
    const room = cap - text.length - open.length - close.length;
    if (room < 200) {
      omitted += stack.changes.length;
      continue;
    }
    const units = [
      ...sortChanges(stack.changes.filter((c) => !isTagsAllOnly(c))).map((c) => changeUnit(c, false)),
      ...tagsAllUnits(stack.changes.filter(isTagsAllOnly)),
    ];
    const fitted = fitUnits(units, room, (n) => `- … ${plural(n, "more change")} not shown`);
    omitted += fitted.omitted;
    text += open + fitted.text + close;
  }
  return { text, omitted };
}

/** GitHub-flavoured markdown for a PR comment, always under `COMMENT_LIMIT` characters. */
export function renderMarkdown(report: Report): string {
  const head = headline(report);
  const table = tableSection(report);
  const moves = stateMoveSection(report, STATE_MOVES_CAP);
  const destructiveCap = COMMENT_LIMIT - head.length - moves.text.length - table.text.length - MIN_DETAILS - FOOTER_RESERVE;
  const destructive = destructiveSection(report, destructiveCap);
  const detailsCap = COMMENT_LIMIT - head.length - moves.text.length - table.text.length - destructive.text.length - FOOTER_RESERVE;
  const details = detailsSection(report.stacks, detailsCap);
  const omitted = destructive.omitted + details.omitted + table.omitted + moves.omitted;
  const footer = omitted
    ? `\n> ✂️ Cut to stay under GitHub's 65,536-character comment limit: ${plural(omitted, "entry", "entries")} not shown. Run with \`--format json\` for everything.\n`
    : "";
  const markdown = head + moves.text + destructive.text + table.text + details.text + footer;
  // The caps above already hold; this guards the limit against a future section nobody budgeted.
  return markdown.length <= COMMENT_LIMIT ? markdown : `${markdown.slice(0, COMMENT_LIMIT - 60)}\n\n> ✂️ Cut at the comment limit.\n`;
}
