import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { formatDiagnostic, type Diagnostic } from "../../../model/diagnostics";
import { loadEnvironmentText } from "../../../model/load-environment";
import { synthesizeEnvironments } from "../../../stacks/app";

/*
 * Focused option tests: each row states one definite outcome for one option, either "refused with
 * this message at this field" or "reaches the synthesized JSON as this attribute". Rows that reach
 * the JSON share one file per table (each row on its own item), so a table synthesizes once.
 */

export type Json = Record<string, unknown>;
export type Tier = "development" | "production";

export interface TerraformJson {
  readonly resource: Record<string, Record<string, Json>>;
  readonly output?: Record<string, Json>;
}

export const file = "reach.yaml";
export const today = new Date("2026-11-23T00:00:00Z");
export const sub = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-x/providers";
export const ids = {
  subnet:
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-pe",
  dnsZone: (zone: string) => `${sub}/Microsoft.Network/privateDnsZones/${zone}`,
  identity: `${sub}/Microsoft.ManagedIdentity/userAssignedIdentities/id-extra`,
  cmkIdentity: `${sub}/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk`,
  workspace: `${sub}/Microsoft.OperationalInsights/workspaces/log-reach`,
  storage: `${sub}/Microsoft.Storage/storageAccounts/streachexternal`,
  cluster: `${sub}/Microsoft.EventHub/clusters/ehc-existing`,
  function: `${sub}/Microsoft.Web/sites/fn-reach/functions/handle`,
};
export const keyVaultKeyId = "https://kv-reach.vault.azure.net/keys/messaging";
export const encryption = { keyVaultKeyId, identityId: ids.cmkIdentity };
export const principalId = "11111111-1111-1111-1111-111111111111";

/** A file valid in `tier` declaring `body`; production brings the blocks its profile requires. */
export function environment(tier: Tier, body: Json, extra: Json = {}): Json {
  const required =
    tier === "production"
      ? {
          network: {
            privateEndpointSubnetId: ids.subnet,
            privateDnsZoneIds: {
              serviceBus: ids.dnsZone("privatelink.servicebus.windows.net"),
              eventHubs: ids.dnsZone("privatelink.servicebus.windows.net"),
              eventGrid: ids.dnsZone("privatelink.eventgrid.azure.net"),
              iotHub: ids.dnsZone("privatelink.azure-devices.net"),
              relay: ids.dnsZone("privatelink.servicebus.windows.net"),
            },
          },
          encryption,
          monitoring: { logAnalyticsWorkspaceId: ids.workspace, alertEmails: ["oncall@contoso.example"] },
        }
      : {};
  return {
    name: "reach",
    tier,
    location: "westeurope",
    naming: { prefix: "contoso" },
    ...required,
    principals: { app: { objectId: principalId, type: "ServicePrincipal" } },
    ...body,
    ...extra,
  };
}

/** A waiver of `rule` for `resource`, as a production file states an exception. */
export function waiver(rule: string, resource: string): Json {
  return { rule, resource, reason: "focused test", expires: "2027-03-31" };
}

export function errorsOf(doc: Json): readonly Diagnostic[] {
  const result = loadEnvironmentText(stringify(doc), file, { today });
  return result.ok ? [] : result.errors;
}

