import { Construct } from "constructs";
import { EventgridSystemTopic } from "@cdktf/provider-azurerm/lib/eventgrid-system-topic";
import { privateLinkSubresource, systemTopicInputSchema, systemTopicProblems } from "../../azure/event-grid";
import type { Grantee } from "../shared/role-assignments";
import { attachSharedInterfaces, type NamespaceInterfaceProps } from "../shared/shared-interfaces";
import { known, knownValues, validateWith } from "../shared/validation";
import type { EventSubscriptionScope, EventSubscriptionSource } from "./event-source";
import { nameProblems } from "./names";

/**
 * A system topic has no network, key or identity settings of its own (its source's apply): of the
 * shared interfaces it takes the location, diagnostics and tags.
 */
export interface EventGridSystemTopicProps extends Pick<
  NamespaceInterfaceProps,
  "resourceGroupName" | "logAnalyticsWorkspaceId" | "tags"
> {
  /** Azure name of the system topic. */
  readonly name: string;
  /** Logical name for labels and role-assignment names. @default - the Azure name */
  readonly label?: string;
  /** Region of the source (`global` for subscription- and resource-group-level sources). */
  readonly location: string;
  /** ARM ID of the Azure resource whose events the topic publishes. */
  readonly sourceResourceId: string;
  /** The source's topic type, e.g. `Microsoft.Storage.StorageAccounts`. */
  readonly topicType: string;
}

/**
 * The Event Grid system topic of an Azure resource, with a system-assigned identity its
 * subscriptions deliver with. Azure publishes its events in the Event Grid schema.
 */
export class EventGridSystemTopic extends Construct implements EventSubscriptionSource {
  readonly resource: EventgridSystemTopic;
  readonly name: string;
  readonly label: string;
  readonly inputSchema = systemTopicInputSchema;
  readonly subscriptionScope: EventSubscriptionScope;
  readonly identity: Grantee;

  constructor(scope: Construct, id: string, props: EventGridSystemTopicProps) {
    super(scope, id);
    validateWith(this, `Event Grid system topic ${props.name}`, () => [
      ...nameProblems("eventGridSystemTopic", known(props.name)),
      ...systemTopicProblems(
        knownValues({ topicType: props.topicType, sourceResourceId: props.sourceResourceId }),
      ),
    ]);
    this.name = props.name;
    this.label = `eventGrid/systemTopics/${props.label ?? props.name}`;
    this.resource = new EventgridSystemTopic(this, "system-topic", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      sourceResourceId: props.sourceResourceId,
      topicType: props.topicType,
      identity: { type: "SystemAssigned" },
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.subscriptionScope = {
      kind: "systemTopic",
      systemTopicName: this.resource.name,
      resourceGroupName: props.resourceGroupName,
    };
    this.identity = {
      name: `egst-${props.label ?? props.name}`,
      principalId: this.resource.identity.principalId,
      principalType: "ServicePrincipal",
    };
    attachSharedInterfaces(this, {
      resourceId: this.resource.id,
      resourceLabel: `Event Grid system topic ${props.name}`,
      name: props.name,
      subresource: privateLinkSubresource("topic"),
      interfaces: {
        location: props.location,
        resourceGroupName: props.resourceGroupName,
        tags: props.tags,
        logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
      },
    });
  }

  get id(): string {
    return this.resource.id;
  }
}
