import {
  tiers,
  ids,
  sub,
  environment,
  synthesize,
  loaded,
  errorsOf,
  resources,
  clone,
  addWaiver,
  generate,
  type Json,
  type Tier,
  type TerraformJson,
  type OptionCase,
  describeTheContract,
  namespaceSetter,
  sharedNamespaceOptions,
  type NamespaceTarget,
} from "./helpers/gap-cases";

/*
 * The contract of validation-gaps.test.ts, for IoT Hub, Azure Relay and edge sites: an environment
 * file either fails validation with file, line, column and field, or it synthesizes, and every
 * option it states reaches the Terraform JSON. Every IoT Hub SKU and the Relay namespace in both
 * tiers, each option on its own, over a base file that is valid in that tier.
 */

/** Targets for routes: entities on SKUs that production can reach privately. */
const targets = {
  serviceBus: [{ name: "orders", sku: "Premium", queues: [{ name: "q1" }], topics: [{ name: "t1" }] }],
  eventHubs: [{ name: "telemetry", sku: "Standard", hubs: [{ name: "h1" }] }],
};

type Service = "iotHub" | "relay";
const rulePrefix: Record<Service, string> = { iotHub: "IOT", relay: "RELAY" };

function target(service: Service): NamespaceTarget {
  return { service, rulePrefix: rulePrefix[service], locate: (doc) => (doc[service] as Json[])[0] };
}

/** The shared namespace options, and both values of customer-managed key and local auth. */
function commonOptions(service: Service, tier: Tier): OptionCase[] {
  const prod = tier === "production";
  const set = namespaceSetter(target(service));
  const options = sharedNamespaceOptions(target(service), tier);
  options.push(
    { name: "customerManagedKey true", apply: set("customerManagedKey", true) },
    { name: "customerManagedKey false", apply: set("customerManagedKey", false) },
    { name: "localAuth true", apply: set("localAuth", true, prod ? "LOCAL-AUTH" : undefined) },
    { name: "localAuth false", apply: set("localAuth", false) },
  );
  if (prod) options.push({ name: "localAuth true without a waiver", apply: set("localAuth", true) });
  return options;
}

// IoT Hub -------------------------------------------------------------------------------------

const iotHubSkus = ["F1", "B1", "B2", "B3", "S1", "S2", "S3"] as const;

/**
 * F1 has no private link, so in production its public endpoint is opened to one range under a
 * waiver (the validation error for an unreachable hub advises exactly that).
 */
function iotHubBase(tier: Tier, sku: string, hub: Json = {}): Json {
  const item: Json = { name: "plants", sku, ...hub };
  if (tier === "production" && sku === "F1") {
    Object.assign(item, { publicNetworkAccess: true, allowedIpRanges: ["203.0.113.0/24"] });
  }
  const doc = environment(tier, { ...clone(targets), iotHub: [item] });
  if (tier === "production" && sku === "F1") addWaiver(doc, "IOT-PUBLIC-NETWORK", "iotHub/plants");
  return doc;
}

const storageTarget = { storageAccountId: ids.storage, container: "routed" };

