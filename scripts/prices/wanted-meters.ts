import type { MeterQuery } from "../../azure/prices";

/** The regions the shipped environments and the shared examples deploy to (primary and geo-DR pair). */
export const PRICED_REGIONS = ["westeurope", "northeurope"] as const;

/** The meters the cost estimate asks the price table for (`policies/cost/*`), in every priced region. */
const METERS: readonly Omit<MeterQuery, "armRegionName">[] = [
  { serviceName: "Service Bus", skuName: "Basic", meterName: "Basic Messaging Operations" },
  { serviceName: "Service Bus", skuName: "Standard", meterName: "Standard Base Unit" },
  { serviceName: "Service Bus", skuName: "Standard", meterName: "Standard Messaging Operations" },
  { serviceName: "Service Bus", skuName: "Premium", meterName: "Premium Messaging Unit" },
  { serviceName: "Service Bus", skuName: "Standard", meterName: "Hybrid Connections Listener Unit" },
  { serviceName: "Service Bus", skuName: "Standard", meterName: "WCF Relay Hours" },
  { serviceName: "Event Hubs", skuName: "Basic", meterName: "Basic Throughput Unit" },
  { serviceName: "Event Hubs", skuName: "Basic", meterName: "Basic Ingress Events" },
  { serviceName: "Event Hubs", skuName: "Standard", meterName: "Standard Throughput Unit" },
  { serviceName: "Event Hubs", skuName: "Standard", meterName: "Standard Ingress Events" },
  { serviceName: "Event Hubs", skuName: "Standard", meterName: "Capture" },
  { serviceName: "Event Hubs", skuName: "Premium", meterName: "Processing Unit" },
  { serviceName: "Event Hubs", skuName: "Dedicated", meterName: "Dedicated Capacity Unit" },
  { serviceName: "Event Grid", skuName: "Standard", meterName: "Standard Operations" },
  { serviceName: "Event Grid", skuName: "Standard", meterName: "Standard Throughput Unit" },
  { serviceName: "Event Grid", skuName: "Standard", meterName: "Standard MQTT Operations" },
  ...["B1", "B2", "B3", "S1", "S2", "S3"].map((sku) => ({
    serviceName: "IoT Hub",
    skuName: sku,
    meterName: `${sku} Unit`,
  })),
  { serviceName: "IoT Hub", skuName: "S1", meterName: "S1 Operations" },
];

export const wantedMeters: readonly MeterQuery[] = PRICED_REGIONS.flatMap((armRegionName) =>
  METERS.map((meter) => ({ ...meter, armRegionName })),
);
