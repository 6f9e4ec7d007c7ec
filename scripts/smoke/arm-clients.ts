import type { TokenCredential } from "@azure/core-auth";
import { ServiceBusManagementClient } from "@azure/arm-servicebus";
import { EventHubManagementClient } from "@azure/arm-eventhub";
import { EventGridManagementClient } from "@azure/arm-eventgrid";
import { RelayAPI } from "@azure/arm-relay";
import { IotHubClient } from "@azure/arm-iothub";
import { ResourceManagementClient } from "@azure/arm-resources";
import { StreamAnalyticsManagementClient } from "@azure/arm-streamanalytics";
import { LogicManagementClient } from "@azure/arm-logic";
import { WebSiteManagementClient } from "@azure/arm-appservice";
import type { ArmTarget } from "./clouds";

export interface ArmClients {
  readonly serviceBus: ServiceBusManagementClient;
  readonly eventHubs: EventHubManagementClient;
  readonly eventGrid: EventGridManagementClient;
  readonly relay: RelayAPI;
  readonly iotHub: IotHubClient;
  readonly streamAnalytics: StreamAnalyticsManagementClient;
  /** Consumption logic apps (Microsoft.Logic/workflows). */
  readonly logic: LogicManagementClient;
  /** Standard logic apps (Microsoft.Web/sites and their workflows). */
  readonly appService: WebSiteManagementClient;
  /** Generic reads at a chosen api-version, for properties the typed clients' API versions lack. */
  readonly resources: ResourceManagementClient;
}

export interface TransportOptions {
  /** Extra CA certificate(s) to trust (PEM): the tests' loopback server; private clouds' own CAs. */
  readonly trustedCa?: string;
}

/**
 * Real SDK clients pointed at one ARM endpoint. Throttling (429, honouring Retry-After) and
 * transient failures (5xx, connection resets) are retried by the SDK pipeline's own retry
 * policy with exponential backoff; the bounds here keep a smoke run from hanging.
 */
export function createArmClients(
  credential: TokenCredential,
  subscriptionId: string,
  target: ArmTarget,
  transport: TransportOptions = {},
): ArmClients {
  const retryOptions = { maxRetries: 4, retryDelayInMs: 500, maxRetryDelayInMs: 8000 };
  const tlsOptions = transport.trustedCa ? { ca: transport.trustedCa } : undefined;
  const userAgentOptions = { userAgentPrefix: "azure-messaging-infra-smoke" };
  const classic = {
    endpoint: target.endpoint,
    credentialScopes: [target.scope],
    retryOptions,
    tlsOptions,
    userAgentOptions,
  };
  return {
    serviceBus: new ServiceBusManagementClient(credential, subscriptionId, classic),
    eventGrid: new EventGridManagementClient(credential, subscriptionId, classic),
    relay: new RelayAPI(credential, subscriptionId, classic),
    iotHub: new IotHubClient(credential, subscriptionId, classic),
    streamAnalytics: new StreamAnalyticsManagementClient(credential, subscriptionId, classic),
    resources: new ResourceManagementClient(credential, subscriptionId, classic),
    eventHubs: new EventHubManagementClient(credential, subscriptionId, classic),
    logic: new LogicManagementClient(credential, subscriptionId, classic),
    appService: new WebSiteManagementClient(credential, subscriptionId, classic),
  };
}
