import type { EventGridTopicProps } from "../../../constructs/event-grid/topic";
import { onlyResource, ordersApi, synth, topic, validationErrors } from "./synth";

const TOPIC = "azurerm_eventgrid_topic";

function errors(overrides: Partial<EventGridTopicProps>): string[] {
  return validationErrors((s) => topic(s, overrides));
}

describe("EventGridTopic", () => {
  it("defaults to CloudEvents 1.0 input, no shared keys and a system-assigned identity", () => {
    expect(
      onlyResource(
        synth((s) => topic(s)),
        TOPIC,
      ),
    ).toMatchObject({
      name: "evgt-contoso-orders-test",
      input_schema: "CloudEventSchemaV1_0",
      local_auth_enabled: false,
      identity: { type: "SystemAssigned" },
    });
  });

  it("leaves the public endpoint open when no private endpoint is given", () => {
    expect(
      onlyResource(
        synth((s) => topic(s)),
        TOPIC,
      ),
    ).toMatchObject({ public_network_access_enabled: true });
  });

  it("closes the public endpoint when a private endpoint is given", () => {
    expect(
      onlyResource(
        synth((s) => topic(s, { privateEndpoint: { subnetId: "/subnets/pe" } })),
        TOPIC,
      ),
    ).toMatchObject({ public_network_access_enabled: false });
  });

  it("accepts shared keys when asked", () => {
    expect(
      onlyResource(
        synth((s) => topic(s, { localAuth: true })),
        TOPIC,
      ),
    ).toMatchObject({ local_auth_enabled: true });
  });

  it("maps a custom input schema's fields and default values", () => {
    const json = synth((s) =>
      topic(s, {
        inputSchema: "CustomEventSchema",
        inputMapping: {
          id: "orderId",
          eventType: "kind",
          subject: "path",
          defaultDataVersion: "1.0",
          defaultSubject: "/orders",
        },
      }),
    );
    expect(onlyResource(json, TOPIC)).toMatchObject({
      input_schema: "CustomEventSchema",
      input_mapping_fields: { id: "orderId", event_type: "kind", subject: "path" },
      input_mapping_default_values: { data_version: "1.0", subject: "/orders" },
    });
  });

  it("refuses an input mapping without the custom input schema", () => {
    expect(errors({ inputSchema: "EventGridSchema", inputMapping: { subject: "path" } })).toEqual([
      "Event Grid topic evgt-contoso-orders-test: inputMapping: inputMapping applies only to inputSchema: CustomEventSchema, but this topic's input schema is EventGridSchema; set inputSchema: CustomEventSchema or remove inputMapping",
    ]);
  });

  it("says when the input schema that refuses an input mapping is the default", () => {
    expect(errors({ inputMapping: { subject: "path" } })).toEqual([
      expect.stringContaining("this topic's input schema is CloudEventSchemaV1_0 (the default)"),
    ]);
  });

  it("admits the allowed IP ranges through the public endpoint", () => {
    const json = synth((s) => topic(s, { publicNetworkAccess: true, allowedIpRanges: ["203.0.113.0/24"] }));
    expect(onlyResource(json, TOPIC)).toMatchObject({
      public_network_access_enabled: true,
      inbound_ip_rule: [{ ip_mask: "203.0.113.0/24", action: "Allow" }],
    });
  });

  it("refuses an IP range that is not IPv4 CIDR", () => {
    expect(errors({ publicNetworkAccess: true, allowedIpRanges: ["example.com"] })).toEqual([
      'Event Grid topic evgt-contoso-orders-test: allowedIpRanges/0: must be an IPv4 address or CIDR range, got "example.com"',
    ]);
  });

  it("refuses IP rules while the public endpoint is closed", () => {
    expect(errors({ publicNetworkAccess: false, allowedIpRanges: ["203.0.113.0/24"] })).toEqual([
      "Event Grid topic evgt-contoso-orders-test: allowedIpRanges: allowedIpRanges admit nothing while publicNetworkAccess is false; remove them or allow public access",
    ]);
  });

  it("refuses letting trusted services through, which Event Grid's IP rules cannot", () => {
    expect(errors({ trustedServicesAllowed: true })).toEqual([
      "Event Grid topic evgt-contoso-orders-test: trustedServicesAllowed: letting trusted Microsoft services through needs IP rules with a trusted-services exception, which Event Grid does not have (remove trustedServicesAllowed); this Event Grid topic has none",
    ]);
  });

  it("adds user-assigned identities next to the system-assigned one", () => {
    const json = synth((s) => topic(s, { userAssignedIdentityIds: ["/ids/b", "/ids/a"] }));
    expect(onlyResource(json, TOPIC).identity).toEqual({
      type: "SystemAssigned, UserAssigned",
      identity_ids: ["/ids/a", "/ids/b"],
    });
  });

  it("grants senders EventGrid Data Sender on the topic itself", () => {
    const json = synth((s) => topic(s).grantSend(ordersApi));
    const [topicKey] = Object.keys(json.resource[TOPIC]);
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "EventGrid Data Sender",
      principal_id: ordersApi.principalId,
      scope: `\${azurerm_eventgrid_topic.${topicKey}.id}`,
    });
  });

  it("puts a private endpoint on the topic sub-resource", () => {
    const json = synth((s) =>
      topic(s, {
        privateEndpoint: {
          subnetId: "/subnets/pe",
          privateDnsZoneId: "/zones/privatelink.eventgrid.azure.net",
        },
      }),
    );
    expect(onlyResource(json, "azurerm_private_endpoint")).toMatchObject({
      name: "evgt-contoso-orders-test-pep",
      subnet_id: "/subnets/pe",
      private_service_connection: { subresource_names: ["topic"] },
      private_dns_zone_group: { private_dns_zone_ids: ["/zones/privatelink.eventgrid.azure.net"] },
    });
  });

  it("sends logs and metrics to Log Analytics when a workspace is given", () => {
    const json = synth((s) => topic(s, { logAnalyticsWorkspaceId: "/workspaces/log" }));
    expect(onlyResource(json, "azurerm_monitor_diagnostic_setting")).toMatchObject({
      log_analytics_workspace_id: "/workspaces/log",
    });
  });

  it("locks the topic against deletion and refuses destroying plans when asked", () => {
    const json = synth((s) => topic(s, { lock: true, preventDestroy: true }));
    expect(onlyResource(json, "azurerm_management_lock")).toMatchObject({ lock_level: "CanNotDelete" });
    expect(onlyResource(json, TOPIC)).toMatchObject({ lifecycle: { prevent_destroy: true } });
  });

  it("refuses a name Azure would refuse", () => {
    expect(errors({ name: "no_underscores" })).toEqual([
      'Event Grid topic no_underscores: name: Azure name "no_underscores" may contain only letters, numbers and hyphens, but has "_" at position 3',
    ]);
  });

  it("names the private endpoint as given", () => {
    const json = synth((s) => topic(s, { privateEndpoint: { subnetId: "/subnets/pe", name: "pep-orders" } }));
    expect(onlyResource(json, "azurerm_private_endpoint")).toMatchObject({ name: "pep-orders" });
  });
});
