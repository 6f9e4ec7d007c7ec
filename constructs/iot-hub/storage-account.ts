/**
 * The account name in a storage account's ARM ID. Endpoints and file upload address the account
 * by its blob host (`<name>.blob.core.windows.net`), which the name determines.
 */
export function storageAccountNameOf(storageAccountId: string): string {
  const match =
    /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/([a-z0-9]{3,24})$/i.exec(
      storageAccountId,
    );
  if (!match) {
    throw new Error(
      `storageAccountId must be a storage account's ARM ID (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>), got "${storageAccountId}"`,
    );
  }
  return match[1];
}

/**
 * The account's blob service endpoint in the form of its `primary_blob_endpoint` (trailing slash
 * included), which azurerm documents as the `endpoint_uri` of an identity-based storage endpoint.
 */
export function blobEndpointOf(storageAccountId: string): string {
  return `https://${storageAccountNameOf(storageAccountId)}.blob.core.windows.net/`;
}
