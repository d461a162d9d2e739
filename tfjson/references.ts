/**
 * What a synthesized value refers to. cdktf writes every reference as a traversal inside a
 * template (`"${aws_vpc.vpc.id}"`, `"${element(data.x.y.names, 0)}"`) and a cross-stack reference as
 * a `terraform_remote_state` lookup of another stack's output. The traversals are read from the
 * expression's tokens (lexer.ts), so text inside quotes is never a reference
 * (`replace(aws_s3_bucket.b.arn, "aws_vpc.fake.id", "")` refers to the bucket only), while a quoted
 * string's own interpolations are (`"${aws_vpc.main.id}-x"`). Function names, object keys,
 * `true`/`false`/`null` and the iterators of a `for` expression are not references.
 */
import { scanExpression, type Token } from "./lexer";
import { parseTemplate } from "./template";
import { asStrings } from "./json";

export type Step =
  | { readonly kind: "attribute"; readonly name: string; readonly end: number }
  /** `[0]`, `["key"]` (`key` set), or `[var.i]` (a computed index, `key` undefined). */
  | { readonly kind: "index"; readonly key?: string | number; readonly end: number }
  | { readonly kind: "splat"; readonly end: number };

/** A root name and the steps after it: `aws_subnet.a[0].id`. Offsets are into the parsed text. */
export interface Traversal {
  readonly root: string;
  readonly steps: readonly Step[];
  readonly start: number;
  readonly end: number;
}

export type ReferenceKind = "resource" | "data" | "remote-state" | "local" | "variable" | "module";

export interface Reference {
  readonly kind: ReferenceKind;
  /** The block, as Terraform addresses it: `aws_vpc.main`, `data.x.y`, `local.z`, `var.v`, `module.m`. */
  readonly address: string;
  /** The first attribute after the address: `id` of `aws_subnet.a[0].id`; undefined for the whole object. */
  readonly attribute?: string;
  /** For remote state: the output read, `vpc_id` of `data.terraform_remote_state.s.outputs.vpc_id`. */
  readonly output?: string;
  readonly start: number;
  /** Where the address ends and the path after it (`.outputs.vpc_id`, `[0].id`) begins. */
  readonly addressEnd: number;
  readonly end: number;
}

/** A quoted string of an expression: its literal text, and whether it is an object key (`"k" = …`). */
export interface StringLiteral {
  readonly text: string;
  readonly isKey: boolean;
}

interface Facts {
  readonly traversals: Traversal[];
  readonly strings: StringLiteral[];
}

const KEYWORDS = new Set(["true", "false", "null"]);
/** Roots that name no block (Terraform language: references to values). */
const NOT_BLOCKS = new Set(["each", "count", "path", "terraform", "self"]);
const OPENERS: Readonly<Record<string, string>> = { "(": ")", "[": "]", "{": "}" };

const isPunct = (token: Token | undefined, text: string) => token?.kind === "punct" && token.text === text;

/** Index of the token closing the bracket opened at `open`, or the last token. */
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== "punct") continue;
    if (token.text in OPENERS) depth++;
    else if (Object.values(OPENERS).includes(token.text) && --depth === 0) return i;
  }
  return tokens.length - 1;
}

/**
 * Index of the `:` that ends a `for` expression's collection, which starts at `from`: the first one
 * outside brackets that closes no `? … :` conditional of the collection itself.
 */
function collectionEnd(tokens: readonly Token[], from: number): number {
  let pendingConditionals = 0;
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== "punct") continue;
    if (token.text in OPENERS) i = closing(tokens, i);
    else if (token.text === "?") pendingConditionals++;
    else if (token.text === ":" && pendingConditionals-- === 0) return i;
  }
  return tokens.length;
}

class Walker {
  readonly facts: Facts = { traversals: [], strings: [] };

