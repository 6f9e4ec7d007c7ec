import { TerraformResource } from "cdktf";
import { ConsumerGroup, EventHubsCluster } from "../../../constructs/event-hubs";
import {
  analytics,
  hub,
  namespace,
  onlyResource,
  plantGateway,
  resourcesOf,
  synth,
  validationErrors,
} from "./synth";

const HUB = "azurerm_eventhub";
const destination = {
  storageAccountId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st",
  containerName: "capture",
};
const WHAT = "event hub telemetry/device-telemetry";

describe("EventHub", () => {
  it("sets partitions, retention in days and status", () => {
    const eh = onlyResource(
      synth((s) => hub(s, { partitions: 4, retentionDays: 7, status: "SendDisabled" })),
      HUB,
    );
    expect(eh).toMatchObject({
      name: "device-telemetry",
      partition_count: 4,
      message_retention: 7,
      status: "SendDisabled",
    });
    expect(eh.retention_description).toBeUndefined();
  });

  it("defaults to one partition, one day and Active", () => {
    const eh = onlyResource(
      synth((s) => hub(s)),
      HUB,
    );
    expect(eh).toMatchObject({ partition_count: 1, message_retention: 1, status: "Active" });
  });

  it("keeps events by hours with the Delete cleanup policy, instead of message_retention", () => {
    const eh = onlyResource(
      synth((s) => hub(s, { retention: { cleanupPolicy: "Delete", retentionHours: 36 } })),
      HUB,
    );
    expect(eh.message_retention).toBeUndefined();
    expect(eh.retention_description).toEqual({ cleanup_policy: "Delete", retention_time_in_hours: 36 });
  });

  it("compacts the log by key with the Compact cleanup policy", () => {
    const eh = onlyResource(
      synth((s) => hub(s, { retention: { cleanupPolicy: "Compact", tombstoneRetentionHours: 24 } })),
      HUB,
    );
    expect(eh.retention_description).toEqual({
      cleanup_policy: "Compact",
      tombstone_retention_time_in_hours: 24,
    });
  });

  it("refuses retentionDays together with a cleanup policy", () => {
    expect(
      validationErrors((s) =>
        hub(s, { retentionDays: 1, retention: { cleanupPolicy: "Delete", retentionHours: 24 } }),
      ),
    ).toEqual([
      `${WHAT}: retention: give retentionDays (1) or retention (cleanup policy Delete), not both; azurerm takes exactly one of them`,
    ]);
  });

  it("refuses log compaction on Basic", () => {
    expect(
      validationErrors((s) =>
        hub(s, { retention: { cleanupPolicy: "Compact", tombstoneRetentionHours: 24 } }, { sku: "Basic" }),
      ),
    ).toEqual([
      `${WHAT}: retention/cleanupPolicy: Basic has no log compaction, got cleanupPolicy: Compact; use Standard or above`,
    ]);
  });

  it("refuses the Delete policy without retentionHours", () => {
    expect(validationErrors((s) => hub(s, { retention: { cleanupPolicy: "Delete" } }))).toEqual([
      `${WHAT}: retention: cleanupPolicy Delete needs retentionHours (how long events are kept)`,
    ]);
  });

  it("refuses retention hours beyond the tier's days", () => {
    expect(
      validationErrors((s) => hub(s, { retention: { cleanupPolicy: "Delete", retentionHours: 169 } })),
    ).toEqual([
      `${WHAT}: retention/retentionHours: Standard keeps events at most 168 hours, got 169; use Premium for up to 2160 hours`,
    ]);
  });

  it.each([
    ["Basic" as const, 33, "Basic allows at most 32 partitions per event hub, got 33; use Premium"],
    ["Standard" as const, 40, "Standard allows at most 32 partitions per event hub, got 40; use Premium"],
    [
      "Premium" as const,
      101,
      "Premium allows at most 100 partitions per event hub, got 101; use a dedicated",
    ],
  ])("refuses more partitions than %s allows", (sku, partitions, message) => {
    expect(validationErrors((s) => hub(s, { partitions }, { sku }))).toEqual([
      expect.stringContaining(`${WHAT}: partitions: ${message}`),
    ]);
  });

  it("refuses fewer than one partition", () => {
    expect(validationErrors((s) => hub(s, { partitions: 0 }))).toEqual([
      `${WHAT}: partitions: partitions must be a whole number of at least 1, got 0`,
    ]);
  });

  it("allows up to 1024 partitions on a dedicated cluster", () => {
    const json = synth((s) => {
      const cluster = new EventHubsCluster(s, "cluster", {
        name: "evhcl",
        location: "westeurope",
        resourceGroupName: "rg",
      });
      hub(s, { partitions: 1024 }, { dedicatedCluster: cluster });
    });
    expect(onlyResource(json, HUB).partition_count).toBe(1024);
  });

  it.each([
    ["Basic" as const, 2, "Basic keeps events at most 1 day, got 2; use Standard for up to 7 days"],
    ["Standard" as const, 10, "Standard keeps events at most 7 days, got 10; use Premium for up to 90 days"],
    [
      "Premium" as const,
      91,
      "Premium keeps events at most 90 days, got 91; capture the hub to storage to keep events longer",
    ],
  ])("refuses longer retention than %s allows", (sku, retentionDays, message) => {
    expect(validationErrors((s) => hub(s, { retentionDays }, { sku }))).toEqual([
      `${WHAT}: retentionDays: ${message}`,
    ]);
  });

  it("captures to the destination in Avro with the given windows and archive name", () => {
    const eh = onlyResource(
      synth((s) =>
        hub(s, {
          capture: {
            destination,
            intervalSeconds: 120,
            sizeLimitBytes: 10485760,
            archiveNameFormat:
              "{Namespace}/{EventHub}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}/{PartitionId}",
            skipEmptyArchives: false,
          },
        }),
      ),
      HUB,
    );
    expect(eh.capture_description).toEqual({
      enabled: true,
      encoding: "Avro",
      interval_in_seconds: 120,
      size_limit_in_bytes: 10485760,
      skip_empty_archives: false,
      destination: {
        name: "EventHubArchive.AzureBlockBlob",
        archive_name_format:
          "{Namespace}/{EventHub}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}/{PartitionId}",
        blob_container_name: "capture",
        storage_account_id: destination.storageAccountId,
      },
    });
  });

  it("captures every 300 seconds or 300 MiB and skips empty windows by default", () => {
    const eh = onlyResource(
      synth((s) => hub(s, { capture: { destination } })),
      HUB,
    );
    expect(eh.capture_description).toMatchObject({
      interval_in_seconds: 300,
      size_limit_in_bytes: 314572800,
      skip_empty_archives: true,
    });
  });

  it("switches capture to the namespace's managed identity, re-applied whenever the hub changes", () => {
    const json = synth((s) => hub(s, { capture: { destination } }));
    const update = onlyResource(json, "azapi_update_resource");
    expect(update.type).toBe("Microsoft.EventHub/namespaces/eventhubs@2024-01-01");
    expect(update.name).toBe("device-telemetry");
    expect(update.body).toMatchObject({
      properties: {
        captureDescription: {
          enabled: true,
          encoding: "Avro",
          destination: {
            name: "EventHubArchive.AzureBlockBlob",
            identity: { type: "SystemAssigned" },
            properties: { storageAccountResourceId: destination.storageAccountId, blobContainer: "capture" },
          },
        },
      },
    });
    const hubAddress = Object.keys(json.resource.azurerm_eventhub)[0];
    expect(update.lifecycle).toEqual({ replace_triggered_by: [`${"$"}{azurerm_eventhub.${hubAddress}}`] });
  });

  it("switches capture to the identity only after its access to the container exists", () => {
    const json = synth((s) => {
      const ns = namespace(s);
      const access = new TerraformResource(s, "access", { terraformResourceType: "azurerm_role_assignment" });
      hub(s, { namespace: ns, capture: { destination, access } });
    });
    expect(onlyResource(json, "azapi_update_resource").depends_on).toEqual([
      "${azurerm_role_assignment.access}",
    ]);
  });

  it("leaves a hub without capture alone", () => {
    expect(
      resourcesOf(
        synth((s) => hub(s)),
        "azapi_update_resource",
      ),
    ).toEqual([]);
  });

  it("refuses capture on Basic", () => {
    expect(validationErrors((s) => hub(s, { capture: { destination } }, { sku: "Basic" }))).toEqual([
      `${WHAT}: capture: Basic has no capture, got a capture block; use Standard or above to capture events to storage`,
    ]);
  });

  it.each([
    [{ intervalSeconds: 30 }, "capture/intervalSeconds: capture writes a file every 60-900 seconds, got 30"],
    [
      { intervalSeconds: 901 },
      "capture/intervalSeconds: capture writes a file every 60-900 seconds, got 901",
    ],
    [
      { sizeLimitBytes: 1048576 },
      "capture/sizeLimitBytes: capture's size window is 10485760-524288000 bytes (10-500 MiB), got 1048576",
    ],
    [{ archiveNameFormat: "{Namespace}/{EventHub}" }, "without {PartitionId}, {Year}, {Month}"],
  ])("refuses capture setting %j", (overrides, message) => {
    expect(validationErrors((s) => hub(s, { capture: { destination, ...overrides } }))).toEqual([
      expect.stringContaining(message),
    ]);
  });

  it("refuses more consumer groups than its namespace's tier allows", () => {
    expect(
      validationErrors((s) => {
        const eh = hub(s, {}, { sku: "Basic" });
        new ConsumerGroup(s, "cg", { eventHub: eh, name: "analytics" });
      }),
    ).toEqual([
      expect.stringMatching(
        /^event hub telemetry\/device-telemetry: consumerGroups: Basic allows 1 consumer group per event hub including \$Default, so 0 more, got 1/,
      ),
    ]);
  });

  it("is a delivery target named <namespace>/<hub> with the namespace's AMQP endpoint", () => {
    synth((s) => {
      const ns = namespace(s);
      const eh = hub(s, { namespace: ns });
      expect(eh.kind).toBe("eventHub");
      expect(eh.label).toBe("telemetry/device-telemetry");
      expect(eh.entityPath).toBe("device-telemetry");
      expect(eh.endpointUri).toBe("sb://evhns-contoso-telemetry-test.servicebus.windows.net");
      expect(eh.namespaceResourceId).toBe(ns.id);
    });
  });

  it("grants Azure Event Hubs Data Sender on the hub itself", () => {
    const json = synth((s) => hub(s).grantSend(plantGateway));
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "Azure Event Hubs Data Sender",
      principal_id: plantGateway.principalId,
      scope: expect.stringMatching(/^\$\{azurerm_eventhub\.hub_event-hub_[^.]+\.id\}$/),
    });
  });

  it("gives managers Azure Event Hubs Data Owner on the hub itself, under the construct ID prefix `own`", () => {
    const json = synth((s) => hub(s).grantManage(analytics));
    const [[address, assignment]] = Object.entries(json.resource.azurerm_role_assignment);
    expect(address).toMatch(/^hub_own-analytics_/);
    expect(assignment).toMatchObject({
      role_definition_name: "Azure Event Hubs Data Owner",
      scope: expect.stringMatching(/azurerm_eventhub\.hub_event-hub/),
    });
  });

  it("grants Azure Event Hubs Data Receiver on the hub itself", () => {
    const json = synth((s) => hub(s).grantReceive(analytics));
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "Azure Event Hubs Data Receiver",
      principal_type: "Group",
      scope: expect.stringMatching(/azurerm_eventhub\.hub_event-hub/),
    });
  });

  it("assigns a role to a principal once however often it is granted", () => {
    const json = synth((s) => {
      const eh = hub(s);
      expect(eh.grantReceive(analytics)).toBe(eh.grantReceive(analytics));
    });
    expect(resourcesOf(json, "azurerm_role_assignment")).toHaveLength(1);
  });

  it("prevents destruction of the hub when asked", () => {
    expect(
      onlyResource(
        synth((s) => hub(s, { preventDestroy: true })),
        HUB,
      ).lifecycle,
    ).toEqual({ prevent_destroy: true });
  });

  it("belongs to its namespace by ID", () => {
    const json = synth((s) => hub(s, { namespace: namespace(s) }));
    expect(onlyResource(json, HUB).namespace_id).toMatch(
      /^\$\{azurerm_eventhub_namespace\.ns_namespace_[^.]+\.id\}$/,
    );
  });
});
