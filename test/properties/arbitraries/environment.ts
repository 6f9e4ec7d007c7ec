import fc from "fast-check";
import { stringify } from "yaml";
import { ruleIdList } from "../../../model/rule-ids";
import {
  futureDate,
  identityId,
  integer,
  maybe,
  named,
  optionalRef,
  ref,
  subscriptionPrefix,
  tags,
  usually,
  type Json,
  type Tier,
} from "./common";
import { brokerNamespace, eventGrid } from "./event-grid";
import { eventHubsNamespace } from "./event-hubs";
import { iotHub } from "./iot-hub";
import { logicAppsSection, withLogicAppSources, withWorkflowFiles } from "./logic-apps";
import { streamAnalyticsSection, withStreamSources } from "./stream-analytics";
import { materialize } from "./materialize";
import { relayNamespace } from "./relay";
import { serviceBusNamespace } from "./service-bus";
import { site } from "./sites";

/*
 * Whole environment files: the top-level sections (naming, state, network, encryption,
 * monitoring, budget, principals, waivers, allowDestroy, smoke) and every service at once, in
 * either tier. Production files mostly bring the blocks the production profile needs.
 */

/** A generated environment file: its YAML text is what fast-check prints for a counterexample. */
export class EnvironmentCase {
  constructor(
    readonly tier: Tier,
    readonly doc: Json,
    readonly yaml: string,
  ) {}

  [fc.toStringMethod](): string {
    return `\n# ---- generated ${this.tier} environment file ----\n${this.yaml}`;
  }
}

const dnsZone = (zone: string): string => `${subscriptionPrefix}/Microsoft.Network/privateDnsZones/${zone}`;

const network = fc.record({
  privateEndpointSubnetId: fc.constant(
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-pe",
  ),
  privateDnsZoneIds: maybe(
    fc.record(
      {
        serviceBus: fc.constant(dnsZone("privatelink.servicebus.windows.net")),
        eventHubs: fc.constant(dnsZone("privatelink.servicebus.windows.net")),
        eventGrid: fc.constant(dnsZone("privatelink.eventgrid.azure.net")),
        iotHub: fc.constant(dnsZone("privatelink.azure-devices.net")),
        deviceProvisioning: fc.constant(dnsZone("privatelink.azure-devices-provisioning.net")),
        relay: fc.constant(dnsZone("privatelink.servicebus.windows.net")),
        logicApps: fc.constant(dnsZone("privatelink.azurewebsites.net")),
        storageBlob: fc.constant(dnsZone("privatelink.blob.core.windows.net")),
        storageFile: fc.constant(dnsZone("privatelink.file.core.windows.net")),
        storageQueue: fc.constant(dnsZone("privatelink.queue.core.windows.net")),
        storageTable: fc.constant(dnsZone("privatelink.table.core.windows.net")),
      },
      { requiredKeys: [] },
    ),
    3,
    1,
  ),
  // Where Standard logic apps integrate to reach private namespaces: mostly given.
  integrationSubnetId: maybe(
    fc.constant(
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-apps",
    ),
    6,
    1,
  ),
});

const encryption = fc.record({
  keyVaultKeyId: usually(fc.constant("https://kv-x.vault.azure.net/keys/messaging"), [
    "https://kv-x.managedhsm.azure.net/keys/k/0123456789abcdef0123456789abcdef",
  ]),
  identityId,
  infrastructureEncryption: maybe(fc.boolean()),
});

const emails = fc.uniqueArray(fc.constantFrom("oncall@contoso.example", "ops+x@contoso.example"), {
  minLength: 1,
  maxLength: 2,
});

const alertNames = [
  "serviceBusDeadLetteredMessages",
  "serviceBusActiveMessages",
  "serviceBusThrottledRequests",
  "serviceBusServerErrors",
  "serviceBusCpuPercent",
  "serviceBusMemoryPercent",
  "eventHubsThrottledRequests",
  "eventHubsServerErrors",
  "eventHubsCaptureBacklog",
  "eventHubsIncomingOutgoingGap",
  "eventGridDroppedEvents",
  "eventGridDeadLetteredEvents",
  "eventGridDeliveryFailures",
  "iotHubDroppedTelemetry",
  "iotHubOrphanedTelemetry",
  "iotHubThrottlingErrors",
  "relayListenerErrors",
  "authorizationFailures",
];

