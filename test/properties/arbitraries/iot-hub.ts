import fc from "fast-check";
import {
  containerName,
  duration,
  integer,
  maybe,
  namespaceCommon,
  namespaceName,
  named,
  orRarely,
  ref,
  resourceName,
  storageAccountId,
  subscriptionPrefix,
  target,
  usually,
  type Json,
  type TargetKind,
  type Tier,
} from "./common";
import { deviceThroughput } from "./throughput";

/*
 * IoT hubs of every SKU with routes to every endpoint kind (declared entities, ARM IDs, storage),
 * enrichments, consumer groups, file upload, cloud-to-device settings and a Device Provisioning
 * Service. Options a SKU lacks are drawn rarely on it.
 */

type Sku = "F1" | "B1" | "B2" | "B3" | "S1" | "S2" | "S3";

const routedAccount = `${subscriptionPrefix}/Microsoft.Storage/storageAccounts/strouted`;

const fileNameFormat = "{iothub}/{partition}/{YYYY}/{MM}/{DD}/{HH}/{mm}";

const routeTarget: fc.Arbitrary<unknown> = fc.oneof(
  { withCrossShrink: true },
  {
    weight: 7,
    arbitrary: fc
      .constantFrom<TargetKind>("eventHub", "sbQueue", "sbTopic")
      .chain((kind) =>
        target(kind, { storageContainer: { storageAccountId: routedAccount, container: "routed" } }),
      ),
  },
  {
    weight: 1,
    arbitrary: orRarely<Json>(
      fc.constant({ storageContainer: { storageAccountId: routedAccount, container: "routed" } }),
      fc.constantFrom(
        { eventHub: `${subscriptionPrefix}/Microsoft.EventHub/namespaces/evhns-external/eventhubs/ingest` },
        { serviceBusQueue: `${subscriptionPrefix}/Microsoft.ServiceBus/namespaces/sbns-x/queues/ingest` },
      ),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      storageContainer: fc.record({
        storageAccountId,
        container: containerName,
        encoding: maybe(fc.constantFrom("Avro", "AvroDeflate", "JSON")),
        fileNameFormat: maybe(usually(fc.constant(fileNameFormat), ["{iothub}/{YYYY}"])),
        batchFrequencySeconds: maybe(integer([60, 300, 720], 60, 720)),
        maxChunkSizeBytes: maybe(integer([10485760, 524288000], 10485760, 524288000)),
      }),
    }),
  },
);

function route(sku: Sku): fc.Arbitrary<Json> {
  const basic = sku.startsWith("B");
  return fc.record({
    name: named(["telemetry", "alarms", "r1"], ["events", "$default", "x".repeat(65), "a b"]),
    source: fc.oneof(
      { withCrossShrink: true },
      {
        weight: 6,
        arbitrary: fc.constantFrom("DeviceMessages", "DeviceLifecycleEvents", "DeviceConnectionStateEvents"),
      },
      {
        weight: basic ? 1 : 4,
        arbitrary: fc.constantFrom("TwinChangeEvents", "DeviceJobLifecycleEvents", "DigitalTwinChangeEvents"),
      },
    ),
    condition: maybe(usually(fc.constantFrom("$body.level = 'critical'", "true"), [" "]), 1, 3),
    to: routeTarget,
    enabled: maybe(fc.boolean(), 1, 4),
  });
}

const enrichment = fc.record({
  key: named(["site", "line"], ["a b", "x".repeat(65)]),
  value: usually(fc.constantFrom("$twin.tags.site", "munich", "$iothubname"), [" "]),
  routes: fc.oneof(
    { withCrossShrink: true },
    { weight: 12, arbitrary: ref("iotRoute").map((r) => [r]) },
    { weight: 1, arbitrary: fc.tuple(ref("iotRoute"), ref("iotRoute")) },
  ),
});

const fileUpload = fc.record(
  {
    storageAccountId,
    container: containerName,
    sasTtl: maybe(duration(["PT1H", "PT2H"])),
    notifications: maybe(fc.boolean()),
    lockDuration: maybe(duration(["PT30S", "PT1M"])),
    defaultTtl: maybe(duration(["PT1H", "P1D"])),
    maxDeliveryCount: maybe(integer([1, 5, 100], 1, 100)),
  },
  { requiredKeys: ["storageAccountId", "container"] },
);

const cloudToDevice = fc.record(
  {
    maxDeliveryCount: integer([1, 10, 100], 1, 100),
    defaultTtl: duration(["PT1H", "P2D", "PT15M"]),
    feedback: fc.record(
      {
        timeToLive: duration(["PT1H", "P2D"]),
        maxDeliveryCount: integer([1, 10], 1, 100),
        lockDuration: duration(["PT30S", "PT5M"]),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

const units: Readonly<Record<Sku, readonly number[]>> = {
  F1: [1],
  B1: [1, 2, 200],
  B2: [1, 200],
  B3: [1, 10],
  S1: [1, 2, 200],
  S2: [1, 200],
  S3: [1, 10],
};

function hubOf(tier: Tier, sku: Sku): fc.Arbitrary<Json> {
  const basic = sku.startsWith("B");
  return fc
    .tuple(
      namespaceCommon({
        tier,
        noPrivateLink: sku === "F1",
        roles: ["senders", "owners"],
        lacks: ["trustedServicesAllowed", "customerManagedKey"],
        lacksRoles: ["receivers"],
      }),
      fc.record({
        name: namespaceName,
        sku: fc.constant(sku),
        capacity: maybe(integer(units[sku], 1, 200), 1, 3),
        partitions: maybe(integer([2, 4, 32], 2, 128), 1, 3),
        throughput: maybe(deviceThroughput, 1, 3),
        retentionDays: maybe(integer([1, 7], 1, 7), 1, 3),
        // Enrichments name routes, so they come with some (rarely without, which must be refused).
        routing: maybe(
          fc.record({
            routes: orRarely(
              fc.uniqueArray(route(sku), {
                minLength: 1,
                maxLength: sku === "F1" ? 1 : 3,
                selector: (r) => r.name,
              }),
              fc.constant(undefined),
            ),
            enrichments: maybe(
              fc.uniqueArray(enrichment, { minLength: 1, maxLength: 2, selector: (e) => e.key }),
              1,
              2,
            ),
          }),
          3,
          1,
        ),
        fallbackRoute: maybe(fc.boolean(), 1, 3),
        consumerGroups: maybe(
          fc.uniqueArray(named(["ops", "analytics"], ["$Default", "events"]), {
            minLength: 1,
            maxLength: 2,
          }),
          1,
          3,
        ),
        fileUpload: maybe(fileUpload, 1, 3),
        cloudToDevice: maybe(cloudToDevice, 1, basic ? 12 : 3),
        deviceProvisioning: maybe(
          fc.record(
            {
              resourceName,
              allocationPolicy: fc.constantFrom("Hashed", "GeoLatency", "Static"),
              capacity: integer([1, 2, 200], 1, undefined),
              dataResidency: fc.boolean(),
            },
            { requiredKeys: [] },
          ),
          1,
          3,
        ),
      }),
    )
    .map(([common, { routing, ...own }]) => ({ ...common, ...own, ...routing }));
}

/** One IoT hub of any SKU. */
export function iotHub(tier: Tier): fc.Arbitrary<Json> {
  return fc.constantFrom<Sku>("S1", "B1", "F1", "S2", "S3", "B2", "B3").chain((sku) => hubOf(tier, sku));
}
