import { markdownText } from "./markdown-text";
import type { ReportOptions } from "./report-options";
import type { Pointers } from "./sections";

export const DEFAULT_ARTIFACT = "policy-report";

/** A workflow run URL a report may link to: https, and nothing that could end a Markdown link. */
const RUN_URL = /^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~%-]+)*\/?$/;
const ARTIFACT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function isRunUrl(value: string): boolean {
  return RUN_URL.test(value);
}

export function isArtifactName(value: string): boolean {
  return ARTIFACT.test(value);
}

/**
 * The file an environment's DOT topology is written to: its name, with every character a file
 * name or an artifact path may refuse (`<`, `:`, `|`, `*`…) written as `_<hex>_`.
 */
export function topologyFileName(environment: string): string {
  return `${environment.replace(/[^A-Za-z0-9._-]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`)}.dot`;
}

const diagramCommand = (environment: string): string =>
  `<code>npm run diagram -- --env ${markdownText(environment, 80)} --format dot</code>`;

/** Where each part of a report is found in full, from the place the report is read. */
export function pointersFor(place: "comment" | "summary" | "artifact", options: ReportOptions): Pointers {
  const artifact =
    options.artifact !== undefined && isArtifactName(options.artifact) ? options.artifact : DEFAULT_ARTIFACT;
  const run = options.runUrl !== undefined && isRunUrl(options.runUrl) ? options.runUrl : undefined;
  const artifactLink = run
    ? `the [\`${artifact}\` artifact](${run}#artifacts)`
    : `the \`${artifact}\` artifact`;
  const inArtifact = (environment: string): string =>
    `<code>topology/${markdownText(topologyFileName(environment), 120)}</code> in ${artifactLink}, or ${diagramCommand(environment)}`;
  switch (place) {
    case "artifact":
      return {
        complete: "this report",
        topologyFile: (environment) =>
          `<code>topology/${markdownText(topologyFileName(environment), 120)}</code> beside this report, or ${diagramCommand(environment)}`,
      };
    case "summary":
      return { complete: `the complete report in ${artifactLink}`, topologyFile: inArtifact };
    case "comment":
      return {
        complete: run
          ? `the complete report in the [job summary](${run}) and ${artifactLink}`
          : "the complete report (<code>npm run policy -- --format markdown</code>)",
        topologyFile: inArtifact,
      };
  }
}
