import { bytes, count } from "../../azure/capacity-load";
import { iotHubUnitFacts, meteredMessagesPerDay } from "../../azure/capacity-iot-hub";
import type { PriceTable } from "../../azure/prices";
import type { IotHub } from "../../model/model";
import { resourceRef } from "../../model/resource-refs";
import type { CostInput } from "./cost-input";
import type { CostLine, ResourceEstimate } from "./estimate-types";
import { pricedLine, unquantifiedLine } from "./lines";

const SERVICE = "IoT Hub";

/**
 * IoT Hub meters device-to-cloud messages in chunks against each unit's daily quota (512 B on F1,
 * 4 KB elsewhere): the bill is the units, so the metered count is shown for context, counted by the
 * capacity rule's own function so the estimate and the capacity check never disagree.
 */
function chunksPerDay(hub: IotHub): string {
  const t = hub.throughput;
  if (!t) return "the hub declares no throughput:";
  const chunk = bytes(iotHubUnitFacts[hub.sku].meterBytes);
  return `the declared load is ${count(meteredMessagesPerDay(hub.sku, t))} ${chunk} chunks a day`;
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