function iotHubOptions(tier: Tier): OptionCase[] {
  const hub = (doc: Json): Json => (doc.iotHub as Json[])[0];
  const set = (field: string, value: unknown, label = `${field} ${JSON.stringify(value)}`): OptionCase => ({
    name: label,
    apply: (doc) => {
      hub(doc)[field] = value;
    },
  });
  const route = (to: Json, extra: Json = {}): Json[] => [
    { name: "r1", source: "DeviceMessages", to, ...extra },
  ];
  const routeTo = (label: string, to: Json, extra: Json = {}): OptionCase =>
    set("routes", route(to, extra), `a route ${label}`);
  return [
    set("capacity", 2),
    set("partitions", 8),
    set("retentionDays", 7),
    routeTo("to an event hub", { eventHub: "telemetry/h1" }),
    routeTo("to a queue", { serviceBusQueue: "orders/q1" }),
    routeTo("to a topic", { serviceBusTopic: "orders/t1" }),
    routeTo("to a storage container", { storageContainer: storageTarget }),
    routeTo("to a storage container with every option", {
      storageContainer: {
        ...storageTarget,
        encoding: "JSON",
        fileNameFormat: "{iothub}-{partition}-{YYYY}-{MM}-{DD}-{HH}-{mm}",
        batchFrequencySeconds: 60,
        maxChunkSizeBytes: 10485760,
      },
    }),
    routeTo("to a container named like a blob path", {
      storageContainer: { ...storageTarget, container: "Routed_Data" },
    }),
    routeTo("to an account Azure cannot name", {
      storageContainer: {
        ...storageTarget,
        storageAccountId: `${sub}/Microsoft.Storage/storageAccounts/st_gap`,
      },
    }),
    routeTo("disabled", { eventHub: "telemetry/h1" }, { enabled: false }),
    routeTo("with a condition", { eventHub: "telemetry/h1" }, { condition: "$body.level = 'critical'" }),
    routeTo("with a blank condition", { eventHub: "telemetry/h1" }, { condition: " " }),
    routeTo("of twin changes", { eventHub: "telemetry/h1" }, { source: "TwinChangeEvents" }),
    set("fallbackRoute", false),
    {
      name: "enrichments",
      apply: (doc) =>
        void Object.assign(hub(doc), {
          routes: route({ eventHub: "telemetry/h1" }),
          enrichments: [{ key: "site", value: "$twin.tags.site", routes: ["r1"] }],
        }),
    },
    {
      name: "an enrichment with a blank value",
      apply: (doc) =>
        void Object.assign(hub(doc), {
          routes: route({ eventHub: "telemetry/h1" }),
          enrichments: [{ key: "site", value: " ", routes: ["r1"] }],
        }),
    },
    set("consumerGroups", ["ops"]),
    set("fileUpload", { storageAccountId: ids.storage, container: "uploads" }, "fileUpload"),
    set(
      "fileUpload",
      {
        storageAccountId: ids.storage,
        container: "uploads",
        sasTtl: "PT2H",
        notifications: true,
        lockDuration: "PT30S",
        defaultTtl: "PT2H",
        maxDeliveryCount: 5,
      },
      "fileUpload with every option",
    ),
    set(
      "fileUpload",
      { storageAccountId: ids.storage, container: "Uploads" },
      "fileUpload to a container Azure cannot name",
    ),
    set("cloudToDevice", { maxDeliveryCount: 5 }),
    set("cloudToDevice", {
      defaultTtl: "PT2H",
      feedback: { timeToLive: "PT2H", maxDeliveryCount: 3, lockDuration: "PT30S" },
    }),
    set("deviceProvisioning", {}),
    set("deviceProvisioning", { allocationPolicy: "GeoLatency" }),
    set("deviceProvisioning", { allocationPolicy: "Static" }),
    set("deviceProvisioning", { capacity: 2 }),
    set("deviceProvisioning", { dataResidency: true }),
    set("deviceProvisioning", { resourceName: "dps-gap-custom" }),
    ...commonOptions("iotHub", tier),
  ];
}

/**
 * F1 and S1 take every option; the other SKUs differ from them only in the limits and features
 * that depend on the SKU (units, partitions, cloud-to-device, twins, private link), so they take those
 * options alone, which keeps the run short.
 */
const skuSensitive =
  /^(capacity|partitions|cloudToDevice|a route of twin changes|fileUpload$|privateEndpoint)/;

const iotHubCases = generate(
  "IoT Hub",
  tiers.flatMap((tier) =>
    iotHubSkus.map((sku) => ({ name: `${sku} in ${tier}`, tier, doc: iotHubBase(tier, sku) })),
  ),
  (tier, name) =>
    iotHubOptions(tier).filter((option) => /^(F1|S1) /.test(name) || skuSensitive.test(option.name)),
);

// Relay ---------------------------------------------------------------------------------------

function relayBase(tier: Tier): Json {
  return environment(tier, {
    relay: [
      {
        name: "bridge",
        hybridConnections: [{ name: "hc1" }],
        wcfRelays: [{ name: "wcf1", relayType: "NetTcp" }],
      },
    ],
  });
}

