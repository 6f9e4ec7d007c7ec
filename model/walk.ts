/**
 * The one walk over a resolved environment: every resource the file declares and every resource
 * the project derives from it (private endpoints, geo-disaster-recovery pairs, clusters, storage
 * accounts, the Device Provisioning Service and its identity, IoT Hub endpoints, MQTT route topics,
 * the scoping each edge site gets on its broker, the workspace, action group and budget), each with
 * its reference, its Azure type and name, the scope in which Azure needs that name unique, and the
 * file location it comes from. References of waivers and allowDestroy, the policy engine's
 * declarations, the plan guard and the name checks all read this walk; none walks the model itself.
 *
 * Derived names are the ones the stack gives: names the project chooses itself are computed once in
 * `resource-names.ts` and carried by the model; names a construct derives from its parent follow
 * the same `azure/naming.ts` rules here (a test compares both with the synthesized stacks). Not
 * walked: what is named the same under every parent or unique by construction (diagnostic
 * settings, locks, role assignments, alerts, the workbook, storage containers) and what Azure
 * creates by itself (the `$Default` consumer group, and the `$Default` rule of a subscription
 * that declares no rules).
 */
import { eventGridZone, nameUniquenessOf, type UniquenessLevel } from "../azure/name-uniqueness";
import { Abbreviation, derivedName, privateEndpointName } from "../azure/naming";
import type {
  Budget,
  Capture,
  EventSubscription,
  GeneratedNames,
  Monitoring,
  PrivateEndpointSettings,
  ServiceBusNamespace,
  Site,
  SourceLocation,
} from "./model";
import { mqttRouteTopicOf } from "./resource-names";
import { resourceRef, type ResourceKind, type ResourceService } from "./resource-refs";
import { siteScopeName } from "./semantic/sites";

// ---------------------------------------------------------------- what the walk reads

type Located = { readonly name: string; readonly source: SourceLocation };

interface WalkNamespace extends Located {
  readonly azureName: string;
  readonly privateEndpoint?: Pick<PrivateEndpointSettings, "azureName">;
}

interface GeoPaired {
  readonly geoDisasterRecovery?: Pick<
    NonNullable<ServiceBusNamespace["geoDisasterRecovery"]>,
    "secondaryAzureName" | "aliasName"
  >;
}

type WalkSubscription = Located & { readonly deadLetter?: EventSubscription["deadLetter"] };

interface WalkBroker {
  readonly topicSpaces: readonly Located[];
  readonly clientGroups: readonly Located[];
  readonly permissions?: readonly Located[];
  /** Declared clients, and the gateways of edge sites (located at their site, `/sites/<i>`). */
  readonly clients: readonly Located[];
  readonly routeTo?: unknown;
}

/**
 * The parts of the environment model the walk reads. `EnvironmentModel` is one; so is the smaller
 * `PolicyModel` the policy engine works with, whose absent parts simply yield nothing.
 */
