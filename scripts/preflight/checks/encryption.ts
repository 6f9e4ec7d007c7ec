/**
 * The customer-managed key: the key exists and can wrap keys, its vault keeps deleted keys
 * recoverable, and the encryption identity may use it. Facts: Service Bus and Event Hubs need soft
 * delete and purge protection on the vault and the Get, Wrap Key and Unwrap Key permissions for the
 * identity ("Configure customer-managed keys for encrypting Azure Service Bus data at rest",
 * learn.microsoft.com/azure/service-bus-messaging/configure-customer-managed-key); in an RBAC vault
 * those are the data actions of "Key Vault Crypto Service Encryption User"
 * (learn.microsoft.com/azure/role-based-access-control/built-in-roles/security).
 */
import type { CheckFamily, Guard, PreflightContext } from "../context";
import type { ArmObject, ArmResource } from "../arm-reader";
import { fail, manual, nameOf, pass, type Finding } from "../findings";

const requiredDataActions = [
  "Microsoft.KeyVault/vaults/keys/read",
  "Microsoft.KeyVault/vaults/keys/wrap/action",
  "Microsoft.KeyVault/vaults/keys/unwrap/action",
];
const requiredKeyPermissions = ["get", "wrapkey", "unwrapkey"];

interface KeyUrl {
  readonly vault: string;
  readonly key: string;
  readonly managedHsm: boolean;
}

function parseKeyUrl(url: string): KeyUrl {
  const { hostname, pathname } = new URL(url);
  const [vault, kind] = hostname.split(".");
  const [, , key] = pathname.split("/");
  return { vault, key, managedHsm: kind === "managedhsm" };
}

