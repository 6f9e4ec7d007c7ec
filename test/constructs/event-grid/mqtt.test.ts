import type { Construct } from "constructs";
import {
  MqttClient,
  MqttClientGroup,
  MqttPermissionBinding,
  MqttTopicSpace,
  MQTT_API_VERSION,
  type MqttClientProps,
} from "../../../constructs/event-grid/mqtt";
import { MqttRoute } from "../../../constructs/event-grid/mqtt-route";
import type { EventGridNamespace } from "../../../constructs/event-grid/namespace";
import {
  fakeTarget,
  mqttNamespace,
  onlyResource,
  ordersApi,
  resourcesOf,
  synth,
  validationErrors,
  type Synthesized,
} from "./synth";

const AZAPI = "azapi_resource";

function byType(json: Synthesized, type: string): Record<string, unknown> {
  const found = resourcesOf(json, AZAPI).filter((r) =>
    String(r.type).startsWith(`Microsoft.EventGrid/namespaces/${type}@`),
  );
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
}

function namespaceRef(json: Synthesized): string {
  return `\${azurerm_eventgrid_namespace.${Object.keys(json.resource.azurerm_eventgrid_namespace)[0]}.id}`;
}

function space(
  scope: Construct,
  namespace: EventGridNamespace,
  templates: readonly string[] = ["plants/+/telemetry/#"],
): MqttTopicSpace {
  return new MqttTopicSpace(scope, "space", { namespace, name: "telemetry", templates });
}

function spaceErrors(templates: readonly string[], namespaceEnabled = true): string[] {
  return validationErrors((s) => space(s, mqttNamespace(s, { mqttEnabled: namespaceEnabled }), templates));
}

function groupErrors(query: string): string[] {
  return validationErrors(
    (s) => new MqttClientGroup(s, "group", { namespace: mqttNamespace(s), name: "gateways", query }),
  );
}

function clientErrors(overrides: Partial<Omit<MqttClientProps, "namespace">>): string[] {
  return validationErrors(
    (s) =>
      new MqttClient(s, "client", {
        namespace: mqttNamespace(s),
        name: "plant-munich",
        authentication: { kind: "thumbprint", thumbprints: ["3f2504e04f8941d39a0c0305e82c3301aabbccdd"] },
        ...overrides,
      }),
  );
}

function client(overrides: Partial<Omit<MqttClientProps, "namespace">> = {}): Record<string, unknown> {
  const json = synth((s) => {
    new MqttClient(s, "client", {
      namespace: mqttNamespace(s),
      name: "plant-munich",
      authentication: { kind: "thumbprint", thumbprints: ["3f2504e04f8941d39a0c0305e82c3301aabbccdd"] },
      ...overrides,
    });
  });
  return byType(json, "clients");
}

