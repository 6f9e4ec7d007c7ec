import {
  describeAbsent,
  describeReach,
  describeRefusals,
  encryption,
  environment,
  ids,
  principalId,
  referenceTo,
  sub,
  waiver,
  type Json,
  type ReachRow,
  type Tier,
} from "./helpers";

/*
 * Every IoT Hub option an environment file can state, each with one definite outcome: units,
 * partitions, routes to every endpoint kind, enrichments, consumer groups, file upload,
 * cloud-to-device settings and the Device Provisioning Service; SKU-bound options on a SKU that has
 * them and on one that does not.
 */

const azureName = (hub: string): string => `iot-contoso-${hub}-reach`;
const hubRef = (hub: string) => referenceTo("azurerm_iothub", `iot-hub-${hub}_hub`);
const hubName = (hub: string) => referenceTo("azurerm_iothub", `iot-hub-${hub}_hub`, "name");

interface Entry {
  readonly item: Json;
  readonly row: ReachRow;
}

/** Route targets on SKUs production reaches privately. */
const targets = {
  serviceBus: [{ name: "orders", sku: "Premium", queues: [{ name: "q1" }], topics: [{ name: "t1" }] }],
  eventHubs: [{ name: "telemetry", sku: "Standard", hubs: [{ name: "h1" }] }],
};

const storage = { storageAccountId: ids.storage, container: "routed" };

function entry(option: string, name: string, fields: Json, row: Omit<ReachRow, "option">, sku = "S1"): Entry {
  return { item: { name, sku, ...fields }, row: { option, ...row } };
}

function onHub(
  option: string,
  name: string,
  fields: Json,
  attributes: Json,
  sku = "S1",
  absent?: readonly string[],
): Entry {
  return entry(
    option,
    name,
    fields,
    { type: "azurerm_iothub", select: { name: azureName(name) }, attributes, absent },
    sku,
  );
}

function routed(
  option: string,
  name: string,
  to: Json,
  type: string,
  attributes: Json,
  extra: Json = {},
): Entry {
  return entry(
    option,
    name,
    { routes: [{ name: "r1", source: "DeviceMessages", to, ...extra }] },
    {
      type,
      select: { name: "r1", iothub_id: hubRef(name) },
      attributes,
    },
  );
}

function onRoute(option: string, name: string, route: Json, attributes: Json): Entry {
  return entry(
    option,
    name,
    { routes: [{ name: "r1", source: "DeviceMessages", to: { eventHub: "telemetry/h1" }, ...route }] },
    { type: "azurerm_iothub_route", select: { name: "r1", iothub_name: hubName(name) }, attributes },
  );
}

const dpsBody = (hub: string, properties: Json, sku?: Json) => ({
  type: "azapi_resource",
  select: { name: `provs-contoso-${hub}-reach` },
  attributes: {
    body: expect.objectContaining({
      properties: expect.objectContaining(properties),
      ...(sku ? { sku } : {}),
    }),
  },
});

