import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import type { Diagnostic } from "../../model/diagnostics";
import { parseEnvironmentText } from "../../model/parse";
import { SemanticContext } from "../../model/semantic/context";
import { checkAzureNames } from "../../model/semantic/azure-names";
import { checkEventHubs } from "../../model/semantic/event-hubs";
import type { EnvironmentSpec, EventHubSpec, EventHubsNamespaceSpec } from "../../model/spec";

function checkText(text: string, check = checkEventHubs): Diagnostic[] {
  const parsed = parseEnvironmentText(text, "env.yaml");
  if (!parsed.document) throw new Error(`test input does not parse: ${JSON.stringify(parsed.errors)}`);
  const ctx = new SemanticContext(
    parsed.document,
    parsed.document.data as EnvironmentSpec,
    new Date("2026-01-01"),
  );
  check(ctx);
  return [...ctx.diagnostics];
}

/** The diagnostics for one namespace (merged over a Standard namespace) holding `hubs`. */
function problems(
  namespace: Partial<EventHubsNamespaceSpec>,
  hubs: EventHubSpec[] = [{ name: "h" }],
  environment: Partial<EnvironmentSpec> = {},
): Diagnostic[] {
  const spec = {
    name: "test",
    tier: "development",
    location: "westeurope",
    naming: { prefix: "contoso" },
    ...environment,
    eventHubs: [{ name: "telemetry", sku: "Standard", hubs, ...namespace }],
  };
  return checkText(stringify(spec));
}

function only(list: Diagnostic[]): { path: string; message: string } {
  expect(list.map((d) => d.message)).toHaveLength(1);
  return { path: list[0].path, message: list[0].message };
}