export interface WalkableModel {
  readonly location: string;
  readonly resourceGroupName?: string;
  readonly monitoring: Pick<Monitoring, "logAnalyticsWorkspaceId">;
  readonly budget?: Pick<Budget, "azureName" | "source">;
  readonly generatedNames?: GeneratedNames;
  readonly serviceBus: readonly (WalkNamespace &
    GeoPaired & {
      readonly autoscale?: object;
      readonly queues: readonly Located[];
      readonly topics: readonly (Located & {
        readonly subscriptions: readonly (Located & {
          readonly rules?: readonly { readonly name: string }[];
        })[];
      })[];
    })[];
  readonly eventHubs: readonly (WalkNamespace &
    GeoPaired & {
      readonly dedicatedCluster?: { readonly azureName: string };
      readonly hubs: readonly (Located & {
        readonly capture?: Pick<Capture, "storageAccountId">;
        readonly consumerGroups: readonly Located[];
      })[];
      readonly schemaGroups: readonly Located[];
    })[];
  readonly eventGrid: {
    readonly topics: readonly (WalkNamespace & { readonly subscriptions: readonly WalkSubscription[] })[];
    readonly systemTopics: readonly (Located & {
      readonly azureName: string;
      readonly subscriptions: readonly WalkSubscription[];
    })[];
    readonly namespaces: readonly (WalkNamespace & { readonly mqtt?: WalkBroker })[];
  };
  readonly relay: readonly (WalkNamespace & {
    readonly hybridConnections: readonly Located[];
    readonly wcfRelays: readonly Located[];
  })[];
  readonly iotHub: readonly (WalkNamespace & {
    readonly routes: readonly (Located & { readonly endpointName?: string })[];
    readonly consumerGroups?: readonly string[];
    readonly deviceProvisioning?: { readonly azureName: string };
  })[];
  readonly sites: readonly Pick<Site, "name" | "namespace" | "source">[];
  /** Absent in models that predate Stream Analytics (the policy engine's): they yield no jobs. */
  readonly streamAnalytics?: readonly (Located & {
    readonly azureName: string;
    readonly inputs: readonly WalkAlias[];
    readonly outputs: readonly WalkAlias[];
  })[];
  /** Absent in models that carry no logic apps (the policy engine's): they yield nothing. */
  readonly logicApps?: readonly WalkLogicApp[];
}

interface WalkLogicApp extends WalkNamespace {
  readonly hosting: "Consumption" | "Standard";
  readonly workflows: readonly Located[];
  readonly connections: readonly (Located & { readonly azureName?: string })[];
  readonly standard?: {
    readonly planAzureName: string;
    readonly storageAccountAzureName: string;
    readonly privateEndpoint?: Pick<PrivateEndpointSettings, "azureName">;
    readonly storagePrivateEndpoints: readonly Pick<PrivateEndpointSettings, "azureName">[];
  };
}

type WalkAlias = { readonly alias: string; readonly source: SourceLocation };

// ---------------------------------------------------------------- what the walk yields

/** Every kind of resource the walk yields: the file's own kinds, and the ones the project derives. */
export type WalkKind =
  | ResourceKind
  | "serviceBusRule"
  | "mqttPermissionBinding"
  | "iotConsumerGroup"
  | "iotEndpoint"
  | "privateEndpoint"
  | "geoSecondaryNamespace"
  | "geoAlias"
  | "autoscaleSetting"
  | "dedicatedCluster"
  | "captureStorageAccount"
  | "deadLetterStorageAccount"
  | "mqttRouteTopic"
  | "deviceProvisioning"
  | "deviceProvisioningIdentity"
  | "logAnalyticsWorkspace"
  | "actionGroup"
  | "budget"
  | "logicAppPlan"
  | "logicAppStorageAccount"
  | "apiConnection";

/** `environment`: resources of the environment as a whole (workspace, action group, budget). */
export type WalkService = ResourceService | "environment";

/** Where a name must be unique, as Azure decides it (`azure/name-uniqueness.ts`). */
export interface NameScope {
  readonly level: UniquenessLevel;
  /** Equal for two resources exactly when Azure needs their names to differ. */
  readonly key: string;
  /** For messages: `the DNS zone servicebus.windows.net`, `the resource group`, `serviceBus/orders`. */
  readonly description: string;
  readonly ignoresCase: boolean;
  /** Why, with its source. */
  readonly source: string;
}

export interface WalkedResource {
  /**
   * The reference in the file's grammar (`model/resource-refs.ts`) that names this resource, or,
   * for one the grammar has no name for (a private endpoint, a storage account), the reference of
   * the declaration it belongs to; `monitoring` or `budget` for the environment's own resources.
   */
  readonly ref: string;
  /** Whether `ref` names this very resource (so a waiver or allowDestroy entry may name it). */
  readonly refersToItself: boolean;
  readonly kind: WalkKind;
  readonly service: WalkService;
  /**
   * The ARM resource type (`Microsoft.ServiceBus/namespaces/queues`); IoT Hub routes and endpoints,
   * which ARM keeps in the hub's `routing` properties, are `Microsoft.Devices/IotHubs/routing.routes`
   * and `.../routing.endpoints`.
   */
  readonly azureType: string;
  readonly azureName: string;
  /** Azure names from the top-level resource down (`["sbns-contoso-orders-prod", "payments"]`). */
  readonly azurePath: readonly string[];
  /** The ARM type of the top-level resource of `azurePath` (a queue's is its namespace's). */
  readonly rootType: string;
  readonly scope: NameScope;
  /** Where the file declares it; a derived resource carries the location of what it derives from. */
  readonly source: SourceLocation;
  /** What it is, for messages: `Service Bus queue serviceBus/orders/payments`. */
  readonly label: string;
  /** The resource this one is derived from; absent for declared resources and the environment's own. */
  readonly derivedFrom?: WalkedResource;
  readonly origin: "declared" | "derived";
}

