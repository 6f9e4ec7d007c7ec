import { Construct } from "constructs";
import {
  MonitorAutoscaleSetting,
  type MonitorAutoscaleSettingProfileRule,
} from "@cdktf/provider-azurerm/lib/monitor-autoscale-setting";
import { serviceBusAutoscale } from "../../azure/service-bus";
import { serviceBusAutoscaleProblems } from "../../azure/service-bus-rules";
import { knownValues, validateWith } from "../shared/validation";
import type { ServiceBusNamespace } from "./namespace";

/** Thresholds where none are given: add units above 70 % load, remove them below 30 %. */
const defaultThresholds = { scaleOutPercent: 70, scaleInPercent: 30 } as const;

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
 * Azure Monitor autoscale of a Premium namespace's messaging units on CPU and memory, stepping to
 * the next allowed unit count rather than adding a fixed number (`serviceBusAutoscale` in
 * azure/service-bus.ts says which metrics and action Azure offers).
 */
export class ServiceBusAutoscale extends Construct {
  readonly resource: MonitorAutoscaleSetting;

  constructor(scope: Construct, id: string, props: ServiceBusAutoscaleProps) {
    super(scope, id);
    const ns = props.namespace;
    validateWith(this, `Service Bus autoscale of ${ns.name}`, () =>
      serviceBusAutoscaleProblems(
        knownValues({
          name: ns.label,
          sku: ns.sku,
          partitions: ns.partitions,
          capacity: ns.props.capacity,
          autoscale: {
            minCapacity: props.minCapacity,
            maxCapacity: props.maxCapacity,
            scaleOutCpuPercent: props.scaleOutCpuPercent,
            scaleInCpuPercent: props.scaleInCpuPercent,
            scaleOutMemoryPercent: props.scaleOutMemoryPercent,
            scaleInMemoryPercent: props.scaleInMemoryPercent,
          },
        }),
        defaultThresholds,
      ),
    );
    const thresholds = {
      cpu: {
        out: props.scaleOutCpuPercent ?? defaultThresholds.scaleOutPercent,
        in: props.scaleInCpuPercent ?? defaultThresholds.scaleInPercent,
      },
      memory: {
        out: props.scaleOutMemoryPercent ?? defaultThresholds.scaleOutPercent,
        in: props.scaleInMemoryPercent ?? defaultThresholds.scaleInPercent,
      },
    };

    const rule = (
      metricName: string,
      direction: "Increase" | "Decrease",
      threshold: number,
    ): MonitorAutoscaleSettingProfileRule => ({
      metricTrigger: {
        metricName,
        metricNamespace: serviceBusAutoscale.metricNamespace,
        metricResourceId: ns.id,
        operator: direction === "Increase" ? "GreaterThan" : "LessThan",
        threshold,
        statistic: "Average",
        timeAggregation: "Average",
        timeGrain: "PT1M",
        // Scale in on a longer window than out: add capacity fast, remove it only when load has settled.
        timeWindow: direction === "Increase" ? "PT5M" : "PT10M",
      },
      scaleAction: { direction, type: serviceBusAutoscale.stepAction, value: 1, cooldown: "PT5M" },
    });

    this.resource = new MonitorAutoscaleSetting(this, "autoscale", {
      name: `${ns.name}-autoscale`,
      resourceGroupName: ns.resourceGroupName,
      location: ns.location,
      targetResourceId: ns.id,
      enabled: true,
      profile: [
        {
          name: "messaging-units",
          capacity: {
            minimum: props.minCapacity,
            maximum: props.maxCapacity,
            default: Math.min(
              Math.max(ns.capacity ?? props.minCapacity, props.minCapacity),
              props.maxCapacity,
            ),
          },
          rule: [
            rule(serviceBusAutoscale.cpuMetric, "Increase", thresholds.cpu.out),
            rule(serviceBusAutoscale.memoryMetric, "Increase", thresholds.memory.out),
            rule(serviceBusAutoscale.cpuMetric, "Decrease", thresholds.cpu.in),
            rule(serviceBusAutoscale.memoryMetric, "Decrease", thresholds.memory.in),
          ],
        },
      ],
      tags: props.tags ? { ...props.tags } : undefined,
    });
  }
}