  /** Reads `tokens` (one bracket level and everything inside it); `bound` are for-iterators in scope. */
  walk(tokens: readonly Token[], bound: ReadonlySet<string>, objectContext = false): void {
    let i = 0;
    while (i < tokens.length) {
      const token = tokens[i];
      const keyPosition = objectContext && (i === 0 || isPunct(tokens[i - 1], ",") || token.newlineBefore);
      const isKey = keyPosition && (isPunct(tokens[i + 1], "=") || isPunct(tokens[i + 1], ":"));
      if (token.kind === "string") {
        this.string(token, bound, isKey);
        i++;
      } else if (token.kind === "punct" && token.text in OPENERS) {
        i = this.bracket(tokens, i, bound);
      } else if (token.kind === "ident" && !isKey) {
        i = this.identifier(tokens, i, bound);
      } else {
        i++;
      }
    }
  }

  private string(token: Extract<Token, { kind: "string" }>, bound: ReadonlySet<string>, isKey: boolean): void {
    this.facts.strings.push({ text: token.parts.map((part) => (part.kind === "literal" ? part.text : "")).join(""), isKey });
    for (const part of token.parts) if (part.kind !== "literal") this.walk(part.tokens, bound);
  }

  /** A bracketed group: its inside is walked on its own, a `for` expression binding its iterators. */
  private bracket(tokens: readonly Token[], open: number, bound: ReadonlySet<string>): number {
    const close = closing(tokens, open);
    let inner = tokens.slice(open + 1, close);
    let scope = bound;
    const opener = (tokens[open] as { text: string }).text;
    if (opener !== "(" && inner[0]?.kind === "ident" && inner[0].text === "for") {
      const inAt = inner.findIndex((t) => t.kind === "ident" && t.text === "in");
      const iterators = inner.slice(1, Math.max(1, inAt)).flatMap((t) => (t.kind === "ident" ? [t.text] : []));
      scope = new Set([...bound, ...iterators]);
      // The collection (`in … :`) is evaluated before the iterators exist: `[for x in x.list : x]`
      // reads the outer `x` there, so it is walked in the enclosing scope.
      const colonAt = collectionEnd(inner, inAt + 1);
      this.walk(inner.slice(inAt + 1, colonAt), bound);
      inner = inner.slice(colonAt).filter((t) => !(t.kind === "ident" && t.text === "if"));
    }
    this.walk(inner, scope, opener === "{" && scope === bound);
    return close + 1;
  }

  /** An identifier: a function name, a keyword, or the root of a traversal (read with its steps). */
  private identifier(tokens: readonly Token[], at: number, bound: ReadonlySet<string>): number {
    const root = tokens[at] as { text: string; start: number; end: number };
    const next = tokens[at + 1];
    if (isPunct(tokens[at - 1], ".") || isPunct(tokens[at - 1], "::")) return at + 1;
    if (isPunct(next, "(") || isPunct(next, "::") || KEYWORDS.has(root.text)) return at + 1;
    const steps: Step[] = [];
    let i = at + 1;
    for (;;) {
      const step = tokens[i];
      const after = tokens[i + 1];
      if (isPunct(step, ".") && (after?.kind === "ident" || after?.kind === "number")) {
        steps.push(after.kind === "ident" ? { kind: "attribute", name: after.text, end: after.end } : { kind: "index", key: Number(after.text), end: after.end });
        i += 2;
      } else if (isPunct(step, ".") && isPunct(after, "*")) {
        steps.push({ kind: "splat", end: after!.end });
        i += 2;
      } else if (isPunct(step, "[")) {
        const close = closing(tokens, i);
        steps.push(this.index(tokens.slice(i + 1, close), tokens[close].end, bound));
        i = close + 1;
      } else {
        break;
      }
    }
    if (!bound.has(root.text)) this.facts.traversals.push({ root: root.text, steps, start: root.start, end: steps.at(-1)?.end ?? root.end });
    return i;
  }

  private index(inner: readonly Token[], end: number, bound: ReadonlySet<string>): Step {
    const [only] = inner;
    if (inner.length === 1 && isPunct(only, "*")) return { kind: "splat", end };
    if (inner.length === 1 && only.kind === "number") return { kind: "index", key: Number(only.text), end };
    if (inner.length === 1 && only.kind === "string" && only.parts.every((p) => p.kind === "literal")) {
      return { kind: "index", key: only.parts.map((p) => (p.kind === "literal" ? p.text : "")).join(""), end };
    }
    this.walk(inner, bound);
    return { kind: "index", end };
  }
}

