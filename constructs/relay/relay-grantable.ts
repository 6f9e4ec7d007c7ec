import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { relayRoles } from "../../azure/relay";
import { Grantable, type GrantableRole } from "../shared/grantable";
import type { Grantee } from "../shared/role-assignments";

/** What a grant on a Relay namespace or relay lets a principal do. */
export type RelayAccess = "listen" | "send" | "manage";

/**
 * Relay's roles with the construct-ID prefixes their assignments have always had (`listen-`,
 * `send-`, `own-`): the prefix is part of each assignment's Terraform address.
 */
const relayGrantRoles: Readonly<Record<RelayAccess, GrantableRole>> = {
  listen: { role: relayRoles.listen, idPrefix: "listen" },
  send: { role: relayRoles.send, idPrefix: "send" },
  manage: { role: relayRoles.manage, idPrefix: "own" },
};

/**
 * A Relay namespace, hybrid connection or WCF relay: anything that grants listening, sending and
 * full control with Azure Relay's built-in roles at its own scope.
 */
export abstract class RelayGrantable extends Grantable<RelayAccess> {
  protected readonly grantRoles = relayGrantRoles;

  /** Lets `grantee` accept connections here (Azure Relay Listener, at this scope only). */
  grantListen(grantee: Grantee): RoleAssignment {
    return this.grant("listen", grantee);
  }

  /** Lets `grantee` open connections to the listeners here (Azure Relay Sender, at this scope only). */
  grantSend(grantee: Grantee): RoleAssignment {
    return this.grant("send", grantee);
  }

  /** Lets `grantee` listen, send and manage here (Azure Relay Owner, at this scope only). */
  grantManage(grantee: Grantee): RoleAssignment {
    return this.grant("manage", grantee);
  }
}