function monitoring(tier: Tier): fc.Arbitrary<Json> {
  return fc.record(
    {
      logAnalyticsWorkspaceId: fc.constant(
        `${subscriptionPrefix}/Microsoft.OperationalInsights/workspaces/log-x`,
      ),
      retentionDays: integer(tier === "production" ? [365, 730] : [30, 90, 365], 30, 730),
      alertEmails: emails,
      webhooks: fc.array(
        fc.record({
          name: fc.constantFrom("pager", "chat"),
          url: usually(fc.constant("https://hooks.contoso.example/alert"), ["https://x.example/a?b=1&c=<d>"]),
        }),
        { maxLength: 2 },
      ),
      alerts: fc.dictionary(fc.constantFrom(...alertNames), integer([0, 1, 50, 100], 0, 100), { maxKeys: 3 }),
    },
    { requiredKeys: tier === "production" ? ["logAnalyticsWorkspaceId", "alertEmails"] : [] },
  );
}

const principals = fc.dictionary(
  named(["app", "ops", "reader"], ["x y", "a/b"]),
  fc.record({
    objectId: fc.constantFrom("11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222"),
    type: fc.constantFrom("ServicePrincipal", "Group", "User"),
  }),
  { minKeys: 1, maxKeys: 3 },
);

/** Required in production (the profile's network, keys and logs), usually present there. */
const productionBlock = <T>(tier: Tier, arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  tier === "production" ? maybe(arb, 15, 1) : maybe(arb, 1, 2);

function draft(tier: Tier): fc.Arbitrary<Json> {
  return fc.record({
    name: usually(fc.constantFrom("gen", "e2e", "prod-1"), ["Gen", "x".repeat(25), "a_b"]),
    tier: fc.constant(tier),
    location: fc.oneof(
      { withCrossShrink: true },
      { weight: 4, arbitrary: fc.constant("westeurope") },
      { weight: 1, arbitrary: fc.constant("northeurope") },
    ),
    secondaryLocation: maybe(fc.constantFrom("northeurope", "westeurope", "swedencentral"), 2, 1),
    resourceGroupName: maybe(usually(fc.constant("rg-custom"), ["rg.", "x".repeat(91)]), 1, 6),
    naming: fc.record({
      prefix: usually(fc.constantFrom("contoso", "c"), ["averyveryverylongprefix"]),
      workload: maybe(fc.constantFrom("orders", "w")),
    }),
    tags: maybe(tags, 1, 4),
    state: maybe(
      fc.record({
        resourceGroup: fc.constant("rg-tf"),
        storageAccount: fc.constant("sttfstate"),
        container: fc.constant("tfstate"),
        key: maybe(fc.constant("x.tfstate")),
      }),
      1,
      5,
    ),
    network: productionBlock(tier, network),
    encryption: productionBlock(tier, encryption),
    monitoring: productionBlock(tier, monitoring(tier)),
    budget: maybe(
      fc.record({
        monthlyAmount: usually(fc.constantFrom(100, 8000, 0.5), [0, -1, 1e12]),
        alertEmails: emails,
        startDate: maybe(fc.constantFrom("2026-12-01", "2027-01-01")),
      }),
      1,
      5,
    ),
    principals,
    serviceBus: maybe(fc.array(serviceBusNamespace(tier), { minLength: 1, maxLength: 2 }), 1, 1),
    eventHubs: maybe(fc.array(eventHubsNamespace(tier), { minLength: 1, maxLength: 2 }), 1, 1),
    eventGrid: maybe(eventGrid(tier), 1, 2),
    relay: maybe(fc.array(relayNamespace(tier), { minLength: 1, maxLength: 2 }), 1, 3),
    iotHub: maybe(fc.array(iotHub(tier), { minLength: 1, maxLength: 2 }), 1, 2),
    streamAnalytics: maybe(streamAnalyticsSection(tier), 1, 2),
    logicApps: maybe(logicAppsSection(tier), 1, 2),
    sites: maybe(
      fc.record({
        sites: fc.uniqueArray(site, { minLength: 1, maxLength: 2, selector: (s) => s.name }),
        broker: brokerNamespace(tier),
      }),
      1,
      3,
    ),
    waivers: maybe(
      fc.array(
        fc.record({
          rule: usually(fc.constantFrom(...ruleIdList), ["NOT-A-RULE"]),
          resource: ref("resource"),
          reason: fc.constant("accepted risk"),
          expires: futureDate,
        }),
        { minLength: 1, maxLength: 2 },
      ),
      1,
      4,
    ),
    allowDestroy: maybe(
      fc.array(fc.record({ resource: ref("resource"), reason: fc.constant("rebuilt from source") }), {
        minLength: 1,
        maxLength: 2,
      }),
      1,
      4,
    ),
    smoke: maybe(
      fc
        .tuple(
          maybe(optionalRef("sbQueue"), 1, 1),
          maybe(fc.tuple(optionalRef("eventHub"), maybe(optionalRef("smokeConsumerGroup"), 1, 1)), 1, 1),
        )
        .map(([queue, hub]) => ({ serviceBusQueue: queue, eventHub: hub?.[0], consumerGroup: hub?.[1] })),
      1,
      4,
    ),
  });
}

/**
 * Sites come with an MQTT broker to connect to, added beside the file's other Event Grid
 * namespaces (sites naming another namespace, or one without a broker, still happen through
 * their references).
 */
function withSites(drawn: Json): Json {
  const { sites, ...rest } = drawn;
  if (sites === undefined) return rest;
  const { sites: list, broker } = sites as { sites: Json[]; broker: Json };
  const grid = (rest.eventGrid as Json | undefined) ?? {};
  const namespaces = [...((grid.namespaces as Json[] | undefined) ?? []), broker];
  return { ...rest, eventGrid: { ...grid, namespaces }, sites: list };
}

function toCase(tier: Tier, drawn: Json): EnvironmentCase {
  const prepared = withLogicAppSources(withStreamSources(withSites(drawn)));
  const doc = withWorkflowFiles(prepared, materialize(prepared));
  return new EnvironmentCase(tier, doc, stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false }));
}