const kindLabels: Readonly<Record<WalkKind, string>> = {
  serviceBusNamespace: "Service Bus namespace",
  serviceBusQueue: "Service Bus queue",
  serviceBusTopic: "Service Bus topic",
  serviceBusSubscription: "Service Bus subscription",
  serviceBusRule: "subscription rule",
  eventHubsNamespace: "Event Hubs namespace",
  eventHub: "event hub",
  consumerGroup: "consumer group",
  schemaGroup: "schema group",
  eventGridTopic: "Event Grid topic",
  eventGridSystemTopic: "Event Grid system topic",
  eventSubscription: "event subscription",
  eventGridNamespace: "Event Grid namespace",
  mqttTopicSpace: "MQTT topic space",
  mqttClientGroup: "MQTT client group",
  mqttClient: "MQTT client",
  mqttPermissionBinding: "MQTT permission binding",
  relayNamespace: "Relay namespace",
  hybridConnection: "hybrid connection",
  wcfRelay: "WCF relay",
  iotHub: "IoT hub",
  iotRoute: "IoT Hub route",
  streamAnalyticsJob: "Stream Analytics job",
  streamAnalyticsInput: "Stream Analytics input",
  streamAnalyticsOutput: "Stream Analytics output",
  iotConsumerGroup: "IoT Hub consumer group",
  iotEndpoint: "IoT Hub custom endpoint",
  privateEndpoint: "private endpoint",
  geoSecondaryNamespace: "geo-disaster-recovery secondary namespace",
  geoAlias: "geo-disaster-recovery alias",
  autoscaleSetting: "autoscale setting",
  dedicatedCluster: "Event Hubs dedicated cluster",
  captureStorageAccount: "capture storage account",
  deadLetterStorageAccount: "dead-letter storage account",
  mqttRouteTopic: "MQTT route topic",
  deviceProvisioning: "Device Provisioning Service",
  deviceProvisioningIdentity: "Device Provisioning link identity",
  logAnalyticsWorkspace: "Log Analytics workspace",
  actionGroup: "action group",
  budget: "budget",
  logicApp: "logic app",
  logicAppWorkflow: "workflow",
  logicAppPlan: "Workflow Standard plan",
  logicAppStorageAccount: "runtime storage account",
  apiConnection: "API connection",
};

/** Every kind the walk can yield. */
export const walkKinds = Object.keys(kindLabels) as readonly WalkKind[];

/** What to add: the resource's own facts; the walk works out reference, scope, path and label. */
interface Entry {
  readonly kind: WalkKind;
  readonly azureType: string;
  readonly azureName: string;
  readonly source: SourceLocation;
  /** The parent in Azure's hierarchy (a queue's namespace); absent for top-level resources. */
  readonly parent?: WalkedResource;
  /** The reference naming this resource itself; absent when it only belongs to another's. */
  readonly ref?: string;
  /** For a top-level declaration: its service. */
  readonly service?: WalkService;
  /** The resource this one derives from, whose reference it takes when it has none of its own. */
  readonly derivedFrom?: WalkedResource;
  /** For the environment's own resources: the section they belong to (`monitoring`, `budget`). */
  readonly environmentSection?: string;
  /** For the gateway parts an edge site adds to its broker: the site's name. */
  readonly site?: string;
}

class Walk {
  readonly resources: WalkedResource[] = [];

