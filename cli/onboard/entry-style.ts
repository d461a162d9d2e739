/**
 * How the entries of a `regions:` list are written (indentation, flow or block lists, padding inside
 * brackets, quoting, blank lines between entries), measured on the last entry, and a renderer that
 * writes a new entry the same way. Scalars and flow collections are written by the yaml package; the
 * block layout around them is written here, because yaml's own indentation options cannot express
 * every layout people use (`-   key:` or a list flush with its key under four-space indents).
 */
import { Document, isCollection, isMap, isPair, isScalar, isSeq, Scalar, visit, type CST, type Node, type Pair, type YAMLMap, type YAMLSeq } from "yaml";
import { UserError } from "../kit/errors";

export interface EntryStyle {
  /** Column of the `-` of each entry. */
  readonly dashColumn: number;
  /** Columns from the `-` to the entry's first key (2 for `- region:`). */
  readonly dashGap: number;
  /** Columns from a key to the keys nested under it. */
  readonly indent: number;
  /** Columns from a key to the `-` of a block list under it (0: flush, 2: indented). */
  readonly seqOffset: number;
  /** `[ a, b ]` rather than `[a, b]`; `{ a: b }` rather than `{a: b}`. */
  readonly seqPadding: boolean;
  readonly mapPadding: boolean;
  /** Blank lines between two entries. */
  readonly blankLines: number;
  readonly newline: "\n" | "\r\n";
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

export function keyOf(pair: unknown): string {
  return isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : "";
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => keyOf(pair) === key) as Pair | undefined;
}

/** Offset of the `-` that opens entry `index` (from the CST the Document API keeps with keepSourceTokens). */
export function dashOffsetOf(text: string, seq: YAMLSeq, index: number): number {
  const token = seq.srcToken as CST.BlockSequence | undefined;
  const indicator = token?.items[index]?.start.find((t) => t.type === "seq-item-ind");
  if (indicator) return indicator.offset;
  const item = seq.items[index] as Node;
  return text.lastIndexOf("-", (item.range?.[0] ?? 1) - 1);
}

/** Whether the first flow collection of a kind has a space inside its brackets; undefined when there is none. */
function paddingOf(text: string, node: Node, kind: "map" | "seq"): boolean | undefined {
  let padded: boolean | undefined;
  const look = (collection: YAMLMap | YAMLSeq) => {
    if (padded === undefined && collection.flow && collection.items.length && collection.range) padded = text[collection.range[0] + 1] === " ";
  };
  visit(node, kind === "map" ? { Map: (_key, map) => look(map) } : { Seq: (_key, seq) => look(seq) });
  return padded;
}

/** The first block collection under a key inside `node`, with the key's column. */
function nestedLayout(text: string, node: Node): { indent?: number; seqOffset?: number } {
  const found: { indent?: number; seqOffset?: number } = {};
  visit(node, {
    Pair: (_key, pair) => {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!key?.range || !isCollection(value) || value.flow || !value.items.length || !value.range) return;
      const keyColumn = column(text, key.range[0]);
      if (isMap(value) && found.indent === undefined) {
        const child = (value.items[0].key as Node | null)?.range?.[0];
        if (child !== undefined && column(text, child) > keyColumn) found.indent = column(text, child) - keyColumn;
      }
      if (isSeq(value) && found.seqOffset === undefined) {
        found.seqOffset = column(text, text.lastIndexOf("-", value.range[0])) - keyColumn;
      }
    },
  });
  return found;
}

/** Measures the entries' style on the last one (the one a reader sees next to the new one). */
export function styleOf(text: string, seq: YAMLSeq): EntryStyle {
  const items = seq.items as YAMLMap[];
  const last = items[items.length - 1];
  if (!isMap(last) || last.flow || !last.range) throw new UserError("the last `regions:` entry is not a block mapping; append the region by hand");
  const keyOffset = (last.items[0]?.key as Node | undefined)?.range?.[0] ?? last.range[0];
  const dashOffset = dashOffsetOf(text, seq, items.length - 1);
  const sameLine = lineStart(text, dashOffset) === lineStart(text, keyOffset);
  const { indent = 2, seqOffset = 2 } = nestedLayout(text, last);
  const seqPadding = paddingOf(text, last, "seq");
  const mapPadding = paddingOf(text, last, "map");

  let blankLines = 1;
  if (items.length > 1) {
    const between = text.slice(items[items.length - 2].range?.[1] ?? 0, lineStart(text, dashOffset));
    blankLines = between.split("\n").slice(0, -1).filter((line) => line.trim() === "").length;
  }
  return {
    dashColumn: column(text, dashOffset),
    dashGap: sameLine ? keyOffset - dashOffset : 2,
    indent,
    seqOffset,
    seqPadding: seqPadding ?? mapPadding ?? false,
    mapPadding: mapPadding ?? seqPadding ?? true,
    blankLines,
    newline: text.includes("\r\n") ? "\r\n" : "\n",
  };
}

