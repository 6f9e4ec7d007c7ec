import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { synthesizeEnvironments } from "../../../stacks/app";
import { formatDiagnostic } from "../../../model/diagnostics";
import { loadEnvironmentText, type LoadResult } from "../../../model/load-environment";
import type { EnvironmentModel } from "../../../model/model";

/*
 * What the generated-case tests (validation-gaps*.test.ts) share: valid base files per tier, a
 * loader and a synthesizer that each work once per document, and the case generator. The contract
 * they test: a file either fails validation with file, line, column and field, or it synthesizes,
 * and every option it states reaches the Terraform JSON.
 */

export type Json = Record<string, unknown>;
export type Tier = "development" | "production";
export interface TerraformJson {
  readonly resource: Record<string, Record<string, Json>>;
  readonly output?: Record<string, Json>;
}

export const today = new Date("2026-11-23T00:00:00Z");
export const tiers: readonly Tier[] = ["development", "production"];
export const sub = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-x/providers";
export const ids = {
  subnet: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-pe`,
  dnsZone: (zone: string) => `${sub}/Microsoft.Network/privateDnsZones/${zone}`,
  identity: `${sub}/Microsoft.ManagedIdentity/userAssignedIdentities/id-extra`,
  cmkIdentity: `${sub}/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk`,
  workspace: `${sub}/Microsoft.OperationalInsights/workspaces/log-gap`,
  storage: `${sub}/Microsoft.Storage/storageAccounts/stgapexternal`,
  cluster: `${sub}/Microsoft.EventHub/clusters/ehc-existing`,
  function: `${sub}/Microsoft.Web/sites/fn-gap/functions/handle`,
};

export const network = {
  privateEndpointSubnetId: ids.subnet,
  privateDnsZoneIds: {
    serviceBus: ids.dnsZone("privatelink.servicebus.windows.net"),
    eventHubs: ids.dnsZone("privatelink.servicebus.windows.net"),
    eventGrid: ids.dnsZone("privatelink.eventgrid.azure.net"),
    iotHub: ids.dnsZone("privatelink.azure-devices.net"),
    relay: ids.dnsZone("privatelink.servicebus.windows.net"),
  },
};
export const encryption = {
  keyVaultKeyId: "https://kv-gap.vault.azure.net/keys/messaging",
  identityId: ids.cmkIdentity,
};

/** A file valid in `tier` declaring `body`; production brings the blocks its profile requires. */
export function environment(tier: Tier, body: Json, extra: Json = {}): Json {
  const required =
    tier === "production"
      ? {
          network,
          encryption,
          monitoring: { logAnalyticsWorkspaceId: ids.workspace, alertEmails: ["oncall@contoso.example"] },
        }
      : {};
  return {
    name: "gap",
    tier,
    location: "westeurope",
    naming: { prefix: "contoso" },
    ...required,
    principals: { app: { objectId: "11111111-1111-1111-1111-111111111111", type: "ServicePrincipal" } },
    ...body,
    ...extra,
  };
}

const loadedFiles = new Map<Json, LoadResult>();

/** Loads a file once: the generated cases share documents, and a model synthesizes once. */
export function load(doc: Json): LoadResult {
  const cached = loadedFiles.get(doc);
  if (cached) return cached;
  const result = loadEnvironmentText(stringify(doc), "gap.yaml", { today });
  loadedFiles.set(doc, result);
  return result;
}

const synthesized = new Map<EnvironmentModel, TerraformJson>();

export function synthesize(model: EnvironmentModel): TerraformJson {
  const cached = synthesized.get(model);
  if (cached) return cached;
  const outdir = mkdtempSync(join(tmpdir(), "gap-"));
  try {
    synthesizeEnvironments([model], outdir);
    const json = JSON.parse(
      readFileSync(join(outdir, "stacks", model.name, "cdk.tf.json"), "utf8"),
    ) as TerraformJson;
    synthesized.set(model, json);
    return json;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The model of a file that must load (a base file, or a specific case's file). */
export function loaded(doc: Json): EnvironmentModel {
  const result = load(doc);
  if (!result.ok)
    throw new Error(`expected the file to load:\n${result.errors.map(formatDiagnostic).join("\n")}`);
  return result.model;
}

/** The file's errors as `file:line:column  path  message` lines; empty when it loads. */
export function errorsOf(doc: Json): string[] {
  const result = load(doc);
  return result.ok ? [] : result.errors.map(formatDiagnostic);
}

export function resources(json: TerraformJson, type: string): Json[] {
  return Object.values(json.resource[type] ?? {});
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** One option on top of a base file. */
export interface OptionCase {
  readonly name: string;
  readonly apply: (doc: Json) => void;
}

export interface GeneratedCase {
  readonly name: string;
  readonly doc: Json;
  /** The file without the option; the case is a base file itself when `doc === base`. */
  readonly base: Json;
}

export function waiver(rule: string, resource: string): Json {
  return { rule, resource, reason: "gap test", expires: "2027-03-31" };
}

export function addWaiver(doc: Json, rule: string, resource: string): void {
  doc.waivers = [...((doc.waivers as Json[] | undefined) ?? []), waiver(rule, resource)];
}

/** Each base file as a case, then each option applied on its own to a copy of it. */
export function generate(
  prefix: string,
  bases: readonly { readonly name: string; readonly tier: Tier; readonly doc: Json }[],
  options: (tier: Tier, baseName: string) => readonly OptionCase[],
): GeneratedCase[] {
  return bases.flatMap((base) => [
    { name: `${prefix} ${base.name}`, doc: base.doc, base: base.doc },
    ...options(base.tier, base.name).map((option) => {
      const doc = clone(base.doc);
      option.apply(doc);
      return { name: `${prefix} ${base.name} with ${option.name}`, doc, base: base.doc };
    }),
  ]);
}

/**
 * The contract's three tests over a set of generated cases. `noOpOptions` names the options whose
 * stated value is what happens anyway (each with its reason where it is declared).
 */
export function describeTheContract(cases: readonly GeneratedCase[], noOpOptions: readonly RegExp[]): void {
  describe("every generated base file is valid in its tier", () => {
    const bases = cases.filter((c) => c.doc === c.base);
    it.each(bases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
      expect(errorsOf(c.doc)).toEqual([]);
    });
  });

  describe("every generated environment either fails validation or synthesizes", () => {
    it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const result = load(c.doc);
      if (!result.ok) {
        for (const error of result.errors) {
          expect(error.file).toBe("gap.yaml");
          expect(error.line).toBeGreaterThan(0);
          expect(error.path).not.toBe("");
        }
        return;
      }
      expect(() => synthesize(result.model)).not.toThrow();
    });
  });

  describe("every option a loading file states changes the synthesized JSON", () => {
    const withOptions = cases.filter((c) => c.doc !== c.base && !noOpOptions.some((re) => re.test(c.name)));
    it.each(withOptions.map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const variant = load(c.doc);
      if (!variant.ok) return;
      const base = synthesize(loaded(c.base));
      expect(JSON.stringify(synthesize(variant.model))).not.toBe(JSON.stringify(base));
    });
  });
}

/** Where a namespace-like item sits in the document, and how waivers name it. */
export interface NamespaceTarget {
  /** The service as waivers and resource references name it (`serviceBus`, `eventGridTopics`, ...). */
  readonly service: string;
  /** Policy rule prefix of the service (`SB`, `EG-TOPIC`, ...). */
  readonly rulePrefix: string;
  /** The item in the document the options change. */
  readonly locate: (doc: Json) => Json;
}

/** Sets one field of the target item, adding the waiver of `rule` for it when one is named. */
export function namespaceSetter(target: NamespaceTarget) {
  return (field: string, value: unknown, rule?: string) =>
    (doc: Json): void => {
      const item = target.locate(doc);
      item[field] = value;
      if (rule) addWaiver(doc, `${target.rulePrefix}-${rule}`, `${target.service}/${String(item.name)}`);
    };
}

/** The options every namespace-like resource shares, each with a value that differs from the tier's default. */
export function sharedNamespaceOptions(target: NamespaceTarget, tier: Tier): OptionCase[] {
  const prod = tier === "production";
  const set = namespaceSetter(target);
  const options: OptionCase[] = [
    {
      name: "publicNetworkAccess flipped",
      apply: set("publicNetworkAccess", prod, prod ? "PUBLIC-NETWORK" : undefined),
    },
    { name: "allowedIpRanges", apply: set("allowedIpRanges", ["203.0.113.0/24"]) },
    {
      name: "allowedIpRanges with public access waived",
      apply: (doc) => {
        set("allowedIpRanges", ["203.0.113.0/24"])(doc);
        set("publicNetworkAccess", true, prod ? "PUBLIC-NETWORK" : undefined)(doc);
      },
    },
    {
      name: "privateEndpoint flipped",
      apply: set("privateEndpoint", !prod, prod ? "PRIVATE-ENDPOINT" : undefined),
    },
    { name: "diagnostics false", apply: set("diagnostics", false, prod ? "DIAGNOSTICS" : undefined) },
    { name: "lock flipped", apply: set("lock", !prod, prod ? "LOCK" : undefined) },
    { name: "userAssignedIdentityIds", apply: set("userAssignedIdentityIds", [ids.identity]) },
    { name: "trustedServicesAllowed false", apply: set("trustedServicesAllowed", false) },
    { name: "resourceName", apply: set("resourceName", `gap-custom-${target.service.toLowerCase()}`) },
    { name: "tags", apply: set("tags", { team: "gap" }) },
    { name: "senders", apply: set("senders", ["app"]) },
    { name: "receivers", apply: set("receivers", ["app"]) },
    { name: "owners", apply: set("owners", ["app"]) },
  ];
  if (prod) {
    options.push({
      name: "publicNetworkAccess true without a waiver",
      apply: set("publicNetworkAccess", true),
    });
  }
  return options;
}