describe("MQTT topic spaces", () => {
  it("declares the topic space under the namespace with its templates", () => {
    const json = synth((s) => space(s, mqttNamespace(s)));
    expect(byType(json, "topicSpaces")).toEqual({
      type: `Microsoft.EventGrid/namespaces/topicSpaces@${MQTT_API_VERSION}`,
      name: "telemetry",
      parent_id: namespaceRef(json),
      provider: "azapi",
      body: { properties: { topicTemplates: ["plants/+/telemetry/#"] } },
      schema_validation_enabled: true,
    });
  });

  it("passes the client variables to Azure escaped from Terraform's own interpolation", () => {
    const json = synth((s) =>
      space(s, mqttNamespace(s), [
        "devices/${client.authenticationName}/#",
        "sites/${client.attributes.site}/+",
      ]),
    );
    expect(byType(json, "topicSpaces").body).toEqual({
      properties: {
        topicTemplates: ["devices/$${client.authenticationName}/#", "sites/$${client.attributes.site}/+"],
      },
    });
  });

  it("refuses # anywhere but the whole last level", () => {
    expect(spaceErrors(["plants/#/telemetry"])).toEqual([
      'MQTT topic space telemetry: templates/0: topic template "plants/#/telemetry": the # wildcard must be the whole last level, e.g. "plants/#"',
    ]);
  });

  it("refuses + sharing a level with other text", () => {
    expect(spaceErrors(["plants/line+/telemetry"])).toEqual([
      expect.stringContaining("the + wildcard must be a whole level"),
    ]);
  });

  it("refuses unknown template variables", () => {
    expect(spaceErrors(["devices/${device.id}"])).toEqual([
      expect.stringContaining("unknown variable ${device.id}"),
    ]);
  });

  it("refuses reserved $ topics", () => {
    expect(spaceErrors(["$SYS/#"])).toEqual([expect.stringContaining("must not start with $")]);
  });

  it("refuses more than 10 templates in one topic space", () => {
    const templates = Array.from({ length: 11 }, (_, i) => `plants/${i}/#`);
    expect(spaceErrors(templates)).toEqual([
      "MQTT topic space telemetry: templates: a topic space holds at most 10 topic templates, got 11",
    ]);
  });

  it("refuses a topic space without templates", () => {
    expect(spaceErrors([])).toEqual([
      "MQTT topic space telemetry: templates: a topic space needs at least one topic template",
    ]);
  });

  it("refuses topic spaces on a namespace without the broker", () => {
    expect(spaceErrors(["plants/#"], false)).toEqual([
      "MQTT topic space telemetry: namespace: evgns-contoso-plant-test has the MQTT broker off; enable mqttEnabled on it",
    ]);
  });

  it("refuses a name Azure would refuse", () => {
    expect(
      validationErrors(
        (s) =>
          new MqttTopicSpace(s, "space", { namespace: mqttNamespace(s), name: "ts", templates: ["a/#"] }),
      ),
    ).toEqual([
      'MQTT topic space ts: name: Azure name "ts" must be at least 3 characters (it is 2)',
      // azapi's schema says the same, at synthesis rather than at plan time.
      expect.stringContaining('.name: "ts" is shorter than 3'),
    ]);
  });

  it("grants Entra ID clients publish and subscribe on the topic space itself", () => {
    const json = synth((s) => {
      const topicSpace = space(s, mqttNamespace(s));
      topicSpace.grantPublish(ordersApi);
      topicSpace.grantSubscribe(ordersApi);
    });
    const spaceKey = Object.keys(json.resource[AZAPI])[0];
    expect(
      resourcesOf(json, "azurerm_role_assignment").map((r) => [r.role_definition_name, r.scope]),
    ).toEqual([
      ["EventGrid TopicSpaces Publisher", `\${azapi_resource.${spaceKey}.id}`],
      ["EventGrid TopicSpaces Subscriber", `\${azapi_resource.${spaceKey}.id}`],
    ]);
  });
});

describe("MQTT client groups", () => {
  it("declares the client group with its attribute query", () => {
    const json = synth(
      (s) =>
        new MqttClientGroup(s, "group", {
          namespace: mqttNamespace(s),
          name: "gateways",
          query: "attributes.role = 'gateway'",
        }),
    );
    expect(byType(json, "clientGroups")).toMatchObject({
      name: "gateways",
      body: { properties: { query: "attributes.role = 'gateway'" } },
    });
  });

  it("refuses a query that tests no client attribute", () => {
    expect(groupErrors("role = 'gateway'")).toEqual([
      `MQTT client group gateways: query: client group query must test client attributes, e.g. "attributes.role = 'gateway'", got "role = 'gateway'"`,
    ]);
  });

  it("refuses a query with an unterminated string", () => {
    expect(groupErrors("attributes.role = 'gateway")).toEqual([
      "MQTT client group gateways: query: client group query has an unterminated string: attributes.role = 'gateway",
    ]);
  });
});

describe("MQTT permission bindings", () => {
  function binding(role: "publisher" | "subscriber"): Synthesized {
    return synth((s) => {
      const namespace = mqttNamespace(s);
      const clientGroup = new MqttClientGroup(s, "group", {
        namespace,
        name: "gateways",
        query: "attributes.role = 'gateway'",
      });
      new MqttPermissionBinding(s, "binding", {
        namespace,
        name: "gateways-publish",
        clientGroup,
        topicSpace: space(s, namespace),
        role,
      });
    });
  }

  it("binds the client group to the topic space as publisher", () => {
    expect(byType(binding("publisher"), "permissionBindings")).toMatchObject({
      name: "gateways-publish",
      body: {
        properties: { clientGroupName: "gateways", topicSpaceName: "telemetry", permission: "Publisher" },
      },
    });
  });

  it("binds the client group to the topic space as subscriber", () => {
    expect(byType(binding("subscriber"), "permissionBindings")).toMatchObject({
      body: { properties: { permission: "Subscriber" } },
    });
  });

  it("waits for the client group and the topic space it names", () => {
    const json = binding("publisher");
    const keys = Object.entries(json.resource[AZAPI])
      .filter(([, r]) => /clientGroups|topicSpaces/.test(String(r.type)))
      .map(([key]) => `azapi_resource.${key}`);
    expect(byType(json, "permissionBindings").depends_on).toEqual(expect.arrayContaining(keys));
    expect(keys).toHaveLength(2);
  });
});