const hubEntries: Entry[] = [
  onHub("hub capacity: 2", "h-capacity", { capacity: 2 }, { sku: { name: "S1", capacity: 2 } }),
  onHub(
    "hub capacity: 2 on B3",
    "h-capacity-b3",
    { capacity: 2 },
    { sku: { name: "B3", capacity: 2 } },
    "B3",
  ),
  onHub("hub partitions: 8", "h-partitions", { partitions: 8 }, { event_hub_partition_count: 8 }),
  onHub("hub retentionDays: 7", "h-retention", { retentionDays: 7 }, { event_hub_retention_in_days: 7 }),
  routed(
    "a route to an event hub",
    "h-eventhub-route",
    { eventHub: "telemetry/h1" },
    "azurerm_iothub_endpoint_eventhub",
    {
      entity_path: "h1",
      endpoint_uri: "sb://evhns-contoso-telemetry-reach.servicebus.windows.net",
      authentication_type: "identityBased",
    },
  ),
  routed(
    "a route to a queue",
    "h-to-queue",
    { serviceBusQueue: "orders/q1" },
    "azurerm_iothub_endpoint_servicebus_queue",
    { entity_path: "q1", endpoint_uri: "sb://sbns-contoso-orders-reach.servicebus.windows.net" },
  ),
  routed(
    "a route to a topic",
    "h-to-topic",
    { serviceBusTopic: "orders/t1" },
    "azurerm_iothub_endpoint_servicebus_topic",
    { entity_path: "t1", endpoint_uri: "sb://sbns-contoso-orders-reach.servicebus.windows.net" },
  ),
  routed(
    "a route to a storage container",
    "h-to-storage",
    { storageContainer: storage },
    "azurerm_iothub_endpoint_storage_container",
    { container_name: "routed", endpoint_uri: "https://streachexternal.blob.core.windows.net/" },
  ),
  routed(
    "a route to a storage container with every option",
    "h-to-storage-tuned",
    {
      storageContainer: {
        ...storage,
        encoding: "JSON",
        fileNameFormat: "{iothub}-{partition}-{YYYY}-{MM}-{DD}-{HH}-{mm}",
        batchFrequencySeconds: 60,
        maxChunkSizeBytes: 10485760,
      },
    },
    "azurerm_iothub_endpoint_storage_container",
    {
      encoding: "JSON",
      file_name_format: "{iothub}-{partition}-{YYYY}-{MM}-{DD}-{HH}-{mm}",
      batch_frequency_in_seconds: 60,
      max_chunk_size_in_bytes: 10485760,
    },
  ),
  onRoute("a disabled route", "h-route-disabled", { enabled: false }, { enabled: false }),
  onRoute(
    "a route with a condition",
    "h-route-condition",
    { condition: "$body.level = 'critical'" },
    {
      condition: "$body.level = 'critical'",
    },
  ),
  onRoute(
    "a route of twin changes (S1)",
    "h-route-twins",
    { source: "TwinChangeEvents" },
    { source: "TwinChangeEvents" },
  ),
  entry(
    "hub fallbackRoute: false",
    "h-no-fallback",
    { fallbackRoute: false },
    {
      type: "azurerm_iothub_fallback_route",
      select: { iothub_name: hubName("h-no-fallback") },
      attributes: { enabled: false },
    },
  ),
  entry(
    "hub enrichments",
    "h-enriched",
    {
      routes: [{ name: "r1", source: "DeviceMessages", to: { eventHub: "telemetry/h1" } }],
      enrichments: [{ key: "site", value: "$twin.tags.site", routes: ["r1"] }],
    },
    {
      type: "azurerm_iothub_enrichment",
      select: { key: "site", iothub_name: hubName("h-enriched") },
      attributes: {
        value: "$twin.tags.site",
        endpoint_names: [
          referenceTo("azurerm_iothub_endpoint_eventhub", "iot-hub-h-enriched_endpoint-r1_endpoint", "name"),
        ],
      },
    },
  ),
  entry(
    "hub consumerGroups: [ops]",
    "h-groups",
    { consumerGroups: ["ops"] },
    {
      type: "azurerm_iothub_consumer_group",
      select: { name: "ops", iothub_name: hubName("h-groups") },
      attributes: { eventhub_endpoint_name: "events" },
    },
  ),
  onHub(
    "hub fileUpload",
    "h-upload",
    { fileUpload: { storageAccountId: ids.storage, container: "uploads" } },
    {
      file_upload: expect.objectContaining({
        container_name: "uploads",
        authentication_type: "identityBased",
      }),
    },
  ),
  onHub(
    "hub fileUpload with every option",
    "h-upload-tuned",
    {
      fileUpload: {
        storageAccountId: ids.storage,
        container: "uploads",
        sasTtl: "PT2H",
        notifications: true,
        lockDuration: "PT30S",
        defaultTtl: "PT2H",
        maxDeliveryCount: 5,
      },
    },
    {
      file_upload: expect.objectContaining({
        sas_ttl: "PT2H",
        notifications: true,
        lock_duration: "PT30S",
        default_ttl: "PT2H",
        max_delivery_count: 5,
      }),
    },
  ),
  onHub(
    "hub cloudToDevice maxDeliveryCount: 5",
    "h-c2d",
    { cloudToDevice: { maxDeliveryCount: 5 } },
    {
      cloud_to_device: expect.objectContaining({ max_delivery_count: 5 }),
    },
  ),
  onHub(
    "hub cloudToDevice defaultTtl and feedback",
    "h-c2d-feedback",
    {
      cloudToDevice: {
        defaultTtl: "PT2H",
        feedback: { timeToLive: "PT2H", maxDeliveryCount: 3, lockDuration: "PT30S" },
      },
    },
    {
      cloud_to_device: expect.objectContaining({
        default_ttl: "PT2H",
        feedback: [{ time_to_live: "PT2H", max_delivery_count: 3, lock_duration: "PT30S" }],
      }),
    },
  ),
  entry(
    "deviceProvisioning: {}",
    "h-dps",
    { deviceProvisioning: {} },
    dpsBody("h-dps", { allocationPolicy: "Hashed" }),
  ),
  entry(
    "deviceProvisioning allocationPolicy: GeoLatency",
    "h-dps-geo",
    { deviceProvisioning: { allocationPolicy: "GeoLatency" } },
    dpsBody("h-dps-geo", { allocationPolicy: "GeoLatency" }),
  ),
  entry(
    "deviceProvisioning allocationPolicy: Static",
    "h-dps-static",
    { deviceProvisioning: { allocationPolicy: "Static" } },
    dpsBody("h-dps-static", { allocationPolicy: "Static" }),
  ),
  entry(
    "deviceProvisioning capacity: 2",
    "h-dps-units",
    { deviceProvisioning: { capacity: 2 } },
    dpsBody("h-dps-units", {}, { name: "S1", capacity: 2 }),
  ),
  entry(
    "deviceProvisioning dataResidency: true",
    "h-dps-resident",
    { deviceProvisioning: { dataResidency: true } },
    dpsBody("h-dps-resident", { enableDataResidency: true }),
  ),
  entry(
    "deviceProvisioning resourceName",
    "h-dps-named",
    { deviceProvisioning: { resourceName: "dps-reach-custom" } },
    {
      type: "azapi_resource",
      select: { name: "dps-reach-custom" },
      attributes: { type: expect.stringMatching(/^Microsoft\.Devices\/provisioningServices@/) },
    },
  ),
  onHub(
    "hub publicNetworkAccess: false",
    "h-private",
    { publicNetworkAccess: false },
    { public_network_access_enabled: false },
  ),
  onHub(
    "hub allowedIpRanges",
    "h-firewall",
    { allowedIpRanges: ["203.0.113.0/24"] },
    {
      network_rule_set: [
        expect.objectContaining({
          default_action: "Deny",
          ip_rule: [expect.objectContaining({ ip_mask: "203.0.113.0/24", action: "Allow" })],
        }),
      ],
    },
  ),
  onHub(
    "hub userAssignedIdentityIds",
    "h-identities",
    { userAssignedIdentityIds: [ids.identity] },
    { identity: { type: "SystemAssigned, UserAssigned", identity_ids: [ids.identity] } },
  ),
  onHub(
    "hub tags",
    "h-tags",
    { tags: { team: "reach" } },
    { tags: expect.objectContaining({ team: "reach" }) },
  ),
  onHub("hub localAuth: true", "h-keys", { localAuth: true }, { local_authentication_enabled: true }),
  onHub(
    "hub localAuth: false (what both tiers do anyway)",
    "h-no-keys",
    { localAuth: false },
    { local_authentication_enabled: false },
  ),
  onHub(
    "hub customerManagedKey: false (Microsoft-managed keys, what IoT Hub does anyway)",
    "h-ms-keys",
    { customerManagedKey: false },
    { name: azureName("h-ms-keys") },
    "S1",
    ["encryption"],
  ),
  entry(
    "hub resourceName",
    "h-renamed",
    { resourceName: "iot-reach-custom" },
    {
      type: "azurerm_iothub",
      select: { name: "iot-reach-custom" },
      attributes: { sku: expect.objectContaining({ name: "S1" }) },
    },
  ),
  entry(
    "hub lock: true",
    "h-locked",
    { lock: true },
    {
      type: "azurerm_management_lock",
      select: { scope: hubRef("h-locked") },
      attributes: { lock_level: "CanNotDelete" },
    },
  ),
  entry(
    "hub privateEndpoint: true",
    "h-endpoint",
    { privateEndpoint: true },
    {
      type: "azurerm_private_endpoint",
      select: {
        private_service_connection: expect.objectContaining({
          private_connection_resource_id: hubRef("h-endpoint"),
        }),
      },
      attributes: { subnet_id: ids.subnet },
    },
  ),
  ...(["senders", "owners"] as const).map((role) =>
    entry(
      `hub ${role}: [app] (IoT Hub Data Contributor)`,
      `h-${role}`,
      { [role]: ["app"] },
      {
        type: "azurerm_role_assignment",
        select: { scope: hubRef(`h-${role}`), principal_id: principalId },
        attributes: { role_definition_name: "IoT Hub Data Contributor" },
      },
    ),
  ),
];

