import type { Construct } from "constructs";
import { RelayHybridConnection } from "@cdktf/provider-azurerm/lib/relay-hybrid-connection";
import { azureNameProblems } from "../../azure/name-rule";
import { relayEntityProblems, relayNameRules } from "../../azure/relay";
import type { GrantScope } from "../shared/grantable";
import { protectFromDestroy } from "../shared/stateful";
import { known, knownValues, validateWith } from "../shared/validation";
import type { RelayNamespace } from "./namespace";
import { RelayGrantable } from "./relay-grantable";

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
export class HybridConnection extends RelayGrantable {
  readonly resource: RelayHybridConnection;
  readonly name: string;
  private readonly namespaceName: string;
  private cachedId?: string;

  constructor(scope: Construct, id: string, props: HybridConnectionProps) {
    super(scope, id);
    validateWith(this, `hybrid connection ${props.name}`, () => [
      ...azureNameProblems(relayNameRules.hybridConnection, known(props.name)),
      ...relayEntityProblems(knownValues({ userMetadata: props.userMetadata })),
    ]);
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

  protected grantScope(): GrantScope {
    return { id: this.id, label: `relay/${this.namespaceName}/${this.name}` };
  }
}
