import { Construct } from "constructs";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import type { BuiltInRoleName } from "../../azure/roles";
import { grantId, grantRole, type Grantee } from "./role-assignments";

/** One kind of data-plane access a resource offers. */
export interface GrantableRole {
  /** The narrowest built-in role that gives it, at this resource's scope. */
  readonly role: BuiltInRoleName;
  /**
   * Prefix of the assignment's construct ID (`grant-send` gives `grant-send-<principal>`). It is
   * part of the assignment's Terraform address, so an existing resource keeps its own.
   */
  readonly idPrefix: string;
}

/** Where grants on a resource apply: its ARM ID, and a stable label for deterministic names. */
export interface GrantScope {
  readonly id: string;
  readonly label: string;
}

/**
 * A resource that can grant data-plane access to itself. Subclasses say which accesses they offer
 * (`grantRoles`) and where they apply (`grantScope`), and expose each as a named method
 * (`grantSend`) that calls {@link grant}. Every grant goes through `grantRole`, so a given
 * principal, role and scope is assigned once however many lists name it.
 */
export abstract class Grantable<Access extends string> extends Construct {
  /** The accesses this resource offers, each with its role. */
  protected abstract readonly grantRoles: Readonly<Record<Access, GrantableRole>>;

  /** Where this resource's grants apply. */
  protected abstract grantScope(): GrantScope;

  /** Gives `grantee` `access` to this resource, with the narrowest built-in role at its scope. */
  grant(access: Access, grantee: Grantee): RoleAssignment {
    const { role, idPrefix } = this.grantRoles[access];
    const scope = this.grantScope();
    return grantRole(this, grantId(idPrefix, grantee), {
      scopeId: scope.id,
      scopeLabel: scope.label,
      role,
      grantee,
    });
  }
}

/**
 * A messaging entity with the three accesses Service Bus and Event Hubs share: send, receive and
 * manage (full data-plane control).
 */
export abstract class SendReceiveManageEntity extends Grantable<"send" | "receive" | "manage"> {
  /** Lets `grantee` send to this resource only (the service's Data Sender role, here). */
  grantSend(grantee: Grantee): RoleAssignment {
    return this.grant("send", grantee);
  }

  /** Lets `grantee` receive from this resource only (the service's Data Receiver role, here). */
  grantReceive(grantee: Grantee): RoleAssignment {
    return this.grant("receive", grantee);
  }

  /** Gives `grantee` full data-plane control of this resource (the service's Data Owner role, here). */
  grantManage(grantee: Grantee): RoleAssignment {
    return this.grant("manage", grantee);
  }
}