describeReach(
  "IoT Hub options (development)",
  environment(
    "development",
    { ...targets, iotHub: hubEntries.map((e) => e.item) },
    { network: { privateEndpointSubnetId: ids.subnet }, encryption },
  ),
  hubEntries.map((e) => e.row),
);

describeReach(
  "IoT Hub options that production waives (production)",
  environment(
    "production",
    {
      iotHub: [
        { name: "h-open", sku: "S1", publicNetworkAccess: true, allowedIpRanges: ["203.0.113.0/24"] },
        { name: "h-keys", sku: "S1", localAuth: true },
        { name: "h-free", sku: "F1", publicNetworkAccess: true, allowedIpRanges: ["203.0.113.0/24"] },
      ],
    },
    {
      waivers: [
        waiver("IOT-PUBLIC-NETWORK", "iotHub/h-open"),
        waiver("IOT-LOCAL-AUTH", "iotHub/h-keys"),
        waiver("IOT-PUBLIC-NETWORK", "iotHub/h-free"),
      ],
    },
  ),
  [
    {
      option: "hub publicNetworkAccess: true with allowedIpRanges, waived",
      type: "azurerm_iothub",
      select: { name: azureName("h-open") },
      attributes: { public_network_access_enabled: true },
    },
    {
      option: "hub localAuth: true, waived",
      type: "azurerm_iothub",
      select: { name: azureName("h-keys") },
      attributes: { local_authentication_enabled: true },
    },
    {
      option: "an F1 hub in production, opened to one range under a waiver (it has no private link)",
      type: "azurerm_iothub",
      select: { name: azureName("h-free") },
      attributes: { sku: expect.objectContaining({ name: "F1" }), public_network_access_enabled: true },
    },
  ],
);

