/**
 * The expectations an invalid fixture states in its leading comments, one per line:
 * `# expect: <line>:<column> <path> :: <message substring>` (`*` as the column skips it).
 */
export interface ExpectedError {
  readonly line: number;
  readonly column?: number;
  readonly path: string;
  readonly message: string;
}

const expectLine = /^#\s*expect:\s*(\d+):(\d+|\*)\s+(\S+)\s+::\s+(.+?)\s*$/;

export function expectationsIn(text: string): ExpectedError[] {
  const found: ExpectedError[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith("#")) break;
    const match = expectLine.exec(line);
    if (!match) continue;
    const [, lineText, columnText, path, message] = match;
    found.push({
      line: Number(lineText),
      column: columnText === "*" ? undefined : Number(columnText),
      path,
      message,
    });
  }
  return found;
}
