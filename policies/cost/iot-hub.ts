import type { PriceTable } from "../../azure/prices";
import type { IotHub } from "../../model/model";
import { resourceRef } from "../../model/resource-refs";
import type { CostInput } from "./cost-input";
import type { CostLine, ResourceEstimate } from "./estimate-types";
import { pricedLine, unquantifiedLine } from "./lines";

const SERVICE = "IoT Hub";

/**
 * IoT Hub meters device-to-cloud messages in 4 KB chunks against each unit's daily quota
 * (https://learn.microsoft.com/azure/iot-hub/iot-hub-devguide-quotas-throttling): the bill is
 * the units, so the chunks are shown for context and sized by the capacity checks.
 */
const CHUNK_BYTES = 4 * 1024;

function chunksPerDay(hub: IotHub): string {
  const t = hub.throughput;
  if (!t) return "the hub declares no throughput:";
  const chunks =
    t.devices *
    t.messagesPerDevicePerMinute *
    60 *
    24 *
    Math.max(1, Math.ceil(t.averageMessageBytes / CHUNK_BYTES));
  return `the declared load is ${Math.round(chunks).toLocaleString("en-US")} 4 KB chunks a day`;
}

function hubLines(hub: IotHub, region: string, prices: PriceTable): CostLine[] {
  const lines = [
    pricedLine(
      prices,
      { serviceName: SERVICE, skuName: hub.sku, meterName: `${hub.sku} Unit`, armRegionName: region },
      {
        meter: `${hub.sku} units`,
        quantity: hub.capacity,
        unit: "unit-months",
        basis: `${hub.capacity} ${hub.sku} units a month; ${chunksPerDay(hub)}`,
      },
    ),
  ];
  if (hub.deviceProvisioning)
    lines.push(
      unquantifiedLine(
        "Device provisioning operations",
        "1,000 operations",
        "the file declares no registration rate, so provisioning operations are unknown",
      ),
    );
  return lines;
}

export function iotHubCosts(model: CostInput, prices: PriceTable): ResourceEstimate[] {
  return model.iotHub.map((hub) => ({
    key: resourceRef("iotHub", hub.name),
    description: `${hub.sku} IoT hub ${hub.name}`,
    name: hub.name,
    sku: hub.sku,
    capacity: { value: hub.capacity, unit: `${hub.sku} units` },
    region: model.location,
    lines: hubLines(hub, model.location, prices),
  }));
}