/** Whether an RBAC action pattern (`*`, `Microsoft.KeyVault/vaults/keys/*`) covers `action`. */
function covers(pattern: string, action: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split("*")
      .map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
      .join(".*")}$`,
    "i",
  );
  return regex.test(action);
}

interface Permission {
  readonly dataActions?: readonly string[];
  readonly notDataActions?: readonly string[];
}

function grants(permissions: readonly Permission[], action: string): boolean {
  return permissions.some(
    (p) =>
      (p.dataActions ?? []).some((a) => covers(a, action)) &&
      !(p.notDataActions ?? []).some((a) => covers(a, action)),
  );
}

/** Whether the principal holds, at the key or above it, a role whose data actions wrap and unwrap. */
async function rbacAllows(ctx: PreflightContext, keyId: string, principalId: string): Promise<boolean> {
  const assignments = await ctx.arm.list(
    `${keyId}/providers/Microsoft.Authorization/roleAssignments`,
    "2022-04-01",
    {
      $filter: `assignedTo('${principalId}')`,
    },
  );
  const covering = assignments
    .map((a) => (a.properties ?? {}) as ArmObject)
    .filter(
      (p) =>
        p.principalId === principalId &&
        typeof p.scope === "string" &&
        keyId.toLowerCase().startsWith(p.scope.toLowerCase()),
    );
  for (const assignment of covering) {
    const definition = await ctx.arm.get(String(assignment.roleDefinitionId));
    const permissions = (definition?.properties?.permissions ?? []) as readonly Permission[];
    if (requiredDataActions.every((action) => grants(permissions, action))) return true;
  }
  return false;
}

interface AccessPolicy {
  readonly objectId?: string;
  readonly permissions?: { readonly keys?: readonly string[] };
}

function policyAllows(vault: ArmResource, principalId: string): boolean {
  const policies = (vault.properties?.accessPolicies ?? []) as readonly AccessPolicy[];
  return policies.some((policy) => {
    if (policy.objectId !== principalId) return false;
    const keys = (policy.permissions?.keys ?? []).map((k) => k.toLowerCase());
    return keys.includes("all") || requiredKeyPermissions.every((k) => keys.includes(k));
  });
}

async function findVault(ctx: PreflightContext, name: string): Promise<string | undefined> {
  const filter = `resourceType eq 'Microsoft.KeyVault/vaults' and name eq '${name}'`;
  for await (const resource of ctx.clients.resources.resources.list({ filter })) {
    if (resource.id && resource.name?.toLowerCase() === name.toLowerCase()) return resource.id;
  }
  return undefined;
}

async function keyVaultFindings(
  ctx: PreflightContext,
  guard: Guard,
  url: KeyUrl,
  identityId: string,
): Promise<readonly Finding[]> {
  const keyCheck = `Key Vault key ${url.key} in ${url.vault} exists, is enabled and can wrap keys`;
  const vaultCheck = `key vault ${url.vault} has soft delete and purge protection on`;
  const accessCheck = `encryption identity ${nameOf(identityId)} may get, wrap and unwrap key ${url.key}`;
  let vault: ArmResource | undefined;
  let keyId: string | undefined;
  const key = await guard(keyCheck, async () => {
    const vaultId = await findVault(ctx, url.vault);
    if (!vaultId) {
      return fail(
        keyCheck,
        `no key vault ${url.vault} in subscription ${ctx.subscriptionId}`,
        "create the vault and key, or correct encryption.keyVaultKeyId",
      );
    }
    vault = await ctx.arm.get(vaultId);
    keyId = `${vaultId}/keys/${url.key}`;
    const found = await ctx.arm.get(keyId);
    if (!found) {
      return fail(
        keyCheck,
        `no key ${url.key}`,
        `az keyvault key create --vault-name ${url.vault} --name ${url.key} --kty RSA --size 3072`,
      );
    }
    const attributes = (found.properties?.attributes ?? {}) as ArmObject;
    const keyOps = (found.properties?.keyOps ?? []) as readonly string[];
    const kty = String(found.properties?.kty ?? "");
    if (attributes.enabled === false)
      return fail(
        keyCheck,
        "the key is disabled",
        `az keyvault key set-attributes --vault-name ${url.vault} --name ${url.key} --enabled true`,
      );
    if (!kty.startsWith("RSA"))
      return fail(keyCheck, `the key is ${kty}, not RSA`, "use an RSA or RSA-HSM key");
    if (keyOps.length > 0 && !["wrapKey", "unwrapKey"].every((op) => keyOps.includes(op))) {
      return fail(
        keyCheck,
        `the key allows ${keyOps.join(", ")} only`,
        `allow wrapKey and unwrapKey: az keyvault key set-attributes --vault-name ${url.vault} --name ${url.key} --ops wrapKey unwrapKey`,
      );
    }
    return pass(keyCheck);
  });
  if (!vault || !keyId) return [key];
  const foundVault = vault;
  const foundKeyId = keyId;
  const recoverable = await guard(vaultCheck, async () =>
    foundVault.properties?.enableSoftDelete !== false && foundVault.properties?.enablePurgeProtection === true
      ? pass(vaultCheck)
      : fail(
          vaultCheck,
          "purge protection is off: Azure refuses such a vault for customer-managed keys",
          `az keyvault update --name ${url.vault} --enable-purge-protection true`,
        ),
  );
  const access = await guard(accessCheck, async () => {
    const identity = await ctx.arm.get(identityId);
    const principalId = identity?.properties?.principalId;
    if (typeof principalId !== "string") {
      return fail(
        accessCheck,
        `no user-assigned identity ${identityId}`,
        "create it, or correct encryption.identityId",
      );
    }
    const rbac = foundVault.properties?.enableRbacAuthorization === true;
    if (rbac ? await rbacAllows(ctx, foundKeyId, principalId) : policyAllows(foundVault, principalId))
      return pass(accessCheck);
    return fail(
      accessCheck,
      rbac
        ? "no role assignment at the key, its vault or above grants the wrap and unwrap data actions"
        : "no access policy of the vault grants get, wrapKey and unwrapKey",
      rbac
        ? `az role assignment create --assignee-object-id ${principalId} --assignee-principal-type ServicePrincipal --role "Key Vault Crypto Service Encryption User" --scope ${foundKeyId}`
        : `az keyvault set-policy --name ${url.vault} --object-id ${principalId} --key-permissions get wrapKey unwrapKey`,
    );
  });
  return [key, recoverable, access];
}

export const encryption: CheckFamily = {
  what: "customer-managed key",
  run: async (ctx, guard) => {
    const e = ctx.model.encryption;
    if (!e) return [];
    const url = parseKeyUrl(e.keyVaultKeyId);
    if (url.managedHsm) {
      return [
        manual(
          `Managed HSM key ${url.key} in ${url.vault} exists and identity ${nameOf(e.identityId)} may use it`,
          `Managed HSM keeps keys and role assignments in its own data plane, which ARM does not show: az keyvault key show --hsm-name ${url.vault} --name ${url.key} && az keyvault role assignment list --hsm-name ${url.vault} --scope /keys/${url.key}`,
        ),
      ];
    }
    return keyVaultFindings(ctx, guard, url, e.identityId);
  },
};
