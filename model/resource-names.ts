/**
 * The Azure name of every resource an environment file declares or implies, computed in one place
 * so the name rules check exactly the names the resolver (and so the stack) will use.
 */
import { azureNameRules } from "../azure/name-rules";
import {
  conventionalName,
  derivedName,
  fitName,
  type AbbreviatedKind,
  type NamingConvention,
} from "../azure/naming";
import type { GeneratedNames, SourceLocation } from "./model";
import type { EnvironmentSpec, MqttPermissionSpec } from "./spec";

export function namingOf(spec: EnvironmentSpec): NamingConvention {
  return { prefix: spec.naming.prefix, workload: spec.naming.workload ?? "", environment: spec.name };
}

export function resourceGroupNameOf(spec: EnvironmentSpec): string {
  return spec.resourceGroupName ?? conventionalName("resourceGroup", namingOf(spec), "messaging");
}

/** A namespace-like resource's Azure name: `resourceName` exactly, else the naming convention. */
export function azureNameOf(
  kind: AbbreviatedKind,
  naming: NamingConvention,
  item: { readonly name: string; readonly resourceName?: string },
): string {
  return item.resourceName ?? conventionalName(kind, naming, item.name);
}

/** The paired secondary namespace and the alias clients connect to, for geo-disaster recovery. */
export function geoPairNames(primaryAzureName: string): {
  readonly secondaryAzureName: string;
  readonly aliasName: string;
} {
  return {
    secondaryAzureName: derivedName(primaryAzureName, "geo"),
    aliasName: derivedName(primaryAzureName, "alias"),
  };
}

/**
 * A storage account the project names itself: the convention, shortened with a hash where it is
 * longer than Azure allows (the file has no field to name these accounts, so no name is refused).
 */
function storageAccountName(naming: NamingConvention, purpose: string): string {
  return fitName(
    conventionalName("storageAccount", naming, purpose),
    azureNameRules.storageAccount.maxLength,
  );
}

/** The storage account the project creates for Event Hubs capture when a hub gives no account. */
export function captureStorageAccountName(naming: NamingConvention): string {
  return storageAccountName(naming, "cap");
}

/** The storage account the project creates for Event Grid dead-lettering (`deadLetter: true`). */
export function deadLetterStorageAccountName(naming: NamingConvention): string {
  return storageAccountName(naming, "egdl");
}

/** The custom topic an Event Grid namespace routes its MQTT messages through (`mqtt.routeTo`). */
export function mqttRouteTopicName(naming: NamingConvention, namespaceName: string): string {
  return fitName(
    conventionalName("eventGridTopic", naming, `${namespaceName}-route`),
    azureNameRules.eventGridTopic.maxLength,
    "-",
  );
}

/** The route topic of the Event Grid namespace `namespaceName`, as {@link generatedNamesFor} named it. */
export function mqttRouteTopicOf(names: GeneratedNames, namespaceName: string): string {
  const found = Object.hasOwn(names.mqttRouteTopics, namespaceName)
    ? names.mqttRouteTopics[namespaceName]
    : undefined;
  if (found === undefined)
    throw new Error(`internal: no route topic name for Event Grid namespace "${namespaceName}"`);
  return found;
}

/** The budget the stack sets on the environment's resource group. */
export function budgetName(resourceGroupName: string): string {
  return `budget-${resourceGroupName}`;
}

/** Every name of {@link GeneratedNames}; `namespaces` are the Event Grid namespaces' names. */
export function generatedNamesFor(
  naming: NamingConvention,
  namespaces: readonly string[],
  source: SourceLocation,
): GeneratedNames {
  return {
    source,
    logAnalyticsWorkspace: conventionalName("logAnalytics", naming, "messaging"),
    actionGroup: conventionalName("actionGroup", naming, "messaging"),
    captureStorageAccount: captureStorageAccountName(naming),
    deadLetterStorageAccount: deadLetterStorageAccountName(naming),
    mqttRouteTopics: Object.fromEntries(namespaces.map((name) => [name, mqttRouteTopicName(naming, name)])),
  };
}

/** The container dead-lettered events go to in the project's dead-letter account. */
export const deadLetterContainerName = "deadletter";

/** The container capture writes to when a hub names none; Azure's archive name format keeps hubs apart. */
export const defaultCaptureContainerName = "capture";

export function dedicatedClusterAzureName(naming: NamingConvention, clusterName: string): string {
  return conventionalName("eventHubsCluster", naming, clusterName);
}

export function deviceProvisioningAzureName(
  naming: NamingConvention,
  hubName: string,
  resourceName: string | undefined,
): string {
  return resourceName ?? conventionalName("deviceProvisioning", naming, hubName);
}

/** A permission binding's name when the file gives none: `<clientGroup>-<role>-<topicSpace>`. */
export function permissionBindingName(permission: MqttPermissionSpec): string {
  return permission.name ?? `${permission.clientGroup}-${permission.role}-${permission.topicSpace}`;
}

/** The storage account the project creates for a Standard logic app's runtime (its state and content). */
export function logicAppStorageAccountName(naming: NamingConvention, appName: string): string {
  return storageAccountName(naming, `${appName}la`);
}

/** The Workflow Standard plan a Standard logic app runs on, one per app. */
export function logicAppPlanName(naming: NamingConvention, appName: string): string {
  return conventionalName("appServicePlan", naming, appName);
}
