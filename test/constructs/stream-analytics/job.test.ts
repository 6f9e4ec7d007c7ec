import type { Construct } from "constructs";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import type { DeliveryTarget } from "../../../constructs/shared/entity";
import type { Grantee } from "../../../constructs/shared/role-assignments";
import {
  BlobOutput,
  EntityOutput,
  EventHubInput,
  IotHubInput,
  StreamAnalyticsJob,
  type StreamAnalyticsJobProps,
} from "../../../constructs/stream-analytics";
import { onlyResource, resourcesOf, synth, validationErrors } from "../synthesized";

const query = "SELECT * INTO [alerts] FROM [telemetry]";

function grantOn(scope: Construct, id: string, role: string, grantee: Grantee): RoleAssignment {
  return new RoleAssignment(scope, id, {
    scope: `/scope/${id}`,
    roleDefinitionName: role,
    principalId: grantee.principalId,
  });
}

function job(scope: Construct, overrides: Partial<StreamAnalyticsJobProps> = {}): StreamAnalyticsJob {
  return new StreamAnalyticsJob(scope, "job", {
    name: "asa-contoso-overheat-test",
    label: "overheat",
    location: "westeurope",
    resourceGroupName: "rg-test",
    sku: "StandardV2",
    streamingUnits: 1,
    query,
    ...overrides,
  });
}

function hubInput(scope: Construct, target: StreamAnalyticsJob, alias = "telemetry"): EventHubInput {
  return new EventHubInput(scope, `input-${alias}`, {
    job: target,
    alias,
    hub: {
      label: "telemetry/device-telemetry",
      entityPath: "device-telemetry",
      grantReceive: (grantee) =>
        grantOn(scope, `receive-${alias}`, "Azure Event Hubs Data Receiver", grantee),
    },
    namespaceName: "evhns-telemetry",
    consumerGroup: "analytics",
  });
}

function queue(scope: Construct): DeliveryTarget {
  return {
    kind: "serviceBusQueue",
    label: "orders/alerts",
    resourceId: "/queue",
    namespaceResourceId: "/namespace",
    endpointUri: "sb://sbns-orders.servicebus.windows.net",
    entityPath: "alerts",
    grantSend: (grantee) => grantOn(scope, "send", "Azure Service Bus Data Sender", grantee),
  };
}

function pipeline(scope: Construct, overrides: Partial<StreamAnalyticsJobProps> = {}): StreamAnalyticsJob {
  const target = job(scope, overrides);
  hubInput(scope, target);
  new EntityOutput(scope, "output", {
    job: target,
    alias: "alerts",
    target: queue(scope),
    namespaceName: "sbns-orders",
  });
  return target;
}

