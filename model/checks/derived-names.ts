import { nameProblemOf, type AzureNameKind } from "../../azure/name-rules";
import type { WalkKind } from "../walk";
import type { ModelCheck } from "./context";

/**
 * Azure's rule for each kind of resource the project names itself, and what the file can change
 * to fix a name Azure would refuse. The names the file gives or builds by the convention
 * (namespaces, their geo pairs, clusters, the DPS, entities, site scoping) are checked with the
 * file's other semantic rules; these are the rest.
 */
const derived: Partial<Record<WalkKind, { readonly rule: AzureNameKind; readonly fix: string }>> = {
  privateEndpoint: {
    rule: "privateEndpoint",
    fix: "shorten the name or resourceName of the resource it belongs to",
  },
  deviceProvisioningIdentity: {
    rule: "userAssignedIdentity",
    fix: "shorten deviceProvisioning.resourceName or the hub's name",
  },
  captureStorageAccount: { rule: "storageAccount", fix: "give capture.storageAccountId" },
  deadLetterStorageAccount: { rule: "storageAccount", fix: "give deadLetter a storageAccountId" },
  mqttRouteTopic: { rule: "eventGridTopic", fix: "rename the namespace" },
  autoscaleSetting: { rule: "autoscaleSetting", fix: "shorten the namespace's name or resourceName" },
  logAnalyticsWorkspace: {
    rule: "logAnalyticsWorkspace",
    fix: "shorten naming.prefix or naming.workload, or give monitoring.logAnalyticsWorkspaceId",
  },
  actionGroup: { rule: "actionGroup", fix: "shorten naming.prefix or naming.workload" },
  logicAppPlan: { rule: "logicAppWorkflowPlan", fix: "shorten the logic app's name or naming.prefix" },
  logicAppStorageAccount: { rule: "storageAccount", fix: "shorten the logic app's name or naming.prefix" },
  apiConnection: {
    rule: "logicAppApiConnection",
    fix: "shorten the logic app's name or the connection's name",
  },
  budget: { rule: "budget", fix: "shorten resourceGroupName (or naming.prefix and naming.workload)" },
};

/** Every name the project derives is one Azure accepts. */
export const checkDerivedNames: ModelCheck = (ctx) => {
  for (const resource of ctx.resources) {
    const kind = derived[resource.kind];
    if (!kind || resource.origin !== "derived") continue;
    const problem = nameProblemOf(kind.rule, resource.azureName);
    if (problem !== undefined) {
      ctx.errorAtName(
        resource,
        `Azure name "${resource.azureName}" of ${resource.label} ${problem}: ${kind.fix}`,
      );
    }
  }
};
