import { Construct } from "constructs";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { EVENT_GRID_NAMESPACE_API_VERSION } from "../../azure/event-grid";
import {
  MqttRoles,
  clientAttributeProblems,
  clientGroupProblems,
  clientThumbprintProblems,
  topicSpaceProblems,
} from "../../azure/event-grid-mqtt";
import type { AzureNameKind } from "../../azure/name-rules";
import { under, type Problem } from "../../azure/problem";
import { AzapiResource } from "../shared/azapi-resource";
import { Grantable, type GrantableRole, type GrantScope } from "../shared/grantable";
import type { Grantee } from "../shared/role-assignments";
import { known, knownValues, validateWith } from "../shared/validation";
import type { EventGridNamespace } from "./namespace";
import { nameProblems } from "./names";
import { terraformLiteral } from "../shared/terraform-literal";

/**
 * The GA API version of Microsoft.EventGrid that defines topic spaces, client groups, permission
 * bindings and clients. azurerm 4.x has no resources for them, so they go through azapi.
 */
export const MQTT_API_VERSION = EVENT_GRID_NAMESPACE_API_VERSION;

const brokerType = (child: string): string => `Microsoft.EventGrid/namespaces/${child}@${MQTT_API_VERSION}`;

/** What every broker resource checks: the namespace has its broker on, and Azure takes the name. */
function brokerResourceProblems(namespace: EventGridNamespace, kind: AzureNameKind, name: string): Problem[] {
  return [
    ...(namespace.mqttEnabled
      ? []
      : [
          {
            field: "namespace",
            message: `${namespace.name} has the MQTT broker off; enable mqttEnabled on it`,
          },
        ]),
    ...nameProblems(kind, known(name)),
  ];
}

// ---------------------------------------------------------------- topic spaces

/** Body of Microsoft.EventGrid/namespaces/topicSpaces. */
interface TopicSpaceBody {
  readonly properties: { readonly topicTemplates: string[]; readonly description?: string };
}

export interface MqttTopicSpaceProps {
  readonly namespace: EventGridNamespace;
  readonly name: string;
  /** MQTT topic filters the space holds, e.g. `plants/+/telemetry/#`. */
  readonly templates: readonly string[];
  /** @default - no description */
  readonly description?: string;
}

/** A topic space: the set of topics permission bindings grant publish or subscribe on. */
export class MqttTopicSpace extends Grantable<"publish" | "subscribe"> {
  readonly resource: AzapiResource;
  readonly name: string;
  private readonly label: string;
  protected readonly grantRoles: Readonly<Record<"publish" | "subscribe", GrantableRole>> = {
    publish: { role: MqttRoles.publisher, idPrefix: "publisher" },
    subscribe: { role: MqttRoles.subscriber, idPrefix: "subscriber" },
  };

  constructor(scope: Construct, id: string, props: MqttTopicSpaceProps) {
    super(scope, id);
    validateWith(this, `MQTT topic space ${props.name}`, () => [
      ...brokerResourceProblems(props.namespace, "mqttTopicSpace", props.name),
      ...topicSpaceProblems(knownValues({ templates: props.templates })),
    ]);
    this.name = props.name;
    this.label = `${props.namespace.label}/topicSpaces/${props.name}`;
    const body: TopicSpaceBody = {
      properties: { topicTemplates: props.templates.map(terraformLiteral), description: props.description },
    };
    this.resource = new AzapiResource(this, "topic-space", {
      type: brokerType("topicSpaces"),
      name: props.name,
      parentId: props.namespace.id,
      body: { ...body },
    });
  }

  get id(): string {
    return this.resource.id;
  }

  protected grantScope(): GrantScope {
    return { id: this.resource.id, label: this.label };
  }

  /** Lets an Entra ID-authenticated client publish to this topic space. */
  grantPublish(grantee: Grantee): RoleAssignment {
    return this.grant("publish", grantee);
  }

  /** Lets an Entra ID-authenticated client subscribe to this topic space. */
  grantSubscribe(grantee: Grantee): RoleAssignment {
    return this.grant("subscribe", grantee);
  }
}

// ---------------------------------------------------------------- client groups

/** Body of Microsoft.EventGrid/namespaces/clientGroups. */
interface ClientGroupBody {
  readonly properties: { readonly query: string; readonly description?: string };
}

export interface MqttClientGroupProps {
  readonly namespace: EventGridNamespace;
  readonly name: string;
  /** Which clients belong, by their attributes, e.g. `attributes.role = 'gateway'`. */
  readonly query: string;
  /** @default - no description */
  readonly description?: string;
}

/** A client group: the clients whose attributes match a query. */
export class MqttClientGroup extends Construct {
  readonly resource: AzapiResource;
  readonly name: string;

  constructor(scope: Construct, id: string, props: MqttClientGroupProps) {
    super(scope, id);
    validateWith(this, `MQTT client group ${props.name}`, () => [
      ...brokerResourceProblems(props.namespace, "mqttClientGroup", props.name),
      ...clientGroupProblems(knownValues({ query: props.query })),
    ]);
    this.name = props.name;
    const body: ClientGroupBody = { properties: { query: props.query, description: props.description } };
    this.resource = new AzapiResource(this, "client-group", {
      type: brokerType("clientGroups"),
      name: props.name,
      parentId: props.namespace.id,
      body: { ...body },
    });
  }

  get id(): string {
    return this.resource.id;
  }
}

