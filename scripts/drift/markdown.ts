/**
 * Text from environment files and from Azure, made inert for a GitHub issue. Inside `<code>` no
 * @mention pings anyone; entities keep `<`, `>` and `&` from opening HTML (a stray `<!--` would hide
 * the rest of the issue); a backslash keeps Markdown from reading the characters it acts on mid-line
 * (emphasis, links, code spans, table pipes, strikethrough, math, and the `:` and `@` of autolinks);
 * line breaks become spaces, so a table row stays one row. Characters that act only at the start of
 * a line (`-`, `+`, `.`) stay as they are: a value never starts a line here.
 */
const htmlEntities: Readonly<Record<string, string>> = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  '"': "&quot;",
};

export function inertText(value: string): string {
  return value
    .replace(/[\r\n]+/g, " ")
    .replace(/[<>&"]/g, (char) => htmlEntities[char])
    .replace(/[\\`*_[\]()#!|~@:$]/g, (char) => `\\${char}`);
}

export function code(value: string): string {
  return `<code>${inertText(value)}</code>`;
}
