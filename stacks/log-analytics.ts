import type { Construct } from "constructs";
import { LogAnalyticsWorkspace } from "@cdktf/provider-azurerm/lib/log-analytics-workspace";
import type { EnvironmentModel } from "../model/model";

/** The workspace the environment names, or one the stack creates with the tier's retention. */
export function logAnalyticsWorkspaceFor(
  scope: Construct,
  model: EnvironmentModel,
  resourceGroupName: string,
): string {
  if (model.monitoring.logAnalyticsWorkspaceId) return model.monitoring.logAnalyticsWorkspaceId;
  const workspace = new LogAnalyticsWorkspace(scope, "log-analytics", {
    name: model.generatedNames.logAnalyticsWorkspace,
    location: model.location,
    resourceGroupName,
    sku: "PerGB2018",
    retentionInDays: model.monitoring.retentionDays,
    // Queries and ingestion only with Entra ID: the workspace holds the audit trail.
    localAuthenticationEnabled: false,
    tags: { ...model.tags },
  });
  return workspace.id;
}
