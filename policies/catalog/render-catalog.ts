import type { CatalogEntry, ConnectionCatalog } from "../../model/connection-catalog";
import { markdownCode, markdownText } from "../report/markdown-text";

const endpointKey = (entry: CatalogEntry): string => entry.endpoints.map((e) => e.url).join(" ");

/**
 * What an entry reads and writes: a job's inputs and outputs (it has no endpoint of its own), a
 * logic app's `receives:` and `sends:`. A list that is empty is left out.
 */
function flowText(entry: CatalogEntry): string {
  const list = (items: readonly string[]): string => items.map((item) => markdownText(item)).join(", ");
  const parts = [
    ["reads", entry.reads],
    ["writes", entry.writes],
    ["receives", entry.receives],
    ["sends", entry.sends],
  ] as const;
  return parts
    .filter(([, items]) => items !== undefined && items.length > 0)
    .map(([verb, items]) => `${verb} ${list(items ?? [])}`)
    .join("<br>");
}

/**
 * The catalog as two Markdown tables: endpoints per resource (an entity reached through its
 * namespace's endpoints says so instead of repeating them), then who holds which role where.
 * Names and URLs come from the environment file, so each is escaped.
 */
export function renderCatalogMarkdown(catalog: ConnectionCatalog): string {
  const lines = ["| Resource | Azure name | Endpoints |", "|---|---|---|"];
  const shownBy = new Map<string, string>();
  for (const entry of catalog.entries) {
    const key = endpointKey(entry);
    const shown = shownBy.get(key);
    const azureName = entry.entityPath ? `${entry.azureName} / ${entry.entityPath}` : entry.azureName;
    const flows = flowText(entry);
    const own = shown
      ? `as ${markdownText(shown)}`
      : entry.endpoints
          .map((e) => `${markdownText(e.protocol)}${e.expected ? " (expected)" : ""}: ${markdownCode(e.url)}`)
          .join("<br>");
    const endpoints = [entry.endpoints.length > 0 ? own : "", flows]
      .filter((text) => text !== "")
      .join("<br>");
    // Only an entry with endpoints of its own can stand for the entries that share them.
    if (!shown && entry.endpoints.length > 0) shownBy.set(key, entry.name);
    lines.push(`| ${markdownText(entry.name)} | ${markdownText(azureName)} | ${endpoints} |`);
  }
  const grants = catalog.entries.flatMap((entry) => entry.access.map((a) => ({ entry, a })));
  if (grants.length > 0) {
    lines.push("", "| Principal | Object ID | Role | Scope |", "|---|---|---|---|");
    for (const { entry, a } of grants)
      lines.push(
        `| ${markdownText(a.principal)} | ${markdownText(a.objectId)} | ${markdownText(a.role)} | ${markdownText(entry.name)} |`,
      );
  }
  return lines.join("\n");
}
