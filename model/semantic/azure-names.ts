import type { AzureNameRule } from "../../azure/name-rule";
import { nameProblemOf, type AzureNameKind } from "../../azure/name-rules";
import { geoDisasterRecoveryApplies } from "../../azure/capabilities";
import { eventHubsGeoPairable } from "../../azure/event-hubs";
import { iotHubNameRules } from "../../azure/iot-hub";
import { logicAppNameRules } from "../../azure/logic-apps";
import { relayNameRules } from "../../azure/relay";
import { serviceBusOffersGeoDisasterRecovery } from "../../azure/service-bus";
import { streamAnalyticsNameRules } from "../../azure/stream-analytics";
import { pointerToPath } from "../diagnostics";
import { loadProfile } from "../profiles";
import {
  azureNameOf,
  dedicatedClusterAzureName,
  deviceProvisioningAzureName,
  geoPairNames,
  namingOf,
  permissionBindingName,
  resourceGroupNameOf,
} from "../resource-names";
import type { AbbreviatedKind } from "../../azure/naming";
import type { SemanticCheck, SemanticContext } from "./context";

const conventionAdvice = "shorten the name or prefix, or set resourceName";
const renameAdvice = "rename it";

/** A generic rule by its kind, or a service's own rule from its facts module. */
type NameRule = AzureNameKind | AzureNameRule;

/** Applies Azure's rule for `kind` to the final `name`, reporting at `pointer`. */
function check(
  ctx: SemanticContext,
  kind: NameRule,
  name: string,
  pointer: string,
  advice: string,
  subject = pointerToPath(pointer),
): void {
  const problem = nameProblemOf(kind, name);
  if (problem !== undefined) ctx.error(pointer, `Azure name "${name}" for ${subject} ${problem}: ${advice}`);
}

/** A namespace-like resource: the convention's name, or `resourceName` exactly. */
function checkNamespace(
  ctx: SemanticContext,
  kind: AzureNameKind & AbbreviatedKind,
  base: string,
  item: { readonly name: string; readonly resourceName?: string },
): string {
  return checkNamespaceWith(ctx, kind, kind, base, item);
}

/** {@link checkNamespace} for a resource whose rule lives in its service's facts module. */
function checkNamespaceWith(
  ctx: SemanticContext,
  kind: AbbreviatedKind,
  rule: NameRule,
  base: string,
  item: { readonly name: string; readonly resourceName?: string },
): string {
  const azureName = azureNameOf(kind, namingOf(ctx.spec), item);
  const given = item.resourceName !== undefined;
  check(
    ctx,
    rule,
    azureName,
    `${base}/${given ? "resourceName" : "name"}`,
    given ? "change resourceName" : conventionAdvice,
    pointerToPath(base),
  );
  return azureName;
}

function checkGeoPair(
  ctx: SemanticContext,
  base: string,
  azureName: string,
  aliasKind: "serviceBusAlias" | "eventHubsAlias",
  namespaceKind: AzureNameKind,
): void {
  const { secondaryAzureName, aliasName } = geoPairNames(azureName);
  const advice = "shorten the namespace's name (the pair's names add a suffix), or set resourceName";
  check(
    ctx,
    namespaceKind,
    secondaryAzureName,
    `${base}/name`,
    advice,
    `the geo-disaster-recovery secondary of ${pointerToPath(base)}`,
  );
  check(
    ctx,
    aliasKind,
    aliasName,
    `${base}/name`,
    advice,
    `the geo-disaster-recovery alias of ${pointerToPath(base)}`,
  );
}

function checkEntities(
  ctx: SemanticContext,
  kind: NameRule,
  base: string,
  list: readonly { readonly name: string }[] | undefined,
): void {
  (list ?? []).forEach((item, i) => check(ctx, kind, item.name, `${base}/${i}/name`, renameAdvice));
}

function serviceBus(ctx: SemanticContext): void {
  const defaults = loadProfile(ctx.spec.tier).namespace;
  (ctx.spec.serviceBus ?? []).forEach((ns, i) => {
    const base = `/serviceBus/${i}`;
    const azureName = checkNamespace(ctx, "serviceBusNamespace", base, ns);
    const supported = serviceBusOffersGeoDisasterRecovery(ns.sku);
    if (
      geoDisasterRecoveryApplies(
        ctx.spec.secondaryLocation,
        supported,
        ns.geoDisasterRecovery,
        defaults.geoDisasterRecovery,
      )
    ) {
      checkGeoPair(ctx, base, azureName, "serviceBusAlias", "serviceBusNamespace");
    }
    checkEntities(ctx, "serviceBusQueue", `${base}/queues`, ns.queues);
    checkEntities(ctx, "serviceBusTopic", `${base}/topics`, ns.topics);
    (ns.topics ?? []).forEach((topic, j) => {
      checkEntities(ctx, "serviceBusSubscription", `${base}/topics/${j}/subscriptions`, topic.subscriptions);
      (topic.subscriptions ?? []).forEach((sub, k) =>
        checkEntities(ctx, "serviceBusRule", `${base}/topics/${j}/subscriptions/${k}/rules`, sub.rules),
      );
    });
  });
}

