/**
 * The remote state the stack's azurerm backend uses: it must exist before `terraform init`, take
 * Entra ID (the backend sets `use_azuread_auth`, and the bootstrap turns shared keys off), and be
 * reachable from the runners the environment's jobs use.
 */
import type { CheckFamily } from "../context";
import { fail, pass } from "../findings";

const blobKinds = ["StorageV2", "BlobStorage", "BlockBlobStorage"];

interface NetworkAcls {
  readonly defaultAction?: string;
}

export const state: CheckFamily = {
  what: "remote state",
  run: async (ctx, guard) => {
    const s = ctx.model.state;
    if (!s) return [];
    const accountId = `/subscriptions/${ctx.subscriptionId}/resourceGroups/${s.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${s.storageAccount}`;
    const bootstrap = `npm run bootstrap -- --env ${ctx.model.name}`;
    const accountCheck = `state storage account ${s.storageAccount} exists and accepts Entra ID only`;
    let accountExists = true;
    const account = await guard(accountCheck, async () => {
      const found = await ctx.arm.get(accountId);
      if (!found) {
        accountExists = false;
        return fail(
          accountCheck,
          `no account ${s.storageAccount} in resource group ${s.resourceGroup}`,
          bootstrap,
        );
      }
      if (found.kind && !blobKinds.includes(found.kind)) {
        return fail(
          accountCheck,
          `the account is of kind ${found.kind}, which holds no blobs`,
          `use a StorageV2 account (${bootstrap})`,
        );
      }
      if (found.properties?.allowSharedKeyAccess !== false) {
        return fail(
          accountCheck,
          "shared keys are allowed: anyone holding an account key reads the state, secrets included, without Entra ID",
          `az storage account update --name ${s.storageAccount} --resource-group ${s.resourceGroup} --allow-shared-key-access false`,
        );
      }
      const closed =
        found.properties?.publicNetworkAccess === "Disabled" ||
        (found.properties?.networkAcls as NetworkAcls | undefined)?.defaultAction === "Deny";
      if (closed && ctx.model.deploy.runsOn.includes("ubuntu-latest")) {
        return fail(
          accountCheck,
          "the account refuses public network traffic, and this environment's jobs run on GitHub-hosted runners",
          `set deploy.runsOn in ${ctx.model.file} to runners inside the network, or open the account's firewall to them`,
        );
      }
      return pass(accountCheck);
    });
    const containerCheck = `state container ${s.container} exists in ${s.storageAccount}`;
    const container = accountExists
      ? await guard(containerCheck, async () =>
          (await ctx.arm.get(`${accountId}/blobServices/default/containers/${s.container}`))
            ? pass(containerCheck)
            : fail(containerCheck, `no container ${s.container}`, bootstrap),
        )
      : fail(containerCheck, `the account ${s.storageAccount} does not exist`, bootstrap);
    return [account, container];
  },
};
