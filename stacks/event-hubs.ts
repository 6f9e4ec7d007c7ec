import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import {
  CaptureStorage,
  ConsumerGroup,
  EventHub,
  EventHubsCluster,
  EventHubsNamespace,
  GeoDisasterRecovery,
  SchemaGroup,
  type CaptureContainer,
  type CaptureDestination,
  type EventHubsNamespaceProps,
} from "../constructs/event-hubs";
import { eventHubsCapabilities } from "../azure/event-hubs";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { BuiltInRole, grantId, grantRole, type Grantee } from "../constructs/shared/role-assignments";
import type * as model from "../model/model";
import { captureStorageAccountName } from "../model/resource-names";
import type { StackContext } from "./stack-context";
import { privateEndpointName } from "../azure/naming";

/** Hubs whose capture goes to the storage account the project creates (no `storageAccountId` given). */
function projectCaptures(ctx: StackContext): { hub: model.EventHub; capture: model.Capture }[] {
  return ctx.model.eventHubs.flatMap((ns) =>
    ns.hubs.flatMap((hub) =>
      hub.capture && hub.capture.storageAccountId === undefined ? [{ hub, capture: hub.capture }] : [],
    ),
  );
}

/**
 * The environment's one capture account, when any hub captures without naming an account. Hubs that
 * share a container share its lifecycle rule, which keeps the longest retention any of them asks for.
 */
function addCaptureStorage(ctx: StackContext): CaptureStorage | undefined {
  const captures = projectCaptures(ctx);
  if (captures.length === 0) return undefined;
  const retention = new Map<string, number>();
  for (const { capture } of captures) {
    retention.set(capture.container, Math.max(retention.get(capture.container) ?? 0, capture.retentionDays));
  }
  const containers: CaptureContainer[] = [...retention.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, retentionDays]) => ({ name, retentionDays }));
  const namespaceEndpoint = ctx.model.eventHubs.find((ns) => ns.privateEndpoint)?.privateEndpoint;
  return new CaptureStorage(ctx.scope, "event-hubs-capture-storage", {
    name: captureStorageAccountName(ctx.model.naming),
    location: ctx.location,
    resourceGroupName: ctx.resourceGroupName,
    containers,
    publicNetworkAccess: ctx.model.tier !== "production",
    privateEndpoint: namespaceEndpoint ? { subnetId: namespaceEndpoint.subnetId } : undefined,
    preventDestroy: captures.some(({ hub }) => hub.preventDestroy),
    tags: ctx.model.tags,
  });
}

/** The settings a namespace and its geo-paired secondary share. */
function sharedNamespaceProps(
  ctx: StackContext,
  ns: model.EventHubsNamespace,
): Omit<EventHubsNamespaceProps, "name" | "location" | "privateEndpoint"> {
  return {
    label: ns.name,
    resourceGroupName: ctx.resourceGroupName,
    sku: ns.sku,
    capacity: ns.capacity,
    autoInflateMaxCapacity: ns.autoInflateMaxCapacity,
    kafka: ns.kafka,
    localAuth: ns.localAuth,
    publicNetworkAccess: ns.publicNetworkAccess,
    allowedIpRanges: ns.allowedIpRanges,
    // The tier profile's default is in the model even where the SKU has no network rules to apply it to.
    trustedServicesAllowed:
      eventHubsCapabilities(ns).trustedServices === true ? ns.trustedServicesAllowed : undefined,
    userAssignedIdentityIds: ns.userAssignedIdentityIds,
    customerManagedKey: ns.customerManagedKey,
    logAnalyticsWorkspaceId: ns.diagnostics ? ctx.logAnalyticsWorkspaceId : undefined,
    lock: ns.lock,
    preventDestroy: ns.preventDestroy,
    tags: ns.tags,
  };
}

function captureDestination(capture: model.Capture, storage: CaptureStorage | undefined): CaptureDestination {
  if (capture.storageAccountId !== undefined) {
    return { storageAccountId: capture.storageAccountId, containerName: capture.container };
  }
  return requireStorage(storage).destination(capture.container);
}

