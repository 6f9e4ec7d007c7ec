import { createHash } from "node:crypto";

/**
 * The naming convention: `<abbreviation>-<prefix>[-<workload>]-<name>-<environment>`, with the
 * abbreviations of Microsoft's Cloud Adoption Framework ("Abbreviation recommendations for Azure
 * resources"). Storage accounts allow no hyphens, so their parts are concatenated.
 */
export const Abbreviation = {
  resourceGroup: "rg",
  serviceBusNamespace: "sbns",
  eventHubsNamespace: "evhns",
  eventHubsCluster: "evhcl",
  eventGridTopic: "evgt",
  eventGridSystemTopic: "egst",
  eventGridNamespace: "evgns",
  relayNamespace: "relay",
  iotHub: "iot",
  deviceProvisioning: "provs",
  streamAnalyticsJob: "asa",
  storageAccount: "st",
  logAnalytics: "log",
  privateEndpoint: "pep",
  actionGroup: "ag",
  managedIdentity: "id",
  logicApp: "logic",
  appServicePlan: "asp",
} as const;

export type AbbreviatedKind = keyof typeof Abbreviation;

export interface NamingConvention {
  readonly prefix: string;
  /** Empty when the environment names no workload. */
  readonly workload: string;
  readonly environment: string;
}

/** The Azure name of a resource of `kind` whose logical name is `name`. */
export function conventionalName(kind: AbbreviatedKind, naming: NamingConvention, name: string): string {
  if (kind === "storageAccount") {
    return [Abbreviation.storageAccount, naming.prefix, naming.workload, name, naming.environment]
      .join("")
      .replace(/[^a-z0-9]/gi, "")
      .toLowerCase();
  }
  return [Abbreviation[kind], naming.prefix, naming.workload, name, naming.environment]
    .filter((part) => part !== "")
    .join("-");
}

/** The name of a resource that belongs to another one (private endpoint, paired namespace). */
export function derivedName(parentAzureName: string, suffix: string): string {
  return `${parentAzureName}-${suffix}`;
}

/**
 * The Azure name of a resource's private endpoint: `<resource>-pep`. Service Bus namespaces got
 * theirs as `pep-<namespace>` before the convention was shared; a private endpoint's name cannot
 * change without replacing it (and dropping every connection through it), so they keep that name.
 */
export function privateEndpointName(service: string, parentAzureName: string): string {
  return service === "serviceBus"
    ? `${Abbreviation.privateEndpoint}-${parentAzureName}`
    : derivedName(parentAzureName, Abbreviation.privateEndpoint);
}

/** Hex digits of the hash that ends a shortened name: 16.7 million values keep shortened names apart. */
const shortenedHashLength = 6;

/**
 * A generated name within Azure's length limit. A name that fits is returned as it is (renaming
 * an existing resource would replace it). A longer one is cut and ends with a hash of the whole
 * name, so two names that share the cut prefix (`dev` and `demo` after a long prefix) stay distinct.
 * `separator` goes between the cut and the hash (`""` where the name allows no hyphens).
 */
export function fitName(name: string, maxLength: number, separator = ""): string {
  if (name.length <= maxLength) return name;
  const hash = createHash("sha256").update(name).digest("hex").slice(0, shortenedHashLength);
  const kept = name.slice(0, maxLength - separator.length - hash.length).replace(/-+$/, "");
  return `${kept}${separator}${hash}`;
}
