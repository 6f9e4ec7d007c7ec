import type { Construct } from "constructs";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import {
  EventSubscription,
  type EventSubscriptionProps,
} from "../../../constructs/event-grid/event-subscription";
import { EventGridTopic, type EventGridTopicProps } from "../../../constructs/event-grid/topic";
import { EventGridNamespace, type EventGridNamespaceProps } from "../../../constructs/event-grid/namespace";
import type { DeliveryTarget } from "../../../constructs/shared/entity";
import { BuiltInRole, grantId, grantRole, type Grantee } from "../../../constructs/shared/role-assignments";

export { synth, resourcesOf, onlyResource, validationErrors, type Synthesized } from "../synthesized";

export const topicProps: EventGridTopicProps = {
  name: "evgt-contoso-orders-test",
  label: "orders",
  location: "westeurope",
  resourceGroupName: "rg-test",
};

export function topic(scope: Construct, overrides: Partial<EventGridTopicProps> = {}): EventGridTopic {
  return new EventGridTopic(scope, "topic", { ...topicProps, ...overrides });
}

export type SubscriptionOverrides = Partial<Omit<EventSubscriptionProps, "source">>;

/** A subscription of a topic (CloudEvents unless `topicOverrides` say otherwise) to a webhook. */
export function webhookSubscription(
  scope: Construct,
  name: string,
  overrides: SubscriptionOverrides = {},
  topicOverrides: Partial<EventGridTopicProps> = {},
): EventSubscription {
  return new EventSubscription(scope, "sub", {
    name,
    source: topic(scope, topicOverrides),
    destination: { kind: "webhook", url: "https://hooks.contoso.example/events" },
    ...overrides,
  });
}

export const namespaceProps: EventGridNamespaceProps = {
  name: "evgns-contoso-plant-test",
  label: "plant-mqtt",
  location: "westeurope",
  resourceGroupName: "rg-test",
  mqttEnabled: true,
};

export function mqttNamespace(
  scope: Construct,
  overrides: Partial<EventGridNamespaceProps> = {},
): EventGridNamespace {
  return new EventGridNamespace(scope, "namespace", { ...namespaceProps, ...overrides });
}

export const ordersApi: Grantee = {
  name: "orders-api",
  principalId: "11111111-1111-1111-1111-111111111111",
  principalType: "ServicePrincipal",
};

const senderRole: Record<DeliveryTarget["kind"], (typeof BuiltInRole)[keyof typeof BuiltInRole]> = {
  serviceBusQueue: BuiltInRole.serviceBusDataSender,
  serviceBusTopic: BuiltInRole.serviceBusDataSender,
  eventHub: BuiltInRole.eventHubsDataSender,
};

/** A stand-in for a Service Bus or Event Hubs construct: fixed IDs, a real role assignment on grant. */
export function fakeTarget(scope: Construct, kind: DeliveryTarget["kind"], label: string): DeliveryTarget {
  const [namespace, entity] = label.split("/");
  const namespaceResourceId = `/subscriptions/0/resourceGroups/rg-test/providers/Microsoft.Fake/namespaces/${namespace}`;
  const resourceId = `${namespaceResourceId}/entities/${entity}`;
  return {
    kind,
    label,
    resourceId,
    namespaceResourceId,
    endpointUri: `sb://${namespace}.servicebus.windows.net`,
    entityPath: entity,
    grantSend: (grantee: Grantee): RoleAssignment =>
      grantRole(scope, grantId(`send-${kind}-${entity}`, grantee), {
        scopeId: resourceId,
        scopeLabel: label,
        role: senderRole[kind],
        grantee,
      }),
  };
}
