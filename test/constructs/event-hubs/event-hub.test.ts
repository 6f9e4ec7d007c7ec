import { TerraformResource } from "cdktf";
import { EventHubsCluster } from "../../../constructs/event-hubs";
import { analytics, hub, namespace, onlyResource, plantGateway, resourcesOf, synth } from "./synth";

const HUB = "azurerm_eventhub";
const destination = {
  storageAccountId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st",
  containerName: "capture",
};

describe("EventHub", () => {
  it("sets partitions, retention in days and status", () => {
    const eh = onlyResource(
      synth((s) => hub(s, { partitionCount: 4, retentionDays: 7, status: "SendDisabled" })),
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
      synth((s) => hub(s, { cleanupPolicy: "Delete", retentionHours: 36 })),
      HUB,
    );
    expect(eh.message_retention).toBeUndefined();
    expect(eh.retention_description).toEqual({ cleanup_policy: "Delete", retention_time_in_hours: 36 });
  });

  it("compacts the log by key with the Compact cleanup policy", () => {
    const eh = onlyResource(
      synth((s) => hub(s, { cleanupPolicy: "Compact", tombstoneRetentionHours: 24 })),
      HUB,
    );
    expect(eh.retention_description).toEqual({
      cleanup_policy: "Compact",
      tombstone_retention_time_in_hours: 24,
    });
  });

  it("refuses retentionDays together with a cleanup policy", () => {
    expect(() =>
      synth((s) => hub(s, { retentionDays: 1, cleanupPolicy: "Delete", retentionHours: 24 })),
    ).toThrow(/give retentionDays or cleanupPolicy, not both/);
  });

  it("refuses log compaction on Basic", () => {
    expect(() =>
      synth((s) => hub(s, { cleanupPolicy: "Compact", tombstoneRetentionHours: 24 }, { sku: "Basic" })),
    ).toThrow(/cleanupPolicy Compact needs Standard or above, got Basic/);
  });

  it("refuses the Delete policy without retentionHours", () => {
    expect(() => synth((s) => hub(s, { cleanupPolicy: "Delete" }))).toThrow(
      /cleanupPolicy Delete takes retentionHours/,
    );
  });

  it("refuses retention hours beyond the tier's days", () => {
    expect(() => synth((s) => hub(s, { cleanupPolicy: "Delete", retentionHours: 169 }))).toThrow(
      /retentionHours must be 1-168 on Standard, got 169/,
    );
  });

  it.each([
    ["Basic" as const, 33, /partitionCount must be 1-32 on Basic, got 33/],
    ["Standard" as const, 40, /partitionCount must be 1-32 on Standard, got 40/],
    ["Premium" as const, 101, /partitionCount must be 1-100 on Premium, got 101/],
  ])("refuses more partitions than %s allows", (sku, partitionCount, message) => {
    expect(() => synth((s) => hub(s, { partitionCount }, { sku }))).toThrow(message);
  });

  it("allows up to 1024 partitions on a dedicated cluster", () => {
    const json = synth((s) => {
      const cluster = new EventHubsCluster(s, "cluster", {
        name: "evhcl",
        location: "westeurope",
        resourceGroupName: "rg",
      });
      hub(s, { partitionCount: 1024 }, { dedicatedCluster: cluster });
    });
    expect(onlyResource(json, HUB).partition_count).toBe(1024);
  });

  it.each([
    ["Basic" as const, 2, /retentionDays must be 1-1 on Basic, got 2/],
    ["Standard" as const, 10, /retentionDays must be 1-7 on Standard, got 10/],
    ["Premium" as const, 91, /retentionDays must be 1-90 on Premium, got 91/],
  ])("refuses longer retention than %s allows", (sku, retentionDays, message) => {
    expect(() => synth((s) => hub(s, { retentionDays }, { sku }))).toThrow(message);
  });

  it("captures to the destination in Avro with the given windows and archive name", () => {
    const eh = onlyResource(
      synth((s) =>
        hub(s, {
          captureDestination: destination,
          captureIntervalSeconds: 120,
          captureSizeLimitBytes: 10485760,
          captureArchiveNameFormat:
            "{Namespace}/{EventHub}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}/{PartitionId}",
          captureSkipEmptyArchives: false,
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
      synth((s) => hub(s, { captureDestination: destination })),
      HUB,
    );
    expect(eh.capture_description).toMatchObject({
      interval_in_seconds: 300,
      size_limit_in_bytes: 314572800,
      skip_empty_archives: true,
    });
  });

  it("switches capture to the namespace's managed identity, re-applied whenever the hub changes", () => {
    const json = synth((s) => hub(s, { captureDestination: destination }));
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
      hub(s, { namespace: ns, captureDestination: destination, captureAccess: access });
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
    expect(() => synth((s) => hub(s, { captureDestination: destination }, { sku: "Basic" }))).toThrow(
      /capture needs Standard or above, got Basic/,
    );
  });

  it.each([
    [{ captureIntervalSeconds: 30 }, /captureIntervalSeconds must be 60-900, got 30/],
    [{ captureIntervalSeconds: 901 }, /captureIntervalSeconds must be 60-900, got 901/],
    [
      { captureSizeLimitBytes: 1048576 },
      /captureSizeLimitBytes must be 10485760-524288000 \(10-500 MiB\), got 1048576/,
    ],
    [
      { captureArchiveNameFormat: "{Namespace}/{EventHub}" },
      /captureArchiveNameFormat lacks \{PartitionId\}, \{Year\}/,
    ],
  ])("refuses capture setting %j", (overrides, message) => {
    expect(() => synth((s) => hub(s, { captureDestination: destination, ...overrides }))).toThrow(message);
  });

  it("refuses capture settings without a destination", () => {
    expect(() => synth((s) => hub(s, { captureIntervalSeconds: 120 }))).toThrow(
      /capture settings need a captureDestination/,
    );
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