describeAbsent(
  "IoT Hub options that leave a resource out (production)",
  environment(
    "production",
    {
      iotHub: [
        { name: "h-no-diagnostics", sku: "S1", diagnostics: false },
        { name: "h-unlocked", sku: "S1", lock: false },
        { name: "h-no-endpoint", sku: "S1", privateEndpoint: false },
      ],
    },
    {
      waivers: [
        waiver("IOT-DIAGNOSTICS", "iotHub/h-no-diagnostics"),
        waiver("IOT-LOCK", "iotHub/h-unlocked"),
        waiver("IOT-PRIVATE-ENDPOINT", "iotHub/h-no-endpoint"),
      ],
    },
  ),
  [
    {
      option: "hub diagnostics: false, waived: no diagnostic setting",
      type: "azurerm_monitor_diagnostic_setting",
      select: { target_resource_id: hubRef("h-no-diagnostics") },
      control: { target_resource_id: hubRef("h-unlocked") },
    },
    {
      option: "hub lock: false, waived: no lock",
      type: "azurerm_management_lock",
      select: { scope: hubRef("h-unlocked") },
      control: { scope: hubRef("h-no-diagnostics") },
    },
    {
      option: "hub privateEndpoint: false, waived: no private endpoint",
      type: "azurerm_private_endpoint",
      select: {
        private_service_connection: expect.objectContaining({
          private_connection_resource_id: hubRef("h-no-endpoint"),
        }),
      },
      control: {
        private_service_connection: expect.objectContaining({
          private_connection_resource_id: hubRef("h-unlocked"),
        }),
      },
    },
  ],
);

/** A file with one hub of `sku` holding `hub`'s fields, beside the route targets. */
function single(sku: string, hub: Json, tier: Tier = "development"): Json {
  return environment(tier, { ...targets, iotHub: [{ name: "plants", sku, ...hub }] });
}

const route = (extra: Json) => [
  { name: "r1", source: "DeviceMessages", to: { eventHub: "telemetry/h1" }, ...extra },
];

