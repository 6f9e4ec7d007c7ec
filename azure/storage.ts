import { azureNameProblem, genericNameRules } from "./name-rule";
import type { Problem } from "./problem";

/**
 * Azure Storage facts that resources which write to a storage account rely on (IoT Hub's routing
 * endpoints and file upload): how an account is addressed and how its containers may be named.
 */

/** `/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>`. */
const storageAccountIdPattern =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/([^/]+)$/i;

/** The account name in a storage account's ARM ID, or undefined when the text is not one. */
export function storageAccountNameOf(storageAccountId: string): string | undefined {
  return storageAccountIdPattern.exec(storageAccountId)?.[1];
}

/**
 * The account's blob service endpoint in the form of its `primary_blob_endpoint` (trailing slash
 * included): "Storage account overview", standard endpoints `https://<account>.blob.core.windows.net`.
 */
export function blobEndpoint(accountName: string): string {
  return `https://${accountName}.blob.core.windows.net/`;
}

/**
 * A connection string that names the account and nothing else: no key, no SAS ("Configure Azure
 * Storage connection strings": `AccountName` and `EndpointSuffix` build the endpoints).
 */
export function keylessConnectionString(accountName: string): string {
  return `DefaultEndpointsProtocol=https;AccountName=${accountName};EndpointSuffix=core.windows.net`;
}

/**
 * Container names: 3-63 lowercase letters, digits and hyphens, starting and ending with a letter or
 * digit, no two hyphens in a row ("Naming and referencing containers, blobs, and metadata").
 */
const containerNamePattern = /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/**
 * What is wrong with a storage target, `{storageAccountId, container}` as the environment file
 * writes it: the account name ends the blob host and the container is part of the blob URL.
 */
export function storageTargetProblems(target: {
  readonly storageAccountId?: string;
  readonly container?: string;
}): Problem[] {
  const problems: Problem[] = [];
  if (target.storageAccountId !== undefined) {
    const account = storageAccountNameOf(target.storageAccountId);
    const problem =
      account === undefined
        ? `must be a storage account's ARM ID (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>), got "${target.storageAccountId}"`
        : nameProblem(account);
    if (problem !== undefined) problems.push({ field: "storageAccountId", message: problem });
  }
  if (target.container !== undefined && !containerNamePattern.test(target.container)) {
    problems.push({
      field: "container",
      message: `container must be 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit, got "${target.container}"; rename it`,
    });
  }
  return problems;
}

function nameProblem(account: string): string | undefined {
  const problem = azureNameProblem(genericNameRules.storageAccount, account);
  return problem === undefined
    ? undefined
    : `storage account name "${account}" ${problem}; give the ARM ID of an existing storage account`;
}
