import { Construct } from "constructs";
import type { TerraformResource } from "cdktf";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { StreamAnalyticsOutputBlob } from "@cdktf/provider-azurerm/lib/stream-analytics-output-blob";
import { StreamAnalyticsOutputEventhub } from "@cdktf/provider-azurerm/lib/stream-analytics-output-eventhub";
import { StreamAnalyticsOutputServicebusQueue } from "@cdktf/provider-azurerm/lib/stream-analytics-output-servicebus-queue";
import { StreamAnalyticsOutputServicebusTopic } from "@cdktf/provider-azurerm/lib/stream-analytics-output-servicebus-topic";
import { storageAccountNameOf } from "../../azure/storage";
import {
  blobOutputDefaults,
  managedIdentityAuthentication,
  streamAnalyticsOutputRoles,
  type OutputSerialization,
} from "../../azure/stream-analytics";
import type { DeliveryTarget } from "../shared/entity";
import { grantRole } from "../shared/role-assignments";
import type { StreamAnalyticsJob } from "./job";
import { serializationBlock } from "./serialization";

export interface EntityOutputProps {
  readonly job: StreamAnalyticsJob;
  /** The name the query writes it by. */
  readonly alias: string;
  /** A queue, topic or event hub of the stack. */
  readonly target: DeliveryTarget;
  /** Azure name of the target's namespace. */
  readonly namespaceName: string;
  /** @default - Json, one event per line */
  readonly serialization?: OutputSerialization;
}

/**
 * A Service Bus queue or topic or an event hub the job writes to with its managed identity,
 * which gets the entity's data-sender role (the target's own `grantSend`).
 */
export class EntityOutput extends Construct {
  readonly resource: TerraformResource;
  readonly grant: RoleAssignment;

  constructor(scope: Construct, id: string, props: EntityOutputProps) {
    super(scope, id);
    const { job, target } = props;
    this.grant = target.grantSend(job.grantee);
    const common = {
      name: props.alias,
      streamAnalyticsJobName: job.jobName,
      resourceGroupName: job.resourceGroupName,
      servicebusNamespace: props.namespaceName,
      authenticationMode: managedIdentityAuthentication,
      serialization: serializationBlock(props.serialization ?? "Json", "output"),
    };
    if (target.kind === "serviceBusQueue") {
      this.resource = new StreamAnalyticsOutputServicebusQueue(this, "output", {
        ...common,
        queueName: target.entityPath,
      });
    } else if (target.kind === "serviceBusTopic") {
      this.resource = new StreamAnalyticsOutputServicebusTopic(this, "output", {
        ...common,
        topicName: target.entityPath,
      });
    } else {
      this.resource = new StreamAnalyticsOutputEventhub(this, "output", {
        ...common,
        eventhubName: target.entityPath,
      });
    }
    job.registerOutput(
      { alias: props.alias, [target.kind]: target.label, serialization: props.serialization },
      this.resource,
      this.grant,
    );
  }
}

export interface BlobOutputProps {
  readonly job: StreamAnalyticsJob;
  readonly alias: string;
  /** ARM ID of the storage account. */
  readonly storageAccountId: string;
  readonly container: string;
  /** @default - `{date}/{time}`: a folder per day and hour */
  readonly pathPattern?: string;
  /** @default - Json, one event per line */
  readonly serialization?: OutputSerialization;
}

/**
 * A blob container the job writes files to with its managed identity, which gets Storage Blob
 * Data Contributor on the container only: the narrowest scope that lets it write.
 */
export class BlobOutput extends Construct {
  readonly resource: StreamAnalyticsOutputBlob;
  readonly grant: RoleAssignment;

  constructor(scope: Construct, id: string, props: BlobOutputProps) {
    super(scope, id);
    const { job } = props;
    // An ID that names no account is refused by the schema; its raw text keeps construction going.
    const account = storageAccountNameOf(props.storageAccountId) ?? props.storageAccountId;
    this.grant = grantRole(this, "grant-write", {
      scopeId: `${props.storageAccountId}/blobServices/default/containers/${props.container}`,
      scopeLabel: `storage/${account}/${props.container}`,
      role: streamAnalyticsOutputRoles.blob,
      grantee: job.grantee,
    });
    this.resource = new StreamAnalyticsOutputBlob(this, "output", {
      name: props.alias,
      streamAnalyticsJobName: job.jobName,
      resourceGroupName: job.resourceGroupName,
      storageAccountName: account,
      storageContainerName: props.container,
      pathPattern: props.pathPattern ?? blobOutputDefaults.pathPattern,
      dateFormat: blobOutputDefaults.dateFormat,
      timeFormat: blobOutputDefaults.timeFormat,
      authenticationMode: managedIdentityAuthentication,
      serialization: serializationBlock(props.serialization ?? "Json", "output"),
    });
    job.registerOutput(
      { alias: props.alias, blob: props.container, serialization: props.serialization },
      this.resource,
      this.grant,
    );
  }
}
