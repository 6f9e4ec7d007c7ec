import { Construct } from "constructs";
import {
  MonitorAutoscaleSetting,
  type MonitorAutoscaleSettingProfileRule,
} from "@cdktf/provider-azurerm/lib/monitor-autoscale-setting";
import { PREMIUM_MESSAGING_UNITS, type ServiceBusNamespace } from "./namespace";

export interface ServiceBusAutoscaleProps {
  /** The Premium namespace whose messaging units scale. */
  readonly namespace: ServiceBusNamespace;
  /** Fewest messaging units (1, 2, 4, 8 or 16, a multiple of the partitions). */
  readonly minCapacity: number;
  /** Most messaging units (1, 2, 4, 8 or 16, a multiple of the partitions). */
  readonly maxCapacity: number;
  /**
   * Average CPU percent above which a step up is taken.
   * @default - 70
   */
  readonly scaleOutCpuPercent?: number;
  /**
   * Average CPU percent below which a step down is taken.
   * @default - 30
   */
  readonly scaleInCpuPercent?: number;
  /**
   * Average memory percent above which a step up is taken.
   * @default - 70
   */
  readonly scaleOutMemoryPercent?: number;
  /**
   * Average memory percent below which a step down is taken.
   * @default - 30
   */
  readonly scaleInMemoryPercent?: number;
  /**
   * Tags of the autoscale setting.
   * @default - no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Azure Monitor autoscale of a Premium namespace's messaging units on CPU and memory, as "Automatically
 * update messaging units of an Azure Service Bus namespace" describes: metrics `NamespaceCpuUsage`
 * and `NamespaceMemoryUsage`, and the `ServiceAllowedNextValue` action, which moves to the next
 * allowed unit count (1, 2, 4, 8, 16) rather than adding a fixed number.
 */
export class ServiceBusAutoscale extends Construct {
  readonly resource: MonitorAutoscaleSetting;

  constructor(scope: Construct, id: string, props: ServiceBusAutoscaleProps) {
    super(scope, id);
    const ns = props.namespace;
    const where = `Service Bus autoscale of ${ns.name}`;
    if (ns.sku !== "Premium")
      throw new Error(`${where}: messaging units exist only on the Premium SKU, got ${ns.sku}`);
    const partitions = Math.max(ns.partitions, 1);
    for (const [field, value] of [
      ["minCapacity", props.minCapacity],
      ["maxCapacity", props.maxCapacity],
    ] as const) {
      if (!PREMIUM_MESSAGING_UNITS.includes(value) || value % partitions !== 0) {
        throw new Error(
          `${where}: ${field} must be one of ${PREMIUM_MESSAGING_UNITS.filter((u) => u % partitions === 0).join(", ")}, got ${value}`,
        );
      }
    }
    if (props.minCapacity > props.maxCapacity) {
      throw new Error(
        `${where}: minCapacity must not exceed maxCapacity (${props.maxCapacity}), got ${props.minCapacity}`,
      );
    }
    const thresholds = {
      cpu: { out: props.scaleOutCpuPercent ?? 70, in: props.scaleInCpuPercent ?? 30 },
      memory: { out: props.scaleOutMemoryPercent ?? 70, in: props.scaleInMemoryPercent ?? 30 },
    };
    for (const [metric, t] of Object.entries(thresholds)) {
      if (!(t.in >= 0 && t.in < t.out && t.out <= 100)) {
        throw new Error(
          `${where}: ${metric} thresholds need 0 <= scale-in < scale-out <= 100, got scale-in ${t.in} and scale-out ${t.out}`,
        );
      }
    }

    const rule = (
      metricName: string,
      direction: "Increase" | "Decrease",
      threshold: number,
    ): MonitorAutoscaleSettingProfileRule => ({
      metricTrigger: {
        metricName,
        metricNamespace: "microsoft.servicebus/namespaces",
        metricResourceId: ns.id,
        operator: direction === "Increase" ? "GreaterThan" : "LessThan",
        threshold,
        statistic: "Average",
        timeAggregation: "Average",
        timeGrain: "PT1M",
        // Scale in on a longer window than out: add capacity fast, remove it only when load has settled.
        timeWindow: direction === "Increase" ? "PT5M" : "PT10M",
      },
      scaleAction: { direction, type: "ServiceAllowedNextValue", value: 1, cooldown: "PT5M" },
    });

    this.resource = new MonitorAutoscaleSetting(this, "autoscale", {
      name: `${ns.name}-autoscale`,
      resourceGroupName: ns.settings.resourceGroupName,
      location: ns.settings.location,
      targetResourceId: ns.id,
      enabled: true,
      profile: [
        {
          name: "messaging-units",
          capacity: {
            minimum: props.minCapacity,
            maximum: props.maxCapacity,
            default: Math.min(
              Math.max(ns.settings.capacity ?? props.minCapacity, props.minCapacity),
              props.maxCapacity,
            ),
          },
          rule: [
            rule("NamespaceCpuUsage", "Increase", thresholds.cpu.out),
            rule("NamespaceMemoryUsage", "Increase", thresholds.memory.out),
            rule("NamespaceCpuUsage", "Decrease", thresholds.cpu.in),
            rule("NamespaceMemoryUsage", "Decrease", thresholds.memory.in),
          ],
        },
      ],
      tags: props.tags ? { ...props.tags } : undefined,
    });
  }
}
