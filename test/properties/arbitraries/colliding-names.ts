import fc from "fast-check";
import { stringify } from "yaml";
import type { Json } from "./common";
import { workflowFileFor } from "./logic-apps";

/*
 * Small development files whose every logical name comes from a pool of names that meet once the
 * project joins them with hyphens (`abc` + `def-ghi` and `abc-def` + `ghi`), sanitizes them into
 * output identifiers (`abc-def`, `abc_def` and `abc.def` all become `abc_def`) or compares them
 * ignoring case (`Abc`): across Service Bus, Event Hubs, Relay, IoT Hub, Event Grid topics with
 * their subscriptions, MQTT brokers, edge sites and logic apps with their workflows and
 * connections. Azure names are given explicitly and unique
 * (`resourceName`), so files are refused only for what the names themselves break; the
 * whole-file generators (environment.ts) draw such names too, but rarely all at once.
 */

export const collidingNames = [
  "abc",
  "def",
  "ghi",
  "abc-def",
  "def-ghi",
  "abc_def",
  "abc.def",
  "Abc",
] as const;

/** Names of what Azure names after the logical name itself (event subscriptions, sites' broker resources). */
const hyphenated = collidingNames.filter((name) => /^[A-Za-z0-9-]+$/.test(name));

const logicalName = fc.constantFrom(...collidingNames);

/** Distinct names from `pool` (the duplicate checks refuse a list naming one thing twice). */
const names = (max: number, pool: readonly string[] = collidingNames): fc.Arbitrary<string[]> =>
  fc.uniqueArray(fc.constantFrom(...pool), {
    minLength: 1,
    maxLength: max,
    selector: (name) => name.toLowerCase(),
  });

const webhook = { webhook: { url: "https://hooks.contoso.example/in" } };
const thumbprint = "3f2504e04f8941d39a0c0305e82c3301aabbccdd";

interface Drawn {
  readonly serviceBus?: readonly {
    readonly name: string;
    readonly localAuth: boolean;
    readonly queues: string[];
  }[];
  readonly eventHubs?: readonly { readonly name: string; readonly hubs: string[] }[];
  readonly relay?: readonly string[];
  readonly iotHub?: readonly string[];
  readonly topics?: readonly { readonly name: string; readonly subscriptions: string[] }[];
  readonly broker?: string;
  readonly sites?: readonly string[];
  readonly webhooks?: readonly string[];
  readonly logicApps?: readonly {
    readonly name: string;
    readonly hosting: "Consumption" | "Standard";
    readonly workflows: string[];
    readonly connections: string[];
  }[];
}

/** Names a connection or a Standard workflow may have (a letter first; letters, numbers, - and _). */
const connectionNames = collidingNames.filter((name) => /^[A-Za-z][A-Za-z0-9_-]*$/.test(name));

/** A workflow that runs every minute and touches no entity: the names are what is drawn here. */
function idleWorkflow(hosting: string): string {
  const document: Json = {
    definition: {
      triggers: { Every_minute: { type: "Recurrence", recurrence: { frequency: "Minute", interval: 1 } } },
      actions: { Compose: { type: "Compose", inputs: "@utcNow()", runAfter: {} } },
    },
    ...(hosting === "Standard" ? { kind: "Stateful" } : {}),
  };
  return workflowFileFor(`${JSON.stringify(document, null, 2)}\n`);
}

/**
 * Logic apps with their own Azure names, their connections reaching the file's first Service Bus
 * namespace (written `serviceBus/<name>`: an Event Hubs namespace may share the name).
 */
function logicAppsOf(drawn: Drawn): Json[] {
  const namespace = drawn.serviceBus?.[0];
  return (drawn.logicApps ?? []).map((app, index) => ({
    name: app.name,
    hosting: app.hosting,
    resourceName: `logic-ids-${index}`,
    workflows: app.workflows.map((name) => ({ name, definition: idleWorkflow(app.hosting) })),
    ...(namespace
      ? {
          connections: Object.fromEntries(
            app.connections.map((connection) => [connection, `serviceBus/${namespace.name}`]),
          ),
          receives: [`${namespace.name}/${namespace.queues[0]}`],
        }
      : {}),
  }));
}

/** One namespace-like item per name, each with an Azure name of its own. */
function namespaces<T extends object>(kind: string, items: readonly (T & { name: string })[]): Json[] {
  return items.map((item, index) => ({ ...item, resourceName: `${kind}-ids-${index}` }));
}

