import { Construct } from "constructs";
import type { TerraformResource } from "cdktf";
import { IothubEndpointEventhub } from "@cdktf/provider-azurerm/lib/iothub-endpoint-eventhub";
import { IothubEndpointServicebusQueue } from "@cdktf/provider-azurerm/lib/iothub-endpoint-servicebus-queue";
import { IothubEndpointServicebusTopic } from "@cdktf/provider-azurerm/lib/iothub-endpoint-servicebus-topic";
import { IothubEndpointStorageContainer } from "@cdktf/provider-azurerm/lib/iothub-endpoint-storage-container";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { iotHubNameRules, storageEndpointDefaults } from "../../azure/iot-hub";
import { storageEndpointProblems } from "../../azure/iot-hub-rules";
import { azureNameProblems } from "../../azure/name-rule";
import { under } from "../../azure/problem";
import { blobEndpoint, storageAccountNameOf } from "../../azure/storage";
import type { DeliveryTarget } from "../shared/entity";
import { BuiltInRole, grantRole } from "../shared/role-assignments";
import { known, knownValues, validateWith } from "../shared/validation";
import type { IotHub } from "./iot-hub";
import { knownStorageAccountId } from "./storage-account";

/** A blob container that receives routed messages in batches. */
export interface StorageContainerTarget {
  readonly kind: "storageContainer";
  readonly storageAccountId: string;
  readonly container: string;
  /**
   * @default - Avro
   */
  readonly encoding?: "Avro" | "AvroDeflate" | "JSON";
  /**
   * Blob name pattern; must contain {iothub}, {partition}, {YYYY}, {MM}, {DD}, {HH} and {mm}.
   * @default - `{iothub}/{partition}/{YYYY}/{MM}/{DD}/{HH}/{mm}`
   */
  readonly fileNameFormat?: string;
  /**
   * Seconds between blob writes, 60–720.
   * @default - 300 seconds
   */
  readonly batchFrequencySeconds?: number;
  /**
   * Bytes per blob, 10485760–524288000.
   * @default - 314572800 bytes (300 MB)
   */
  readonly maxChunkSizeBytes?: number;
}

export type IotHubEndpointTarget = DeliveryTarget | StorageContainerTarget;

export interface IotHubEndpointProps {
  readonly hub: IotHub;
  /** Endpoint name, unique within the hub; the built-in names are reserved. */
  readonly name: string;
  /** Where routed messages go; the hub's identity is granted the right to deliver there. */
  readonly target: IotHubEndpointTarget;
}

/**
 * A custom routing endpoint authenticated with the hub's system-assigned identity: no connection
 * string, no key. The identity gets the narrowest data-sender role on the target itself, and the
 * endpoint waits for that grant, since IoT Hub checks it can reach the target when it is created.
 */
export class IotHubEndpoint extends Construct {
  readonly resource: TerraformResource & { readonly name: string };
  /** The endpoint's name, as a reference routes and enrichments depend on. */
  readonly endpointName: string;
  /** The role assignment that lets the hub deliver to the target. */
  readonly grant: RoleAssignment;

  constructor(scope: Construct, id: string, props: IotHubEndpointProps) {
    super(scope, id);
    const target = props.target;
    validateWith(this, `IoT Hub endpoint ${props.name}`, () => [
      ...azureNameProblems(iotHubNameRules.endpoint, known(props.name)),
      ...(target.kind === "storageContainer"
        ? [
            ...knownStorageAccountId("target/storageAccountId", target.storageAccountId),
            ...under("target", storageEndpointProblems(knownValues({ ...target }))),
          ]
        : []),
    ]);
    const hub = props.hub;
    const common = {
      name: props.name,
      iothubId: hub.id,
      resourceGroupName: hub.resourceGroupName,
      authenticationType: "identityBased",
    };

    if (target.kind === "storageContainer") {
      // An ID that names no account is a validation error, so nothing is written; its raw text
      // keeps construction going until then.
      const account = storageAccountNameOf(target.storageAccountId) ?? target.storageAccountId;
      const containerId = `${target.storageAccountId}/blobServices/default/containers/${target.container}`;
      // Writing blobs needs no account-wide right: the container is the narrowest scope.
      this.grant = grantRole(this, "deliver", {
        scopeId: containerId,
        scopeLabel: `storage/${account}/${target.container}`,
        role: BuiltInRole.storageBlobDataContributor,
        grantee: hub.identityGrantee,
      });
      this.resource = new IothubEndpointStorageContainer(this, "endpoint", {
        ...common,
        endpointUri: blobEndpoint(account),
        containerName: target.container,
        encoding: target.encoding ?? storageEndpointDefaults.encoding,
        fileNameFormat: target.fileNameFormat ?? storageEndpointDefaults.fileNameFormat,
        batchFrequencyInSeconds:
          target.batchFrequencySeconds ?? storageEndpointDefaults.batchFrequencySeconds,
        maxChunkSizeInBytes: target.maxChunkSizeBytes ?? storageEndpointDefaults.maxChunkSizeBytes,
        dependsOn: [this.grant],
      });
    } else {
      this.grant = hub.grantDeliveryTo(target);
      const entityProps = {
        ...common,
        endpointUri: target.endpointUri,
        entityPath: target.entityPath,
        dependsOn: [this.grant],
      };
      switch (target.kind) {
        case "eventHub":
          this.resource = new IothubEndpointEventhub(this, "endpoint", entityProps);
          break;
        case "serviceBusQueue":
          this.resource = new IothubEndpointServicebusQueue(this, "endpoint", entityProps);
          break;
        case "serviceBusTopic":
          this.resource = new IothubEndpointServicebusTopic(this, "endpoint", entityProps);
          break;
      }
    }
    this.endpointName = this.resource.name;
  }
}
