import type { EventDestination, Principal } from "../../model/model";
import type { PolicyModel } from "../../model/policy-model";

export type NodeKind =
  | "principal"
  | "queue"
  | "topic"
  | "subscription"
  | "hub"
  | "consumerGroup"
  | "eventGridTopic"
  | "eventSubscription"
  | "mqttBroker"
  | "site"
  | "iotHub"
  | "devices"
  | "hybridConnection"
  | "streamJob"
  | "workflow"
  | "external";

export interface TopologyNode {
  readonly id: string;
  readonly label: string;
  readonly kind: NodeKind;
  /** The namespace-like resource the node belongs to; absent for principals and external endpoints. */
  readonly group?: string;
  /**
   * What the environment file calls the node, in the resource-reference grammar
   * (`serviceBus/orders/payments`, `principals/orders-api`); absent for external endpoints.
   */
  readonly ref?: string;
}

export interface TopologyGroup {
  readonly id: string;
  readonly label: string;
  /** The namespace-like resource, in the resource-reference grammar (`serviceBus/orders`). */
  readonly ref: string;
}

export interface TopologyEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

/** One environment's message flow: producers → queues/topics/hubs → subscriptions/consumers. */
export interface Topology {
  readonly environment: string;
  readonly groups: readonly TopologyGroup[];
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
}

/**
 * Node IDs made of letters, digits and underscores, stable for the same model and distinct for
 * distinct parts: every other character becomes `_<hex code>_` and parts are joined by `__`, so
 * `orders-in` and `orders_in` (both valid queue names) stay two nodes.
 */