describeRefusals("IoT Hub options refused", [
  {
    option: "hub capacity: 2 on F1",
    doc: single("F1", { capacity: 2 }),
    path: "iotHub[0].capacity",
    message: "an F1 (free) hub has exactly 1 unit, got 2",
  },
  {
    option: "hub partitions: 33",
    doc: single("S1", { partitions: 33 }),
    path: "iotHub[0].partitions",
    message: "a S1 hub's built-in endpoint has at most 32 partitions",
  },
  {
    option: "a route of twin changes on B1",
    doc: single("B1", { routes: route({ source: "TwinChangeEvents" }) }),
    path: "iotHub[0].routes[0].source",
    message: "source TwinChangeEvents does not apply to a B1 hub: the basic tier has no device twins",
  },
  {
    option: "hub cloudToDevice on B1",
    doc: single("B1", { cloudToDevice: { maxDeliveryCount: 5 } }),
    path: "iotHub[0].cloudToDevice",
    message: "cloudToDevice does not apply to a B1 hub: the basic tier has no cloud-to-device messaging",
  },
  {
    option: "a route to a container named like a blob path",
    doc: single("S1", {
      routes: [
        {
          name: "r1",
          source: "DeviceMessages",
          to: { storageContainer: { ...storage, container: "Routed_Data" } },
        },
      ],
    }),
    path: "iotHub[0].routes[0].to.storageContainer.container",
    message:
      'container must be 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit, got "Routed_Data"',
  },
  {
    option: "a route to an account Azure cannot name",
    doc: single("S1", {
      routes: [
        {
          name: "r1",
          source: "DeviceMessages",
          to: {
            storageContainer: {
              ...storage,
              storageAccountId: `${sub}/Microsoft.Storage/storageAccounts/st_gap`,
            },
          },
        },
      ],
    }),
    path: "iotHub[0].routes[0].to.storageContainer.storageAccountId",
    message:
      'storage account name "st_gap" may contain only lowercase letters and numbers, but has "_" at position 3; give the ARM ID of an existing storage account',
  },
  {
    option: "a route with a blank condition",
    doc: single("S1", { routes: route({ condition: " " }) }),
    path: "iotHub[0].routes[0].condition",
    message: "condition must be a routing query, got a blank string",
  },
  {
    option: "an enrichment with a blank value",
    doc: single("S1", { routes: route({}), enrichments: [{ key: "site", value: " ", routes: ["r1"] }] }),
    path: "iotHub[0].enrichments[0].value",
    message: "enrichment value must be a literal",
  },
  {
    option: "hub fileUpload to a container Azure cannot name",
    doc: single("S1", { fileUpload: { storageAccountId: ids.storage, container: "Uploads" } }),
    path: "iotHub[0].fileUpload.container",
    message:
      'container must be 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit, got "Uploads"',
  },
  {
    option: "hub fileUpload to an account Azure cannot name",
    doc: single("S1", {
      fileUpload: {
        storageAccountId: `${sub}/Microsoft.Storage/storageAccounts/st_gap`,
        container: "uploads",
      },
    }),
    path: "iotHub[0].fileUpload.storageAccountId",
    message:
      'storage account name "st_gap" may contain only lowercase letters and numbers, but has "_" at position 3; give the ARM ID of an existing storage account',
  },
  {
    option: "hub receivers",
    doc: single("S1", { receivers: ["app"] }),
    path: "iotHub[0].receivers",
    message: "an IoT hub has no receiver role for device messages",
  },
  {
    option: "hub trustedServicesAllowed",
    doc: single("S1", { trustedServicesAllowed: false }),
    path: "iotHub[0].trustedServicesAllowed",
    message:
      "letting trusted Microsoft services through needs a trusted-services exception, which IoT Hub's IP filter lacks (allow the hub as a trusted service on the target instead); this IoT hub (S1) has none",
  },
  {
    option: "hub customerManagedKey: true",
    doc: single("S1", { customerManagedKey: true }, "production"),
    path: "iotHub[0].customerManagedKey",
    message:
      "a customer-managed key needs a generally available setting, which IoT Hub lacks (its customer-managed keys never left preview and azurerm_iothub has no setting for them; data is encrypted with Microsoft-managed keys)",
  },
  {
    option: "hub privateEndpoint: true on F1, which has no private link",
    doc: environment(
      "development",
      { iotHub: [{ name: "plants", sku: "F1", privateEndpoint: true }] },
      { network: { privateEndpointSubnetId: ids.subnet } },
    ),
    path: "iotHub[0].privateEndpoint",
    message: "a private endpoint needs a basic or standard SKU (B1-B3 or S1-S3); this IoT hub (F1) has none",
  },
  {
    option: "an F1 hub in production, closed by default and without private link",
    doc: single("F1", {}, "production"),
    path: "iotHub[0].sku",
    message:
      "iotHub/plants would be unreachable: its public endpoint is off (the production tier's default) and the F1 SKU has no private endpoints",
  },
  {
    option: "hub publicNetworkAccess: true in production without a waiver",
    doc: single("S1", { publicNetworkAccess: true }, "production"),
    path: "iotHub[0].publicNetworkAccess",
    message: "publicNetworkAccess: true is not allowed in the production tier",
  },
  {
    option: "hub localAuth: true in production without a waiver",
    doc: single("S1", { localAuth: true }, "production"),
    path: "iotHub[0].localAuth",
    message: "localAuth: true is not allowed in the production tier",
  },
  {
    option: "hub allowedIpRanges in production, where public access is off by default",
    doc: single("S1", { allowedIpRanges: ["203.0.113.0/24"] }, "production"),
    path: "iotHub[0].allowedIpRanges",
    message:
      "allowedIpRanges admit nothing while publicNetworkAccess is false (the production tier's default); set publicNetworkAccess: true with a waiver { rule: IOT-PUBLIC-NETWORK",
  },
]);
