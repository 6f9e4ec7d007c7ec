/**
 * Structural checks on rendered Markdown: what a report may contain whatever an environment file
 * says. Each returns the offending lines or tags, so a failure shows where.
 */

/** The HTML the reports write themselves; anything else came from quoted text. */
const OWN_TAGS = new Set(["details", "summary", "b", "i", "code", "sub", "br", "pre"]);

const outsideCode = (markdown: string): string => markdown.replace(/```mermaid\n[\s\S]*?\n```/g, "");

export function foreignTags(markdown: string): string[] {
  return [...outsideCode(markdown).matchAll(/<\/?([A-Za-z][\w-]*)/g)]
    .map((m) => m[1].toLowerCase())
    .filter((tag) => !OWN_TAGS.has(tag));
}

/** `<!--` anywhere but the comment's own marker on its first line. */
export function htmlComments(markdown: string): string[] {
  return markdown
    .split("\n")
    .slice(1)
    .filter((line) => line.includes("<!--"));
}

/** Mentions GitHub would link and notify. */
export function mentions(markdown: string): string[] {
  return outsideCode(markdown).match(/(^|[^\w`])@[A-Za-z0-9][\w-]*/g) ?? [];
}

/** Table rows whose cell count differs from their table's header row. */
export function brokenRows(markdown: string): string[] {
  const broken: string[] = [];
  let cells = -1;
  for (const line of outsideCode(markdown).split("\n")) {
    if (!line.startsWith("|")) {
      cells = -1;
      continue;
    }
    const count = (line.replace(/\\\|/g, "").match(/\|/g) ?? []).length;
    if (cells < 0) cells = count;
    else if (count !== cells) broken.push(line);
  }
  return broken;
}

/** `<details>` and `</details>` pair up, so no section swallows another. */
export function unbalancedDetails(markdown: string): number {
  const text = outsideCode(markdown);
  return (text.match(/<details/g) ?? []).length - (text.match(/<\/details>/g) ?? []).length;
}

export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]);
}
