/**
 * An environment file parsed once, with positions: every later stage (schema, semantic checks,
 * resolution) reads `data` and asks `locate` for the line and column of a JSON pointer.
 */
export interface ParsedDocument {
  readonly file: string;
  /** The plain JavaScript value of the YAML document. */
  readonly data: unknown;
  /**
   * Line and column (1-based) of the node at `pointer` (`/serviceBus/0/name`). For a pointer to a
   * map key that is absent, the position of the nearest existing ancestor.
   */
  locate(pointer: string): { readonly line: number; readonly column: number };
  /** Position of the key itself (for unknown-key and duplicate-key errors), else of the value. */
  locateKey(pointer: string): { readonly line: number; readonly column: number };
}