  constructor(private readonly model: WalkableModel) {}

  add(entry: Entry): WalkedResource {
    const { derivedFrom, parent } = entry;
    const ref = entry.ref ?? derivedFrom?.ref ?? parent?.ref ?? entry.environmentSection;
    const service =
      entry.service ?? derivedFrom?.service ?? parent?.service ?? (entry.environmentSection && "environment");
    if (ref === undefined || !service) {
      throw new Error(`internal: ${entry.kind} "${entry.azureName}" walked without a reference`);
    }
    const origin = derivedFrom || entry.site || entry.environmentSection ? "derived" : "declared";
    const resource: WalkedResource = {
      ref,
      refersToItself: entry.ref !== undefined,
      kind: entry.kind,
      service,
      azureType: entry.azureType,
      azureName: entry.azureName,
      azurePath: [...(entry.parent?.azurePath ?? []), entry.azureName],
      rootType: entry.parent?.rootType ?? entry.azureType,
      scope: this.scopeOf(entry),
      source: entry.source,
      label: labelOf(entry, ref),
      derivedFrom,
      origin,
    };
    this.resources.push(resource);
    return resource;
  }

  private scopeOf(entry: Entry): NameScope {
    const rule = nameUniquenessOf(entry.azureType);
    const type = entry.azureType.toLowerCase();
    const common = { level: rule.level, ignoresCase: rule.ignoresCase, source: rule.source };
    switch (rule.level) {
      case "dns": {
        const zone = rule.within === "eventGrid" ? eventGridZone(this.model.location) : (rule.within ?? type);
        return { ...common, key: `dns:${zone}`, description: `the DNS zone ${zone}` };
      }
      case "parent": {
        const parent = entry.parent;
        if (!parent)
          throw new Error(`internal: ${entry.azureType} "${entry.azureName}" walked without its parent`);
        const path = parent.azurePath.join("/").toLowerCase();
        const among = rule.within ?? entry.azureType;
        return {
          ...common,
          key: `parent:${parent.azureType.toLowerCase()}:${path}:${among}`,
          description: `the ${among} of ${parent.label}`,
        };
      }
      case "resourceGroup": {
        const group = this.model.resourceGroupName;
        return {
          ...common,
          key: `resourceGroup:${(group ?? "").toLowerCase()}:${type}`,
          description: group === undefined ? "the resource group" : `resource group ${group}`,
        };
      }
      case "subscription":
        return { ...common, key: `subscription:${type}`, description: "the subscription" };
    }
  }
}

function labelOf(entry: Entry, ref: string): string {
  const kind = kindLabels[entry.kind];
  if (entry.site !== undefined) return `${kind} of edge site ${entry.site}`;
  if (entry.derivedFrom) return `${kind} of ${entry.derivedFrom.label}`;
  if (entry.environmentSection !== undefined) return `the environment's ${kind}`;
  if (entry.ref !== undefined) return `${kind} ${ref}`;
  return `${kind} "${entry.azureName}" of ${entry.parent?.label ?? ref}`;
}

/** A resource derived from `from`, located where `from` is. */
function derive(
  walk: Walk,
  from: WalkedResource,
  kind: WalkKind,
  azureType: string,
  azureName: string,
): WalkedResource {
  return walk.add({ kind, azureType, azureName, source: from.source, derivedFrom: from });
}

/** A private endpoint of `resource`, named as the stack names it. */
function privateEndpoint(walk: Walk, resource: WalkedResource, azureName: string): void {
  derive(walk, resource, "privateEndpoint", "Microsoft.Network/privateEndpoints", azureName);
}

function namespace(
  walk: Walk,
  service: ResourceService,
  kind: ResourceKind,
  azureType: string,
  ns: WalkNamespace,
): WalkedResource {
  const resource = walk.add({
    kind,
    azureType,
    azureName: ns.azureName,
    source: ns.source,
    ref: resourceRef(service, ns.name),
    service,
  });
  if (ns.privateEndpoint) privateEndpoint(walk, resource, ns.privateEndpoint.azureName);
  return resource;
}

