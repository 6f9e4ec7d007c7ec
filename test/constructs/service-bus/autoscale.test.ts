import type { Construct } from "constructs";
import {
  ServiceBusAutoscale,
  type ServiceBusAutoscaleProps,
  type ServiceBusNamespaceProps,
} from "../../../constructs/service-bus";
import { namespace, onlyResource, synth, validationErrors } from "./synth";

const AUTOSCALE = "azurerm_monitor_autoscale_setting";

/** Adds an autoscale of 1 to 8 units, with `overrides`, to a namespace with `ns`. */
function build(overrides: Partial<ServiceBusAutoscaleProps>, ns: Partial<ServiceBusNamespaceProps>) {
  return (s: Construct) =>
    new ServiceBusAutoscale(s, "as", {
      namespace: namespace(s, ns),
      minCapacity: 1,
      maxCapacity: 8,
      ...overrides,
    });
}

const premium: Partial<ServiceBusNamespaceProps> = { sku: "Premium" };

const autoscale = (overrides: Partial<ServiceBusAutoscaleProps> = {}, ns = premium) =>
  onlyResource(synth(build(overrides, ns)), AUTOSCALE);

const autoscaleErrors = (overrides: Partial<ServiceBusAutoscaleProps> = {}, ns = premium): string[] =>
  validationErrors(build(overrides, ns));

const where = "Service Bus autoscale of sbns-contoso-orders-test";

interface Rule {
  metric_trigger: { metric_name: string; operator: string; threshold: number; metric_namespace: string };
  scale_action: { direction: string; type: string; value: number };
}

describe("ServiceBusAutoscale", () => {
  it("scales the namespace's messaging units between min and max", () => {
    const setting = autoscale({ minCapacity: 2, maxCapacity: 16 }, { sku: "Premium", capacity: 2 });
    expect(setting.target_resource_id).toMatch(/^\$\{azurerm_servicebus_namespace\.[^.]+\.id\}$/);
    expect(setting.profile).toEqual([
      expect.objectContaining({ capacity: { minimum: 2, maximum: 16, default: 2 } }),
    ]);
  });

  it("steps out on high CPU or memory and in on low, to the next allowed unit count", () => {
    const [profile] = autoscale({ scaleOutCpuPercent: 80, scaleInCpuPercent: 20 }).profile as {
      rule: Rule[];
    }[];
    const summary = profile.rule.map((r) => [
      r.metric_trigger.metric_name,
      r.metric_trigger.operator,
      r.metric_trigger.threshold,
      r.scale_action.direction,
    ]);
    expect(summary).toEqual([
      ["NamespaceCpuUsage", "GreaterThan", 80, "Increase"],
      ["NamespaceMemoryUsage", "GreaterThan", 70, "Increase"],
      ["NamespaceCpuUsage", "LessThan", 20, "Decrease"],
      ["NamespaceMemoryUsage", "LessThan", 30, "Decrease"],
    ]);
    expect(
      profile.rule.every(
        (r) => r.scale_action.type === "ServiceAllowedNextValue" && r.scale_action.value === 1,
      ),
    ).toBe(true);
    expect(
      profile.rule.every((r) => r.metric_trigger.metric_namespace === "microsoft.servicebus/namespaces"),
    ).toBe(true);
  });

  it("refuses a namespace below Premium", () => {
    expect(autoscaleErrors({}, { sku: "Standard" })).toEqual([
      `${where}: autoscale: autoscale of messaging units needs the Premium SKU; namespace "orders" is Standard`,
    ]);
  });

  it("refuses unit counts that are not valid steps", () => {
    expect(autoscaleErrors({ maxCapacity: 6 })).toEqual([
      `${where}: autoscale/maxCapacity: maxCapacity must be one of 1, 2, 4, 8, 16 messaging units (steps Premium allows with 1 partition(s)), got 6`,
    ]);
  });

  it("refuses unit counts that are not a multiple of the partitions", () => {
    expect(autoscaleErrors({ minCapacity: 2 }, { sku: "Premium", capacity: 4, partitions: 4 })).toEqual([
      `${where}: autoscale/minCapacity: minCapacity must be one of 4, 8, 16 messaging units (steps Premium allows with 4 partition(s)), got 2`,
    ]);
  });

  it("refuses a minimum above the maximum", () => {
    expect(autoscaleErrors({ minCapacity: 8, maxCapacity: 4 })).toEqual([
      `${where}: autoscale/minCapacity: minCapacity must not exceed maxCapacity (4), got 8`,
    ]);
  });

  it("refuses a namespace capacity outside the bounds, as validation of the file does", () => {
    expect(autoscaleErrors({ minCapacity: 1, maxCapacity: 4 }, { sku: "Premium", capacity: 8 })).toEqual([
      `${where}: capacity: capacity must lie between autoscale minCapacity 1 and maxCapacity 4, got 8`,
    ]);
  });

  it("refuses a scale-in threshold at or above the scale-out threshold", () => {
    expect(autoscaleErrors({ scaleOutCpuPercent: 50, scaleInCpuPercent: 50 })).toEqual([
      `${where}: autoscale/scaleInCpuPercent: scaleInCpuPercent must be below scaleOutCpuPercent (50) and both within 0–100, got 50`,
    ]);
  });

  it("judges a stated scale-out threshold against the default scale-in threshold", () => {
    expect(autoscaleErrors({ scaleOutMemoryPercent: 20 })).toEqual([
      `${where}: autoscale/scaleOutMemoryPercent: scaleOutMemoryPercent must be above scaleInMemoryPercent (30, the default) and both within 0–100, got 20`,
    ]);
  });
});
