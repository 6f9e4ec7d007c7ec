/**
 * Builds a ParsedDocument from YAML text for the semantic and resolver tests, independently of the
 * production parser: one walk over the YAML tree records the position of every JSON pointer.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
import type { ParsedDocument } from "../../../model/parsed-document";
import type { EnvironmentSpec } from "../../../model/spec";

interface Position {
  readonly line: number;
  readonly column: number;
}

const escape = (segment: string): string => segment.replace(/~/g, "~0").replace(/\//g, "~1");

export function documentFromText(text: string, file = "test.yaml"): ParsedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const values = new Map<string, Position>();
  const keys = new Map<string, Position>();
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const walk = (node: Node | null | undefined, pointer: string): void => {
    if (!node) return;
    if (node.range) values.set(pointer, at(node.range[0]));
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const child = `${pointer}/${escape(key)}`;
        if (isScalar(pair.key) && pair.key.range) keys.set(child, at(pair.key.range[0]));
        walk(pair.value as Node | null, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item as Node | null, `${pointer}/${i}`));
    }
  };
  walk(doc.contents as Node | null, "");
  const locate = (pointer: string): Position => {
    let current = pointer;
    for (;;) {
      const found = values.get(current);
      if (found) return found;
      if (current === "") return { line: 1, column: 1 };
      current = current.slice(0, current.lastIndexOf("/"));
    }
  };
  return {
    file,
    data: doc.toJS() as unknown,
    locate,
    locateKey: (pointer) => keys.get(pointer) ?? locate(pointer),
  };
}

export function documentFromFile(path: string): ParsedDocument {
  return documentFromText(readFileSync(path, "utf8"), path);
}

export const specOf = (doc: ParsedDocument): EnvironmentSpec => doc.data as EnvironmentSpec;

export const sharedExample = (name: "dev" | "prod"): string =>
  join(__dirname, "..", "..", "fixtures", "shared-examples", `${name}.yaml`);

/** The day the tests judge waivers against: prod.yaml's waiver (2027-03-31) is then 4 months ahead. */
export const testToday = new Date(Date.UTC(2026, 10, 23));