function child(
  walk: Walk,
  kind: WalkKind,
  azureType: string,
  parent: WalkedResource,
  item: Located,
): WalkedResource {
  return walk.add({
    kind,
    azureType,
    azureName: item.name,
    source: item.source,
    parent,
    ref: `${parent.ref}/${item.name}`,
  });
}

/** The paired secondary namespace, its private endpoint and the alias clients connect to. */
function geoPair(
  walk: Walk,
  service: "serviceBus" | "eventHubs",
  primary: WalkedResource,
  ns: WalkNamespace & GeoPaired,
): void {
  const geo = ns.geoDisasterRecovery;
  if (!geo) return;
  const secondary = derive(walk, primary, "geoSecondaryNamespace", primary.azureType, geo.secondaryAzureName);
  if (ns.privateEndpoint)
    privateEndpoint(walk, secondary, privateEndpointName(service, geo.secondaryAzureName));
  walk.add({
    kind: "geoAlias",
    azureType: `${primary.azureType}/disasterRecoveryConfigs`,
    azureName: geo.aliasName,
    source: ns.source,
    parent: primary,
    derivedFrom: primary,
  });
}

/** Azure's catch-all rule, which every subscription has from its creation. */
const defaultRule = "$Default";

/**
 * The rules of a subscription that declares any: the declared ones, and `$Default`, which the
 * stack rewrites to match nothing unless a rule (a single `filter`) takes its name.
 */
function subscriptionRules(rules: readonly { readonly name: string }[]): readonly string[] {
  const names = rules.map((rule) => rule.name);
  return names.length === 0 || names.includes(defaultRule) ? names : [...names, defaultRule];
}

function serviceBus(walk: Walk, model: WalkableModel): void {
  for (const ns of model.serviceBus) {
    const type = "Microsoft.ServiceBus/namespaces";
    const resource = namespace(walk, "serviceBus", "serviceBusNamespace", type, ns);
    geoPair(walk, "serviceBus", resource, ns);
    if (ns.autoscale) {
      const azureName = `${ns.azureName}-autoscale`;
      derive(walk, resource, "autoscaleSetting", "Microsoft.Insights/autoscaleSettings", azureName);
    }
    for (const queue of ns.queues) child(walk, "serviceBusQueue", `${type}/queues`, resource, queue);
    for (const topic of ns.topics) {
      const parent = child(walk, "serviceBusTopic", `${type}/topics`, resource, topic);
      for (const sub of topic.subscriptions) {
        const subscription = child(
          walk,
          "serviceBusSubscription",
          `${type}/topics/subscriptions`,
          parent,
          sub,
        );
        // The model keeps a subscription's rules without locations: they are located at their subscription.
        for (const rule of subscriptionRules(sub.rules ?? [])) {
          walk.add({
            kind: "serviceBusRule",
            azureType: `${type}/topics/subscriptions/rules`,
            azureName: rule,
            source: sub.source,
            parent: subscription,
          });
        }
      }
    }
  }
}

function eventHubs(walk: Walk, model: WalkableModel): void {
  const type = "Microsoft.EventHub/namespaces";
  let captured: WalkedResource | undefined;
  for (const ns of model.eventHubs) {
    const resource = namespace(walk, "eventHubs", "eventHubsNamespace", type, ns);
    geoPair(walk, "eventHubs", resource, ns);
    if (ns.dedicatedCluster) {
      const azureName = ns.dedicatedCluster.azureName;
      derive(walk, resource, "dedicatedCluster", "Microsoft.EventHub/clusters", azureName);
    }
    for (const hub of ns.hubs) {
      const parent = child(walk, "eventHub", `${type}/eventhubs`, resource, hub);
      for (const group of hub.consumerGroups) {
        child(walk, "consumerGroup", `${type}/eventhubs/consumergroups`, parent, group);
      }
      if (hub.capture && hub.capture.storageAccountId === undefined) captured ??= parent;
    }
    for (const group of ns.schemaGroups) child(walk, "schemaGroup", `${type}/schemagroups`, resource, group);
  }
  const names = model.generatedNames;
  if (!captured || !names) return;
  // One account for every hub that captures without naming one; the stack creates it for the first.
  const account = derive(
    walk,
    captured,
    "captureStorageAccount",
    "Microsoft.Storage/storageAccounts",
    names.captureStorageAccount,
  );
  // Reached through the first namespace's private endpoint subnet, when one has a private endpoint.
  if (model.eventHubs.some((ns) => ns.privateEndpoint)) {
    privateEndpoint(walk, account, derivedName(account.azureName, "blob-pep"));
  }
}

