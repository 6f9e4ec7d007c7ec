import { EventgridTopic } from "@cdktf/provider-azurerm/lib/eventgrid-topic";
import {
  EventGridRoles,
  defaultInputSchema,
  ipRangeProblems,
  privateLinkSubresource,
  topicCapabilities,
  topicProblems,
  type InputSchema,
} from "../../azure/event-grid";
import { sharedInterfaceProblems } from "../../azure/namespace-capabilities";
import type { Construct } from "constructs";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { Grantable, type GrantableRole, type GrantScope } from "../shared/grantable";
import type { Grantee } from "../shared/role-assignments";
import {
  attachSharedInterfaces,
  resolveNamespaceInterfaces,
  sharedInterfaceRequest,
  type NamespaceInterfaceProps,
} from "../shared/shared-interfaces";
import { protectFromDestroy } from "../shared/stateful";
import { known, knownValues, validateWith } from "../shared/validation";
import type { EventSubscriptionScope, EventSubscriptionSource } from "./event-source";
import { nameProblems } from "./names";

/** Which event fields a custom input schema reads from the published JSON, and their defaults. */
export interface InputMapping {
  readonly id?: string;
  readonly topic?: string;
  readonly eventTime?: string;
  readonly eventType?: string;
  readonly subject?: string;
  readonly dataVersion?: string;
  readonly defaultEventType?: string;
  readonly defaultSubject?: string;
  readonly defaultDataVersion?: string;
}

/**
 * A custom topic takes the shared interfaces, except the ones Event Grid has no counterpart for
 * (`trustedServicesAllowed`, `customerManagedKey`: refused at synthesis, see `topicCapabilities`).
 */
export interface EventGridTopicProps extends NamespaceInterfaceProps {
  /** Azure name of the topic. */
  readonly name: string;
  /** Logical name for labels and role-assignment names. @default - the Azure name */
  readonly label?: string;
  /**
   * Schema publishers send.
   * @default - CloudEvents 1.0, the CNCF standard every SDK speaks
   */
  readonly inputSchema?: InputSchema;
  /**
   * Field mapping for `CustomEventSchema` (the only schema that takes one).
   * @default - no mapping
   */
  readonly inputMapping?: InputMapping;
}

/**
 * An Event Grid custom topic with a system-assigned identity (its subscriptions deliver with it).
 * The `azurerm_eventgrid_topic` binding of azurerm 4.x has no minimum-TLS argument, so the
 * service default applies.
 */
export class EventGridTopic extends Grantable<"send"> implements EventSubscriptionSource {
  readonly resource: EventgridTopic;
  readonly name: string;
  readonly label: string;
  readonly inputSchema: InputSchema;
  readonly subscriptionScope: EventSubscriptionScope;
  readonly identity: Grantee;
  protected readonly grantRoles: Readonly<Record<"send", GrantableRole>> = {
    send: { role: EventGridRoles.topicSender, idPrefix: "sender" },
  };

  constructor(scope: Construct, id: string, props: EventGridTopicProps) {
    super(scope, id);
    validateWith(this, `Event Grid topic ${props.name}`, () => [
      ...nameProblems("eventGridTopic", known(props.name)),
      ...sharedInterfaceProblems(topicCapabilities, sharedInterfaceRequest(knownValues(props))),
      ...ipRangeProblems(knownValues(props.allowedIpRanges)),
      ...topicProblems(knownValues(props)),
    ]);
    const interfaces = resolveNamespaceInterfaces(props);
    this.name = props.name;
    this.label = `eventGrid/topics/${props.label ?? props.name}`;
    this.inputSchema = props.inputSchema ?? defaultInputSchema;
    const mapping = props.inputMapping;
    this.resource = new EventgridTopic(this, "topic", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      inputSchema: this.inputSchema,
      inputMappingFields: mapping
        ? {
            id: mapping.id,
            topic: mapping.topic,
            eventTime: mapping.eventTime,
            eventType: mapping.eventType,
            subject: mapping.subject,
            dataVersion: mapping.dataVersion,
          }
        : undefined,
      inputMappingDefaultValues:
        mapping && (mapping.defaultEventType || mapping.defaultSubject || mapping.defaultDataVersion)
          ? {
              eventType: mapping.defaultEventType,
              subject: mapping.defaultSubject,
              dataVersion: mapping.defaultDataVersion,
            }
          : undefined,
      localAuthEnabled: interfaces.localAuth,
      publicNetworkAccessEnabled: interfaces.publicNetworkAccess,
      inboundIpRule: interfaces.allowedIpRanges.map((ipMask) => ({ ipMask, action: "Allow" })),
      identity: { type: interfaces.identity.type, identityIds: interfaces.identity.identityIds },
      tags: props.tags ? { ...props.tags } : undefined,
    });
    protectFromDestroy(this.resource, interfaces.preventDestroy);

    this.subscriptionScope = { kind: "topic", topicId: this.resource.id };
    this.identity = {
      name: `evgt-${props.label ?? props.name}`,
      principalId: this.resource.identity.principalId,
      principalType: "ServicePrincipal",
    };

    attachSharedInterfaces(this, {
      resourceId: this.resource.id,
      resourceLabel: `Event Grid topic ${props.name}`,
      name: props.name,
      subresource: privateLinkSubresource("topic"),
      interfaces: props,
    });
  }

  get id(): string {
    return this.resource.id;
  }

  get endpoint(): string {
    return this.resource.endpoint;
  }

  protected grantScope(): GrantScope {
    return { id: this.resource.id, label: this.label };
  }

  /** Lets `grantee` publish events to this topic ("EventGrid Data Sender" on the topic). */
  grantSend(grantee: Grantee): RoleAssignment {
    return this.grant("send", grantee);
  }
}
