import { Construct } from "constructs";
import { RelayHybridConnection } from "@cdktf/provider-azurerm/lib/relay-hybrid-connection";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import {
  BuiltInRole,
  grantId,
  grantRole,
  type BuiltInRoleName,
  type Grantee,
} from "../shared/role-assignments";
import { protectFromDestroy } from "../shared/stateful";
import type { RelayNamespace } from "./namespace";

export interface HybridConnectionProps {
  readonly namespace: RelayNamespace;
  /** Unique among the namespace's hybrid connections and WCF relays (they share one address space). */
  readonly name: string;
  /**
   * Whether senders must present a token.
   * @default - required: anonymous senders are refused
   */
  readonly requiresClientAuthorization?: boolean;
  /**
   * Free text stored with the connection (listeners often read endpoint details from it).
   * @default - none
   */
  readonly userMetadata?: string;
  /**
   * Whether Terraform refuses plans that destroy the connection.
   * @default - destroy is allowed
   */
  readonly preventDestroy?: boolean;
}

/**
 * A hybrid connection: a rendezvous point through which a listener behind a firewall accepts
 * WebSocket or HTTP connections from senders, with no inbound port opened.
 */
export class HybridConnection extends Construct {
  readonly resource: RelayHybridConnection;
  readonly name: string;
  private readonly namespaceName: string;
  private cachedId?: string;

  constructor(scope: Construct, id: string, props: HybridConnectionProps) {
    super(scope, id);
    // The provider's rules: a non-empty name, and metadata that is absent or non-empty.
    if (props.name.trim() === "")
      throw new Error(`hybrid connection name must not be empty, got "${props.name}"`);
    if (props.userMetadata !== undefined && props.userMetadata.trim() === "") {
      throw new Error(`hybrid connection ${props.name}: userMetadata must be omitted or non-empty, got ""`);
    }
    this.name = props.name;
    this.namespaceName = props.namespace.name;
    this.resource = new RelayHybridConnection(this, "hybrid-connection", {
      name: props.name,
      relayNamespaceName: props.namespace.resource.name,
      resourceGroupName: props.namespace.resourceGroupName,
      requiresClientAuthorization: props.requiresClientAuthorization ?? true,
      userMetadata: props.userMetadata,
    });
    protectFromDestroy(this.resource, props.preventDestroy ?? false);
  }

  /** ARM ID of the hybrid connection (one token, read once: every read makes a new one). */
  get id(): string {
    return (this.cachedId ??= this.resource.id);
  }

  /** Lets `grantee` accept connections on this hybrid connection (Azure Relay Listener, here only). */
  grantListen(grantee: Grantee): RoleAssignment {
    return this.grant("listen", BuiltInRole.relayListener, grantee);
  }

  /** Lets `grantee` open connections to this hybrid connection's listener (Azure Relay Sender, here only). */
  grantSend(grantee: Grantee): RoleAssignment {
    return this.grant("send", BuiltInRole.relaySender, grantee);
  }

  /** Lets `grantee` listen, send and manage this hybrid connection (Azure Relay Owner, here only). */
  grantOwner(grantee: Grantee): RoleAssignment {
    return this.grant("own", BuiltInRole.relayOwner, grantee);
  }

  private grant(prefix: string, role: BuiltInRoleName, grantee: Grantee): RoleAssignment {
    return grantRole(this, grantId(prefix, grantee), {
      scopeId: this.id,
      scopeLabel: `relay/${this.namespaceName}/${this.name}`,
      role,
      grantee,
    });
  }
}