describe("Event Hubs semantic checks", () => {
  it.each(["dev.yaml", "prod.yaml"])("accept the shared example %s", (file) => {
    const text = readFileSync(join(__dirname, "..", "fixtures", "shared-examples", file), "utf8");
    expect(checkText(text)).toEqual([]);
  });

  describe("partitions", () => {
    it("refuses 40 partitions on Standard and points to Premium", () => {
      expect(only(problems({}, [{ name: "h", partitions: 40 }]))).toEqual({
        path: "eventHubs[0].hubs[0].partitions",
        message:
          "Standard allows at most 32 partitions per event hub, got 40; use Premium for up to 100 partitions",
      });
    });

    it("points to a dedicated cluster beyond Premium's 100 partitions", () => {
      const { message } = only(problems({ sku: "Premium", capacity: 1 }, [{ name: "h", partitions: 150 }]));
      expect(message).toBe(
        "Premium allows at most 100 partitions per event hub, got 150; use a dedicated cluster for up to 1024 partitions",
      );
    });

    it("accepts 1024 partitions on a dedicated cluster", () => {
      expect(problems({ dedicatedClusterId: "/cluster" }, [{ name: "h", partitions: 1024 }])).toEqual([]);
    });

    it("counts a hub without partitions at the tier profile's default toward Premium's 200 per processing unit", () => {
      const hubs = [{ name: "big", partitions: 100 }, ...[1, 2, 3, 4].map((n) => ({ name: `default${n}` }))];
      expect(problems({ sku: "Premium", capacity: 1 }, hubs.slice(0, 4))).toEqual([]);
      expect(
        only(problems({ sku: "Premium", capacity: 1 }, [...hubs, { name: "h", partitions: 88 }])).message,
      ).toMatch(/so 200 with capacity 1, got 204;/);
    });

    it("refuses more than 200 partitions per processing unit across a Premium namespace", () => {
      const hubs = [1, 2, 3].map((n) => ({ name: `h${n}`, partitions: 100 }));
      expect(only(problems({ sku: "Premium", capacity: 1 }, hubs)).message).toMatch(
        /^Premium allows 200 partitions per processing unit across a namespace, so 200 with capacity 1, got 300; add processing units/,
      );
    });
  });

  describe("retention", () => {
    it("refuses 10 days on Standard and points to Premium", () => {
      expect(only(problems({}, [{ name: "h", retentionDays: 10 }]))).toEqual({
        path: "eventHubs[0].hubs[0].retentionDays",
        message: "Standard keeps events at most 7 days, got 10; use Premium for up to 90 days",
      });
    });

    it("refuses 2 days on Basic and points to Standard", () => {
      expect(only(problems({ sku: "Basic" }, [{ name: "h", retentionDays: 2 }])).message).toBe(
        "Basic keeps events at most 1 day, got 2; use Standard for up to 7 days",
      );
    });

    it("refuses retentionDays together with a retention description", () => {
      const { path, message } = only(
        problems({}, [
          { name: "h", retentionDays: 1, retention: { cleanupPolicy: "Delete", retentionHours: 24 } },
        ]),
      );
      expect(path).toBe("eventHubs[0].hubs[0].retention");
      expect(message).toMatch(/^give retentionDays \(1\) or retention \(cleanup policy Delete\), not both/);
    });

    it("refuses log compaction on Basic", () => {
      const { path, message } = only(
        problems({ sku: "Basic" }, [
          { name: "h", retention: { cleanupPolicy: "Compact", tombstoneRetentionHours: 1 } },
        ]),
      );
      expect(path).toBe("eventHubs[0].hubs[0].retention.cleanupPolicy");
      expect(message).toBe("Basic has no log compaction, got cleanupPolicy: Compact; use Standard or above");
    });

    it("refuses the Delete policy without retentionHours", () => {
      expect(only(problems({}, [{ name: "h", retention: { cleanupPolicy: "Delete" } }])).message).toMatch(
        /cleanupPolicy Delete needs retentionHours/,
      );
    });

    it("refuses the Compact policy without tombstoneRetentionHours", () => {
      expect(only(problems({}, [{ name: "h", retention: { cleanupPolicy: "Compact" } }])).message).toMatch(
        /cleanupPolicy Compact needs tombstoneRetentionHours/,
      );
    });

    it("refuses more retention hours than the tier keeps", () => {
      expect(
        only(problems({}, [{ name: "h", retention: { cleanupPolicy: "Delete", retentionHours: 200 } }]))
          .message,
      ).toBe("Standard keeps events at most 168 hours, got 200; use Premium for up to 2160 hours");
    });
  });

  describe("throughput", () => {
    it("refuses auto-inflate on Basic", () => {
      expect(only(problems({ sku: "Basic", autoInflateMaxCapacity: 10 }, []))).toEqual({
        path: "eventHubs[0].autoInflateMaxCapacity",
        message:
          "auto-inflate exists only on Standard (it scales throughput units), got autoInflateMaxCapacity 10 on Basic; use sku: Standard, or remove autoInflateMaxCapacity",
      });
    });

    it("refuses auto-inflate on Premium", () => {
      expect(only(problems({ sku: "Premium", autoInflateMaxCapacity: 4 }, [])).message).toMatch(
        /on Premium; remove autoInflateMaxCapacity and set capacity$/,
      );
    });

    it.each([
      [{ capacity: 4, autoInflateMaxCapacity: 2 }, "got 2"],
      [{ autoInflateMaxCapacity: 41 }, "got 41"],
    ])("refuses an auto-inflate maximum outside capacity..40 (%j)", (namespace, given) => {
      expect(only(problems(namespace, [])).message).toContain(`Standard auto-inflates between capacity`);
      expect(only(problems(namespace, [])).message).toContain(given);
    });

    it("accepts an auto-inflate maximum between capacity and 40 on Standard", () => {
      expect(problems({ capacity: 2, autoInflateMaxCapacity: 40 }, [])).toEqual([]);
    });

    it("refuses 41 throughput units", () => {
      expect(only(problems({ capacity: 41 }, [])).message).toBe(
        "Standard takes 1-40 throughput units, got 41; use Premium or a dedicated cluster for more throughput",
      );
    });

    it("refuses 3 processing units on Premium", () => {
      expect(only(problems({ sku: "Premium", capacity: 3 }, [])).message).toBe(
        "Premium takes 1, 2, 4, 8, 16 processing units, got 3; pick one of those values",
      );
    });

    it("refuses a dedicated cluster of 21 capacity units", () => {
      expect(only(problems({ dedicatedCluster: { name: "big", capacity: 21 } }, [])).path).toBe(
        "eventHubs[0].dedicatedCluster.capacity",
      );
    });
  });

  describe("capture", () => {
    it("refuses capture on Basic", () => {
      expect(only(problems({ sku: "Basic" }, [{ name: "h", capture: {} }]))).toEqual({
        path: "eventHubs[0].hubs[0].capture",
        message:
          "Basic has no capture, got a capture block; use Standard or above to capture events to storage",
      });
    });

    it("refuses a 30-second capture interval", () => {
      expect(only(problems({}, [{ name: "h", capture: { intervalSeconds: 30 } }]))).toEqual({
        path: "eventHubs[0].hubs[0].capture.intervalSeconds",
        message: "capture writes a file every 60-900 seconds, got 30; pick a value in that range",
      });
    });

    it("refuses a size window below 10 MiB", () => {
      expect(only(problems({}, [{ name: "h", capture: { sizeLimitBytes: 1048576 } }])).message).toMatch(
        /^capture's size window is 10485760-524288000 bytes \(10-500 MiB\), got 1048576/,
      );
    });

    it("refuses keeping capture archives longer than a storage lifecycle rule can say", () => {
      expect(only(problems({}, [{ name: "h", capture: { retentionDays: 100000 } }]))).toEqual({
        path: "eventHubs[0].hubs[0].capture.retentionDays",
        message: "capture archives are kept 1-99999 days (the storage lifecycle rule's range), got 100000",
      });
    });

    it("refuses an archive name format without every placeholder", () => {
      expect(
        only(
          problems({}, [
            { name: "h", capture: { archiveNameFormat: "{Namespace}/{EventHub}/{PartitionId}" } },
          ]),
        ).message,
      ).toMatch(/without \{Year\}, \{Month\}, \{Day\}, \{Hour\}, \{Minute\}, \{Second\}$/);
    });
  });

  describe("features", () => {
    it("refuses kafka: false on Standard, which always has the Kafka endpoint", () => {
      const { path, message } = only(problems({ kafka: false }, []));
      expect(path).toBe("eventHubs[0].kafka");
      expect(message).toMatch(
        /^Standard always has the Kafka endpoint and azurerm 4.x has no switch to turn it off, got kafka: false/,
      );
    });

    it("refuses kafka: false on a dedicated cluster", () => {
      const { path, message } = only(
        problems({ sku: "Standard", kafka: false, dedicatedClusterId: "/cluster" }, []),
      );
      expect(path).toBe("eventHubs[0].kafka");
      expect(message).toMatch(/^a dedicated cluster always has the Kafka endpoint/);
    });

    it.each(["Basic", "Premium"] as const)("refuses a %s namespace on a dedicated cluster", (sku) => {
      const { path, message } = only(problems({ sku, dedicatedClusterId: "/cluster" }, []));
      expect(path).toBe("eventHubs[0].sku");
      expect(message).toBe(
        `a namespace on a dedicated cluster is a Standard namespace (the cluster's capacity units replace the SKU's), got sku: ${sku}; use sku: Standard, or remove the cluster for a ${sku} namespace`,
      );
    });

    it("refuses kafka: true on Basic", () => {
      expect(only(problems({ sku: "Basic", kafka: true }, [])).message).toMatch(
        /^Basic has no Kafka endpoint, got kafka: true; use Standard/,
      );
    });

    it("refuses zoneRedundant: false, which azurerm 4.x cannot honour", () => {
      expect(only(problems({ zoneRedundant: false }, [])).path).toBe("eventHubs[0].zoneRedundant");
    });

    it.each([
      [
        { sku: "Basic" as const, allowedIpRanges: ["203.0.113.0/24"] },
        "eventHubs[0].allowedIpRanges",
        /^IP rules needs Standard or above; this Event Hubs namespace \(Basic\) has none$/,
      ],
      [
        { sku: "Basic" as const, trustedServicesAllowed: false },
        "eventHubs[0].trustedServicesAllowed",
        /needs Standard or above; this Event Hubs namespace \(Basic\) has none$/,
      ],
      [
        { sku: "Basic" as const, privateEndpoint: true },
        "eventHubs[0].privateEndpoint",
        /^a private endpoint needs Standard or above/,
      ],
      [
        { customerManagedKey: true },
        "eventHubs[0].customerManagedKey",
        /^a customer-managed key needs Premium or a dedicated cluster; this Event Hubs namespace \(Standard\)/,
      ],
      [
        { sku: "Basic" as const, geoDisasterRecovery: true },
        "eventHubs[0].geoDisasterRecovery",
        /^Basic has no geo-disaster recovery/,
      ],
    ])("refuses %j", (namespace, path, message) => {
      const found = only(problems(namespace, []));
      expect(found.path).toBe(path);
      expect(found.message).toMatch(message);
    });

    it("accepts a customer-managed key on a dedicated cluster", () => {
      expect(problems({ dedicatedClusterId: "/cluster", customerManagedKey: true }, [])).toEqual([]);
    });

    it("refuses IP rules while the public endpoint is stated closed, once", () => {
      expect(only(problems({ publicNetworkAccess: false, allowedIpRanges: ["203.0.113.0/24"] }, []))).toEqual(
        {
          path: "eventHubs[0].allowedIpRanges",
          message:
            "allowedIpRanges admit nothing while publicNetworkAccess is false; remove them or allow public access",
        },
      );
    });

    it("refuses IP rules while the tier closes the public endpoint by default", () => {
      expect(
        only(problems({ allowedIpRanges: ["203.0.113.0/24"] }, [], { tier: "production" })).message,
      ).toMatch(
        /^allowedIpRanges admit nothing while publicNetworkAccess is false \(the production tier's default\)/,
      );
    });

    it("refuses both a dedicated cluster and a dedicated cluster ID", () => {
      expect(
        only(problems({ dedicatedClusterId: "/cluster", dedicatedCluster: { name: "c" } }, [])).path,
      ).toBe("eventHubs[0].dedicatedClusterId");
    });
  });

  describe("geo-disaster recovery", () => {
    it("refuses geoDisasterRecovery: true with the secondary region equal to the primary's", () => {
      expect(only(problems({ geoDisasterRecovery: true }, [], { secondaryLocation: "westeurope" }))).toEqual({
        path: "eventHubs[0].geoDisasterRecovery",
        message:
          "geo-disaster recovery pairs the namespace with one in another region, but secondaryLocation is the same region as location (westeurope); set secondaryLocation to another region, or remove geoDisasterRecovery",
      });
    });

    it("refuses the production tier's default geo-disaster recovery into the primary's own region, on the namespace", () => {
      expect(only(problems({}, [], { tier: "production", secondaryLocation: "westeurope" }))).toEqual({
        path: "eventHubs[0]",
        message:
          "geo-disaster recovery is on (the production tier's default) and pairs the namespace with one in secondaryLocation, but secondaryLocation is the same region as location (westeurope); set secondaryLocation to another region, or geoDisasterRecovery: false",
      });
    });

    it("accepts the production tier's default turned off in the primary's own region", () => {
      expect(
        problems({ geoDisasterRecovery: false }, [], { tier: "production", secondaryLocation: "westeurope" }),
      ).toEqual([]);
    });

    it("leaves a Basic namespace unpaired by the production tier's default, without a word", () => {
      expect(problems({ sku: "Basic" }, [], { tier: "production", secondaryLocation: "westeurope" })).toEqual(
        [],
      );
    });

    it("refuses geo-disaster recovery on a dedicated cluster, whose secondary the file cannot declare", () => {
      expect(
        only(
          problems({ geoDisasterRecovery: true, dedicatedClusterId: "/cluster" }, [], {
            secondaryLocation: "northeurope",
          }),
        ).message,
      ).toMatch(/this namespace is on a dedicated cluster and the secondary cannot be/);
    });
  });

  describe("counts", () => {
    it("refuses a consumer group on Basic, whose one group is $Default", () => {
      expect(only(problems({ sku: "Basic" }, [{ name: "h", consumerGroups: ["analytics"] }]))).toEqual({
        path: "eventHubs[0].hubs[0].consumerGroups",
        message:
          "Basic allows 1 consumer group per event hub including $Default, so 0 more, got 1; use Standard for up to 20 consumer groups per event hub",
      });
    });

    it("refuses 20 consumer groups on Standard, where $Default takes one of 20", () => {
      const groups = Array.from({ length: 20 }, (_, n) => `g${n}`);
      expect(only(problems({}, [{ name: "h", consumerGroups: groups }])).message).toMatch(
        /^Standard allows 20 consumer groups .* so 19 more, got 20; use Premium/,
      );
    });

    it("refuses consumer group metadata longer than azurerm's 1024 characters", () => {
      expect(
        only(problems({}, [{ name: "h", consumerGroups: [{ name: "g", userMetadata: "m".repeat(1025) }] }])),
      ).toEqual({
        path: "eventHubs[0].hubs[0].consumerGroups[0].userMetadata",
        message: "userMetadata must be 1-1024 characters, got 1025",
      });
    });

    it("refuses declaring $Default", () => {
      expect(only(problems({}, [{ name: "h", consumerGroups: [{ name: "$Default" }] }])).path).toBe(
        "eventHubs[0].hubs[0].consumerGroups[0]",
      );
    });

    it("refuses 11 event hubs in a Standard namespace", () => {
      const hubs = Array.from({ length: 11 }, (_, n) => ({ name: `h${n}` }));
      expect(only(problems({}, hubs))).toEqual({
        path: "eventHubs[0].hubs",
        message: "Standard allows 10 event hubs per namespace, got 11; use Premium for up to 100 event hubs",
      });
    });

    it("refuses a schema group on Basic", () => {
      expect(
        only(
          problems({ sku: "Basic", schemaGroups: [{ name: "s", compatibility: "None", type: "Avro" }] }, []),
        ),
      ).toEqual({
        path: "eventHubs[0].schemaGroups",
        message: "Basic has no schema registry, got 1 schema group; use Standard for up to 1 schema group",
      });
    });

    it("refuses a second schema group on Standard", () => {
      const groups = ["a", "b"].map((name) => ({
        name,
        compatibility: "None" as const,
        type: "Avro" as const,
      }));
      expect(only(problems({ schemaGroups: groups }, [])).message).toBe(
        "Standard allows 1 schema group per namespace, got 2 schema groups; use Premium for up to 100 schema groups",
      );
    });
  });

  describe("names", () => {
    function nameProblems(
      namespace: Partial<EventHubsNamespaceSpec>,
      hubs: EventHubSpec[] = [],
    ): Diagnostic[] {
      const spec = {
        name: "test",
        tier: "development",
        location: "westeurope",
        naming: { prefix: "contoso" },
        eventHubs: [{ name: "telemetry", sku: "Standard", hubs, ...namespace }],
      };
      return checkText(stringify(spec), checkAzureNames);
    }

    it("refuses a capture container name Azure refuses", () => {
      expect(only(nameProblems({}, [{ name: "h", capture: { container: "Capture" } }]))).toEqual({
        path: "eventHubs[0].hubs[0].capture.container",
        message:
          'Azure name "Capture" for eventHubs[0].hubs[0].capture.container may contain only lowercase letters, numbers and hyphens, but has "C" at position 1: rename it',
      });
    });

    it("refuses consecutive hyphens in a capture container name", () => {
      expect(
        only(nameProblems({}, [{ name: "h", capture: { container: "event--archive" } }])).message,
      ).toMatch(/must not contain "--"/);
    });

    it("refuses a schema group name over Azure's 50 characters", () => {
      const name = "s".repeat(51);
      expect(
        only(nameProblems({ schemaGroups: [{ name, compatibility: "None", type: "Avro" }] })).message,
      ).toMatch(/must be at most 50 characters \(it is 51\)/);
    });
  });

  it("locates the error at the offending value", () => {
    const text = [
      "name: test",
      "tier: development",
      "location: westeurope",
      "naming: { prefix: contoso }",
      "eventHubs:",
      "  - name: telemetry",
      "    sku: Standard",
      "    hubs:",
      "      - name: h",
      "        partitions: 40",
      "",
    ].join("\n");
    expect(checkText(text)).toEqual([expect.objectContaining({ file: "env.yaml", line: 10, column: 21 })]);
  });
});