function subscriptions(
  walk: Walk,
  azureType: string,
  topic: WalkedResource,
  list: readonly WalkSubscription[],
): WalkedResource | undefined {
  let deadLettering: WalkedResource | undefined;
  for (const sub of list) {
    const resource = child(walk, "eventSubscription", azureType, topic, sub);
    if (sub.deadLetter && sub.deadLetter.storageAccountId === undefined) deadLettering ??= resource;
  }
  return deadLettering;
}

function eventGrid(walk: Walk, model: WalkableModel): void {
  const { topics, systemTopics, namespaces } = model.eventGrid;
  const names = model.generatedNames;
  const deadLettering: (WalkedResource | undefined)[] = [];
  for (const topic of topics) {
    const resource = namespace(
      walk,
      "eventGridTopics",
      "eventGridTopic",
      "Microsoft.EventGrid/topics",
      topic,
    );
    deadLettering.push(
      subscriptions(walk, "Microsoft.EventGrid/eventSubscriptions", resource, topic.subscriptions),
    );
  }
  for (const topic of systemTopics) {
    const resource = walk.add({
      kind: "eventGridSystemTopic",
      azureType: "Microsoft.EventGrid/systemTopics",
      azureName: topic.azureName,
      source: topic.source,
      ref: resourceRef("eventGridSystemTopics", topic.name),
      service: "eventGridSystemTopics",
    });
    deadLettering.push(
      subscriptions(
        walk,
        "Microsoft.EventGrid/systemTopics/eventSubscriptions",
        resource,
        topic.subscriptions,
      ),
    );
  }
  const first = deadLettering.find((resource) => resource !== undefined);
  if (first && names) {
    const azureName = names.deadLetterStorageAccount;
    derive(walk, first, "deadLetterStorageAccount", "Microsoft.Storage/storageAccounts", azureName);
  }
  for (const ns of namespaces) {
    const type = "Microsoft.EventGrid/namespaces";
    const resource = namespace(walk, "eventGridNamespaces", "eventGridNamespace", type, ns);
    const mqtt = ns.mqtt;
    if (!mqtt) continue;
    for (const space of mqtt.topicSpaces)
      child(walk, "mqttTopicSpace", `${type}/topicSpaces`, resource, space);
    for (const group of mqtt.clientGroups)
      child(walk, "mqttClientGroup", `${type}/clientGroups`, resource, group);
    for (const permission of mqtt.permissions ?? []) {
      child(walk, "mqttPermissionBinding", `${type}/permissionBindings`, resource, permission);
    }
    for (const client of mqtt.clients) {
      if (client.source.pointer.startsWith("/sites/")) continue;
      child(walk, "mqttClient", `${type}/clients`, resource, client);
    }
    if (mqtt.routeTo !== undefined && names) routeTopic(walk, resource, ns, mqttRouteTopicOf(names, ns.name));
  }
}

/** The custom topic a broker routes through, its one subscription and its private endpoint. */
function routeTopic(walk: Walk, namespace: WalkedResource, ns: WalkNamespace, azureName: string): void {
  const topic = derive(walk, namespace, "mqttRouteTopic", "Microsoft.EventGrid/topics", azureName);
  walk.add({
    kind: "eventSubscription",
    azureType: "Microsoft.EventGrid/eventSubscriptions",
    azureName: "mqtt-route",
    source: ns.source,
    parent: topic,
    derivedFrom: topic,
  });
  if (ns.privateEndpoint) privateEndpoint(walk, topic, derivedName(azureName, Abbreviation.privateEndpoint));
}

