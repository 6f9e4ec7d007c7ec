import {
  ServiceBusAutoscale,
  type ServiceBusAutoscaleProps,
  type ServiceBusNamespaceProps,
} from "../../../constructs/service-bus";
import { namespace, onlyResource, synth } from "./synth";

const AUTOSCALE = "azurerm_monitor_autoscale_setting";

function autoscale(
  overrides: Partial<ServiceBusAutoscaleProps> = {},
  ns: Partial<ServiceBusNamespaceProps> = { sku: "Premium" },
) {
  return onlyResource(
    synth(
      (s) =>
        new ServiceBusAutoscale(s, "as", {
          namespace: namespace(s, ns),
          minCapacity: 1,
          maxCapacity: 8,
          ...overrides,
        }),
    ),
    AUTOSCALE,
  );
}

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
    expect(() => autoscale({}, { sku: "Standard" })).toThrow(
      /messaging units exist only on the Premium SKU, got Standard/,
    );
  });

  it("refuses unit counts that are not valid steps", () => {
    expect(() => autoscale({ maxCapacity: 6 })).toThrow(/maxCapacity must be one of 1, 2, 4, 8, 16, got 6/);
  });

  it("refuses unit counts that are not a multiple of the partitions", () => {
    expect(() => autoscale({ minCapacity: 2 }, { sku: "Premium", capacity: 4, partitions: 4 })).toThrow(
      /minCapacity must be one of 4, 8, 16, got 2/,
    );
  });

  it("refuses a minimum above the maximum", () => {
    expect(() => autoscale({ minCapacity: 8, maxCapacity: 4 })).toThrow(
      /minCapacity must not exceed maxCapacity \(4\), got 8/,
    );
  });

  it("refuses a scale-in threshold at or above the scale-out threshold", () => {
    expect(() => autoscale({ scaleOutCpuPercent: 50, scaleInCpuPercent: 50 })).toThrow(
      /cpu thresholds need 0 <= scale-in < scale-out <= 100/,
    );
  });
});
