/**
 * What each Service Bus tier allows, as pure data: the constructs validate against it and so do
 * the environment file's semantic checks, so both always agree. Sources: "Service Bus quotas"
 * (tier and common limits) and the azurerm 4.x validators named with each value.
 */
export type ServiceBusSkuName = "Basic" | "Standard" | "Premium";

/**
 * Messaging units a Premium namespace may have. The azurerm validator on `capacity` accepts
 * 1, 2, 4, 8 and 16 (azurerm servicebus_namespace_resource.go, `capacity`); Azure additionally
 * requires the units to be a multiple of the partitions ("Service Bus quotas", tier limits:
 * "The number of messaging units must be a multiple of the number of partitions").
 */
export const PREMIUM_MESSAGING_UNITS: readonly number[] = [1, 2, 4, 8, 16];

/** Premium partitions: 1, 2 or 4, fixed at creation ("Service Bus quotas", Premium namespace partitions). */
export const PREMIUM_PARTITIONS: readonly number[] = [1, 2, 4];

/**
 * Entity sizes azurerm accepts (`ServiceBusMaxSizeInMegabytes` in azurerm
 * internal/services/servicebus/validate/servicebus.go). Basic and Standard entities take 1–5 GB
 * ("Service Bus quotas", tier limits); a partitioned one holds 16 times the value set (azurerm
 * servicebus_queue_resource.go reads it back divided by 16), which is where their 80 GB comes from.
 */
export function allowedMaxSizesMegabytes(sku: ServiceBusSkuName): readonly number[] {
  const standard = [1024, 2048, 3072, 4096, 5120];
  return sku === "Premium" ? [...standard, 10240, 20480, 40960, 81920] : standard;
}

/** Premium per-entity message size limit in KB (azurerm `ServiceBusMaxMessageSizeInKilobytes`: 1024–102400). */
export const PREMIUM_MESSAGE_SIZE_KILOBYTES = { min: 1024, max: 102400 } as const;

/**
 * "Service Bus quotas": filter condition and action strings are at most 1,024 characters; rule
 * names at most 50 (azurerm validates `name` with StringLenBetween(1, 50)).
 */
export const RuleLimits = { sqlLength: 1024, nameLength: 50 } as const;
