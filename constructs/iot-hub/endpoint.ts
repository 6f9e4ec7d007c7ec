import { Construct } from "constructs";
import type { TerraformResource } from "cdktf";
import { IothubEndpointEventhub } from "@cdktf/provider-azurerm/lib/iothub-endpoint-eventhub";
import { IothubEndpointServicebusQueue } from "@cdktf/provider-azurerm/lib/iothub-endpoint-servicebus-queue";
import { IothubEndpointServicebusTopic } from "@cdktf/provider-azurerm/lib/iothub-endpoint-servicebus-topic";
import { IothubEndpointStorageContainer } from "@cdktf/provider-azurerm/lib/iothub-endpoint-storage-container";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import type { DeliveryTarget } from "../shared/entity";
import { BuiltInRole, grantRole } from "../shared/role-assignments";
import type { IotHub } from "./iot-hub";
import { blobEndpointOf, storageAccountNameOf } from "./storage-account";

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
 * Names IoT Hub uses for its own endpoints; a custom endpoint may not take them (azurerm
 * validator `IoTHubEndpointName`; "IoT Hub endpoints", built-in endpoints).
 */
export const RESERVED_ENDPOINT_NAMES: readonly string[] = [
  "events",
  "operationsMonitoringEvents",
  "fileNotifications",
  "$default",
];

const endpointName = /^[-_.a-zA-Z0-9]{1,64}$/;
const fileNameTokens = ["{iothub}", "{partition}", "{YYYY}", "{MM}", "{DD}", "{HH}", "{mm}"];

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
    if (RESERVED_ENDPOINT_NAMES.includes(props.name)) {
      throw new Error(
        `endpoint name "${props.name}" is reserved for IoT Hub's built-in endpoints (${RESERVED_ENDPOINT_NAMES.join(", ")})`,
      );
    }
    if (!endpointName.test(props.name)) {
      throw new Error(`endpoint name must be 1-64 letters, digits, "-", "_" or ".", got "${props.name}"`);
    }
    const hub = props.hub;
    const target = props.target;
    const common = {
      name: props.name,
      iothubId: hub.id,
      resourceGroupName: hub.resourceGroupName,
      authenticationType: "identityBased",
    };

    if (target.kind === "storageContainer") {
      validateStorageTarget(target);
      const containerId = `${target.storageAccountId}/blobServices/default/containers/${target.container}`;
      // Writing blobs needs no account-wide right: the container is the narrowest scope.
      this.grant = grantRole(this, "deliver", {
        scopeId: containerId,
        scopeLabel: `storage/${storageAccountNameOf(target.storageAccountId)}/${target.container}`,
        role: BuiltInRole.storageBlobDataContributor,
        grantee: hub.identityGrantee,
      });
      this.resource = new IothubEndpointStorageContainer(this, "endpoint", {
        ...common,
        endpointUri: blobEndpointOf(target.storageAccountId),
        containerName: target.container,
        encoding: target.encoding ?? "Avro",
        fileNameFormat: target.fileNameFormat ?? "{iothub}/{partition}/{YYYY}/{MM}/{DD}/{HH}/{mm}",
        batchFrequencyInSeconds: target.batchFrequencySeconds ?? 300,
        maxChunkSizeInBytes: target.maxChunkSizeBytes ?? 314572800,
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

function validateStorageTarget(target: StorageContainerTarget): void {
  storageAccountNameOf(target.storageAccountId);
  // Container names: 3-63 lowercase letters, digits and single hyphens (Azure Storage naming rules).
  if (!/^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(target.container)) {
    throw new Error(
      `container must be 3-63 lowercase letters, digits and single hyphens, got "${target.container}"`,
    );
  }
  const batch = target.batchFrequencySeconds;
  if (batch !== undefined && (!Number.isInteger(batch) || batch < 60 || batch > 720)) {
    throw new Error(`batchFrequencySeconds must be an integer between 60 and 720, got ${batch}`);
  }
  const chunk = target.maxChunkSizeBytes;
  if (chunk !== undefined && (!Number.isInteger(chunk) || chunk < 10485760 || chunk > 524288000)) {
    throw new Error(`maxChunkSizeBytes must be an integer between 10485760 and 524288000, got ${chunk}`);
  }
  const format = target.fileNameFormat;
  if (format !== undefined) {
    const missing = fileNameTokens.filter((token) => !format.includes(token));
    if (missing.length > 0) {
      throw new Error(`fileNameFormat must contain ${missing.join(", ")}, got "${format}"`);
    }
  }
}
