import { Construct } from "constructs";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { AzapiResource } from "../shared/azapi-resource";
import {
  BuiltInRole,
  grantId,
  grantRole,
  type BuiltInRoleName,
  type Grantee,
} from "../shared/role-assignments";
import { protectFromDestroy } from "../shared/stateful";
import type { RelayNamespace } from "./namespace";

export type WcfRelayType = "NetTcp" | "Http";

export interface WcfRelayProps {
  readonly namespace: RelayNamespace;
  /** Unique among the namespace's hybrid connections and WCF relays (they share one address space). */
  readonly name: string;
  /** The WCF binding family the relay serves: `NetTcp` (NetTcpRelayBinding) or `Http`. */
  readonly relayType: WcfRelayType;
  /**
   * Whether senders must present a token.
   * @default - required: anonymous senders are refused
   */
  readonly requiresClientAuthorization?: boolean;
  /**
   * Whether the relay accepts only TLS-protected traffic.
   * @default - required
   */
  readonly requiresTransportSecurity?: boolean;
  /**
   * Free text stored with the relay.
   * @default - none
   */
  readonly userMetadata?: string;
  /**
   * Whether Terraform refuses plans that destroy the relay.
   * @default - destroy is allowed
   */
  readonly preventDestroy?: boolean;
}

/** Body of `Microsoft.Relay/namespaces/wcfRelays` (API 2021-11-01). */
interface WcfRelayBody extends Record<string, unknown> {
  readonly properties: {
    readonly relayType: WcfRelayType;
    readonly requiresClientAuthorization: boolean;
    readonly requiresTransportSecurity: boolean;
    readonly userMetadata?: string;
  };
}

const relayTypes: readonly string[] = ["NetTcp", "Http"];

/**
 * A WCF relay. azurerm has no resource for it, so it is declared through azapi. Azure fixes the
 * relay type and both authorization switches when the relay is created; changing them later means
 * a new relay under a new name.
 */
export class WcfRelay extends Construct {
  readonly resource: AzapiResource;
  readonly name: string;
  private readonly namespaceName: string;

  constructor(scope: Construct, id: string, props: WcfRelayProps) {
    super(scope, id);
    if (!relayTypes.includes(props.relayType)) {
      throw new Error(`relayType must be one of ${relayTypes.join(", ")}, got "${props.relayType}"`);
    }
    if (props.name.trim() === "") throw new Error(`WCF relay name must not be empty, got "${props.name}"`);
    this.name = props.name;
    this.namespaceName = props.namespace.name;
    const body: WcfRelayBody = {
      properties: {
        relayType: props.relayType,
        requiresClientAuthorization: props.requiresClientAuthorization ?? true,
        requiresTransportSecurity: props.requiresTransportSecurity ?? true,
        userMetadata: props.userMetadata,
      },
    };
    this.resource = new AzapiResource(this, "wcf-relay", {
      type: "Microsoft.Relay/namespaces/wcfRelays@2021-11-01",
      name: props.name,
      parentId: props.namespace.id,
      body,
    });
    protectFromDestroy(this.resource, props.preventDestroy ?? false);
  }

  get id(): string {
    return this.resource.id;
  }

  /** Lets `grantee` host the service behind this relay (Azure Relay Listener, here only). */
  grantListen(grantee: Grantee): RoleAssignment {
    return this.grant("listen", BuiltInRole.relayListener, grantee);
  }

  /** Lets `grantee` call the service behind this relay (Azure Relay Sender, here only). */
  grantSend(grantee: Grantee): RoleAssignment {
    return this.grant("send", BuiltInRole.relaySender, grantee);
  }

  private grant(prefix: string, role: BuiltInRoleName, grantee: Grantee): RoleAssignment {
    return grantRole(this, grantId(prefix, grantee), {
      scopeId: this.resource.id,
      scopeLabel: `relay/${this.namespaceName}/${this.name}`,
      role,
      grantee,
    });
  }
}