/**
 * What each edge site adds to its namespace's broker: its gateway's client, a topic space and a
 * client group named after the site, and publisher and subscriber bindings between them.
 */
function sites(walk: Walk, model: WalkableModel): void {
  const brokers = new Map(
    walk.resources.filter((r) => r.kind === "eventGridNamespace").map((r) => [r.ref, r] as const),
  );
  const clients = new Map(
    model.eventGrid.namespaces.map((ns) => [
      ns.name,
      (ns.mqtt?.clients ?? []).filter((c) => c.source.pointer.startsWith("/sites/")),
    ]),
  );
  const type = "Microsoft.EventGrid/namespaces";
  for (const site of model.sites) {
    const namespace = brokers.get(resourceRef("eventGridNamespaces", site.namespace));
    if (!namespace) continue;
    const part = (kind: WalkKind, azureType: string, azureName: string): void => {
      walk.add({
        kind,
        azureType,
        azureName,
        source: site.source,
        parent: namespace,
        ref: `${namespace.ref}/${azureName}`,
        site: site.name,
      });
    };
    const gateway = (clients.get(site.namespace) ?? []).find((c) => c.source.pointer === site.source.pointer);
    if (gateway) part("mqttClient", `${type}/clients`, gateway.name);
    const scope = siteScopeName(site.name);
    part("mqttTopicSpace", `${type}/topicSpaces`, scope);
    part("mqttClientGroup", `${type}/clientGroups`, scope);
    for (const role of ["publisher", "subscriber"]) {
      part("mqttPermissionBinding", `${type}/permissionBindings`, `${scope}-${role}`);
    }
  }
}

function relay(walk: Walk, model: WalkableModel): void {
  const type = "Microsoft.Relay/namespaces";
  for (const ns of model.relay) {
    const resource = namespace(walk, "relay", "relayNamespace", type, ns);
    for (const hc of ns.hybridConnections) {
      child(walk, "hybridConnection", `${type}/hybridConnections`, resource, hc);
    }
    for (const wcf of ns.wcfRelays) child(walk, "wcfRelay", `${type}/wcfRelays`, resource, wcf);
  }
}

function iotHub(walk: Walk, model: WalkableModel): void {
  const type = "Microsoft.Devices/IotHubs";
  for (const hub of model.iotHub) {
    const resource = namespace(walk, "iotHub", "iotHub", type, hub);
    const endpoints = new Set<string>();
    for (const route of hub.routes) {
      const routed = child(walk, "iotRoute", `${type}/routing.routes`, resource, route);
      // Routes that name one endpoint share it (the stack creates each endpoint once).
      if (route.endpointName === undefined || endpoints.has(route.endpointName)) continue;
      endpoints.add(route.endpointName);
      walk.add({
        kind: "iotEndpoint",
        azureType: `${type}/routing.endpoints`,
        azureName: route.endpointName,
        source: route.source,
        parent: resource,
        derivedFrom: routed,
      });
    }
    for (const group of hub.consumerGroups ?? []) {
      // The model keeps a hub's consumer groups as names: they are located at their hub.
      walk.add({
        kind: "iotConsumerGroup",
        azureType: `${type}/eventHubEndpoints/ConsumerGroups`,
        azureName: group,
        source: hub.source,
        parent: resource,
      });
    }
    const dps = hub.deviceProvisioning;
    if (!dps) continue;
    const dpsType = "Microsoft.Devices/provisioningServices";
    const service = derive(walk, resource, "deviceProvisioning", dpsType, dps.azureName);
    const identity = derivedName(dps.azureName, "hub-link");
    derive(
      walk,
      service,
      "deviceProvisioningIdentity",
      "Microsoft.ManagedIdentity/userAssignedIdentities",
      identity,
    );
    // Devices reach the service the way they reach the hub: through the hub's endpoint subnet.
    if (hub.privateEndpoint) {
      privateEndpoint(walk, service, derivedName(dps.azureName, Abbreviation.privateEndpoint));
    }
  }
}