describe("MQTT clients", () => {
  it("authenticates a client by certificate thumbprint, with attributes", () => {
    expect(client({ attributes: { role: "gateway", line: 3, critical: true } })).toMatchObject({
      name: "plant-munich",
      body: {
        properties: {
          authenticationName: "plant-munich",
          clientCertificateAuthentication: {
            validationScheme: "ThumbprintMatch",
            allowedThumbprints: ["3f2504e04f8941d39a0c0305e82c3301aabbccdd"],
          },
          attributes: { critical: true, line: 3, role: "gateway" },
          state: "Enabled",
        },
      },
    });
  });

  it("accepts a secondary thumbprint for certificate rotation", () => {
    const thumbprints = ["a".repeat(40), "b".repeat(64)];
    expect(client({ authentication: { kind: "thumbprint", thumbprints } })).toMatchObject({
      body: { properties: { clientCertificateAuthentication: { allowedThumbprints: thumbprints } } },
    });
  });

  it("validates a CA-issued certificate's subject against the authentication name", () => {
    expect(
      client({
        authenticationName: "CN=plant-munich",
        authentication: { kind: "certificateChain", match: "Subject" },
      }),
    ).toMatchObject({
      body: {
        properties: {
          authenticationName: "CN=plant-munich",
          clientCertificateAuthentication: { validationScheme: "SubjectMatchesAuthenticationName" },
        },
      },
    });
  });

  it("validates a CA-issued certificate's DNS name when asked", () => {
    expect(client({ authentication: { kind: "certificateChain", match: "Dns" } })).toMatchObject({
      body: {
        properties: { clientCertificateAuthentication: { validationScheme: "DnsMatchesAuthenticationName" } },
      },
    });
  });

  it("registers a disabled client as disabled", () => {
    expect(client({ enabled: false })).toMatchObject({ body: { properties: { state: "Disabled" } } });
  });

  it("refuses a thumbprint that is not 40 or 64 hex digits", () => {
    expect(clientErrors({ authentication: { kind: "thumbprint", thumbprints: ["abc"] } })).toEqual([
      'MQTT client plant-munich: authentication/thumbprints/0: certificate thumbprint must be 40 or 64 hex digits, got "abc"',
    ]);
  });

  it("refuses more than two thumbprints", () => {
    const thumbprints = ["a".repeat(40), "b".repeat(40), "c".repeat(40)];
    expect(clientErrors({ authentication: { kind: "thumbprint", thumbprints } })).toEqual([
      "MQTT client plant-munich: authentication/thumbprints: a client takes a primary and at most a secondary thumbprint, got 3",
    ]);
  });

  it("refuses a fractional number attribute", () => {
    expect(clientErrors({ attributes: { ratio: 0.5 } })).toEqual([
      "MQTT client plant-munich: attributes/ratio: attribute ratio must be a whole number (Azure accepts int), got 0.5",
    ]);
  });
});

describe("MqttRoute", () => {
  function route(): Synthesized {
    return synth((s) => {
      const routing = new MqttRoute(s, "route", {
        topicName: "evgt-contoso-plant-route-test",
        location: "westeurope",
        resourceGroupName: "rg-test",
        destination: {
          kind: "deliveryTarget",
          target: fakeTarget(s, "eventHub", "telemetry/device-telemetry"),
        },
      });
      mqttNamespace(s, { routeTopic: routing.topic });
    });
  }

  it("routes through a CloudEvents custom topic that the namespace names as its route topic", () => {
    const json = route();
    const topicKey = Object.keys(json.resource.azurerm_eventgrid_topic)[0];
    expect(onlyResource(json, "azurerm_eventgrid_topic")).toMatchObject({
      name: "evgt-contoso-plant-route-test",
      input_schema: "CloudEventSchemaV1_0",
    });
    expect(onlyResource(json, "azurerm_eventgrid_namespace").topic_spaces_configuration).toEqual([
      expect.objectContaining({ route_topic_id: `\${azurerm_eventgrid_topic.${topicKey}.id}` }),
    ]);
  });

  it("pushes routed messages on to the event hub with the route topic's identity", () => {
    const json = route();
    expect(onlyResource(json, "azurerm_eventgrid_event_subscription")).toMatchObject({
      eventhub_endpoint_id: expect.stringContaining("device-telemetry"),
      delivery_identity: { type: "SystemAssigned" },
      event_delivery_schema: "CloudEventSchemaV1_0",
    });
    const roles = resourcesOf(json, "azurerm_role_assignment").map((r) => r.role_definition_name);
    expect(roles.filter((role) => role === "Azure Event Hubs Data Sender")).toHaveLength(1);
  });
});