function relayOptions(tier: Tier): OptionCase[] {
  const ns = (doc: Json): Json => (doc.relay as Json[])[0];
  const on =
    (list: "hybridConnections" | "wcfRelays", what: string) =>
    (field: string, value: unknown): OptionCase => ({
      name: `${what} ${field} ${JSON.stringify(value)}`,
      apply: (doc) => {
        (ns(doc)[list] as Json[])[0][field] = value;
      },
    });
  const hybrid = on("hybridConnections", "hybrid connection");
  const wcf = on("wcfRelays", "WCF relay");
  return [
    hybrid("requiresClientAuthorization", false),
    hybrid("requiresClientAuthorization", true),
    hybrid("userMetadata", "team=gap"),
    hybrid("listeners", ["app"]),
    hybrid("senders", ["app"]),
    hybrid("owners", ["app"]),
    wcf("relayType", "Http"),
    wcf("requiresClientAuthorization", false),
    wcf("requiresTransportSecurity", false),
    wcf("userMetadata", "team=gap"),
    wcf("listeners", ["app"]),
    wcf("senders", ["app"]),
    { name: "namespace sku Standard", apply: (doc) => void (ns(doc).sku = "Standard") },
    ...commonOptions("relay", tier),
  ];
}

const relayCases = generate(
  "Relay",
  tiers.map((tier) => ({ name: `in ${tier}`, tier, doc: relayBase(tier) })),
  relayOptions,
);

// Edge sites ----------------------------------------------------------------------------------

const mqttBroker: Json = {
  topicSpaces: [{ name: "telemetry", templates: ["plants/+/telemetry/#"], description: "telemetry" }],
  clientGroups: [{ name: "gateways", query: "attributes.role = 'gateway'", description: "gateways" }],
  permissions: [{ clientGroup: "gateways", topicSpace: "telemetry", role: "publisher" }],
  routeTo: { eventHub: "telemetry/h1" },
};

function siteBase(tier: Tier): Json {
  return environment(tier, {
    ...clone(targets),
    eventGrid: { namespaces: [{ name: "plant", mqtt: clone(mqttBroker) }] },
    sites: [
      {
        name: "munich",
        mqttClient: { namespace: "plant", certificateThumbprint: "3f2504e04f8941d39a0c0305e82c3301aabbccdd" },
      },
    ],
  });
}

function siteOptions(): OptionCase[] {
  const site = (doc: Json): Json => (doc.sites as Json[])[0];
  const client = (doc: Json): Json => site(doc).mqttClient as Json;
  const set = (field: string, value: unknown): OptionCase => ({
    name: `${field} ${JSON.stringify(value)}`,
    apply: (doc) => {
      site(doc)[field] = value;
    },
  });
  return [
    set("topicPrefix", "plants/munich"),
    set("qos", 0),
    set("offlineBufferHours", 0),
    set("offlineBufferHours", 1),
    set("offlineBufferHours", 72),
    set("route", "telemetry/h1"),
    set("route", "orders/q1"),
    {
      name: "certificateSubject instead of a thumbprint",
      apply: (doc) => void (site(doc).mqttClient = { namespace: "plant", certificateSubject: "CN=munich" }),
    },
    {
      name: "both certificateThumbprint and certificateSubject",
      apply: (doc) => void (client(doc).certificateSubject = "CN=munich"),
    },
    {
      name: "no certificate",
      apply: (doc) => void (site(doc).mqttClient = { namespace: "plant" }),
    },
    { name: "attributes", apply: (doc) => void (client(doc).attributes = { role: "gateway", line: 3 }) },
  ];
}

const siteCases = generate(
  "edge site",
  tiers.map((tier) => ({ name: `in ${tier}`, tier, doc: siteBase(tier) })),
  siteOptions,
);

const allCases = [...iotHubCases, ...relayCases, ...siteCases];

// ------------------------------------------------------------------------------------ the tests

/**
 * Options whose stated value is what Azure does anyway, so the JSON rightly stays the same:
 * each is listed with the reason.
 */
