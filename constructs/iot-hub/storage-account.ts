import { Token } from "cdktf";
import type { Problem } from "../../azure/problem";

/**
 * A storage account ID must be text at synthesis: the account name in it builds the blob host an
 * endpoint or file upload addresses (`<name>.blob.core.windows.net`), and the stable names of the
 * role assignments on it. A Terraform token has neither until apply.
 */
export function knownStorageAccountId(field: string, storageAccountId: string | undefined): Problem[] {
  if (storageAccountId === undefined || !Token.isUnresolved(storageAccountId)) return [];
  return [
    {
      field,
      message:
        "must be the storage account's ARM ID as text, known at synthesis (its account name builds the blob endpoint), got a Terraform token",
    },
  ];
}