export function nodeId(...parts: readonly string[]): string {
  return parts
    .map((part) => part.replace(/[^A-Za-z0-9]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`))
    .join("__");
}

const principalId = (principal: Pick<Principal, "name">): string => nodeId("principal", principal.name);
const principalNode = (principal: Pick<Principal, "name">): TopologyNode => ({
  id: principalId(principal),
  label: principal.name,
  kind: "principal",
  ref: `principals/${principal.name}`,
});

/** The node a delivery reaches: a declared entity, or an external endpoint. */
function destinationId(destination: EventDestination, add: (node: TopologyNode) => void): string {
  switch (destination.kind) {
    case "serviceBusQueue":
    case "serviceBusTopic":
      return nodeId("sb", destination.namespace, destination.entity);
    case "eventHub":
      return nodeId("eh", destination.namespace, destination.entity);
    case "webhook": {
      const id = nodeId("webhook", destination.url);
      add({ id, label: `webhook ${new URL(destination.url).host}`, kind: "external" });
      return id;
    }
    case "storageQueue": {
      const id = nodeId("storage", destination.storageAccountId, destination.queueName);
      add({ id, label: `storage queue ${destination.queueName}`, kind: "external" });
      return id;
    }
    case "azureFunction": {
      const id = nodeId("function", destination.functionId);
      add({
        id,
        label: `function ${destination.functionId.split("/").pop() ?? destination.functionId}`,
        kind: "external",
      });
      return id;
    }
  }
}

/** A reference written as `<namespace>/<entity>` in the environment file, as a Service Bus node. */
function serviceBusRef(reference: string): string {
  const [namespace, ...entity] = reference.split("/");
  return nodeId("sb", namespace, entity.join("/"));
}

/** Builds the topology from the model alone: what the file declares is what the diagram shows. */
export function topologyOf(model: PolicyModel): Topology {
  const groups: TopologyGroup[] = [];
  const nodes = new Map<string, TopologyNode>();
  const edges: TopologyEdge[] = [];
  const add = (node: TopologyNode): void => {
    if (!nodes.has(node.id)) nodes.set(node.id, node);
  };
  const link = (from: string, to: string, label: string): void => {
    edges.push({ from, to, label });
  };
  const producers = (principals: readonly Pick<Principal, "name">[], to: string, label = "send"): void => {
    for (const p of principals) {
      add(principalNode(p));
      link(principalId(p), to, label);
    }
  };
  const consumers = (
    from: string,
    principals: readonly Pick<Principal, "name">[],
    label = "receive",
  ): void => {
    for (const p of principals) {
      add(principalNode(p));
      link(from, principalId(p), label);
    }
  };

  for (const ns of model.serviceBus) {
    const group = nodeId("group", "sb", ns.name);
    groups.push({ id: group, label: `Service Bus ${ns.name}`, ref: `serviceBus/${ns.name}` });
    for (const queue of ns.queues) {
      const id = nodeId("sb", ns.name, queue.name);
      add({
        id,
        label: `queue ${queue.name}`,
        kind: "queue",
        group,
        ref: `serviceBus/${ns.name}/${queue.name}`,
      });
      producers(queue.senders, id);
      consumers(id, queue.receivers);
      if (queue.forwardTo) link(id, serviceBusRef(queue.forwardTo), "forward");
      if (queue.forwardDeadLetteredTo) link(id, serviceBusRef(queue.forwardDeadLetteredTo), "dead letters");
    }
    for (const topic of ns.topics) {
      const id = nodeId("sb", ns.name, topic.name);
      add({
        id,
        label: `topic ${topic.name}`,
        kind: "topic",
        group,
        ref: `serviceBus/${ns.name}/${topic.name}`,
      });
      producers(topic.senders, id);
      for (const sub of topic.subscriptions) {
        const subId = nodeId("sb", ns.name, topic.name, sub.name);
        add({
          id: subId,
          label: `subscription ${sub.name}`,
          kind: "subscription",
          group,
          ref: `serviceBus/${ns.name}/${topic.name}/${sub.name}`,
        });
        link(id, subId, "filter");
        consumers(subId, sub.receivers);
        if (sub.forwardTo) link(subId, serviceBusRef(sub.forwardTo), "forward");
      }
    }
  }

  for (const ns of model.eventHubs) {
    const group = nodeId("group", "eh", ns.name);
    groups.push({ id: group, label: `Event Hubs ${ns.name}`, ref: `eventHubs/${ns.name}` });
    for (const hub of ns.hubs) {
      const id = nodeId("eh", ns.name, hub.name);
      add({ id, label: `hub ${hub.name}`, kind: "hub", group, ref: `eventHubs/${ns.name}/${hub.name}` });
      producers(hub.senders, id);
      consumers(id, hub.receivers);
      for (const cg of hub.consumerGroups) {
        const cgId = nodeId("eh", ns.name, hub.name, "cg", cg.name);
        add({
          id: cgId,
          label: `consumer group ${cg.name}`,
          kind: "consumerGroup",
          group,
          ref: `eventHubs/${ns.name}/${hub.name}/${cg.name}`,
        });
        link(id, cgId, "read");
        consumers(cgId, cg.receivers);
      }
    }
  }

  const eventSubscriptions = (
    topicId: string,
    owner: readonly [kind: string, name: string, ref: string],
    subscriptions: PolicyModel["eventGrid"]["topics"][number]["subscriptions"],
    group: string,
  ): void => {
    const [kind, name, ref] = owner;
    for (const sub of subscriptions) {
      const subId = nodeId("eg", kind, name, sub.name);
      add({
        id: subId,
        label: `event subscription ${sub.name}`,
        kind: "eventSubscription",
        group,
        ref: `${ref}/${sub.name}`,
      });
      link(topicId, subId, "events");
      link(subId, destinationId(sub.destination, add), "deliver");
    }
  };
  for (const topic of model.eventGrid.topics) {
    const group = nodeId("group", "egt", topic.name);
    groups.push({ id: group, label: `Event Grid topic ${topic.name}`, ref: `eventGridTopics/${topic.name}` });
    const id = nodeId("egt", topic.name);
    const ref = `eventGridTopics/${topic.name}`;
    add({ id, label: `topic ${topic.name}`, kind: "eventGridTopic", group, ref });
    producers(topic.senders, id, "publish");
    eventSubscriptions(id, ["topic", topic.name, ref], topic.subscriptions, group);
  }
  for (const topic of model.eventGrid.systemTopics) {
    const group = nodeId("group", "egst", topic.name);
    groups.push({
      id: group,
      label: `Event Grid system topic ${topic.name}`,
      ref: `eventGridSystemTopics/${topic.name}`,
    });
    const id = nodeId("egst", topic.name);
    const ref = `eventGridSystemTopics/${topic.name}`;
    add({ id, label: `system topic ${topic.name}`, kind: "eventGridTopic", group, ref });
    eventSubscriptions(id, ["system", topic.name, ref], topic.subscriptions, group);
  }
  for (const ns of model.eventGrid.namespaces) {
    const group = nodeId("group", "egns", ns.name);
    groups.push({
      id: group,
      label: `Event Grid namespace ${ns.name}`,
      ref: `eventGridNamespaces/${ns.name}`,
    });
    const id = nodeId("egns", ns.name);
    add({
      id,
      label: `MQTT broker ${ns.name}`,
      kind: "mqttBroker",
      group,
      ref: `eventGridNamespaces/${ns.name}`,
    });
    for (const space of ns.mqtt?.topicSpaces ?? []) {
      const spaceId = nodeId("egns", ns.name, "space", space.name);
      add({
        id: spaceId,
        label: `topic space ${space.name}`,
        kind: "topic",
        group,
        ref: `eventGridNamespaces/${ns.name}/${space.name}`,
      });
      link(id, spaceId, "publish");
    }
    if (ns.mqtt?.routeTo) link(id, destinationId(ns.mqtt.routeTo, add), "route");
  }
  for (const site of model.sites) {
    const id = nodeId("site", site.name);
    add({ id, label: `site ${site.name}`, kind: "site", ref: `sites/${site.name}` });
    link(id, nodeId("egns", site.namespace), "MQTT");
  }

  for (const hub of model.iotHub) {
    const group = nodeId("group", "iot", hub.name);
    groups.push({ id: group, label: `IoT Hub ${hub.name}`, ref: `iotHub/${hub.name}` });
    const id = nodeId("iot", hub.name);
    const devices = nodeId("iot", hub.name, "devices");
    add({ id: devices, label: "devices", kind: "devices", group });
    add({ id, label: `IoT hub ${hub.name}`, kind: "iotHub", group, ref: `iotHub/${hub.name}` });
    link(devices, id, "telemetry");
    for (const route of hub.routes) {
      const target =
        route.target.kind === "storageContainer"
          ? (() => {
              const external = nodeId("storage", route.target.storageAccountId, route.target.container);
              add({ id: external, label: `storage container ${route.target.container}`, kind: "external" });
              return external;
            })()
          : destinationId(route.target, add);
      link(id, target, `route ${route.name}`);
    }
  }

  for (const job of model.streamAnalytics ?? []) {
    const id = nodeId("asa", job.name);
    const ref = `streamAnalytics/${job.name}`;
    add({ id, label: `Stream Analytics job ${job.name}`, kind: "streamJob", ref });
    for (const input of job.inputs) {
      const { reads } = input;
      const from =
        reads.kind === "iotHub" ? nodeId("iot", reads.hub) : nodeId("eh", reads.namespace, reads.entity);
      link(from, id, `${input.alias} (${input.consumerGroup})`);
    }
    for (const output of job.outputs) {
      const { writes } = output;
      if (writes.kind !== "blob") {
        link(id, destinationId(writes, add), output.alias);
        continue;
      }
      const external = nodeId("storage", writes.storageAccountId, writes.container);
      add({ id: external, label: `storage container ${writes.container}`, kind: "external" });
      link(id, external, output.alias);
    }
  }

  for (const ns of model.relay) {
    const group = nodeId("group", "relay", ns.name);
    groups.push({ id: group, label: `Relay ${ns.name}`, ref: `relay/${ns.name}` });
    for (const hc of [...ns.hybridConnections, ...ns.wcfRelays]) {
      const id = nodeId("relay", ns.name, hc.name);
      add({
        id,
        label: `relay ${hc.name}`,
        kind: "hybridConnection",
        group,
        ref: `relay/${ns.name}/${hc.name}`,
      });
      producers(hc.senders, id, "connect");
      consumers(id, hc.listeners, "listen");
    }
  }

  for (const app of model.logicApps ?? []) {
    const group = nodeId("group", "logic", app.name);
    groups.push({ id: group, label: `Logic app ${app.name}`, ref: `logicApps/${app.name}` });
    for (const workflow of app.workflows) {
      const id = nodeId("logic", app.name, workflow.name);
      add({ id, label: `workflow ${workflow.name}`, kind: "workflow", group, ref: `logicApps/${app.name}` });
      // What the definition reads and writes: queue → workflow → topic.
      for (const use of workflow.uses) {
        const entity = nodeId(use.kind === "eventHub" ? "eh" : "sb", ...use.reference.split("/"));
        if (use.direction === "receive") link(entity, id, "trigger");
        else link(id, entity, "send");
      }
    }
  }

  return { environment: model.name, groups, nodes: [...nodes.values()], edges };
}
