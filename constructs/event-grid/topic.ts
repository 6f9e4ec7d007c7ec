import { Construct } from "constructs";
import { EventgridTopic } from "@cdktf/provider-azurerm/lib/eventgrid-topic";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { managedIdentity } from "../shared/identity";
import { BuiltInRole, type Grantee, grantId, grantRole } from "../shared/role-assignments";
import { attachSharedInterfaces } from "../shared/shared-interfaces";
import { protectFromDestroy } from "../shared/stateful";
import type { EventSubscriptionScope, EventSubscriptionSource, InputSchema } from "./event-source";
import { GrantLedger } from "./grant-ledger";

/** Custom topic names: 3 to 50 letters, digits and hyphens (Microsoft.EventGrid naming rules). */
const topicNamePattern = /^[A-Za-z0-9-]{3,50}$/;

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

export interface EventGridTopicProps {
  /** Azure name of the topic. */
  readonly name: string;
  /** Logical name for labels and role-assignment names. @default - the Azure name */
  readonly label?: string;
  readonly location: string;
  readonly resourceGroupName: string;
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
  /**
   * Whether publishers may authenticate with access keys / SAS.
   * @default - Entra ID only: no shared keys
   */
  readonly localAuthEnabled?: boolean;
  /**
   * Whether the public endpoint accepts traffic (limited by `allowedIpRanges` when given).
   * @default - public network access off: private endpoints only
   */
  readonly publicNetworkAccessEnabled?: boolean;
  /**
   * CIDR ranges admitted through the public endpoint.
   * @default - no IP rules
   */
  readonly allowedIpRanges?: readonly string[];
  /**
   * User-assigned identities, besides the system-assigned identity every topic gets.
   * @default - system-assigned identity only
   */
  readonly userAssignedIdentityIds?: readonly string[];
  /**
   * Log Analytics workspace for delivery and publish logs.
   * @default - no diagnostic settings
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Private endpoint (sub-resource `topic`).
   * @default - no private endpoint
   */
  readonly privateEndpoint?: { readonly subnetId: string; readonly privateDnsZoneId?: string };
  /**
   * Whether a CanNotDelete lock protects the topic.
   * @default - no lock
   */
  readonly lock?: boolean;
  /**
   * Whether Terraform refuses plans that destroy the topic.
   * @default - destroy allowed
   */
  readonly preventDestroy?: boolean;
  /** @default - no tags */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An Event Grid custom topic with a system-assigned identity (its subscriptions deliver with it).
 * The `azurerm_eventgrid_topic` binding of azurerm 4.x has no minimum-TLS argument, so the
 * service default applies.
 */
export class EventGridTopic extends Construct implements EventSubscriptionSource {
  readonly resource: EventgridTopic;
  readonly name: string;
  readonly label: string;
  readonly inputSchema: InputSchema;
  readonly subscriptionScope: EventSubscriptionScope;
  readonly identity: Grantee;
  private readonly ledger = new GrantLedger();

  constructor(scope: Construct, id: string, props: EventGridTopicProps) {
    super(scope, id);
    if (!topicNamePattern.test(props.name)) {
      throw new Error(`topic name must be 3 to 50 letters, digits or hyphens, got "${props.name}"`);
    }
    const inputSchema = props.inputSchema ?? "CloudEventSchemaV1_0";
    if (props.inputMapping && inputSchema !== "CustomEventSchema") {
      throw new Error(`inputMapping applies only to inputSchema CustomEventSchema, got ${inputSchema}`);
    }
    const invalidRange = (props.allowedIpRanges ?? []).find(
      (range) => !/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/.test(range),
    );
    if (invalidRange !== undefined) {
      throw new Error(`allowedIpRanges entries must be IPv4 addresses or CIDR ranges, got "${invalidRange}"`);
    }

    this.name = props.name;
    this.label = `eventGrid/topics/${props.label ?? props.name}`;
    this.inputSchema = inputSchema;
    const mapping = props.inputMapping;
    const identity = managedIdentity(props.userAssignedIdentityIds);
    this.resource = new EventgridTopic(this, "topic", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      inputSchema,
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
      localAuthEnabled: props.localAuthEnabled ?? false,
      publicNetworkAccessEnabled: props.publicNetworkAccessEnabled ?? false,
      inboundIpRule: (props.allowedIpRanges ?? []).map((ipMask) => ({ ipMask, action: "Allow" })),
      identity: { type: identity.type, identityIds: identity.identityIds },
      tags: props.tags ? { ...props.tags } : undefined,
    });
    protectFromDestroy(this.resource, props.preventDestroy ?? false);

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
      subresource: "topic",
      interfaces: {
        location: props.location,
        resourceGroupName: props.resourceGroupName,
        tags: props.tags,
        logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
        privateEndpoint: props.privateEndpoint
          ? {
              subnetId: props.privateEndpoint.subnetId,
              privateDnsZoneId: props.privateEndpoint.privateDnsZoneId,
            }
          : undefined,
        lock: props.lock,
      },
    });
  }

  get id(): string {
    return this.resource.id;
  }

  get endpoint(): string {
    return this.resource.endpoint;
  }

  /** Lets `grantee` publish events to this topic ("EventGrid Data Sender" on the topic). */
  grantSend(grantee: Grantee): RoleAssignment {
    return grantRole(this, grantId("sender", grantee), {
      scopeId: this.resource.id,
      scopeLabel: this.label,
      role: BuiltInRole.eventGridDataSender,
      grantee,
    });
  }

  grantOnce(key: string, create: () => RoleAssignment): RoleAssignment {
    return this.ledger.once(key, create);
  }
}
