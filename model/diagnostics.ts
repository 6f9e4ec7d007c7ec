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

export type AnnotationLevel = "error" | "warning" | "notice";

/** A GitHub Actions annotation: shown on the pull request's line when the file and line are in its diff. */
export interface Annotation {
  readonly level: AnnotationLevel;
  /** Path relative to the repository root. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly title?: string;
  readonly message: string;
}

/**
 * GitHub's workflow-command escaping (actions/toolkit, `core/src/command.ts`): in the message `%`,
 * CR and LF; in a property also `:` and `,`, which separate properties. Escaped this way, text from
 * an environment file can neither end the command early nor start a second one on a new line.
 */
function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** `::error file=…,line=…,col=…,title=…::message`, one line whatever the values hold. */
export function formatAnnotation(annotation: Annotation): string {
  const properties = [
    annotation.file === undefined ? undefined : `file=${escapeProperty(annotation.file)}`,
    annotation.line === undefined ? undefined : `line=${annotation.line}`,
    annotation.column === undefined ? undefined : `col=${annotation.column}`,
    annotation.title === undefined ? undefined : `title=${escapeProperty(annotation.title)}`,
  ].filter((property) => property !== undefined);
  const head = properties.length > 0 ? `${annotation.level} ${properties.join(",")}` : annotation.level;
  return `::${head}::${escapeData(annotation.message)}`;
}

/** A diagnostic as an error annotation on its line; `file` is the path as the repository knows it. */
export function diagnosticAnnotation(d: Diagnostic, file: string = d.file): string {
  return formatAnnotation({
    level: "error",
    file,
    line: d.line,
    column: d.column,
    title: d.path === "$" ? "environment file" : d.path,
    message: d.message,
  });
}
