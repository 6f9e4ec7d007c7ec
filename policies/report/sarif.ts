import { createHash } from "node:crypto";
import { relative, sep } from "node:path";
import type { EnvironmentResult, Finding } from "../engine/finding";
import type { RuleDescription, Severity } from "../engine/rule";
import type { ReportOptions } from "./report-options";

/** SARIF `level` per severity: GitHub code scanning shows error, warning and note. */
const LEVELS: Readonly<Record<Severity, "error" | "warning" | "note">> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
};

/** GitHub's `security-severity` scale (0.0-10.0): above 9.0 critical, 7.0 high, 4.0 medium, else low. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
};

export const SARIF_TOOL_NAME = "messaging-policy";

function uriOf(file: string, rootDir: string): string {
  return relative(rootDir, file).split(sep).join("/");
}

function sarifRule(rule: RuleDescription): Record<string, unknown> {
  const anchors = [
    ...rule.anchors.checkov.map((id) => `Checkov ${id}`),
    ...rule.anchors.azurePolicy.map((name) => `Azure Policy: ${name}`),
  ];
  const help = [
    rule.rationale,
    "",
    `Remediation: ${rule.remediation}`,
    ...(anchors.length > 0 ? ["", `Corresponds to: ${anchors.join("; ")}`] : []),
  ];
  return {
    id: rule.id,
    name: rule.id
      .toLowerCase()
      .replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text: help.join("\n"), markdown: help.join("\n") },
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: {
      tags: ["security", "azure", "messaging", ...rule.tiers.map((tier) => `tier:${tier}`)],
      "security-severity": SECURITY_SEVERITY[rule.severity],
      checkov: [...rule.anchors.checkov],
      azurePolicy: [...rule.anchors.azurePolicy],
    },
  };
}

function fingerprint(result: EnvironmentResult, finding: Finding): string {
  return createHash("sha256")
    .update(
      [
        result.environment,
        finding.ruleId,
        finding.subject.address,
        finding.subject.terraformAddress ?? "",
      ].join("\u0000"),
    )
    .digest("hex");
}

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, the catalog as `tool.driver.rules`, each finding
 * located at the environment-file line that declared its resource. Waived findings are reported
 * with an accepted external suppression, so they stay visible without raising alerts.
 */
export function renderSarif(
  results: readonly EnvironmentResult[],
  rules: readonly RuleDescription[],
  options: ReportOptions,
): string {
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const sarifResults = results.flatMap((result) =>
    result.findings.map((finding) => {
      const source = finding.subject.source;
      const location = source
        ? {
            uri: uriOf(source.file, options.rootDir),
            region: { startLine: source.line, startColumn: source.column },
          }
        : { uri: uriOf(result.stackFile, options.rootDir), region: { startLine: 1, startColumn: 1 } };
      return {
        ruleId: finding.ruleId,
        ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
        level: LEVELS[finding.severity],
        message: { text: `[${result.environment}] ${finding.message}. ${finding.remediation}` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: location.uri, uriBaseId: "%SRCROOT%" },
              region: location.region,
            },
            logicalLocations: [
              {
                name: finding.subject.address,
                fullyQualifiedName: `${result.environment}/${finding.subject.address}`,
                kind: "resource",
              },
            ],
          },
        ],
        partialFingerprints: { "policyFinding/v1": fingerprint(result, finding) },
        ...(finding.status === "waived" && finding.waiver
          ? {
              suppressions: [
                {
                  kind: "external",
                  state: "accepted",
                  justification: `${finding.waiver.reason} (until ${finding.waiver.expires})`,
                },
              ],
            }
          : {}),
        properties: {
          environment: result.environment,
          tier: result.tier,
          severity: finding.severity,
          terraformAddress: finding.subject.terraformAddress ?? null,
        },
      };
    }),
  );
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: SARIF_TOOL_NAME, semanticVersion: "1.0.0", rules: rules.map(sarifRule) } },
        automationDetails: { id: `${SARIF_TOOL_NAME}/` },
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
