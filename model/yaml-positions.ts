/**
 * One walk over a YAML syntax tree that records where every JSON pointer of the document's
 * value starts, so a later stage can locate any field in O(1) however large the file is.
 */
import type { Document, LineCounter, Node, Pair } from "yaml";
import { isAlias, isMap, isScalar, isSeq } from "yaml";

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A key written twice in one mapping: YAML keeps the last, which silently drops the first. */
export interface DuplicateKey {
  readonly pointer: string;
  readonly key: string;
  readonly at: Position;
  readonly first: Position;
  /** Offset of the duplicate key in the text, to match the parser's own report of it. */
  readonly offset: number;
}

/** A quoted string in the text, kept so an unclosed quote is reported where it opens. */
export interface QuotedSpan {
  readonly start: number;
  readonly end: number;
}

export interface PositionIndex {
  /** Start of each value, by JSON pointer (`""` is the whole document). */
  readonly values: ReadonlyMap<string, Position>;
  /** Start of each mapping key, by the pointer of its value. */
  readonly keys: ReadonlyMap<string, Position>;
  /** Text spans of each pointer's value, for finding the field a syntax error falls in. */
  readonly spans: readonly { readonly pointer: string; readonly start: number; readonly end: number }[];
  readonly duplicates: readonly DuplicateKey[];
  readonly quoted: readonly QuotedSpan[];
}

const maxAliasExpansions = 1000;

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The key as `toJS()` names it in the resulting object. */
function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  if (isMap(key) || isSeq(key)) return JSON.stringify(key.toJSON());
  return String(key);
}

export function indexPositions(doc: Document, lineCounter: LineCounter): PositionIndex {
  const values = new Map<string, Position>();
  const keys = new Map<string, Position>();
  const spans: { pointer: string; start: number; end: number }[] = [];
  const duplicates: DuplicateKey[] = [];
  const quoted: QuotedSpan[] = [];
  // Guards against an alias that refers to one of its own ancestors (`a: &x [*x]`).
  const onPath = new Set<Node>();
  // Aliases of aliases grow exponentially ("billion laughs"); past this many expansions the fields
  // behind further aliases are located at the alias itself, and toJS() refuses the document anyway.
  let aliasBudget = maxAliasExpansions;

  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const visit = (node: Node | null, pointer: string, fallback: Position, overwrite: boolean): void => {
    if (!overwrite && values.has(pointer)) return;
    if (!node || !node.range) {
      values.set(pointer, fallback);
      return;
    }
    const empty = isScalar(node) && node.value === null && node.source === "";
    values.set(pointer, empty ? fallback : at(node.range[0]));
    spans.push({ pointer, start: node.range[0], end: node.range[1] });
    if (isScalar(node)) {
      if (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") {
        quoted.push({ start: node.range[0], end: node.range[1] });
      }
      return;
    }
    if (onPath.has(node)) return;
    onPath.add(node);
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (target && aliasBudget > 0) {
        aliasBudget--;
        visitChildren(target, pointer);
      }
    } else {
      visitChildren(node, pointer);
    }
    onPath.delete(node);
  };

  const visitChildren = (node: Node, pointer: string): void => {
    if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const child = isNode(item) ? item : null;
        visit(child, `${pointer}/${index}`, values.get(pointer) ?? { line: 1, column: 1 }, true);
      });
    } else if (isMap(node)) {
      visitMap(node.items as Pair[], pointer);
    }
  };

  const visitMap = (pairs: readonly Pair[], pointer: string): void => {
    const firstSeen = new Map<string, Position>();
    const merges: Node[] = [];
    for (const pair of pairs) {
      if (isScalar(pair.key) && typeof pair.key.value === "symbol") {
        if (isNode(pair.value)) merges.push(pair.value);
        continue;
      }
      const name = keyText(pair.key);
      const childPointer = `${pointer}/${escapePointerSegment(name)}`;
      const keyNode = isNode(pair.key) ? pair.key : null;
      const keyPosition = keyNode?.range
        ? at(keyNode.range[0])
        : (values.get(pointer) ?? { line: 1, column: 1 });
      const first = firstSeen.get(name);
      if (first && keyNode?.range) {
        duplicates.push({
          pointer: childPointer,
          key: name,
          at: keyPosition,
          first,
          offset: keyNode.range[0],
        });
      } else {
        firstSeen.set(name, keyPosition);
      }
      keys.set(childPointer, keyPosition);
      visit(isNode(pair.value) ? pair.value : null, childPointer, keyPosition, true);
    }
    // Keys written out win over merged ones (`<<: *defaults`), as they do in the parsed value.
    for (const source of merges) {
      const targets = isSeq(source) ? source.items.filter(isNode) : [source];
      for (const target of targets) {
        const resolved = isAlias(target) ? target.resolve(doc) : target;
        if (resolved && isMap(resolved) && !onPath.has(resolved)) {
          onPath.add(resolved);
          visitMergedPairs(resolved.items as Pair[], pointer);
          onPath.delete(resolved);
        }
      }
    }
  };

  const visitMergedPairs = (pairs: readonly Pair[], pointer: string): void => {
    for (const pair of pairs) {
      if (isScalar(pair.key) && typeof pair.key.value === "symbol") continue;
      const childPointer = `${pointer}/${escapePointerSegment(keyText(pair.key))}`;
      if (values.has(childPointer)) continue;
      const keyNode = isNode(pair.key) ? pair.key : null;
      const keyPosition = keyNode?.range
        ? at(keyNode.range[0])
        : (values.get(pointer) ?? { line: 1, column: 1 });
      keys.set(childPointer, keyPosition);
      visit(isNode(pair.value) ? pair.value : null, childPointer, keyPosition, false);
    }
  };

  visit(doc.contents, "", { line: 1, column: 1 }, true);
  return { values, keys, spans, duplicates, quoted };
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}