/** Copies flow/block choice and scalar quoting from `template` onto `node`, key by key. */
function copyLook(node: unknown, template: unknown): void {
  if (isCollection(node) && isCollection(template)) {
    node.flow = template.flow;
    if (isMap(node) && isMap(template)) {
      const firstValue = template.items[0]?.value;
      for (const pair of node.items) {
        // workspaces.<env>: environments share one look, so the template's first one stands for all.
        copyLook(pair.value, pairOf(template, keyOf(pair))?.value ?? (isMap(pair.value) ? firstValue : undefined));
      }
    } else if (isSeq(node) && isSeq(template)) {
      for (const item of node.items) copyLook(item, template.items[0]);
    }
  } else if (isScalar(node) && isScalar(template) && typeof node.value === "string") {
    if (template.type === Scalar.QUOTE_SINGLE || template.type === Scalar.QUOTE_DOUBLE) node.type = template.type;
  }
}

/** Keys in the order the template uses them; keys it lacks keep their place after. */
function orderLike(map: YAMLMap, template: YAMLMap): void {
  const order = template.items.map(keyOf);
  const rank = (pair: unknown) => (order.includes(keyOf(pair)) ? order.indexOf(keyOf(pair)) : order.length);
  map.items.sort((a, b) => rank(a) - rank(b));
}

class BlockWriter {
  readonly lines: string[] = [];

  constructor(private readonly style: EntryStyle) {}

  /** A scalar or flow collection on one line, written by yaml with the file's padding. */
  private inline(node: unknown): string {
    const padding = isMap(node) ? this.style.mapPadding : this.style.seqPadding;
    return new Document(node).toString({ flowCollectionPadding: padding, lineWidth: 0 }).trimEnd();
  }

  private isBlock(node: unknown): node is YAMLMap | YAMLSeq {
    return isCollection(node) && !node.flow && node.items.length > 0;
  }

  map(map: YAMLMap, col: number): void {
    for (const pair of map.items) {
      const key = `${" ".repeat(col)}${this.inline(pair.key)}:`;
      if (!this.isBlock(pair.value)) {
        this.lines.push(`${key} ${this.inline(pair.value)}`);
        continue;
      }
      this.lines.push(key);
      if (isMap(pair.value)) this.map(pair.value, col + this.style.indent);
      else this.seq(pair.value, col + this.style.seqOffset, 2);
    }
  }

  /** List items: `-` at `col`, content `gap` columns after it. */
  seq(seq: YAMLSeq, col: number, gap: number): void {
    for (const item of seq.items) {
      if (!this.isBlock(item)) {
        this.lines.push(`${" ".repeat(col)}-${" ".repeat(gap - 1)}${this.inline(item)}`);
        continue;
      }
      const first = this.lines.length;
      if (isMap(item)) this.map(item, col + gap);
      else this.seq(item, col + gap, 2);
      this.lines[first] = `${" ".repeat(col)}-${" ".repeat(gap - 1)}${this.lines[first].slice(col + gap)}`;
    }
  }
}

/** `data` as one more entry of the list, written like `template` (the last entry) and `style`. */
export function renderEntry(data: Record<string, unknown>, template: YAMLMap, style: EntryStyle): string {
  const doc = new Document([data]);
  const list = doc.contents as YAMLSeq;
  const map = list.items[0] as YAMLMap;
  orderLike(map, template);
  copyLook(map, template);
  const writer = new BlockWriter(style);
  writer.seq(list, style.dashColumn, style.dashGap);
  return writer.lines.map((line) => line + style.newline).join("");
}