const noOpOptions: readonly RegExp[] = [
  // Both tiers refuse shared access keys on IoT hubs already.
  /IoT Hub \w+ in \w+ with localAuth false$/,
  // Neither IoT Hub nor Relay has customer-managed keys ("true" is refused): false is what happens anyway.
  /with customerManagedKey false$/,
  // F1 has no private endpoint to turn off; in production its base already opens the public
  // endpoint to one range under a waiver (it would be unreachable otherwise).
  /IoT Hub F1 in production with (privateEndpoint flipped|allowedIpRanges|publicNetworkAccess true without a waiver)$/,
  // Relay has no switch for local (SAS) authentication: keys are always accepted, which true states.
  /Relay in \w+ with localAuth true/,
  // Standard is Relay's only SKU; client authorization is on unless turned off.
  /Relay in \w+ with (namespace sku Standard|hybrid connection requiresClientAuthorization true)$/,
  // Without offlineBufferHours a site buffers for its broker's session expiry, 1 hour by default.
  /edge site in \w+ with offlineBufferHours 1$/,
];

describeTheContract(allCases, noOpOptions);

// ------------------------------------------------------------------ the gaps found, one by one

describe("the gaps this generator found", () => {
  const hubWith = (tier: Tier, sku: string, hub: Json): Json => iotHubBase(tier, sku, hub);
  const onlyOutput = (json: TerraformJson, name: string): Json => {
    const output = json.output?.[name];
    if (!output) throw new Error(`no output ${name}`);
    return output.value as Json;
  };

  it("refuses a routing endpoint's container that Azure Storage cannot name", () => {
    const doc = hubWith("development", "S1", {
      routes: [
        {
          name: "r1",
          source: "DeviceMessages",
          to: { storageContainer: { storageAccountId: ids.storage, container: "Routed_Data" } },
        },
      ],
    });
    expect(errorsOf(doc)).toEqual([
      expect.stringContaining(
        'iotHub[0].routes[0].to.storageContainer.container  container must be 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit, got "Routed_Data"',
      ),
    ]);
  });

  it("refuses a storage account ID whose account name Azure would not accept", () => {
    const doc = hubWith("development", "S1", {
      fileUpload: {
        storageAccountId: `${sub}/Microsoft.Storage/storageAccounts/st_gap`,
        container: "uploads",
      },
    });
    expect(errorsOf(doc)).toEqual([
      expect.stringContaining(
        'iotHub[0].fileUpload.storageAccountId  storage account name must be 3-24 lowercase letters and digits, got "st_gap"',
      ),
    ]);
  });

  it("refuses a blank route condition, which is no routing query", () => {
    const doc = hubWith("development", "S1", {
      routes: [{ name: "r1", source: "DeviceMessages", condition: " ", to: { eventHub: "telemetry/h1" } }],
    });
    expect(errorsOf(doc)).toEqual([
      expect.stringContaining(
        "iotHub[0].routes[0].condition  condition must be a routing query, got a blank string",
      ),
    ]);
  });

  it("refuses a blank enrichment value", () => {
    const doc = hubWith("development", "S1", {
      routes: [{ name: "r1", source: "DeviceMessages", to: { eventHub: "telemetry/h1" } }],
      enrichments: [{ key: "site", value: " ", routes: ["r1"] }],
    });
    expect(errorsOf(doc)).toEqual([
      expect.stringContaining("iotHub[0].enrichments[0].value  enrichment value must be a literal"),
    ]);
  });

  it("refuses allowedIpRanges on an IoT hub whose public access is off by default", () => {
    const doc = hubWith("production", "S1", { allowedIpRanges: ["203.0.113.0/24"] });
    expect(errorsOf(doc)).toEqual([
      expect.stringContaining(
        "iotHub[0].allowedIpRanges  allowedIpRanges admit nothing while publicNetworkAccess is false (the production tier's default); set publicNetworkAccess: true with a waiver { rule: IOT-PUBLIC-NETWORK",
      ),
    ]);
  });

  it("refuses allowedIpRanges on a Relay namespace whose public access is off by default", () => {
    const doc = relayBase("production");
    (doc.relay as Json[])[0].allowedIpRanges = ["203.0.113.0/24"];
    expect(errorsOf(doc)).toEqual([
      expect.stringContaining(
        "relay[0].allowedIpRanges  allowedIpRanges admit nothing while publicNetworkAccess is false (the production tier's default); set publicNetworkAccess: true with a waiver { rule: RELAY-PUBLIC-NETWORK",
      ),
    ]);
  });

  it("refuses trustedServicesAllowed on an IoT hub, which has no such switch", () => {
    const doc = hubWith("development", "S1", { trustedServicesAllowed: false });
    expect(errorsOf(doc)).toEqual([
      expect.stringContaining(
        "iotHub[0].trustedServicesAllowed  trustedServicesAllowed does not apply to an IoT hub",
      ),
    ]);
  });

  it("refuses customerManagedKey: true on an IoT hub, which azurerm cannot encrypt with one", () => {
    const doc = hubWith("production", "S1", { customerManagedKey: true });
    expect(errorsOf(doc)).toEqual([
      expect.stringContaining(
        "iotHub[0].customerManagedKey  customerManagedKey: true does not apply to an IoT hub",
      ),
    ]);
  });

  it("refuses a twin-change route on a basic hub, which has no device twins", () => {
    const doc = hubWith("development", "B1", {
      routes: [{ name: "r1", source: "TwinChangeEvents", to: { eventHub: "telemetry/h1" } }],
    });
    expect(errorsOf(doc)).toEqual([
      expect.stringContaining(
        "iotHub[0].routes[0].source  source TwinChangeEvents does not apply to a B1 hub: the basic tier has no device twins",
      ),
    ]);
  });

  it("gives a site that buffers nothing the broker's shortest session, one hour", () => {
    const doc = siteBase("development");
    (doc.sites as Json[])[0].offlineBufferHours = 0;
    const site = onlyOutput(synthesize(loaded(doc)), "site_munich");
    expect(site).toMatchObject({ offlineBufferHours: 0, sessionExpiryHours: 1 });
  });

  it("tells the site's tooling the route the file states", () => {
    const doc = siteBase("development");
    (doc.sites as Json[])[0].route = "telemetry/h1";
    expect(onlyOutput(synthesize(loaded(doc)), "site_munich").route).toBe("telemetry/h1");
  });

  it("refuses a site route that is not where the namespace's MQTT routing delivers", () => {
    const doc = siteBase("development");
    (doc.sites as Json[])[0].route = "orders/q1";
    expect(errorsOf(doc)).toEqual([
      expect.stringContaining(
        `sites[0].route  route "orders/q1" is not where site munich's messages land: namespace plant's mqtt.routeTo delivers them to "telemetry/h1"`,
      ),
    ]);
  });

  it("refuses a site route when the namespace routes no MQTT messages", () => {
    const doc = siteBase("development");
    delete ((((doc.eventGrid as Json).namespaces as Json[])[0] as Json).mqtt as Json).routeTo;
    (doc.sites as Json[])[0].route = "telemetry/h1";
    expect(errorsOf(doc)).toEqual([
      expect.stringContaining("namespace plant routes no MQTT messages (it has no mqtt.routeTo)"),
    ]);
  });
});

