/**
 * Reads regions.yaml into plain data plus a map back to the text, so every later problem can name
 * its line and column. Nothing here knows what the data should look like.
 */
import { readFileSync } from "node:fs";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import { formatPath, UnreadableConfigError, type ConfigPath, type ConfigProblem } from "./problems";

export interface ConfigSource {
  readonly file: string;
  readonly text: string;
  readonly data: unknown;
  /** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
  locate(path: ConfigPath, atKey?: boolean): { line: number; col: number };
}

export interface SyntaxProblem {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

export function readConfigFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : String(error);
    throw new UnreadableConfigError(`${file}: cannot read the regions file: ${reason}`);
  }
}

export function parseConfigSource(file: string, text: string): { source: ConfigSource; syntaxProblems: SyntaxProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const syntaxProblems = doc.errors.map((error) => ({
    line: error.linePos?.[0].line ?? 1,
    col: error.linePos?.[0].col ?? 1,
    message: `${file.endsWith(".json") ? "JSON" : "YAML"} syntax: ${error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`,
  }));
  const converted = syntaxProblems.length ? { data: undefined } : toData(doc, lineCounter, file);
  if (converted.problem) syntaxProblems.push(converted.problem);
  const { data } = converted;
  const locate = (path: ConfigPath, atKey = false) => {
    const offset = offsetOf(doc, path, atKey);
    return lineCounter.linePos(offset);
  };
  return { source: { file, text, data, locate }, syntaxProblems };
}

/**
 * The document as plain data. `yaml` reports most mistakes in `doc.errors` but throws from toJS on
 * an alias whose anchor is missing or comes later (`*nope`) and on an alias bomb: those become a
 * syntax problem at the first such alias instead of a crash.
 */
function toData(doc: Document, lineCounter: LineCounter, file: string): { data: unknown; problem?: SyntaxProblem } {
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    let first: number | undefined;
    let unresolved: number | undefined;
    visit(doc, {
      Alias(_key, alias) {
        first ??= alias.range?.[0];
        if (alias.resolve(doc)) return undefined;
        unresolved = alias.range?.[0];
        return visit.BREAK;
      },
    });
    const offset = unresolved ?? first ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    const kind = file.endsWith(".json") ? "JSON" : "YAML";
    return { data: undefined, problem: { line, col, message: `${kind} syntax: ${(error as Error).message}` } };
  }
}

function offsetOf(doc: Document, path: ConfigPath, atKey: boolean): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => keyText(item.key) === String(segment));
      if (!pair) return offset;
      if (last && atKey) return rangeStart(pair.key) ?? offset;
      node = pair.value;
      offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment];
      if (node === undefined) return offset;
      offset = rangeStart(node) ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

/** Problems as `file:line:col path: message` lines, in file order. */
export function formatProblems(source: ConfigSource, problems: readonly ConfigProblem[]): string[] {
  return problems
    .map((problem) => ({ problem, at: source.locate(problem.path, problem.atKey) }))
    .sort((a, b) => a.at.line - b.at.line || a.at.col - b.at.col)
    .map(({ problem, at }) => `${source.file}:${at.line}:${at.col} ${formatPath(problem.path)}: ${problem.message}`);
}

/** Syntax problems of a parsed source as lines. */
export function formatSyntaxProblems(file: string, problems: readonly SyntaxProblem[]): string[] {
  return problems.map((problem) => `${file}:${problem.line}:${problem.col} ${problem.message}`);
}
