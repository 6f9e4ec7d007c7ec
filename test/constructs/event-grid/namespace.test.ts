import type { EventGridNamespaceProps } from "../../../constructs/event-grid/namespace";
import { mqttNamespace, onlyResource, resourcesOf, synth, topic, validationErrors } from "./synth";

const NAMESPACE = "azurerm_eventgrid_namespace";

function errors(overrides: Partial<EventGridNamespaceProps>): string[] {
  return validationErrors((s) => mqttNamespace(s, overrides));
}

describe("EventGridNamespace", () => {
  it("enables the MQTT broker with Azure's session defaults and a system identity", () => {
    expect(
      onlyResource(
        synth((s) => mqttNamespace(s)),
        NAMESPACE,
      ),
    ).toMatchObject({
      name: "evgns-contoso-plant-test",
      sku: "Standard",
      capacity: 1,
      identity: { type: "SystemAssigned" },
      topic_spaces_configuration: [
        { maximum_session_expiry_in_hours: 1, maximum_client_sessions_per_authentication_name: 1 },
      ],
    });
  });

  it("leaves the broker off without mqttEnabled", () => {
    expect(
      onlyResource(
        synth((s) => mqttNamespace(s, { mqttEnabled: false })),
        NAMESPACE,
      ),
    ).not.toHaveProperty("topic_spaces_configuration");
  });

  it("sets session expiry, sessions per authentication name and alternative authentication name sources", () => {
    const json = synth((s) =>
      mqttNamespace(s, {
        maxSessionExpiryHours: 8,
        maxClientSessionsPerAuthenticationName: 4,
        alternativeAuthenticationNameSources: ["ClientCertificateSubject"],
      }),
    );
    expect(onlyResource(json, NAMESPACE).topic_spaces_configuration).toEqual([
      {
        maximum_session_expiry_in_hours: 8,
        maximum_client_sessions_per_authentication_name: 4,
        alternative_authentication_name_source: ["ClientCertificateSubject"],
      },
    ]);
  });

  it("routes MQTT messages to the given custom topic", () => {
    const json = synth((s) => mqttNamespace(s, { routeTopic: topic(s) }));
    const topicKey = Object.keys(json.resource.azurerm_eventgrid_topic)[0];
    expect(onlyResource(json, NAMESPACE).topic_spaces_configuration).toEqual([
      expect.objectContaining({ route_topic_id: `\${azurerm_eventgrid_topic.${topicKey}.id}` }),
    ]);
  });

  it("routes MQTT messages with the namespace's own identity, as the keyless route topic requires", () => {
    const json = synth((s) => mqttNamespace(s, { routeTopic: topic(s) }));
    const update = onlyResource(json, "azapi_update_resource");
    expect(update.type).toBe("Microsoft.EventGrid/namespaces@2025-02-15");
    expect(update.resource_id).toMatch(/^\$\{azurerm_eventgrid_namespace\.[^.]+\.id\}$/);
    expect(update.body).toEqual({
      properties: { topicSpacesConfiguration: { routingIdentityInfo: { type: "SystemAssigned" } } },
    });
    const grant = onlyResource(json, "azurerm_role_assignment");
    expect(grant.role_definition_name).toBe("EventGrid Data Sender");
    expect(grant.scope).toMatch(/^\$\{azurerm_eventgrid_topic\./);
    expect(grant.principal_id).toMatch(
      /^\$\{azurerm_eventgrid_namespace\.[^.]+\.identity\[0\]\.principal_id\}$/,
    );
    expect(update.depends_on).toEqual([expect.stringMatching(/^\$\{azurerm_role_assignment\./)]);
    expect(update.lifecycle).toEqual({
      replace_triggered_by: [expect.stringMatching(/^\$\{azurerm_eventgrid_namespace\./)],
    });
  });

  it("sets no routing identity on a namespace that routes nowhere", () => {
    expect(
      resourcesOf(
        synth((s) => mqttNamespace(s)),
        "azapi_update_resource",
      ),
    ).toEqual([]);
  });

  it("refuses a route topic that does not take CloudEvents", () => {
    expect(
      validationErrors((s) => mqttNamespace(s, { routeTopic: topic(s, { inputSchema: "EventGridSchema" }) })),
    ).toEqual([
      "Event Grid namespace evgns-contoso-plant-test: routeTopic: routeTopic must use input schema CloudEventSchemaV1_0, got EventGridSchema",
    ]);
  });

  it("refuses MQTT settings on a namespace without the broker", () => {
    expect(errors({ mqttEnabled: false, maxSessionExpiryHours: 2 })).toEqual([
      "Event Grid namespace evgns-contoso-plant-test: maxSessionExpiryHours: maxSessionExpiryHours applies only to a namespace with mqttEnabled",
    ]);
  });

  it("refuses a session expiry beyond 8 hours", () => {
    expect(errors({ maxSessionExpiryHours: 9 })).toEqual([
      "Event Grid namespace evgns-contoso-plant-test: maxSessionExpiryHours: maxSessionExpiryHours must be between 1 and 8, got 9",
    ]);
  });

  it("refuses more than 100 sessions per authentication name", () => {
    expect(errors({ maxClientSessionsPerAuthenticationName: 101 })).toEqual([
      "Event Grid namespace evgns-contoso-plant-test: maxClientSessionsPerAuthenticationName: maxClientSessionsPerAuthenticationName must be between 1 and 100, got 101",
    ]);
  });

  it("refuses a capacity above 40 throughput units", () => {
    expect(errors({ capacity: 41 })).toEqual([
      "Event Grid namespace evgns-contoso-plant-test: capacity: capacity must be between 1 and 40 throughput units, got 41",
    ]);
  });

  it("refuses a local-auth switch, which Event Grid namespaces do not have", () => {
    expect(errors({ localAuth: false })).toEqual([
      "Event Grid namespace evgns-contoso-plant-test: localAuth: switching local (SAS) authentication needs an Event Grid custom topic; namespaces have no local-auth switch (remove localAuth); this Event Grid namespace has none",
    ]);
  });

  it("refuses a customer-managed key, which Event Grid does not offer", () => {
    expect(errors({ customerManagedKey: { keyVaultKeyId: "/keys/k", identityId: "/ids/cmk" } })).toEqual([
      "Event Grid namespace evgns-contoso-plant-test: customerManagedKey: a customer-managed key needs a service that offers one, and Event Grid encrypts with Microsoft-managed keys only (remove customerManagedKey); this Event Grid namespace has none",
    ]);
  });

  it("refuses a name Azure would refuse", () => {
    expect(errors({ name: "ns_1" })).toEqual([
      'Event Grid namespace ns_1: name: Azure name "ns_1" may contain only letters, numbers and hyphens, but has "_" at position 3',
    ]);
  });

  it("leaves the public endpoint open when no private endpoint is given", () => {
    expect(
      onlyResource(
        synth((s) => mqttNamespace(s)),
        NAMESPACE,
      ),
    ).toMatchObject({ public_network_access: "Enabled" });
  });

  it("closes the public endpoint when a private endpoint is given", () => {
    expect(
      onlyResource(
        synth((s) => mqttNamespace(s, { privateEndpoint: { subnetId: "/subnets/pe" } })),
        NAMESPACE,
      ),
    ).toMatchObject({ public_network_access: "Disabled" });
  });

  it("names the private endpoint as given", () => {
    const json = synth((s) =>
      mqttNamespace(s, { privateEndpoint: { subnetId: "/subnets/pe", name: "pep-broker" } }),
    );
    expect(onlyResource(json, "azurerm_private_endpoint")).toMatchObject({ name: "pep-broker" });
  });

  it("exposes the MQTT broker through a topicspace private endpoint", () => {
    const json = synth((s) => mqttNamespace(s, { privateEndpoint: { subnetId: "/subnets/pe" } }));
    expect(onlyResource(json, "azurerm_private_endpoint")).toMatchObject({
      private_service_connection: { subresource_names: ["topicspace"] },
    });
  });

  it("exposes a namespace without the broker through a topic private endpoint", () => {
    const json = synth((s) =>
      mqttNamespace(s, { mqttEnabled: false, privateEndpoint: { subnetId: "/subnets/pe" } }),
    );
    expect(onlyResource(json, "azurerm_private_endpoint")).toMatchObject({
      private_service_connection: { subresource_names: ["topic"] },
    });
  });

  it("admits allowed IP ranges when the public endpoint is on", () => {
    const json = synth((s) =>
      mqttNamespace(s, { publicNetworkAccess: true, allowedIpRanges: ["198.51.100.0/24"] }),
    );
    expect(onlyResource(json, NAMESPACE)).toMatchObject({
      public_network_access: "Enabled",
      inbound_ip_rule: [{ ip_mask: "198.51.100.0/24", action: "Allow" }],
    });
  });

  it("adds diagnostics, a delete lock and destroy protection when asked", () => {
    const json = synth((s) =>
      mqttNamespace(s, { logAnalyticsWorkspaceId: "/workspaces/log", lock: true, preventDestroy: true }),
    );
    expect(onlyResource(json, "azurerm_monitor_diagnostic_setting")).toMatchObject({
      log_analytics_workspace_id: "/workspaces/log",
    });
    expect(onlyResource(json, "azurerm_management_lock")).toMatchObject({ lock_level: "CanNotDelete" });
    expect(onlyResource(json, NAMESPACE)).toMatchObject({ lifecycle: { prevent_destroy: true } });
  });
});
