import { Construct } from "constructs";
import { IothubRouteA as IothubRouteResource } from "@cdktf/provider-azurerm/lib/iothub-route";
import { IothubEnrichmentA as IothubEnrichmentResource } from "@cdktf/provider-azurerm/lib/iothub-enrichment";
import { iotHubNameRules } from "../../azure/iot-hub";
import { iotEnrichmentProblems, iotRouteProblems } from "../../azure/iot-hub-rules";
import { azureNameProblems } from "../../azure/name-rule";
import { known, knownValues, validateWith } from "../shared/validation";
import type { IotHub } from "./iot-hub";
import type { IotHubEndpoint } from "./endpoint";

export type IotHubRouteSource =
  | "DeviceMessages"
  | "TwinChangeEvents"
  | "DeviceLifecycleEvents"
  | "DeviceJobLifecycleEvents"
  | "DeviceConnectionStateEvents"
  | "DigitalTwinChangeEvents";

export interface IotHubRouteProps {
  readonly hub: IotHub;
  /** Unique within the hub. */
  readonly name: string;
  readonly source: IotHubRouteSource;
  /** The custom endpoint messages that match go to. */
  readonly endpoint: IotHubEndpoint;
  /**
   * Routing query (IoT Hub query language) a message must satisfy.
   * @default - every message from the source matches
   */
  readonly condition?: string;
  /**
   * @default - the route is enabled
   */
  readonly enabled?: boolean;
}

/** A message route from one source, through an optional condition, to one custom endpoint. */
export class IotHubRoute extends Construct {
  readonly resource: IothubRouteResource;
  readonly name: string;
  readonly endpoint: IotHubEndpoint;

  constructor(scope: Construct, id: string, props: IotHubRouteProps) {
    super(scope, id);
    validateWith(this, `IoT Hub route ${props.name}`, () => [
      ...azureNameProblems(iotHubNameRules.route, known(props.name)),
      ...iotRouteProblems(knownValues({ source: props.source, condition: props.condition }), props.hub.sku),
    ]);
    this.name = props.name;
    this.endpoint = props.endpoint;
    this.resource = new IothubRouteResource(this, "route", {
      name: props.name,
      iothubName: props.hub.resource.name,
      resourceGroupName: props.hub.resourceGroupName,
      source: props.source,
      condition: props.condition ?? "true",
      // The endpoint's own attribute, so Terraform creates the endpoint before the route.
      endpointNames: [props.endpoint.endpointName],
      enabled: props.enabled ?? true,
    });
  }
}

export interface IotHubEnrichmentProps {
  readonly hub: IotHub;
  /** Application property added to the message; 1–64 letters, digits, `-`, `_`, `.`. */
  readonly key: string;
  /** A literal, `$twin.<path>`, `$iothubname` or another documented enrichment value. */
  readonly value: string;
  /** The routes whose messages carry the property (enrichments apply per endpoint). */
  readonly routes: readonly IotHubRoute[];
}

/** A message enrichment: a property stamped on messages bound for the given routes' endpoints. */
export class IotHubEnrichment extends Construct {
  readonly resource: IothubEnrichmentResource;

  constructor(scope: Construct, id: string, props: IotHubEnrichmentProps) {
    super(scope, id);
    validateWith(this, `IoT Hub enrichment ${props.key}`, () =>
      iotEnrichmentProblems(knownValues({ key: props.key, value: props.value, routes: props.routes })),
    );
    const endpointNames = [...new Set(props.routes.map((route) => route.endpoint.endpointName))];
    this.resource = new IothubEnrichmentResource(this, "enrichment", {
      iothubName: props.hub.resource.name,
      resourceGroupName: props.hub.resourceGroupName,
      key: props.key,
      value: props.value,
      endpointNames,
    });
  }
}
