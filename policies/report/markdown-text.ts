/**
 * Text from an environment file (names, waiver reasons, filters, descriptions) or a workflow input,
 * made safe for a GitHub comment, a job summary or any Markdown file: it renders as the same text
 * and nothing else. No HTML (so no `<!--` that hides the rest of the comment, no `<details>` that
 * fakes a section), no table cell break, no code span or fence, no Markdown link, no emphasis, no heading
 * or list marker, no line break, no `@mention` that pings and no `#123` reference.
 *
 * Every character Markdown or HTML could read as syntax becomes a numeric character reference,
 * which GitHub renders as the character itself; that works inside table cells, list items,
 * `<summary>`, `<code>` and `<pre>` alike. URLs stay readable (and GitHub may link them): a link
 * is shown as the address it goes to, so it cannot pass for part of the report. The result is never to be placed in a code span or a
 * fenced block, where references are not decoded.
 */

const REFERENCES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "|": "&#124;",
  "`": "&#96;",
  "\\": "&#92;",
  "*": "&#42;",
  _: "&#95;",
  "~": "&#126;",
  "[": "&#91;",
  "]": "&#93;",
  "#": "&#35;",
  "!": "&#33;",
  ":": "&#58;",
  "=": "&#61;",
  "+": "&#43;",
  "-": "&#45;",
  $: "&#36;",
  "{": "&#123;",
  "}": "&#125;",
};

/**
 * Characters that change how text around them displays without being visible themselves:
 * bidirectional overrides and isolates (which can make a reviewer read text in another order),
 * zero-width characters and other format controls.
 */
const INVISIBLE =
  /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

/** C0 and C1 controls, line and paragraph separators: a table row or list item must stay one line. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** `-` and `:` and `=` are common in names: only escape them where Markdown could read them as syntax. */
const ALWAYS = /[&<>"'|`\\*_~[\]#!${}]/g;
const AT_START = /^[-+=:]/;

/** At most this many characters of one quoted value, so no single value can crowd out the report. */
export const DEFAULT_QUOTE_LIMIT = 300;

/** The text on one line: no control characters or line breaks, no invisible formatting, spaces collapsed. */
export function singleLine(value: string): string {
  return value.replace(INVISIBLE, "").replace(BREAKS, " ").replace(/\s+/g, " ").trim();
}

/** `value` cut to `limit` characters (never inside a surrogate pair), with an ellipsis when cut. */
export function clip(value: string, limit: number): string {
  if (value.length <= limit) return value;
  let end = Math.max(0, limit - 1);
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${value.slice(0, end)}…`;
}

/**
 * Quoted text for Markdown: whitespace-collapsed, clipped to `limit` characters and escaped.
 * Mentions get a zero-width space after the `@`, so GitHub neither links nor notifies anyone.
 */
export function markdownText(value: string, limit: number = DEFAULT_QUOTE_LIMIT): string {
  return clip(singleLine(value), limit)
    .replace(ALWAYS, (c) => REFERENCES[c] ?? c)
    .replace(AT_START, (c) => REFERENCES[c] ?? c)
    .replace(/@/g, "@&#8203;");
}

/** Quoted text inside `<code>`: the same escaping, shown in a monospace font. */
export function markdownCode(value: string, limit: number = DEFAULT_QUOTE_LIMIT): string {
  return `<code>${markdownText(value, limit)}</code>`;
}
