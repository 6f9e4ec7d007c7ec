import type {
  EnvironmentModel,
  Monitoring,
  NamespaceSettings,
  Principal,
  SourceLocation,
  Tier,
} from "../../../model/model";
import { generatedNamesFor } from "../../../model/resource-names";

/**
 * What every hand-built model for the stack tests shares, shaped like the resolver's output: the
 * principals of the shared examples, the settings every namespace-like resource resolves to, and
 * an environment with every service empty.
 */

/** Where a hand-built model claims to be declared: line 1 of a test file, at `pointer`. */
export function source(pointer: string): SourceLocation {
  return { file: "environments/test.yaml", line: 1, column: 1, pointer };
}

export const ordersApi: Principal = {
  name: "orders-api",
  objectId: "11111111-1111-1111-1111-111111111111",
  type: "ServicePrincipal",
};
export const billingWorker: Principal = {
  name: "billing-worker",
  objectId: "22222222-2222-2222-2222-222222222222",
  type: "ServicePrincipal",
};
export const analytics: Principal = {
  name: "analytics",
  objectId: "33333333-3333-3333-3333-333333333333",
  type: "Group",
};
export const plantGateway: Principal = {
  name: "plant-gateway",
  objectId: "44444444-4444-4444-4444-444444444444",
  type: "ServicePrincipal",
};

export const noGrants = { senders: [], receivers: [], owners: [] } as const;

/**
 * The namespace settings of a resource declared with no options: public access on, no keys, no
 * lock, diagnostics on, tagged with its environment.
 */
export function namespaceDefaults(
  environment = "test",
): Omit<NamespaceSettings, "name" | "azureName" | "source"> {
  return {
    localAuth: false,
    publicNetworkAccess: true,
    allowedIpRanges: [],
    trustedServicesAllowed: true,
    minimumTlsVersion: "1.2",
    diagnostics: true,
    lock: false,
    preventDestroy: false,
    userAssignedIdentityIds: [],
    tags: { environment },
    ...noGrants,
  };
}

/** Alert thresholds the hand-built models share (no profile's: their metric alerts are off). */
export const testAlerts: Monitoring["alerts"] = {
  serviceBusDeadLetteredMessages: 1,
  logicAppFailedRuns: 0,
  serviceBusActiveMessages: 1000,
  serviceBusThrottledRequests: 1,
  serviceBusServerErrors: 1,
  serviceBusCpuPercent: 80,
  serviceBusMemoryPercent: 80,
  eventHubsThrottledRequests: 1,
  eventHubsServerErrors: 1,
  eventHubsCaptureBacklog: 1,
  eventHubsIncomingOutgoingGap: 1,
  eventGridDroppedEvents: 1,
  eventGridDeadLetteredEvents: 1,
  eventGridDeliveryFailures: 1,
  iotHubDroppedTelemetry: 1,
  iotHubOrphanedTelemetry: 1,
  iotHubThrottlingErrors: 1,
  relayListenerErrors: 1,
  authorizationFailures: 1,
  streamAnalyticsRuntimeErrors: 1,
  streamAnalyticsDeserializationErrors: 1,
  streamAnalyticsWatermarkDelaySeconds: 60,
  streamAnalyticsUtilizationPercent: 80,
};

export interface EmptyEnvironmentOptions {
  readonly name: string;
  readonly tier: Tier;
  readonly logAnalyticsWorkspaceId: string;
  readonly principals: readonly Principal[];
}

/** An environment in westeurope with no service declared and metric alerts off. */
export function emptyEnvironment(options: EmptyEnvironmentOptions): EnvironmentModel {
  const { name } = options;
  const naming = { prefix: "contoso", workload: "", environment: name };
  return {
    file: `environments/${name}.yaml`,
    name,
    tier: options.tier,
    location: "westeurope",
    resourceGroupName: `rg-contoso-messaging-${name}`,
    naming,
    tags: { environment: name },
    monitoring: {
      logAnalyticsWorkspaceId: options.logAnalyticsWorkspaceId,
      retentionDays: 30,
      alertEmails: [],
      webhooks: [],
      alerts: { ...testAlerts },
      alertsEnabled: false,
    },
    generatedNames: generatedNamesFor(naming, [], source("/naming")),
    principals: new Map(options.principals.map((p) => [p.name, p])),
    serviceBus: [],
    eventHubs: [],
    eventGrid: { topics: [], systemTopics: [], namespaces: [] },
    relay: [],
    iotHub: [],
    streamAnalytics: [],
    sites: [],
    logicApps: [],
    waivers: [],
    allowDestroy: [],
    deploy: { after: [], runsOn: ["ubuntu-latest"] },
  };
}
