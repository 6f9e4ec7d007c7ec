/**
 * Every naming rule the project checks, by kind: the generic ones (`azure/name-rule.ts`) and each
 * service's own, from its facts module. Validation looks rules up here; the facts modules and the
 * constructs use the rule objects directly.
 */
import { eventGridNameRules } from "./event-grid";
import { mqttNameRules } from "./event-grid-mqtt";
import { eventHubsNameRules } from "./event-hubs-facts";
import { logicAppNameRules } from "./logic-apps";
import { azureNameProblem, azureNameProblems, genericNameRules, type AzureNameRule } from "./name-rule";
import type { Problem } from "./problem";
import { serviceBusNameRules } from "./service-bus";

export const azureNameRules = {
  ...genericNameRules,
  serviceBusNamespace: serviceBusNameRules.namespace,
  serviceBusQueue: serviceBusNameRules.queue,
  serviceBusTopic: serviceBusNameRules.topic,
  serviceBusSubscription: serviceBusNameRules.subscription,
  serviceBusRule: serviceBusNameRules.rule,
  serviceBusAlias: serviceBusNameRules.alias,
  ...eventHubsNameRules,
  ...eventGridNameRules,
  ...mqttNameRules,
  logicAppConsumptionWorkflow: logicAppNameRules.consumptionWorkflow,
  logicAppStandardSite: logicAppNameRules.standardSite,
  logicAppStandardWorkflow: logicAppNameRules.standardWorkflow,
  logicAppWorkflowPlan: logicAppNameRules.workflowPlan,
  logicAppApiConnection: logicAppNameRules.apiConnection,
} as const satisfies Record<string, AzureNameRule>;

export type AzureNameKind = keyof typeof azureNameRules;

/** {@link azureNameProblem} for a kind or a rule. */
export function nameProblemOf(kind: AzureNameKind | AzureNameRule, name: string): string | undefined {
  return azureNameProblem(typeof kind === "string" ? azureNameRules[kind] : kind, name);
}

/** {@link azureNameProblems} for a kind or a rule. */
export function nameProblemsOf(
  kind: AzureNameKind | AzureNameRule,
  name: string | undefined,
  field = "name",
): Problem[] {
  return azureNameProblems(typeof kind === "string" ? azureNameRules[kind] : kind, name, field);
}
