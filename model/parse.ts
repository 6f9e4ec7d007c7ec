/**
 * Reads an environment file's text into a ParsedDocument, keeping the line and column of every
 * field. YAML problems (syntax, duplicate keys, more than one document, a top level that is not a
 * mapping) are reported here, each at its own position, all at once.
 */
import type { YAMLError } from "yaml";
import { LineCounter, isMap, isSeq, isScalar, parseDocument } from "yaml";
import type { Diagnostic } from "./diagnostics";
import { pointerToPath } from "./diagnostics";
import type { ParsedDocument } from "./parsed-document";
import type { Position, PositionIndex } from "./yaml-positions";
import { indexPositions } from "./yaml-positions";
import { describeYamlError } from "./yaml-error-messages";

class LocatedDocument implements ParsedDocument {
  constructor(
    readonly file: string,
    readonly data: unknown,
    private readonly index: PositionIndex,
  ) {}

  locate(pointer: string): Position {
    let current = pointer;
    for (;;) {
      const found = this.index.values.get(current);
      if (found) return found;
      if (current === "") return { line: 1, column: 1 };
      current = current.slice(0, current.lastIndexOf("/"));
    }
  }

  locateKey(pointer: string): Position {
    return this.index.keys.get(pointer) ?? this.locate(pointer);
  }
}

export interface ParseResult {
  /** Absent when the text is not one YAML mapping that later stages can read. */
  readonly document?: ParsedDocument;
  readonly errors: Diagnostic[];
}

export function parseEnvironmentText(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    // `<<: *defaults` is how YAML users share settings between entities; honour it.
    merge: true,
  });
  const index = indexPositions(doc, lineCounter);
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const errors: Diagnostic[] = [];
  const report = (position: Position, pointer: string, message: string): void => {
    errors.push({
      file,
      line: position.line,
      column: position.column,
      path: pointerToPath(pointer),
      message,
    });
  };

  const duplicateOffsets = new Set(index.duplicates.map((d) => d.offset));
  for (const duplicate of index.duplicates) {
    report(
      duplicate.at,
      duplicate.pointer,
      `duplicate key "${duplicate.key}": it is already set on line ${duplicate.first.line}; YAML would keep only the last one`,
    );
  }
  let syntaxBroken = false;
  // One slip often trips several parser rules on the same line; the person needs to hear it once.
  const reported = new Set<string>();
  for (const error of doc.errors) {
    if (error.code === "DUPLICATE_KEY" && duplicateOffsets.has(error.pos[0])) continue;
    syntaxBroken = true;
    const { offset, message } = describeYamlError(error, text, index);
    const position = at(offset);
    const id = `${position.line}\u0000${message}`;
    if (reported.has(id)) continue;
    reported.add(id);
    report(position, syntaxErrorField(error, index, offset, position), message);
  }
  if (syntaxBroken) return { errors };

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    report(
      { line: 1, column: 1 },
      "",
      "the file is empty: an environment file is a mapping with at least name, tier, location and naming",
    );
    return { errors };
  }
  if (!isMap(contents)) {
    const got = isSeq(contents) ? "a list" : `a single value (${JSON.stringify(doc.toJS())})`;
    report(
      index.values.get("") ?? { line: 1, column: 1 },
      "",
      `the top level must be a mapping of fields (name: ..., tier: ..., location: ..., naming: ...), got ${got}`,
    );
    return { errors };
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // The yaml package refuses documents whose aliases expand past its limit (resource exhaustion).
    report(
      { line: 1, column: 1 },
      "",
      `the file cannot be read as data: ${error instanceof Error ? error.message : String(error)}`,
    );
    return { errors };
  }
  return { document: new LocatedDocument(file, data, index), errors };
}

/**
 * The field a syntax error belongs to. A broken line often parses into phantom entries, so the
 * path comes from what was written before it: the value the error falls inside (an unclosed
 * string), else the mapping of the last key above it, or that key itself when its value is empty
 * (the broken line was meant to be its content).
 */
function syntaxErrorField(
  error: YAMLError,
  index: PositionIndex,
  offset: number,
  position: Position,
): string {
  if (error.code === "MULTIPLE_DOCS") return "";
  if (error.code === "MISSING_CHAR" && /quote/i.test(error.message)) {
    const inside = innermostValueAt(index, offset);
    if (inside !== undefined) return inside;
  }
  let previous: string | undefined;
  let previousAt: Position | undefined;
  for (const [pointer, at] of index.keys) {
    const before = at.line < position.line || (at.line === position.line && at.column < position.column);
    const later =
      !previousAt ||
      at.line > previousAt.line ||
      (at.line === previousAt.line && at.column > previousAt.column);
    if (before && later) {
      previous = pointer;
      previousAt = at;
    }
  }
  if (previous === undefined || !previousAt) return "";
  const value = index.values.get(previous);
  const empty = value !== undefined && value.line === previousAt.line && value.column === previousAt.column;
  return empty ? previous : previous.slice(0, previous.lastIndexOf("/"));
}

function innermostValueAt(index: PositionIndex, offset: number): string | undefined {
  let best: string | undefined;
  let bestLength = Number.POSITIVE_INFINITY;
  for (const span of index.spans) {
    const length = span.end - span.start;
    if (span.pointer !== "" && span.start <= offset && offset < span.end && length < bestLength) {
      best = span.pointer;
      bestLength = length;
    }
  }
  return best;
}
