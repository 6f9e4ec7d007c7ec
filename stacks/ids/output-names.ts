import { DistinctIds, withTag, type Identified } from "../../constructs/shared/distinct-ids";
import type { EnvironmentModel } from "../../model/model";

/** A name as a word of a Terraform output name: everything but letters, digits and `_` becomes `_`. */
function outputWord(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, "_");
}

/** `<stem>_<suffix>` for each suffix, the tag (when there is one) closing the stem. */
function stemmed(stem: string, tag: string | undefined, suffixes: readonly string[]): string[] {
  return suffixes.map((suffix) => `${withTag(stem, tag, "_")}_${suffix}`);
}

const eventHubsSuffixes = ["fqdn", "kafka_bootstrap_server", "hub_names"] as const;
const serviceBusSuffixes = ["endpoint", "alias_fqdn"] as const;

/** Outputs every stack has, whatever its file declares. */
const fixedOutputs = ["resource_group_name", "connection_catalog"];

export interface EventHubsOutputNames {
  readonly fqdn: string;
  readonly kafkaBootstrapServer: string;
  readonly hubNames: string;
}

export interface ServiceBusOutputNames {
  readonly endpoint: string;
  readonly aliasFqdn: string;
}

/**
 * The Terraform output names of one stack. Outputs are read by name (`terraform output -json`),
 * so each keeps the name it has always had (`event_hubs_<name>_fqdn`, `site_<name>`, ...) unless
 * two names the file gives become one output name (`edge-1` and `edge_1`); then both take a tag.
 */
export class OutputNames {
  private readonly ids: DistinctIds;
  /** Every output name of the stack, for the sets other identifiers must stay apart from. */
  readonly all: readonly string[];

  constructor(model: EnvironmentModel) {
    const things: Identified[] = [
      ...model.eventHubs.map((ns) => ({
        parts: ["eventHubs", ns.name],
        ids: (tag?: string) => stemmed(`event_hubs_${outputWord(ns.name)}`, tag, eventHubsSuffixes),
      })),
      ...model.serviceBus.map((ns) => ({
        parts: ["serviceBus", ns.name],
        ids: (tag?: string) => stemmed(`service_bus_${outputWord(ns.name)}`, tag, serviceBusSuffixes),
      })),
      // With local authentication on, a namespace and its geo-paired secondary each output their
      // connection string, named after their Azure names.
      ...model.serviceBus
        .filter((ns) => ns.localAuth)
        .flatMap((ns) => [
          ns.azureName,
          ...(ns.geoDisasterRecovery ? [ns.geoDisasterRecovery.secondaryAzureName] : []),
        ])
        .map((azureName) => ({
          parts: ["serviceBusConnectionString", azureName],
          ids: (tag?: string) =>
            stemmed(azureName.replace(/[^A-Za-z0-9]/g, "_"), tag, ["default_connection_string"]),
        })),
      ...model.sites.map((site) => ({
        parts: ["site", site.name],
        ids: (tag?: string) => [withTag(`site_${outputWord(site.name)}`, tag, "_")],
      })),
    ];
    this.ids = new DistinctIds(things, { reserved: fixedOutputs });
    this.all = [...fixedOutputs, ...things.flatMap((thing) => this.ids.of(thing.parts))];
  }

  eventHubs(name: string): EventHubsOutputNames {
    const [fqdn, kafkaBootstrapServer, hubNames] = this.ids.of(["eventHubs", name]);
    return { fqdn, kafkaBootstrapServer, hubNames };
  }

  serviceBus(name: string): ServiceBusOutputNames {
    const [endpoint, aliasFqdn] = this.ids.of(["serviceBus", name]);
    return { endpoint, aliasFqdn };
  }

  /** The sensitive connection-string output of the Service Bus namespace with this Azure name. */
  serviceBusConnectionString(azureName: string): string {
    return this.ids.one(["serviceBusConnectionString", azureName]);
  }

  /** The output edge tooling reads a site's connection settings from. */
  site(name: string): string {
    return this.ids.one(["site", name]);
  }
}
