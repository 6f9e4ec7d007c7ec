import { Construct } from "constructs";
import type { ITerraformDependable } from "cdktf";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { IothubSharedAccessPolicyA } from "@cdktf/provider-azurerm/lib/iothub-shared-access-policy";
import { StreamAnalyticsStreamInputEventhubV2 } from "@cdktf/provider-azurerm/lib/stream-analytics-stream-input-eventhub-v2";
import { StreamAnalyticsStreamInputIothub } from "@cdktf/provider-azurerm/lib/stream-analytics-stream-input-iothub";
import {
  iotHubInputEndpoint,
  managedIdentityAuthentication,
  type InputSerialization,
} from "../../azure/stream-analytics";
import type { ReadableEntity } from "../shared/entity";
import type { StreamAnalyticsJob } from "./job";
import { serializationBlock } from "./serialization";

export interface EventHubInputProps {
  readonly job: StreamAnalyticsJob;
  /** The name the query reads it by. */
  readonly alias: string;
  /** The event hub: what the input names (its label and path) and the grant that lets the job receive. */
  readonly hub: ReadableEntity;
  /** Azure name of the hub's namespace. */
  readonly namespaceName: string;
  /** A consumer group of the hub that no other reader shares. */
  readonly consumerGroup: string;
  /** @default - Json */
  readonly serialization?: InputSerialization;
}

/**
 * An Event Hubs input read with the job's managed identity, which gets Azure Event Hubs Data
 * Receiver on the hub: no shared access key exists anywhere.
 */
export class EventHubInput extends Construct {
  readonly resource: StreamAnalyticsStreamInputEventhubV2;
  readonly grant: RoleAssignment;

  constructor(scope: Construct, id: string, props: EventHubInputProps) {
    super(scope, id);
    this.grant = props.hub.grantReceive(props.job.grantee);
    this.resource = new StreamAnalyticsStreamInputEventhubV2(this, "input", {
      name: props.alias,
      streamAnalyticsJobId: props.job.id,
      servicebusNamespace: props.namespaceName,
      eventhubName: props.hub.entityPath,
      eventhubConsumerGroupName: props.consumerGroup,
      authenticationMode: managedIdentityAuthentication,
      serialization: serializationBlock(props.serialization ?? "Json", "input"),
    });
    props.job.registerInput(
      { alias: props.alias, eventHub: props.hub.label, serialization: props.serialization },
      this.resource,
      this.grant,
    );
  }
}

/** An IoT hub a job reads: its Azure name, resource group, and the resource its policy waits for. */
export interface ReadableIotHub {
  readonly name: string;
  readonly resourceGroupName: string;
  readonly resource: ITerraformDependable;
}

export interface IotHubInputProps {
  readonly job: StreamAnalyticsJob;
  readonly alias: string;
  readonly hub: ReadableIotHub;
  /** A consumer group of the hub's built-in endpoint that no other reader shares. */
  readonly consumerGroup: string;
  /** @default - Json */
  readonly serialization?: InputSerialization;
}

/** The IoT Hub policies a job's inputs share, by hub name. */
const jobPolicies = new WeakMap<StreamAnalyticsJob, Map<string, IothubSharedAccessPolicyA>>();

function policiesOf(job: StreamAnalyticsJob): Map<string, IothubSharedAccessPolicyA> {
  const existing = jobPolicies.get(job);
  if (existing) return existing;
  const created = new Map<string, IothubSharedAccessPolicyA>();
  jobPolicies.set(job, created);
  return created;
}

/**
 * An IoT Hub input. azurerm's IoT Hub input takes a shared access policy key and no managed
 * identity, so the job gets a policy of its own on the hub with `ServiceConnect` only (reading
 * device-to-cloud messages), named after the job; production refuses these inputs before synthesis.
 */
export class IotHubInput extends Construct {
  readonly resource: StreamAnalyticsStreamInputIothub;
  readonly policy: IothubSharedAccessPolicyA;

  constructor(scope: Construct, id: string, props: IotHubInputProps) {
    super(scope, id);
    // One policy per job and hub: it is named after the job, and azurerm refuses to create a
    // second policy of a name the hub has (iothub_shared_access_policy_resource.go, Create).
    const policies = policiesOf(props.job);
    this.policy =
      policies.get(props.hub.name) ??
      new IothubSharedAccessPolicyA(this, "policy", {
        name: props.job.azureName,
        resourceGroupName: props.hub.resourceGroupName,
        iothubName: props.hub.name,
        serviceConnect: true,
        // The hub is named, not referenced: the policy waits for it explicitly.
        dependsOn: [props.hub.resource],
      });
    policies.set(props.hub.name, this.policy);
    this.resource = new StreamAnalyticsStreamInputIothub(this, "input", {
      name: props.alias,
      streamAnalyticsJobName: props.job.jobName,
      resourceGroupName: props.job.resourceGroupName,
      endpoint: iotHubInputEndpoint,
      iothubNamespace: props.hub.name,
      eventhubConsumerGroupName: props.consumerGroup,
      sharedAccessPolicyName: this.policy.name,
      sharedAccessPolicyKey: this.policy.primaryKey,
      serialization: serializationBlock(props.serialization ?? "Json", "input"),
    });
    props.job.registerInput(
      { alias: props.alias, iotHub: props.hub.name, serialization: props.serialization },
      this.resource,
    );
  }
}