function factsOf(tokens: readonly Token[]): Facts {
  const walker = new Walker();
  walker.walk(tokens, new Set());
  // A computed index is read before the traversal it belongs to is complete: keep text order.
  walker.facts.traversals.sort((a, b) => a.start - b.start);
  return walker.facts;
}

/** The traversals of one expression (the text inside `${…}`), offsets into it. */
export function traversalsIn(expression: string): Traversal[] {
  return factsOf(scanExpression(expression, 0).tokens).traversals;
}

/** The expression, when it is nothing but one traversal (`data.x.y.json`, `aws_vpc.v.id`). */
export function soleTraversal(expression: string): Traversal | undefined {
  const { tokens } = scanExpression(expression, 0);
  if (!tokens.length) return undefined;
  return factsOf(tokens).traversals.find((t) => t.start === tokens[0].start && t.end === tokens[tokens.length - 1].end);
}

/** The quoted strings of one expression, in order, nested ones too. */
export function stringLiteralsIn(expression: string): StringLiteral[] {
  return factsOf(scanExpression(expression, 0).tokens).strings;
}

const attributeName = (step: Step | undefined) => (step?.kind === "attribute" ? step.name : undefined);

/** The first attribute name at or after `from`, skipping indices and splats. */
function firstAttribute(steps: readonly Step[], from: number): { name?: string; at: number } {
  for (let i = from; i < steps.length; i++) if (steps[i].kind === "attribute") return { name: attributeName(steps[i]), at: i };
  return { at: steps.length };
}

/** The block a traversal names, or undefined (`each.key`, `count.index`, a bare name). */
export function referenceOf(traversal: Traversal): Reference | undefined {
  const { root, steps, start, end } = traversal;
  const located = (kind: ReferenceKind, address: string, addressSteps: number, rest: Partial<Reference> = {}): Reference => ({
    kind, address, start, end, addressEnd: steps[addressSteps - 1]?.end ?? start + root.length, ...rest,
  });
  if (root === "data") {
    const [type, name] = [attributeName(steps[0]), attributeName(steps[1])];
    if (!type || !name) return undefined;
    const attribute = firstAttribute(steps, 2);
    if (type !== "terraform_remote_state") return located("data", `data.${type}.${name}`, 2, { attribute: attribute.name });
    const output = attribute.name === "outputs" ? attributeName(steps[attribute.at + 1]) : undefined;
    return located("remote-state", `data.${type}.${name}`, 2, { attribute: attribute.name, output });
  }
  const name = attributeName(steps[0]);
  if (!name) return undefined;
  if (root === "var") return located("variable", `var.${name}`, 1);
  if (root === "local") return located("local", `local.${name}`, 1);
  if (root === "module") return located("module", `module.${name}`, 1, { attribute: firstAttribute(steps, 1).name });
  // A resource type always has a provider prefix (`aws_`, `databricks_`, `time_`); `each`, `count`,
  // `path`, `terraform`, `self` and a provider alias (`aws.west`) name no resource.
  if (NOT_BLOCKS.has(root) || !root.includes("_")) return undefined;
  return located("resource", `${root}.${name}`, 1, { attribute: firstAttribute(steps, 1).name });
}

/** Every reference in a synthesized string value (a template); none in anything else. */
export function referencesIn(value: unknown): Reference[] {
  if (typeof value !== "string" || !value.includes("{")) return [];
  return parseTemplate(value).flatMap((segment) =>
    segment.kind === "literal" ? [] : factsOf(segment.tokens).traversals.flatMap((t) => referenceOf(t) ?? []),
  );
}

/** True when `value` (a string or a list of strings) refers to the block at `address`. */
export function refersTo(value: unknown, address: string): boolean {
  return asStrings(value).some((item) => referencesIn(item).some((reference) => reference.address === address));
}