/**
 * Capture writes with the namespace's identity: it gets Storage Blob Data Contributor on each
 * capture container, whether the project's own account or one given by ID. Returns each grant by
 * `<account>/<container>`, so a hub switches capture to the identity only once its grant exists.
 */
function grantCaptureAccess(
  namespace: EventHubsNamespace,
  ns: model.EventHubsNamespace,
  storage: CaptureStorage | undefined,
): ReadonlyMap<string, RoleAssignment> {
  const identity: Grantee = {
    name: `${ns.name}-capture`,
    principalId: namespace.principalId,
    principalType: "ServicePrincipal",
  };
  const grants = new Map<string, RoleAssignment>();
  for (const hub of ns.hubs) {
    const capture = hub.capture;
    if (!capture) continue;
    const key = captureAccessKey(capture);
    if (grants.has(key)) continue;
    grants.set(
      key,
      capture.storageAccountId === undefined
        ? requireStorage(storage).grantCaptureWrite(identity, capture.container)
        : grantRole(namespace, grantId(`capture-write-${grants.size}`, identity), {
            scopeId: `${capture.storageAccountId}/blobServices/default/containers/${capture.container}`,
            scopeLabel: `${capture.storageAccountId}/${capture.container}`,
            role: BuiltInRole.storageBlobDataContributor,
            grantee: identity,
          }),
    );
  }
  return grants;
}

function captureAccessKey(capture: model.Capture): string {
  return `${capture.storageAccountId ?? "project"}/${capture.container}`;
}

function requireStorage(storage: CaptureStorage | undefined): CaptureStorage {
  // addCaptureStorage creates the account whenever a capture names none; reaching this is a bug.
  if (!storage) throw new Error("internal: capture storage was not built");
  return storage;
}

function addHub(
  ctx: StackContext,
  namespace: EventHubsNamespace,
  hub: model.EventHub,
  storage: CaptureStorage | undefined,
  captureAccess: ReadonlyMap<string, RoleAssignment>,
): EventHub {
  const capture = hub.capture;
  const eventHub = new EventHub(namespace, `hub-${hub.name}`, {
    namespace,
    name: hub.name,
    partitions: hub.partitions,
    retentionDays: hub.retention ? undefined : hub.retentionDays,
    retention: hub.retention,
    status: hub.status,
    capture: capture
      ? {
          destination: captureDestination(capture, storage),
          intervalSeconds: capture.intervalSeconds,
          sizeLimitBytes: capture.sizeLimitBytes,
          archiveNameFormat: capture.archiveNameFormat,
          skipEmptyArchives: capture.skipEmptyArchives,
          access: captureAccess.get(captureAccessKey(capture)),
        }
      : undefined,
    preventDestroy: hub.preventDestroy,
  });
  const grantee = (principal: model.Principal) => ctx.ids.grantees.grantee(principal);
  for (const principal of hub.senders) eventHub.grantSend(grantee(principal));
  for (const principal of hub.receivers) eventHub.grantReceive(grantee(principal));
  for (const principal of hub.owners) eventHub.grantManage(grantee(principal));
  for (const group of hub.consumerGroups) {
    const consumerGroup = new ConsumerGroup(eventHub, `consumer-group-${group.name}`, {
      eventHub,
      name: group.name,
      userMetadata: group.userMetadata,
    });
    for (const principal of group.receivers) consumerGroup.grantReceive(grantee(principal));
  }
  ctx.entities.register(eventHub);
  ctx.entities.registerReadable("eventHub", eventHub);
  return eventHub;
}

