import fc from "fast-check";
import {
  bool,
  containerName,
  entityName,
  few,
  grantFields,
  integer,
  maybe,
  namespaceCommon,
  namespaceName,
  named,
  principalList,
  storageAccountId,
  subscriptionPrefix,
  usually,
  type Json,
  type Tier,
} from "./common";
import { eventThroughput } from "./throughput";

/*
 * Event Hubs namespaces of every SKU, on no cluster, a cluster the file creates or an existing
 * one; hubs with retention, capture and consumer groups (with their own receivers); schema groups;
 * the Kafka switch. Options a tier lacks are drawn rarely on it.
 */

type Sku = "Basic" | "Standard" | "Premium";
type Cluster = "none" | "new" | "existing";

const fullArchiveFormat =
  "{Namespace}/{EventHub}/{PartitionId}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}";

const capture = fc.record(
  {
    intervalSeconds: maybe(integer([60, 300, 900], 60, 900)),
    sizeLimitBytes: maybe(integer([10485760, 314572800, 524288000], 10485760, 524288000)),
    archiveNameFormat: maybe(usually(fc.constant(fullArchiveFormat), ["{Namespace}/{EventHub}/{Year}"])),
    skipEmptyArchives: maybe(fc.boolean()),
    storageAccountId: maybe(storageAccountId),
    container: maybe(containerName),
    retentionDays: maybe(integer([1, 30, 365], 1, undefined)),
  },
  { requiredKeys: [] },
);

const retention = fc.oneof(
  { withCrossShrink: true },
  fc.record({
    cleanupPolicy: fc.constant("Delete"),
    retentionHours: usually(fc.constantFrom(1, 12, 24, 168), [2160, 2161, undefined]),
  }),
  fc.record({
    cleanupPolicy: fc.constant("Compact"),
    tombstoneRetentionHours: usually(fc.constantFrom(1, 12, 24), [undefined, 2 ** 31]),
  }),
);

const consumerGroup = fc.oneof(
  { withCrossShrink: true },
  { weight: 2, arbitrary: named(["analytics", "archive", "cg1"], ["$Default"]) },
  {
    weight: 1,
    arbitrary: fc.record({
      name: named(["readers", "cg2"]),
      userMetadata: maybe(fc.constantFrom("team=ops", "x".repeat(1025))),
      receivers: maybe(principalList, 1, 1),
    }),
  },
);

function hub(sku: Sku, cluster: Cluster): fc.Arbitrary<Json> {
  const notBasic = sku === "Basic" ? 10 : 1;
  const maxDays = sku === "Basic" ? [1] : sku === "Standard" && cluster === "none" ? [1, 7] : [1, 7, 90];
  return fc.record({
    name: entityName,
    partitions: maybe(integer([1, 2, 4, 8, 32], 1, 1024), 1, 2),
    retentionDays: maybe(integer(maxDays, 1, 90), 1, 3),
    retention: maybe(retention, 1, 6 * notBasic),
    status: maybe(fc.constantFrom("Active", "Disabled", "SendDisabled"), 1, 6),
    eventSourced: maybe(fc.boolean(), 1, 5),
    capture: maybe(capture, 1, 4 * notBasic),
    consumerGroups: maybe(
      fc.uniqueArray(consumerGroup, {
        minLength: 1,
        maxLength: 3,
        selector: (g) => (typeof g === "string" ? g : g.name),
      }),
      1,
      2 * notBasic,
    ),
    throughput: maybe(eventThroughput, 1, 3),
    ...grantFields(),
  });
}

function namespaceOf(tier: Tier, sku: Sku, cluster: Cluster): fc.Arbitrary<Json> {
  const premiumLike = sku === "Premium" || cluster !== "none";
  return fc
    .tuple(
      namespaceCommon({
        tier,
        noPrivateLink: sku === "Basic",
        lacks:
          sku === "Basic"
            ? ["allowedIpRanges", "trustedServicesAllowed", "privateEndpoint", "customerManagedKey"]
            : premiumLike
              ? []
              : ["customerManagedKey"],
      }),
      fc.record({
        name: namespaceName,
        sku: fc.constant(sku),
        capacity: maybe(
          sku === "Premium" ? integer([1, 2, 4, 8, 16], 1, 40) : integer([1, 2, 10, 20, 40], 1, 40),
          1,
          2,
        ),
        autoInflateMaxCapacity: maybe(
          integer([10, 20, 40], 1, 40),
          1,
          sku === "Standard" && cluster === "none" ? 3 : 40,
        ),
        dedicatedCluster:
          cluster === "new"
            ? fc.record({
                name: usually(fc.constantFrom("big", "cluster-1"), ["x".repeat(60)]),
                capacity: maybe(integer([1, 2, 10], 1, undefined)),
              })
            : fc.constant(undefined),
        dedicatedClusterId:
          cluster === "existing"
            ? fc.constant(`${subscriptionPrefix}/Microsoft.EventHub/clusters/ehc-existing`)
            : fc.constant(undefined),
        kafka: maybe(sku === "Basic" ? bool(1, 8) : bool(8, 1), 1, 4),
        zoneRedundant: maybe(bool(8, 1), 1, 6),
        geoDisasterRecovery: maybe(fc.boolean(), 1, sku === "Basic" || cluster !== "none" ? 30 : 3),
        schemaGroups: maybe(
          few(
            fc.record({
              name: named(["schemas", "telemetry-schemas"]),
              compatibility: fc.constantFrom("None", "Backward", "Forward"),
              type: fc.constant("Avro"),
            }),
            2,
          ),
          1,
          sku === "Basic" ? 12 : 3,
        ),
        hubs: maybe(few(hub(sku, cluster), 3), 4, 1),
      }),
    )
    .map(([common, own]) => ({ ...common, ...own }));
}

/**
 * One Event Hubs namespace of any SKU, sometimes on a dedicated cluster. A namespace on a cluster is
 * Standard, now and then another SKU (which validation refuses).
 */
export function eventHubsNamespace(tier: Tier): fc.Arbitrary<Json> {
  return fc
    .oneof(
      { withCrossShrink: true },
      {
        weight: 6,
        arbitrary: fc.tuple(
          fc.constantFrom<Sku>("Standard", "Premium", "Basic"),
          fc.constant<Cluster>("none"),
        ),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(
          fc.oneof(
            { weight: 8, arbitrary: fc.constant<Sku>("Standard") },
            { weight: 1, arbitrary: fc.constantFrom<Sku>("Premium", "Basic") },
          ),
          fc.constantFrom<Cluster>("new", "existing"),
        ),
      },
    )
    .chain(([sku, cluster]) => namespaceOf(tier, sku, cluster));
}
