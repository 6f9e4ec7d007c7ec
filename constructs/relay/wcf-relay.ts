import type { Construct } from "constructs";
import { azureNameProblems } from "../../azure/name-rule";
import { relayEntityProblems, relayNameRules, type WcfRelayType } from "../../azure/relay";
import { AzapiResource } from "../shared/azapi-resource";
import type { GrantScope } from "../shared/grantable";
import { protectFromDestroy } from "../shared/stateful";
import { known, knownValues, validateWith } from "../shared/validation";
import type { RelayNamespace } from "./namespace";
import { RelayGrantable } from "./relay-grantable";

export type { WcfRelayType } from "../../azure/relay";

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

/**
 * A WCF relay. azurerm has no resource for it, so it is declared through azapi. Azure fixes the
 * relay type and both authorization switches when the relay is created; changing them later means
 * a new relay under a new name.
 */
export class WcfRelay extends RelayGrantable {
  readonly resource: AzapiResource;
  readonly name: string;
  private readonly namespaceName: string;

  constructor(scope: Construct, id: string, props: WcfRelayProps) {
    super(scope, id);
    validateWith(this, `WCF relay ${props.name}`, () => [
      ...azureNameProblems(relayNameRules.wcfRelay, known(props.name)),
      ...relayEntityProblems(knownValues({ relayType: props.relayType, userMetadata: props.userMetadata })),
    ]);
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

  protected grantScope(): GrantScope {
    return { id: this.resource.id, label: `relay/${this.namespaceName}/${this.name}` };
  }
}