function eventHubs(ctx: SemanticContext): void {
  const defaults = loadProfile(ctx.spec.tier).namespace;
  const naming = namingOf(ctx.spec);
  (ctx.spec.eventHubs ?? []).forEach((ns, i) => {
    const base = `/eventHubs/${i}`;
    const azureName = checkNamespace(ctx, "eventHubsNamespace", base, ns);
    const supported = eventHubsGeoPairable(ns);
    if (
      geoDisasterRecoveryApplies(
        ctx.spec.secondaryLocation,
        supported,
        ns.geoDisasterRecovery,
        defaults.geoDisasterRecovery,
      )
    ) {
      checkGeoPair(ctx, base, azureName, "eventHubsAlias", "eventHubsNamespace");
    }
    if (ns.dedicatedCluster) {
      check(
        ctx,
        "eventHubsCluster",
        dedicatedClusterAzureName(naming, ns.dedicatedCluster.name),
        `${base}/dedicatedCluster/name`,
        conventionAdvice.replace(", or set resourceName", ""),
      );
    }
    checkEntities(ctx, "eventHub", `${base}/hubs`, ns.hubs);
    checkEntities(ctx, "schemaGroup", `${base}/schemaGroups`, ns.schemaGroups);
    (ns.hubs ?? []).forEach((hub, j) => {
      (hub.consumerGroups ?? []).forEach((group, k) => {
        const pointer = `${base}/hubs/${j}/consumerGroups/${k}`;
        if (typeof group === "string") check(ctx, "consumerGroup", group, pointer, renameAdvice);
        else check(ctx, "consumerGroup", group.name, `${pointer}/name`, renameAdvice);
      });
      if (hub.capture?.container !== undefined)
        check(
          ctx,
          "blobContainer",
          hub.capture.container,
          `${base}/hubs/${j}/capture/container`,
          renameAdvice,
        );
    });
  });
}

function eventGrid(ctx: SemanticContext): void {
  const grid = ctx.spec.eventGrid ?? {};
  (grid.topics ?? []).forEach((topic, i) => {
    checkNamespace(ctx, "eventGridTopic", `/eventGrid/topics/${i}`, topic);
    checkEntities(ctx, "eventSubscription", `/eventGrid/topics/${i}/subscriptions`, topic.subscriptions);
  });
  (grid.systemTopics ?? []).forEach((topic, i) => {
    checkNamespace(ctx, "eventGridSystemTopic", `/eventGrid/systemTopics/${i}`, topic);
    checkEntities(
      ctx,
      "eventSubscription",
      `/eventGrid/systemTopics/${i}/subscriptions`,
      topic.subscriptions,
    );
  });
  (grid.namespaces ?? []).forEach((ns, i) => {
    const base = `/eventGrid/namespaces/${i}`;
    checkNamespace(ctx, "eventGridNamespace", base, ns);
    checkEntities(ctx, "mqttTopicSpace", `${base}/mqtt/topicSpaces`, ns.mqtt?.topicSpaces);
    checkEntities(ctx, "mqttClientGroup", `${base}/mqtt/clientGroups`, ns.mqtt?.clientGroups);
    checkEntities(ctx, "mqttClient", `${base}/mqtt/clients`, ns.mqtt?.clients);
    (ns.mqtt?.permissions ?? []).forEach((permission, j) => {
      const pointer = `${base}/mqtt/permissions/${j}`;
      const given = permission.name !== undefined;
      check(
        ctx,
        "mqttPermissionBinding",
        permissionBindingName(permission),
        given ? `${pointer}/name` : pointer,
        given ? renameAdvice : "give the permission a shorter name",
        given
          ? pointerToPath(`${pointer}/name`)
          : `${pointerToPath(pointer)} (named <clientGroup>-<role>-<topicSpace> when no name is given)`,
      );
    });
  });
  // Each site's gateway becomes an MQTT client named after the site.
  (ctx.spec.sites ?? []).forEach((site, i) =>
    check(
      ctx,
      "mqttClient",
      site.name,
      `/sites/${i}/name`,
      "rename the site",
      `${pointerToPath(`/sites/${i}`)} (its gateway's MQTT client name)`,
    ),
  );
}