function fileOf(drawn: Drawn): Json {
  const eventGrid: Json = {};
  if (drawn.topics) {
    eventGrid.topics = drawn.topics.map((topic, index) => ({
      name: topic.name,
      resourceName: `evgt-ids-${index}`,
      subscriptions: topic.subscriptions.map((name) => ({ name, destination: webhook })),
    }));
  }
  if (drawn.broker !== undefined) {
    eventGrid.namespaces = [
      {
        name: drawn.broker,
        resourceName: "evgns-ids-0",
        mqtt: {
          topicSpaces: [{ name: "telemetry", templates: ["plants/+/telemetry/#"] }],
          clientGroups: [{ name: "gateways", query: "attributes.role = 'gateway'" }],
        },
      },
    ];
  }
  return {
    name: "ids",
    tier: "development",
    location: "westeurope",
    naming: { prefix: "contoso" },
    ...(drawn.webhooks
      ? {
          monitoring: {
            webhooks: drawn.webhooks.map((name) => ({ name, url: "https://hooks.contoso.example/a" })),
          },
        }
      : {}),
    ...(drawn.serviceBus
      ? {
          serviceBus: namespaces(
            "sb",
            drawn.serviceBus.map((ns) => ({
              name: ns.name,
              sku: "Standard",
              localAuth: ns.localAuth,
              queues: ns.queues.map((name) => ({ name })),
            })),
          ),
        }
      : {}),
    ...(drawn.eventHubs
      ? {
          eventHubs: namespaces(
            "evhns",
            drawn.eventHubs.map((ns) => ({
              name: ns.name,
              sku: "Standard",
              hubs: ns.hubs.map((name) => ({ name, partitions: 2 })),
            })),
          ),
        }
      : {}),
    ...(drawn.relay
      ? {
          relay: namespaces(
            "relay",
            drawn.relay.map((name) => ({ name })),
          ),
        }
      : {}),
    ...(drawn.iotHub
      ? {
          iotHub: namespaces(
            "iot",
            drawn.iotHub.map((name) => ({ name, sku: "S1", capacity: 1 })),
          ),
        }
      : {}),
    ...(Object.keys(eventGrid).length > 0 ? { eventGrid } : {}),
    ...(drawn.logicApps ? { logicApps: logicAppsOf(drawn) } : {}),
    ...(drawn.broker !== undefined && drawn.sites
      ? {
          sites: drawn.sites.map((name) => ({
            name,
            mqttClient: { namespace: drawn.broker, certificateThumbprint: thumbprint },
          })),
        }
      : {}),
  };
}

const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { nil: undefined, freq: 3 });

/** A development file whose names are drawn from `collidingNames` in every section. */
export const collidingNamesFile: fc.Arbitrary<{ readonly yaml: string; readonly doc: Json }> = fc
  .record({
    serviceBus: optional(
      names(3).chain((list) =>
        fc.tuple(
          ...list.map((name) =>
            fc.record({ name: fc.constant(name), localAuth: fc.boolean(), queues: names(2) }),
          ),
        ),
      ),
    ),
    eventHubs: optional(
      names(3).chain((list) =>
        fc.tuple(...list.map((name) => fc.record({ name: fc.constant(name), hubs: names(2) }))),
      ),
    ),
    relay: optional(names(2)),
    iotHub: optional(names(2)),
    topics: optional(
      names(3).chain((list) =>
        fc.tuple(
          ...list.map((name) => fc.record({ name: fc.constant(name), subscriptions: names(3, hyphenated) })),
        ),
      ),
    ),
    broker: optional(logicalName),
    sites: optional(names(3, hyphenated)),
    webhooks: optional(names(2)),
    logicApps: optional(
      names(2).chain((list) =>
        fc.tuple(
          ...list.map((name) =>
            fc
              .record({
                name: fc.constant(name),
                hosting: fc.constantFrom<"Consumption" | "Standard">("Consumption", "Standard"),
                workflows: names(2, connectionNames),
                connections: names(2, connectionNames),
              })
              // A Consumption app is its one workflow.
              .map((app) =>
                app.hosting === "Consumption" ? { ...app, workflows: app.workflows.slice(0, 1) } : app,
              ),
          ),
        ),
      ),
    ),
  })
  .map((drawn) => {
    const doc = fileOf(drawn);
    return { doc, yaml: stringify(doc, { lineWidth: 0 }) };
  });
