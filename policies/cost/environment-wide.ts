import type { CostInput } from "./cost-input";
import type { ResourceEstimate } from "./estimate-types";
import { unquantifiedLine } from "./lines";

/**
 * What the stack creates for the environment as a whole. Storage is billed by data stored and
 * operations, Log Analytics by data ingested: the file states neither, so each is listed unpriced
 * rather than left out or counted as free.
 */
export function environmentWideCosts(model: CostInput): ResourceEstimate[] {
  const estimates: ResourceEstimate[] = [];
  const capturesToProjectAccount = model.eventHubs.some((ns) =>
    ns.hubs.some((hub) => hub.capture !== undefined && hub.capture.storageAccountId === undefined),
  );
  if (capturesToProjectAccount)
    estimates.push({
      key: "storage/capture",
      description: "Capture storage account",
      name: "capture",
      sku: "Standard LRS",
      region: model.location,
      lines: [
        unquantifiedLine(
          "Blob data stored and write operations",
          "GB-months",
          "captured volume after compression and archive count are not declared; not priced",
        ),
      ],
    });
  const deadLetters = [...model.eventGrid.topics, ...model.eventGrid.systemTopics].some((topic) =>
    topic.subscriptions.some(
      (s) => s.deadLetter !== undefined && s.deadLetter.storageAccountId === undefined,
    ),
  );
  if (deadLetters)
    estimates.push({
      key: "storage/dead-letter",
      description: "Dead-letter storage account",
      name: "dead-letter",
      sku: "Standard LRS",
      region: model.location,
      lines: [
        unquantifiedLine(
          "Blob data stored and write operations",
          "GB-months",
          "how many events fail delivery is not declared; not priced",
        ),
      ],
    });
  estimates.push({
    key: "monitoring/log-analytics",
    description:
      model.monitoring.logAnalyticsWorkspaceId === undefined
        ? "Log Analytics workspace"
        : "Log Analytics ingestion (workspace named by the file)",
    name: "log-analytics",
    sku: "PerGB2018",
    region: model.location,
    lines: [
      unquantifiedLine(
        "Diagnostic log ingestion",
        "GB",
        "the volume of diagnostic logs is not knowable from the file; not priced",
      ),
    ],
  });
  return estimates;
}