// ---------------------------------------------------------------- permission bindings

/** Body of Microsoft.EventGrid/namespaces/permissionBindings. */
interface PermissionBindingBody {
  readonly properties: {
    readonly clientGroupName: string;
    readonly topicSpaceName: string;
    readonly permission: "Publisher" | "Subscriber";
    readonly description?: string;
  };
}

export interface MqttPermissionBindingProps {
  readonly namespace: EventGridNamespace;
  readonly name: string;
  readonly clientGroup: MqttClientGroup;
  readonly topicSpace: MqttTopicSpace;
  readonly role: "publisher" | "subscriber";
  /** @default - no description */
  readonly description?: string;
}

/** Grants a client group publish or subscribe on a topic space. */
export class MqttPermissionBinding extends Construct {
  readonly resource: AzapiResource;
  readonly name: string;

  constructor(scope: Construct, id: string, props: MqttPermissionBindingProps) {
    super(scope, id);
    validateWith(this, `MQTT permission binding ${props.name}`, () =>
      brokerResourceProblems(props.namespace, "mqttPermissionBinding", props.name),
    );
    this.name = props.name;
    const body: PermissionBindingBody = {
      properties: {
        clientGroupName: props.clientGroup.name,
        topicSpaceName: props.topicSpace.name,
        permission: props.role === "publisher" ? "Publisher" : "Subscriber",
        description: props.description,
      },
    };
    this.resource = new AzapiResource(this, "permission-binding", {
      type: brokerType("permissionBindings"),
      name: props.name,
      parentId: props.namespace.id,
      body: { ...body },
      // The body names the group and the space; Azure refuses the binding until both exist.
      dependsOn: [props.clientGroup.resource, props.topicSpace.resource],
    });
  }

  get id(): string {
    return this.resource.id;
  }
}

// ---------------------------------------------------------------- clients

/**
 * How a client's certificate is checked: its thumbprint against one or two registered ones
 * (primary and secondary, for rotation), or, for certificates issued by a CA registered with the
 * namespace, one certificate field against the client's authentication name.
 */
export type MqttClientAuthentication =
  | { readonly kind: "thumbprint"; readonly thumbprints: readonly string[] }
  | { readonly kind: "certificateChain"; readonly match: "Subject" | "Dns" | "Uri" | "Ip" | "Email" };

export type MqttAttributeValue = string | number | boolean | readonly string[];

/** Body of Microsoft.EventGrid/namespaces/clients. */
interface ClientBody {
  readonly properties: {
    readonly authenticationName: string;
    readonly clientCertificateAuthentication: {
      readonly validationScheme: string;
      readonly allowedThumbprints?: string[];
    };
    readonly attributes?: Record<string, string | number | boolean | string[]>;
    readonly state: "Enabled" | "Disabled";
    readonly description?: string;
  };
}

export interface MqttClientProps {
  readonly namespace: EventGridNamespace;
  readonly name: string;
  /**
   * The name the client authenticates as.
   * @default - the client's resource name
   */
  readonly authenticationName?: string;
  readonly authentication: MqttClientAuthentication;
  /**
   * Attributes client group queries match on (strings, integers, booleans, string arrays).
   * @default - no attributes
   */
  readonly attributes?: Readonly<Record<string, MqttAttributeValue>>;
  /**
   * Whether the client may connect.
   * @default - enabled
   */
  readonly enabled?: boolean;
  /** @default - no description */
  readonly description?: string;
}

/** An MQTT client registered with the broker, authenticated by X.509 certificate. */
export class MqttClient extends Construct {
  readonly resource: AzapiResource;
  readonly name: string;

  constructor(scope: Construct, id: string, props: MqttClientProps) {
    super(scope, id);
    validateWith(this, `MQTT client ${props.name}`, () => [
      ...brokerResourceProblems(props.namespace, "mqttClient", props.name),
      ...(props.authentication.kind === "thumbprint"
        ? under("authentication", clientThumbprintProblems(knownValues(props.authentication.thumbprints)))
        : []),
      ...clientAttributeProblems(knownValues(props.attributes)),
    ]);
    const auth = props.authentication;
    const attributes = props.attributes ?? {};
    this.name = props.name;
    const body: ClientBody = {
      properties: {
        authenticationName: props.authenticationName ?? props.name,
        clientCertificateAuthentication:
          auth.kind === "thumbprint"
            ? { validationScheme: "ThumbprintMatch", allowedThumbprints: [...auth.thumbprints] }
            : { validationScheme: `${auth.match}MatchesAuthenticationName` },
        attributes: Object.keys(attributes).length > 0 ? plainAttributes(attributes) : undefined,
        state: props.enabled === false ? "Disabled" : "Enabled",
        description: props.description,
      },
    };
    this.resource = new AzapiResource(this, "client", {
      type: brokerType("clients"),
      name: props.name,
      parentId: props.namespace.id,
      body: { ...body },
    });
  }

  get id(): string {
    return this.resource.id;
  }
}

function plainAttributes(
  attributes: Readonly<Record<string, MqttAttributeValue>>,
): Record<string, string | number | boolean | string[]> {
  const plain: Record<string, string | number | boolean | string[]> = {};
  for (const key of Object.keys(attributes).sort()) {
    const value = attributes[key];
    plain[key] = Array.isArray(value)
      ? [...(value as readonly string[])]
      : (value as string | number | boolean);
  }
  return plain;
}
