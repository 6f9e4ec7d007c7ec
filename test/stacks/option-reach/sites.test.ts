import {
  describeRefusals,
  environment,
  synthesize,
  type Json,
  type TerraformJson,
  type Tier,
} from "./helpers";

/*
 * Every edge-site option an environment file can state, each with one definite outcome: the
 * site's MQTT client, its topic tree, and the connection settings output (`site_<name>`) its
 * gateway's tooling reads; or the error that refuses the option.
 */

const thumbprint = "3f2504e04f8941d39a0c0305e82c3301aabbccdd";

const broker: Json = {
  topicSpaces: [{ name: "telemetry", templates: ["plants/+/telemetry/#"] }],
  clientGroups: [{ name: "gateways", query: "attributes.role = 'gateway'" }],
  routeTo: { eventHub: "telemetry/h1" },
};

/** A file with one broker namespace `plant` and the given sites. */
function withSites(sites: readonly Json[], tier: Tier = "development", mqtt: Json = broker): Json {
  return environment(tier, {
    serviceBus: [{ name: "orders", sku: "Premium", queues: [{ name: "q1" }] }],
    eventHubs: [{ name: "telemetry", sku: "Standard", hubs: [{ name: "h1" }] }],
    eventGrid: { namespaces: [{ name: "plant", mqtt }] },
    sites,
  });
}

const site = (
  name: string,
  fields: Json = {},
  client: Json = { certificateThumbprint: thumbprint },
): Json => ({
  name,
  mqttClient: { namespace: "plant", ...client },
  topicPrefix: `sites/${name}`,
  ...fields,
});

/** The output `site_<name>`, the name made an identifier (`s-qos` → `site_s_qos`). */
function output(json: TerraformJson, site: string): Json {
  const name = `site_${site.replace(/[^A-Za-z0-9]/g, "_")}`;
  const found = json.output?.[name];
  if (!found) throw new Error(`no output ${name}`);
  return found.value as Json;
}

function azapi(json: TerraformJson, kind: string, name: string): Json {
  const found = Object.values(json.resource.azapi_resource ?? {}).filter(
    (body) => body.name === name && String(body.type).startsWith(`Microsoft.EventGrid/namespaces/${kind}@`),
  );
  if (found.length !== 1) throw new Error(`expected one ${kind} named ${name}, found ${found.length}`);
  return (found[0].body as { properties: Json }).properties;
}

describe("edge-site options (development)", () => {
  let json: TerraformJson;
  beforeAll(() => {
    json = synthesize(
      withSites([
        site("s-prefix", { topicPrefix: "plants/munich" }),
        site("s-qos", { qos: 0 }),
        site("s-no-buffer", { offlineBufferHours: 0 }),
        site("s-hour", { offlineBufferHours: 1 }),
        site("s-long", { offlineBufferHours: 72 }),
        site("s-route", { route: "telemetry/h1" }),
        site("s-subject", {}, { certificateSubject: "CN=s-subject" }),
        site(
          "s-attributes",
          {},
          { certificateThumbprint: thumbprint, attributes: { role: "gateway", line: 3 } },
        ),
      ]),
    );
  });

  it("topicPrefix: the site's topic space is <topicPrefix>/#", () => {
    expect(azapi(json, "topicSpaces", "site-s-prefix")).toMatchObject({
      topicTemplates: ["plants/munich/#"],
    });
    expect(output(json, "s-prefix")).toMatchObject({ topicPrefix: "plants/munich" });
  });

  it("qos: 0 reaches the site's output", () => {
    expect(output(json, "s-qos")).toMatchObject({ qos: 0 });
  });

  it("offlineBufferHours: 0 gets the broker's shortest session, one hour", () => {
    expect(output(json, "s-no-buffer")).toMatchObject({ offlineBufferHours: 0, sessionExpiryHours: 1 });
  });

  it("offlineBufferHours: 1 is covered by the broker's one-hour session", () => {
    expect(output(json, "s-hour")).toMatchObject({
      offlineBufferHours: 1,
      cloudCoverage: expect.objectContaining({ coversBufferWindow: true, coveredHours: 1 }),
    });
  });

  it("offlineBufferHours: 72 is longer than the cloud holds messages, and the output says so", () => {
    expect(output(json, "s-long")).toMatchObject({
      offlineBufferHours: 72,
      cloudCoverage: expect.objectContaining({
        coversBufferWindow: false,
        coveredHours: 1,
        advice: expect.stringContaining("offlineBufferHours 72 is longer than the cloud holds messages"),
      }),
    });
  });

  it("route: where the namespace's MQTT routing delivers reaches the site's output", () => {
    expect(output(json, "s-route")).toMatchObject({ route: "telemetry/h1" });
  });

  it("certificateSubject: the gateway client validates the subject as its authentication name", () => {
    expect(azapi(json, "clients", "s-subject")).toMatchObject({
      authenticationName: "CN=s-subject",
      clientCertificateAuthentication: { validationScheme: "SubjectMatchesAuthenticationName" },
    });
  });

  it("certificateThumbprint: the gateway client matches the thumbprint", () => {
    expect(azapi(json, "clients", "s-prefix")).toMatchObject({
      clientCertificateAuthentication: {
        validationScheme: "ThumbprintMatch",
        allowedThumbprints: [thumbprint],
      },
    });
  });

  it("attributes reach the gateway client beside the site attribute", () => {
    expect(azapi(json, "clients", "s-attributes")).toMatchObject({
      attributes: { role: "gateway", line: 3, site: "s-attributes" },
    });
  });
});

describeRefusals("edge-site options refused", [
  {
    option: "route: an entity the namespace's MQTT routing does not deliver to",
    doc: withSites([site("munich", { route: "orders/q1" })]),
    path: "sites[0].route",
    message: `route "orders/q1" is not where site munich's messages land: namespace plant's mqtt.routeTo delivers them to "telemetry/h1"`,
  },
  {
    option: "route on a namespace that routes no MQTT messages",
    doc: withSites([site("munich", { route: "telemetry/h1" })], "development", {
      topicSpaces: broker.topicSpaces,
      clientGroups: broker.clientGroups,
    }),
    path: "sites[0].route",
    message: `route "telemetry/h1" is not where site munich's messages land: namespace plant routes no MQTT messages (it has no mqtt.routeTo)`,
  },
  {
    option: "both certificateThumbprint and certificateSubject",
    doc: withSites([
      site("munich", {}, { certificateThumbprint: thumbprint, certificateSubject: "CN=munich" }),
    ]),
    path: "sites[0].mqttClient",
    message:
      "give either certificateThumbprint (thumbprint match) or certificateSubject (CA-chain validation), not both",
  },
  {
    option: "no certificate",
    doc: withSites([site("munich", {}, {})]),
    path: "sites[0].mqttClient",
    message:
      "an MQTT client authenticates with a certificate: give certificateThumbprint or certificateSubject",
  },
  {
    option: "attribute site set to another site's name",
    doc: withSites([site("munich", {}, { certificateThumbprint: thumbprint, attributes: { site: "lyon" } })]),
    path: "sites[0].mqttClient.attributes.site",
    message: "attribute \"site\" selects the site's gateway for its topic tree and is set to the site's name",
  },
  {
    option: "topicPrefix with a wildcard",
    doc: withSites([site("munich", { topicPrefix: "plants/+" })]),
    path: "sites[0].topicPrefix",
    message: 'topicPrefix must be a topic path without "+" or "#"',
  },
]);