/**
 * Names the project may join or sanitize into one identifier: `abc` + `def-ghi` and `abc-def` +
 * `ghi` join into the same `abc-def-ghi`; `abc-def` and `abc_def` sanitize into the same `abc_def`.
 */
const composableNames = ["abc", "def", "ghi", "abc-def", "def-ghi", "abc_def", "Abc"];

/**
 * The draft with the name of every item below the top level replaced by one of
 * `composableNames` (references follow, as they resolve later): collisions of joined or
 * sanitized names, rare among the usual names, become common.
 */
function withComposableNames(drawn: Json, picks: readonly number[]): Json {
  let next = 0;
  /** The next pick that no sibling took (ignoring case, as the duplicate checks compare). */
  const nameFor = (siblings: Set<string>): string => {
    const start = picks[next++ % picks.length];
    for (let step = 0; step < composableNames.length; step++) {
      const name = composableNames[(start + step) % composableNames.length];
      if (!siblings.has(name.toLowerCase())) {
        siblings.add(name.toLowerCase());
        return name;
      }
    }
    return composableNames[start];
  };
  const rename = (value: unknown, depth: number, siblings: Set<string>): unknown => {
    if (Array.isArray(value)) {
      const taken = new Set<string>();
      return value.map((v) => rename(v, depth + 1, taken));
    }
    if (typeof value !== "object" || value === null || "$ref" in value || "$target" in value) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => {
        if (key === "name" && depth > 0 && typeof v === "string") return [key, nameFor(siblings)];
        return [key, key === "principals" ? v : rename(v, depth + 1, new Set())];
      }),
    );
  };
  return rename(drawn, 0, new Set()) as Json;
}

/** A whole environment file of `tier`: mostly the usual names, sometimes only names that compose. */
export function environmentOf(tier: Tier): fc.Arbitrary<EnvironmentCase> {
  return fc
    .oneof(
      { withCrossShrink: true },
      { weight: 7, arbitrary: draft(tier) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            draft(tier),
            fc.array(fc.nat({ max: composableNames.length - 1 }), { minLength: 1, maxLength: 12 }),
          )
          .map(([drawn, picks]) => withComposableNames(drawn, picks)),
      },
    )
    .map((drawn) => toCase(tier, drawn));
}

/** A whole environment file of either tier. */
export const environmentFile: fc.Arbitrary<EnvironmentCase> = fc
  .constantFrom<Tier>("development", "production")
  .chain(environmentOf);