/** Each job and its inputs and outputs, which Azure names by the aliases the query uses. */
function streamAnalytics(walk: Walk, model: WalkableModel): void {
  const type = "Microsoft.StreamAnalytics/streamingjobs";
  for (const job of model.streamAnalytics ?? []) {
    const resource = walk.add({
      kind: "streamAnalyticsJob",
      azureType: type,
      azureName: job.azureName,
      source: job.source,
      ref: resourceRef("streamAnalytics", job.name),
      service: "streamAnalytics",
    });
    const parts = [
      ["streamAnalyticsInput", `${type}/inputs`, job.inputs],
      ["streamAnalyticsOutput", `${type}/outputs`, job.outputs],
    ] as const;
    for (const [kind, azureType, list] of parts) {
      for (const item of list)
        child(walk, kind, azureType, resource, { name: item.alias, source: item.source });
    }
  }
}

/**
 * A logic app: Consumption is one `Microsoft.Logic/workflows` with an API connection per
 * connection; Standard is a `Microsoft.Web/sites` app holding its workflows, on its own plan, with
 * its runtime storage account (and their private endpoints when the app is closed).
 */
function logicApps(walk: Walk, model: WalkableModel): void {
  for (const app of model.logicApps ?? []) {
    const standard = app.standard;
    const type = standard ? "Microsoft.Web/sites" : "Microsoft.Logic/workflows";
    const resource = walk.add({
      kind: "logicApp",
      azureType: type,
      azureName: app.azureName,
      source: app.source,
      ref: resourceRef("logicApps", app.name),
      service: "logicApps",
    });
    if (!standard) {
      for (const connection of app.connections) {
        if (connection.azureName === undefined) continue;
        walk.add({
          kind: "apiConnection",
          azureType: "Microsoft.Web/connections",
          azureName: connection.azureName,
          source: connection.source,
          derivedFrom: resource,
        });
      }
      continue;
    }
    for (const workflow of app.workflows)
      child(walk, "logicAppWorkflow", `${type}/workflows`, resource, workflow);
    derive(walk, resource, "logicAppPlan", "Microsoft.Web/serverfarms", standard.planAzureName);
    const storageType = "Microsoft.Storage/storageAccounts";
    const storage = derive(
      walk,
      resource,
      "logicAppStorageAccount",
      storageType,
      standard.storageAccountAzureName,
    );
    if (standard.privateEndpoint) privateEndpoint(walk, resource, standard.privateEndpoint.azureName);
    for (const endpoint of standard.storagePrivateEndpoints)
      privateEndpoint(walk, storage, endpoint.azureName);
  }
}

/** The workspace (unless `monitoring` names one), the action group and the budget. */
function environment(walk: Walk, model: WalkableModel): void {
  const names = model.generatedNames;
  if (names && model.monitoring.logAnalyticsWorkspaceId === undefined) {
    walk.add({
      kind: "logAnalyticsWorkspace",
      azureType: "Microsoft.OperationalInsights/workspaces",
      azureName: names.logAnalyticsWorkspace,
      source: names.source,
      environmentSection: "monitoring",
    });
  }
  if (names) {
    walk.add({
      kind: "actionGroup",
      azureType: "Microsoft.Insights/actionGroups",
      azureName: names.actionGroup,
      source: names.source,
      environmentSection: "monitoring",
    });
  }
  if (model.budget) {
    walk.add({
      kind: "budget",
      azureType: "Microsoft.Consumption/budgets",
      azureName: model.budget.azureName,
      source: model.budget.source,
      environmentSection: "budget",
    });
  }
}

/** Every resource of the environment, declared and derived, in the order the file declares them. */
export function walkEnvironment(model: WalkableModel): readonly WalkedResource[] {
  const walk = new Walk(model);
  serviceBus(walk, model);
  eventHubs(walk, model);
  eventGrid(walk, model);
  sites(walk, model);
  relay(walk, model);
  iotHub(walk, model);
  streamAnalytics(walk, model);
  logicApps(walk, model);
  environment(walk, model);
  return walk.resources;
}
