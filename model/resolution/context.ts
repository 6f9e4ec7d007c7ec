import { privateEndpointName, type NamingConvention } from "../../azure/naming";
import type { Grants, NamespaceSettings, Principal, SourceLocation } from "../model";
import type { ParsedDocument } from "../parsed-document";
import { noNamedFiles, type NamedFiles } from "../named-files";
import { loadProfile, type Profile } from "../profiles";
import { namingOf } from "../resource-names";
import { resourceRef, type ResourceService } from "../resource-refs";
import type { EnvironmentSpec, GrantsSpec, NamespaceCommonSpec, PrivateDnsZoneIdsSpec } from "../spec";

/** What a namespace-like resource supports, which decides whether the profile's defaults apply. */
export interface NamespaceCapabilities {
  readonly service: ResourceService;
  readonly azureName: string;
  readonly privateEndpointSupported: boolean;
  readonly customerManagedKeySupported: boolean;
  /** Which `network.privateDnsZoneIds` entry the private endpoint registers in. */
  readonly dnsZone: keyof PrivateDnsZoneIdsSpec;
}

/**
 * Everything the per-service resolvers share: the document (for source locations), the tier
 * profile, the naming convention and the principals. The resolver runs after the semantic checks,
 * so a reference that does not resolve here is a bug, reported as an internal error.
 */
export class ResolveContext {
  readonly profile: Profile;
  readonly naming: NamingConvention;
  readonly principals: ReadonlyMap<string, Principal>;
  readonly baseTags: Readonly<Record<string, string>>;
  private readonly destroyAllowed: ReadonlySet<string>;

  constructor(
    readonly doc: ParsedDocument,
    readonly spec: EnvironmentSpec,
    /** The files the environment file names, as read (and workflow definitions parsed) at load. */
    readonly files: NamedFiles = noNamedFiles,
  ) {
    this.profile = loadProfile(spec.tier);
    this.naming = namingOf(spec);
    this.principals = new Map(
      Object.entries(spec.principals ?? {}).map(([name, p]) => [
        name,
        { name, objectId: p.objectId, type: p.type },
      ]),
    );
    this.baseTags = { ...spec.tags, environment: spec.name, managedBy: "cdktf" };
    this.destroyAllowed = new Set((spec.allowDestroy ?? []).map((entry) => entry.resource));
  }

  source(pointer: string): SourceLocation {
    const { line, column } = this.doc.locate(pointer);
    return { file: this.doc.file, line, column, pointer };
  }

  principal(name: string): Principal {
    const found = this.principals.get(name);
    if (!found) throw new Error(`internal: principal "${name}" survived validation without being declared`);
    return found;
  }

  principalList(names: readonly string[] | undefined): readonly Principal[] {
    return (names ?? []).map((name) => this.principal(name));
  }

  grants(spec: GrantsSpec): Grants {
    return {
      senders: this.principalList(spec.senders),
      receivers: this.principalList(spec.receivers),
      owners: this.principalList(spec.owners),
    };
  }

  /** Environment tags, then `environment` and `managedBy`, then the resource's own tags. */
  tags(resourceTags: Readonly<Record<string, string>> | undefined): Readonly<Record<string, string>> {
    return { ...this.baseTags, ...resourceTags };
  }

  /** Stateful entities are protected in tiers that ask for it, except those the file allows to be destroyed. */
  preventDestroy(service: ResourceService, ...names: readonly string[]): boolean {
    return this.profile.namespace.preventDestroy && !this.destroyAllowed.has(resourceRef(service, ...names));
  }

  /**
   * An entity the file itself marks as a system of record (an event-sourced hub) is protected in
   * every tier, unless the file allows it to be destroyed.
   */
  preventDestroyOfRecord(service: ResourceService, ...names: readonly string[]): boolean {
    return !this.destroyAllowed.has(resourceRef(service, ...names));
  }

  namespaceSettings(
    item: NamespaceCommonSpec,
    pointer: string,
    capabilities: NamespaceCapabilities,
  ): NamespaceSettings {
    const defaults = this.profile.namespace;
    const network = this.spec.network;
    const wantsPrivateEndpoint = item.privateEndpoint ?? defaults.privateEndpoint;
    const encryption = this.spec.encryption;
    const wantsKey = item.customerManagedKey ?? defaults.customerManagedKey;
    return {
      name: item.name,
      azureName: capabilities.azureName,
      source: this.source(pointer),
      ...this.grants(item),
      localAuth: item.localAuth ?? defaults.localAuth,
      publicNetworkAccess: item.publicNetworkAccess ?? defaults.publicNetworkAccess,
      allowedIpRanges: item.allowedIpRanges ?? [],
      trustedServicesAllowed: item.trustedServicesAllowed ?? defaults.trustedServicesAllowed,
      minimumTlsVersion: "1.2",
      privateEndpoint:
        wantsPrivateEndpoint && capabilities.privateEndpointSupported && network
          ? {
              azureName: privateEndpointName(capabilities.service, capabilities.azureName),
              subnetId: network.privateEndpointSubnetId,
              privateDnsZoneId: network.privateDnsZoneIds?.[capabilities.dnsZone],
            }
          : undefined,
      diagnostics: item.diagnostics ?? defaults.diagnostics,
      lock: item.lock ?? defaults.lock,
      preventDestroy: this.preventDestroy(capabilities.service, item.name),
      userAssignedIdentityIds: item.userAssignedIdentityIds ?? [],
      customerManagedKey:
        wantsKey && capabilities.customerManagedKeySupported && encryption
          ? {
              keyVaultKeyId: encryption.keyVaultKeyId,
              identityId: encryption.identityId,
              infrastructureEncryption:
                encryption.infrastructureEncryption ?? defaults.infrastructureEncryption,
            }
          : undefined,
      tags: this.tags(item.tags),
    };
  }
}
