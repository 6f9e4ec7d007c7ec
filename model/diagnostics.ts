/** One problem in an environment file, located for a person editing YAML. */
export interface Diagnostic {
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** JSON path of the field, e.g. `serviceBus[0].queues[1].maxDeliveryCount` (`$` for the whole file). */
  readonly path: string;
  readonly message: string;
}

/** `file:line:col  path  message` — the form `validate` and `synth` print, one line each. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.path}  ${d.message}`;
}

/** Orders diagnostics by file, then position, so output is stable and reads top to bottom. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.path.localeCompare(b.path),
  );
}

/** Turns a JSON pointer (`/serviceBus/0/queues`) into the path form people read (`serviceBus[0].queues`). */
export function pointerToPath(pointer: string): string {
  if (pointer === "" || pointer === "/") return "$";
  let out = "";
  for (const raw of pointer.split("/").slice(1)) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (/^\d+$/.test(segment)) out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