function addNamespace(
  ctx: StackContext,
  ns: model.EventHubsNamespace,
  storage: CaptureStorage | undefined,
): void {
  const scope = new Construct(ctx.scope, ctx.ids.children.eventHubs(ns.name));
  const grantee = (principal: model.Principal) => ctx.ids.grantees.grantee(principal);
  const cluster = ns.dedicatedCluster
    ? new EventHubsCluster(scope, "cluster", {
        name: ns.dedicatedCluster.azureName,
        location: ctx.location,
        resourceGroupName: ctx.resourceGroupName,
        capacity: ns.dedicatedCluster.capacity,
        lock: ns.lock,
        preventDestroy: ns.preventDestroy,
        tags: ns.tags,
      })
    : undefined;
  const namespace = new EventHubsNamespace(scope, "namespace", {
    ...sharedNamespaceProps(ctx, ns),
    name: ns.azureName,
    location: ctx.location,
    dedicatedCluster: cluster,
    dedicatedClusterId: ns.dedicatedClusterId,
    privateEndpoint: ns.privateEndpoint && {
      subnetId: ns.privateEndpoint.subnetId,
      privateDnsZoneId: ns.privateEndpoint.privateDnsZoneId,
      name: ns.privateEndpoint.azureName,
    },
  });
  for (const principal of ns.senders) namespace.grantSend(grantee(principal));
  for (const principal of ns.receivers) namespace.grantReceive(grantee(principal));
  for (const principal of ns.owners) namespace.grantManage(grantee(principal));

  const captureAccess = grantCaptureAccess(namespace, ns, storage);
  const hubs = ns.hubs.map((hub) => addHub(ctx, namespace, hub, storage, captureAccess));

  for (const group of ns.schemaGroups) {
    new SchemaGroup(namespace, `schema-group-${group.name}`, {
      namespace,
      name: group.name,
      compatibility: group.compatibility,
      type: group.type,
    });
  }

  if (ns.geoDisasterRecovery) {
    // The secondary holds no entities of its own (Azure copies the primary's after a failover), but
    // it is as closed as the primary: its private endpoint sits in the primary's subnet, and region,
    // since an endpoint may reach a namespace in another region. A cluster is regional, so a primary
    // on a dedicated cluster is refused by GeoDisasterRecovery (the tiers differ).
    const { secondaryAzureName, secondaryLocation } = ns.geoDisasterRecovery;
    const secondary = new EventHubsNamespace(scope, "secondary-namespace", {
      ...sharedNamespaceProps(ctx, ns),
      name: secondaryAzureName,
      location: secondaryLocation,
      privateEndpoint: ns.privateEndpoint && {
        subnetId: ns.privateEndpoint.subnetId,
        privateDnsZoneId: ns.privateEndpoint.privateDnsZoneId,
        location: ctx.location,
        name: privateEndpointName("eventHubs", secondaryAzureName),
      },
    });
    new GeoDisasterRecovery(scope, "geo-disaster-recovery", {
      primary: namespace,
      secondary,
      aliasName: ns.geoDisasterRecovery.aliasName,
    });
  }

  ctx.entities.registerNamespace("eventHubs", ns.name, namespace.id);

  const outputs = ctx.ids.outputs.eventHubs(ns.name);
  new TerraformOutput(ctx.scope, outputs.fqdn, { value: namespace.fqdn });
  if (namespace.kafkaBootstrapServer) {
    new TerraformOutput(ctx.scope, outputs.kafkaBootstrapServer, {
      value: namespace.kafkaBootstrapServer,
    });
  }
  new TerraformOutput(ctx.scope, outputs.hubNames, { value: hubs.map((hub) => hub.name) });
}

/**
 * The environment's Event Hubs: dedicated clusters, namespaces, hubs with capture, consumer groups,
 * schema groups, geo-DR pairs and role assignments; every hub is registered as a delivery target
 * (`<namespace>/<hub>`) for Event Grid, MQTT routing and IoT Hub. Outputs carry endpoints, never keys.
 */
export function addEventHubs(ctx: StackContext): void {
  const storage = addCaptureStorage(ctx);
  for (const ns of ctx.model.eventHubs) addNamespace(ctx, ns, storage);
}