describe("StreamAnalyticsJob", () => {
  it("runs in the cloud with a system-assigned identity, level 1.2, Stop on output errors, SU V2 in the REST unit", () => {
    const json = synth((scope) => pipeline(scope, { streamingUnits: "2/3" }));
    expect(onlyResource(json, "azurerm_stream_analytics_job")).toMatchObject({
      type: "Cloud",
      sku_name: "StandardV2",
      streaming_units: 7,
      compatibility_level: "1.2",
      output_error_policy: "Stop",
      events_out_of_order_policy: "Adjust",
      identity: { type: "SystemAssigned" },
      transformation_query: query,
    });
  });

  it("reads and writes with its managed identity, and starts only after inputs, outputs and grants exist", () => {
    const json = synth((scope) => pipeline(scope));
    expect(onlyResource(json, "azurerm_stream_analytics_stream_input_eventhub_v2")).toMatchObject({
      name: "telemetry",
      authentication_mode: "Msi",
      eventhub_consumer_group_name: "analytics",
    });
    expect(onlyResource(json, "azurerm_stream_analytics_output_servicebus_queue")).toMatchObject({
      name: "alerts",
      authentication_mode: "Msi",
      queue_name: "alerts",
    });
    const schedule = onlyResource(json, "azurerm_stream_analytics_job_schedule");
    expect(schedule.start_mode).toBe("JobStartTime");
    expect(schedule.depends_on).toHaveLength(4);
    expect(resourcesOf(json, "azurerm_role_assignment").map((r) => r.role_definition_name)).toEqual([
      "Azure Event Hubs Data Receiver",
      "Azure Service Bus Data Sender",
    ]);
  });

  it("grants Storage Blob Data Contributor on the blob output's container only", () => {
    const json = synth((scope) => {
      const target = job(scope, { query: "SELECT * INTO [archive] FROM [telemetry]" });
      hubInput(scope, target);
      new BlobOutput(scope, "blob", {
        job: target,
        alias: "archive",
        storageAccountId:
          "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/starchive",
        container: "alerts",
      });
    });
    expect(onlyResource(json, "azurerm_stream_analytics_output_blob")).toMatchObject({
      storage_account_name: "starchive",
      storage_container_name: "alerts",
      path_pattern: "{date}/{time}",
      authentication_mode: "Msi",
    });
    const grants = resourcesOf(json, "azurerm_role_assignment");
    expect(grants.find((g) => g.role_definition_name === "Storage Blob Data Contributor")?.scope).toBe(
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/starchive/blobServices/default/containers/alerts",
    );
  });

  it("gives an IoT Hub input a ServiceConnect policy of its own", () => {
    const json = synth((scope) => {
      const target = job(scope, { query: "SELECT * INTO [alerts] FROM [devices]" });
      new IotHubInput(scope, "iot", {
        job: target,
        alias: "devices",
        hub: {
          name: "iot-plants",
          resourceGroupName: "rg-test",
          resource: grantOn(scope, "hub", "x", target.grantee),
        },
        consumerGroup: "analytics",
      });
      new EntityOutput(scope, "output", {
        job: target,
        alias: "alerts",
        target: queue(scope),
        namespaceName: "sbns-orders",
      });
    });
    expect(onlyResource(json, "azurerm_iothub_shared_access_policy")).toMatchObject({
      name: "asa-contoso-overheat-test",
      service_connect: true,
    });
    expect(onlyResource(json, "azurerm_stream_analytics_stream_input_iothub")).toMatchObject({
      endpoint: "messages/events",
      iothub_namespace: "iot-plants",
    });
  });

  it("gives two IoT Hub inputs of one job on one hub one policy, which Azure names once", () => {
    const json = synth((scope) => {
      const target = job(scope, {
        query: "SELECT * INTO [alerts] FROM [devices] UNION SELECT * FROM [more]",
      });
      const hub = {
        name: "iot-plants",
        resourceGroupName: "rg-test",
        resource: grantOn(scope, "hub", "x", target.grantee),
      };
      const inputs = ["devices", "more"].map(
        (alias) => new IotHubInput(scope, `iot-${alias}`, { job: target, alias, hub, consumerGroup: alias }),
      );
      new EntityOutput(scope, "output", {
        job: target,
        alias: "alerts",
        target: queue(scope),
        namespaceName: "sbns-orders",
      });
      expect(inputs[1].policy).toBe(inputs[0].policy);
    });
    expect(resourcesOf(json, "azurerm_iothub_shared_access_policy")).toHaveLength(1);
    expect(resourcesOf(json, "azurerm_stream_analytics_stream_input_iothub")).toHaveLength(2);
  });

  it("refuses streaming units its SKU does not allow", () => {
    expect(validationErrors((scope) => pipeline(scope, { sku: "Standard", streamingUnits: 2 }))).toEqual([
      expect.stringContaining(
        "Stream Analytics job overheat: streamingUnits: streamingUnits must be one of 1, 3, 6",
      ),
    ]);
  });

  it("refuses a query that reads an input the job does not have", () => {
    expect(
      validationErrors((scope) =>
        pipeline(scope, { query: "SELECT * INTO [alerts] FROM [telemetri]", queryFile: "q.asaql" }),
      ),
    ).toEqual([
      expect.stringContaining('q.asaql line 1, column 29: FROM or JOIN reads "telemetri"'),
      expect.stringContaining('input "telemetry" is never read by the query (q.asaql)'),
    ]);
  });

  it("keeps Azure's name rule for the job", () => {
    expect(validationErrors((scope) => pipeline(scope, { name: "a b" }))).toEqual([
      expect.stringContaining('Stream Analytics job overheat: name: Stream Analytics job name "a b"'),
    ]);
  });

  it("locks the job and sends its logs to Log Analytics when asked", () => {
    const json = synth((scope) => pipeline(scope, { lock: true, logAnalyticsWorkspaceId: "/workspace" }));
    expect(onlyResource(json, "azurerm_management_lock").lock_level).toBe("CanNotDelete");
    expect(onlyResource(json, "azurerm_monitor_diagnostic_setting").log_analytics_workspace_id).toBe(
      "/workspace",
    );
  });
});
