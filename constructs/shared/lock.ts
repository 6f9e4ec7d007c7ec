import { Construct } from "constructs";
import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";

/** A `CanNotDelete` lock: the resource can change but not be deleted until the lock is lifted. */
export function deleteLockFor(
  scope: Construct,
  id: string,
  resourceId: string,
  resourceLabel: string,
): ManagementLock {
  return new ManagementLock(scope, id, {
    name: "lock-cannot-delete",
    scope: resourceId,
    lockLevel: "CanNotDelete",
    notes: `Protects ${resourceLabel} and what it holds (messages, events, enrollments) from deletion; lift deliberately (see README: allowDestroy).`,
  });
}