describe("a sample of options reaches the synthesized JSON under its azurerm name", () => {
  const only = (json: TerraformJson, type: string): Json => {
    const list = resources(json, type);
    expect(list).toHaveLength(1);
    return list[0];
  };

  it("a storage route's batch frequency and chunk size reach the endpoint", () => {
    const doc = iotHubBase("development", "S1", {
      routes: [
        {
          name: "r1",
          source: "DeviceMessages",
          to: {
            storageContainer: {
              ...storageTarget,
              encoding: "JSON",
              batchFrequencySeconds: 60,
              maxChunkSizeBytes: 10485760,
            },
          },
        },
      ],
    });
    expect(only(synthesize(loaded(doc)), "azurerm_iothub_endpoint_storage_container")).toMatchObject({
      encoding: "JSON",
      batch_frequency_in_seconds: 60,
      max_chunk_size_in_bytes: 10485760,
    });
  });

  it("a disabled route becomes enabled: false", () => {
    const doc = iotHubBase("development", "S1", {
      routes: [{ name: "r1", source: "DeviceMessages", enabled: false, to: { eventHub: "telemetry/h1" } }],
    });
    expect(only(synthesize(loaded(doc)), "azurerm_iothub_route").enabled).toBe(false);
  });

  it("a hybrid connection's userMetadata becomes user_metadata", () => {
    const doc = relayBase("development");
    ((doc.relay as Json[])[0].hybridConnections as Json[])[0].userMetadata = "team=gap";
    expect(only(synthesize(loaded(doc)), "azurerm_relay_hybrid_connection").user_metadata).toBe("team=gap");
  });
});
