import { Construct } from "constructs";
import { Fn } from "cdktf";
import {
  connectors,
  managedApiId,
  managedIdentityParameterValueSet,
  managedServiceIdentityAuthentication,
  type ConnectedService,
} from "../../azure/logic-apps";
import { AzapiResource } from "../shared/azapi-resource";

/**
 * `Microsoft.Web/connections` at the newest API version the pinned azapi embeds a schema for
 * (azapi v2.5.0 internal/azure/generated/web/microsoft.web/2016-06-01/types.json).
 */
const connectionType = "Microsoft.Web/connections@2016-06-01";

export interface ApiConnectionProps {
  /** Azure name of the connection. */
  readonly name: string;
  /** The name the workflow's `$connections` uses for it. */
  readonly label: string;
  readonly service: ConnectedService;
  /** `<namespace>.servicebus.windows.net`: the namespace the connection authenticates against. */
  readonly namespaceHost: string;
  readonly location: string;
  readonly resourceGroupId: string;
  /**
   * Tags on the connection.
   * @default - no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** What a workflow's `$connections` parameter holds for one connection ("Authenticate access and connections with managed identities in Azure Logic Apps"). */
export interface WorkflowConnectionValue {
  readonly connectionId: string;
  readonly connectionName: string;
  readonly id: string;
  readonly connectionProperties: { readonly authentication: { readonly type: string } };
}

/**
 * A managed API connection (Service Bus or Event Hubs) that authenticates as the workflow's
 * managed identity: the `managedIdentityAuth` parameter value set with the namespace endpoint,
 * never a connection string. azurerm's `azurerm_api_connection` has no parameter value set, so
 * this is azapi. azapi's schema lacks `parameterValueSet` too, so azapi cannot check the body;
 * the project checks it at synthesis against that schema plus the documented property
 * (`documentedAdditions` in constructs/shared/azapi-body-check.ts).
 */
export class ApiConnection extends Construct {
  readonly resource: AzapiResource;
  readonly label: string;
  readonly azureName: string;
  private readonly apiId: string;

  constructor(scope: Construct, id: string, props: ApiConnectionProps) {
    super(scope, id);
    this.label = props.label;
    this.azureName = props.name;
    // The subscription is the third segment of the resource group's ID.
    const subscriptionId = Fn.element(Fn.split("/", props.resourceGroupId), 2);
    this.apiId = managedApiId(subscriptionId, props.location, props.service);
    this.resource = new AzapiResource(this, "connection", {
      type: connectionType,
      name: props.name,
      parentId: props.resourceGroupId,
      location: props.location,
      body: {
        properties: {
          displayName: `${connectors[props.service].label} ${props.label} (managed identity)`,
          api: { id: this.apiId },
          parameterValueSet: managedIdentityParameterValueSet(props.namespaceHost),
        },
      },
      tags: props.tags,
    });
  }

  /** The workflow's `$connections` entry for this connection, authenticating as its identity. */
  workflowValue(): WorkflowConnectionValue {
    return {
      connectionId: this.resource.id,
      connectionName: this.azureName,
      id: this.apiId,
      connectionProperties: { authentication: { type: managedServiceIdentityAuthentication } },
    };
  }
}
