/**
 * Appends one entry to the `regions:` list of a regions file as text, so every other byte of the file
 * (comments, blank lines, quoting, key order) stays as people wrote it. The yaml Document API (with its
 * CST) finds the list and its last entry; the entry is written in that entry's style (entry-style.ts)
 * and inserted after it. Two checks guard the result: removing the inserted text gives back the old
 * file byte for byte, and the new file parses to the old data plus the new entry.
 */
import { isDeepStrictEqual } from "node:util";
import { isCollection, isMap, isPair, isSeq, parseDocument, type Document, type Node, type YAMLMap, type YAMLSeq } from "yaml";
import { UserError } from "../kit/errors";
import { keyOf, renderEntry, styleOf } from "./entry-style";

/** The fields onboarding fills; the schema checks the result like any hand-written entry. */
export interface NewRegionEntry {
  readonly region: string;
  readonly availabilityZones: readonly string[];
  /** Environment name → VPC CIDR, in the order of `environments:`. */
  readonly vpcCidrs: Readonly<Record<string, string>>;
}

export interface Insertion {
  readonly text: string;
  /** Where the block went in the old text. */
  readonly offset: number;
  readonly inserted: string;
}

/** The entry as plain data, keys in the order the schema documents them. */
function entryData(entry: NewRegionEntry): Record<string, unknown> {
  return {
    region: entry.region,
    availabilityZones: [...entry.availabilityZones],
    workspaces: Object.fromEntries(Object.entries(entry.vpcCidrs).map(([environment, vpcCidr]) => [environment, { vpcCidr }])),
  };
}

function regionsSeq(doc: Document): YAMLSeq {
  if (!isMap(doc.contents)) throw new UserError("the regions file is not a YAML mapping");
  const pair = doc.contents.items.find((item) => keyOf(item) === "regions");
  if (!pair || !isSeq(pair.value) || !pair.value.items.length) throw new UserError("the regions file has no `regions:` list to append to");
  if (pair.value.flow) throw new UserError("`regions:` is written as a flow list ([…]); write it as a block list (- region: …) to onboard");
  return pair.value;
}

/** Where the last value inside `node` ends: comments are not nodes, so ones after it are not counted. */
function contentEnd(node: unknown): number {
  if (isCollection(node) && !node.flow && node.items.length) {
    const last = node.items[node.items.length - 1];
    return contentEnd(isPair(last) ? (last.value ?? last.key) : last);
  }
  return (node as Node).range?.[1] ?? 0;
}

/**
 * Where the block goes: after the last entry's last line, and after the comment lines right below it
 * that are indented inside the entry (they belong to it); before blank lines and comments that head
 * whatever follows the list.
 */
function insertionOffset(text: string, last: YAMLMap, dashColumn: number): number {
  const end = contentEnd(last);
  const newline = text.indexOf("\n", Math.max(0, end - 1));
  let offset = newline === -1 ? text.length : newline + 1;
  while (offset < text.length) {
    const next = text.indexOf("\n", offset);
    const line = text.slice(offset, next === -1 ? text.length : next);
    const comment = /^(\s*)#/.exec(line);
    if (!comment || comment[1].length <= dashColumn || next === -1) break;
    offset = next + 1;
  }
  return offset;
}

/** The new text with `entry` appended to `regions:`; throws `UserError` when the file's shape prevents it. */
export function appendRegionEntry(text: string, entry: NewRegionEntry): Insertion {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length) throw new UserError(`the regions file is not valid YAML: ${doc.errors[0].message.split("\n")[0]}`);
  const seq = regionsSeq(doc);
  const last = seq.items[seq.items.length - 1] as YAMLMap;
  const style = styleOf(text, seq);
  const offset = insertionOffset(text, last, style.dashColumn);
  const needsNewline = offset === text.length && text.length > 0 && !text.endsWith("\n");
  const inserted = (needsNewline ? style.newline : "") + style.newline.repeat(style.blankLines) + renderEntry(entryData(entry), last, style);
  const result = { text: text.slice(0, offset) + inserted + text.slice(offset), offset, inserted };
  assertOnlyAppended(text, result, entry);
  return result;
}

/**
 * The promise to the people who own the file: nothing but the new entry changed. Checked on bytes (the
 * old text is the new one minus the block) and on meaning (the new file reads as the old data plus the
 * entry, so a block indented under the wrong parent cannot slip through).
 */
export function assertOnlyAppended(oldText: string, insertion: Insertion, entry: NewRegionEntry): void {
  const { text, offset, inserted } = insertion;
  const restored = text.slice(0, offset) + text.slice(offset + inserted.length);
  if (restored !== oldText || text.slice(offset, offset + inserted.length) !== inserted) {
    throw new Error("onboard bug: the new file differs from the old one outside the inserted entry");
  }
  const before = parseDocument(oldText).toJS() as Record<string, unknown>;
  const after = parseDocument(text).toJS() as Record<string, unknown>;
  const expected = { ...before, regions: [...((before.regions as unknown[] | undefined) ?? []), entryData(entry)] };
  if (!isDeepStrictEqual(after, expected)) {
    throw new Error("onboard bug: the inserted text does not read back as one new `regions:` entry");
  }
}