/** Loads and synthesizes `doc`; a refused file fails with its errors. */
export function synthesize(doc: Json): TerraformJson {
  const result = loadEnvironmentText(stringify(doc), file, { today });
  if (!result.ok)
    throw new Error(`expected the file to load:\n${result.errors.map(formatDiagnostic).join("\n")}`);
  const outdir = mkdtempSync(join(tmpdir(), "reach-"));
  try {
    synthesizeEnvironments([result.model], outdir);
    return JSON.parse(
      readFileSync(join(outdir, "stacks", result.model.name, "cdk.tf.json"), "utf8"),
    ) as TerraformJson;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The resources of `type` whose body contains `select` (values may be asymmetric matchers). */
export function resourcesMatching(json: TerraformJson, type: string, select: Json): Json[] {
  const matcher = expect.objectContaining(select) as { asymmetricMatch(other: unknown): boolean };
  return Object.values(json.resource[type] ?? {}).filter((body) => matcher.asymmetricMatch(body));
}

/** The one resource of `type` whose body contains `select`. */
export function onlyResource(json: TerraformJson, type: string, select: Json): Json {
  const found = resourcesMatching(json, type, select);
  if (found.length !== 1) {
    throw new Error(`expected one ${type} matching ${JSON.stringify(select)}, found ${found.length}`);
  }
  return found[0];
}

/** A row that the validator refuses: exactly one error, at `path`, whose message contains `message`. */
export interface RefusedRow {
  readonly option: string;
  readonly doc: Json;
  readonly path: string;
  readonly message: string;
}

export function describeRefusals(title: string, rows: readonly RefusedRow[]): void {
  describe(title, () => {
    it.each(rows.map((row) => [row.option, row] as const))("%s", (_option, row) => {
      const errors = errorsOf(row.doc);
      expect(errors.map((e) => `${e.path}  ${e.message}`)).toEqual([
        expect.stringContaining(`${row.path}  ${row.message}`),
      ]);
      expect(errors[0]).toMatchObject({ file, line: expect.any(Number) });
      expect(errors[0].line).toBeGreaterThan(0);
    });
  });
}

/**
 * A row whose option reaches the JSON: the one resource of `type` matching `select` holds
 * `attributes` (a partial match; `absent` lists attributes it must not set).
 */
export interface ReachRow {
  readonly option: string;
  readonly type: string;
  readonly select: Json;
  readonly attributes?: Json;
  readonly absent?: readonly string[];
}

/** The rows of one file: synthesized once, each row checks its own resource. */
export function describeReach(title: string, doc: Json, rows: readonly ReachRow[]): void {
  describe(title, () => {
    let json: TerraformJson | undefined;
    let failure: unknown;
    beforeAll(() => {
      try {
        json = synthesize(doc);
      } catch (error) {
        failure = error;
      }
    });
    it.each(rows.map((row) => [row.option, row] as const))("%s", (_option, row) => {
      if (!json) throw failure;
      const body = onlyResource(json, row.type, row.select);
      if (row.attributes) expect(body).toMatchObject(row.attributes);
      for (const attribute of row.absent ?? []) expect(body).not.toHaveProperty(attribute);
    });
  });
}

/**
 * A row whose option leaves a resource out: no resource of `type` matches `select`, while exactly
 * one matches `control` (the same resource of a sibling without the option), so the row cannot
 * pass by selecting nothing.
 */
export interface AbsentRow {
  readonly option: string;
  readonly type: string;
  readonly select: Json;
  readonly control: Json;
}

export function describeAbsent(title: string, doc: Json, rows: readonly AbsentRow[]): void {
  describe(title, () => {
    let json: TerraformJson | undefined;
    let failure: unknown;
    beforeAll(() => {
      try {
        json = synthesize(doc);
      } catch (error) {
        failure = error;
      }
    });
    it.each(rows.map((row) => [row.option, row] as const))("%s", (_option, row) => {
      if (!json) throw failure;
      expect(resourcesMatching(json, row.type, row.select)).toEqual([]);
      expect(resourcesMatching(json, row.type, row.control)).toHaveLength(1);
    });
  });
}

/** A token reference to a resource of `type` whose construct ID contains `part`. */
export function referenceTo(type: string, part: string, attribute = "id"): unknown {
  return expect.stringMatching(new RegExp(`^\\$\\{${type}\\.[^.}]*${part}[^.}]*\\.${attribute}\\}$`));
}

/**
 * The rows every kind with shared interfaces has: `diagnostics`, `lock` and `privateEndpoint` turned
 * off (each waived in production) leave that resource out. The items are named `<prefix>-no-diagnostics`,
 * `<prefix>-unlocked` and `<prefix>-no-endpoint`; `ref(name)` is the reference to one of them.
 */
export function sharedInterfacesLeftOut(
  what: string,
  prefix: string,
  ref: (name: string) => unknown,
): AbsentRow[] {
  const endpointOf = (name: string): Json => ({
    private_service_connection: expect.objectContaining({ private_connection_resource_id: ref(name) }),
  });
  return [
    {
      option: `${what} diagnostics: false, waived: no diagnostic setting`,
      type: "azurerm_monitor_diagnostic_setting",
      select: { target_resource_id: ref(`${prefix}-no-diagnostics`) },
      control: { target_resource_id: ref(`${prefix}-unlocked`) },
    },
    {
      option: `${what} lock: false, waived: no lock`,
      type: "azurerm_management_lock",
      select: { scope: ref(`${prefix}-unlocked`) },
      control: { scope: ref(`${prefix}-no-diagnostics`) },
    },
    {
      option: `${what} privateEndpoint: false, waived: no private endpoint`,
      type: "azurerm_private_endpoint",
      select: endpointOf(`${prefix}-no-endpoint`),
      control: endpointOf(`${prefix}-unlocked`),
    },
  ];
}