function relay(ctx: SemanticContext): void {
  (ctx.spec.relay ?? []).forEach((ns, i) => {
    checkNamespaceWith(ctx, "relayNamespace", relayNameRules.namespace, `/relay/${i}`, ns);
    checkEntities(
      ctx,
      relayNameRules.hybridConnection,
      `/relay/${i}/hybridConnections`,
      ns.hybridConnections,
    );
    checkEntities(ctx, relayNameRules.wcfRelay, `/relay/${i}/wcfRelays`, ns.wcfRelays);
  });
}

function iotHub(ctx: SemanticContext): void {
  const naming = namingOf(ctx.spec);
  (ctx.spec.iotHub ?? []).forEach((hub, i) => {
    const base = `/iotHub/${i}`;
    checkNamespaceWith(ctx, "iotHub", iotHubNameRules.hub, base, hub);
    (hub.routes ?? []).forEach((route, j) => {
      const pointer = `${base}/routes/${j}/name`;
      check(ctx, iotHubNameRules.route, route.name, pointer, renameAdvice);
      // Each route delivers through a custom endpoint of the same name.
      check(
        ctx,
        iotHubNameRules.endpoint,
        route.name,
        pointer,
        "rename the route",
        `${pointerToPath(pointer)} (also the name of its custom endpoint)`,
      );
    });
    (hub.consumerGroups ?? []).forEach((group, j) =>
      check(ctx, iotHubNameRules.consumerGroup, group, `${base}/consumerGroups/${j}`, renameAdvice),
    );
    const dps = hub.deviceProvisioning;
    if (dps) {
      const given = dps.resourceName !== undefined;
      check(
        ctx,
        iotHubNameRules.deviceProvisioning,
        deviceProvisioningAzureName(naming, hub.name, dps.resourceName),
        given ? `${base}/deviceProvisioning/resourceName` : `${base}/deviceProvisioning`,
        given
          ? "change resourceName"
          : "shorten the hub's name or the prefix, or set deviceProvisioning.resourceName",
        `the Device Provisioning Service of ${pointerToPath(base)}`,
      );
    }
  });
}

function streamAnalytics(ctx: SemanticContext): void {
  (ctx.spec.streamAnalytics ?? []).forEach((job, i) => {
    checkNamespaceWith(ctx, "streamAnalyticsJob", streamAnalyticsNameRules.job, `/streamAnalytics/${i}`, job);
  });
}

/**
 * A Consumption app is one `Microsoft.Logic/workflows`; a Standard app is a `Microsoft.Web/sites`
 * whose workflows are named by the file as they are.
 */
function logicApps(ctx: SemanticContext): void {
  (ctx.spec.logicApps ?? []).forEach((app, i) => {
    const base = `/logicApps/${i}`;
    const standard = app.hosting === "Standard";
    const rule = standard ? logicAppNameRules.standardSite : logicAppNameRules.consumptionWorkflow;
    checkNamespaceWith(ctx, "logicApp", rule, base, app);
    if (standard) checkEntities(ctx, logicAppNameRules.standardWorkflow, `${base}/workflows`, app.workflows);
  });
}

function environmentAndResourceGroup(ctx: SemanticContext): void {
  check(ctx, "environment", ctx.spec.name, "/name", "rename the environment", "the environment name");
  const given = ctx.spec.resourceGroupName !== undefined;
  check(
    ctx,
    "resourceGroup",
    resourceGroupNameOf(ctx.spec),
    given ? "/resourceGroupName" : "/name",
    given
      ? "change resourceGroupName"
      : "shorten the prefix, workload or environment name, or set resourceGroupName",
    "the resource group",
  );
}

/**
 * Every Azure name the file gives or builds by the convention is one Azure accepts. Names the
 * project derives for resources the file does not name (private endpoints, storage accounts, the
 * route topic, the workspace, ...) are checked on the resolved model (`model/checks/derived-names.ts`).
 */
export const checkAzureNames: SemanticCheck = (ctx) => {
  environmentAndResourceGroup(ctx);
  serviceBus(ctx);
  eventHubs(ctx);
  eventGrid(ctx);
  relay(ctx);
  iotHub(ctx);
  streamAnalytics(ctx);
  logicApps(ctx);
};
