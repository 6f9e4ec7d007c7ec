import { join } from "node:path";
import { loadEnvironmentFile } from "../../model/load-environment";
import { walkEnvironment } from "../../model/walk";
import { EnvironmentReferences } from "../../policies/plan-guard/environment-references";
import { planGuard } from "../../policies/plan-guard/plan-guard";
import { fixturePlan } from "./plan-guard-fixtures";

function findingFor(report: ReturnType<typeof planGuard>, address: string) {
  const finding = report.findings.find((candidate) => candidate.address === address);
  if (!finding) throw new Error(`no finding for ${address}`);
  return finding;
}

describe("planGuard", () => {
  it("blocks a plan that deletes a Service Bus queue", () => {
    const report = planGuard(fixturePlan("delete.json"));
    expect(report.blocked).toBe(true);
    expect(findingFor(report, "azurerm_servicebus_queue.orders_orders-inbound")).toMatchObject({
      action: "delete",
      stateful: true,
      blocking: true,
      actionReason: "delete_because_no_resource_config",
    });
  });

  it("lists a deleted role assignment without blocking on it", () => {
    const report = planGuard(fixturePlan("delete.json"));
    expect(findingFor(report, "azurerm_role_assignment.orders_orders-inbound_sender")).toMatchObject({
      action: "delete",
      stateful: false,
      blocking: false,
    });
  });

  it("names the attribute the plan's replace_paths give for a replaced queue", () => {
    const finding = findingFor(
      planGuard(fixturePlan("replace.json")),
      "azurerm_servicebus_queue.orders_orders-inbound",
    );
    expect(finding).toMatchObject({ action: "replace", order: "destroy-before-create", blocking: true });
    expect(finding.forcing).toEqual({ source: "replace_paths", attributes: ["requires_session"] });
  });

  it("tells a create-before-destroy replacement from a destroy-before-create one", () => {
    const finding = findingFor(
      planGuard(fixturePlan("create-before-destroy.json")),
      "azurerm_servicebus_topic.orders_order-events",
    );
    expect(finding).toMatchObject({ action: "replace", order: "create-before-destroy", blocking: true });
    expect(finding.forcing?.attributes).toEqual(["partitioning_enabled"]);
  });

  it("finds the forcing attribute by comparing known replacement attributes when replace_paths is absent", () => {
    const finding = findingFor(
      planGuard(fixturePlan("replace-without-replace-paths.json")),
      "azurerm_eventhub.telemetry_device-telemetry",
    );
    expect(finding.forcing).toEqual({ source: "force-new-attributes", attributes: ["partition_count"] });
  });

  it("passes a plan that only updates and keeps resources", () => {
    const report = planGuard(fixturePlan("no-op.json"));
    expect(report.blocked).toBe(false);
    expect(report.findings).toEqual([]);
  });

  it("counts creates, updates, replaces, deletes and unchanged resources", () => {
    expect(planGuard(fixturePlan("no-op.json")).summary).toEqual({
      create: 0,
      update: 1,
      replace: 0,
      delete: 0,
      read: 0,
      forget: 0,
      unchanged: 1,
    });
  });

  it("counts the replacements, deletes and unchanged resources of a real terraform plan", () => {
    expect(planGuard(fixturePlan("terraform-data-replace.json")).summary).toMatchObject({
      replace: 2,
      delete: 1,
      unchanged: 1,
    });
  });

  it("reads the replacement order and replace_paths of a real terraform plan", () => {
    const report = planGuard(fixturePlan("terraform-data-replace.json"));
    expect(findingFor(report, "terraform_data.orders_inbound")).toMatchObject({
      order: "destroy-before-create",
      forcing: { source: "replace_paths", attributes: ["triggers_replace"] },
    });
    expect(findingFor(report, "terraform_data.device_telemetry")).toMatchObject({
      order: "create-before-destroy",
    });
  });

  it("does not block on resources that hold no data, even when a real plan replaces them", () => {
    expect(planGuard(fixturePlan("terraform-data-replace.json")).blocked).toBe(false);
  });
});

describe("planGuard with an environment's allowDestroy", () => {
  const loaded = loadEnvironmentFile(
    join(__dirname, "..", "fixtures", "plans", "environments", "allow-destroy.yaml"),
  );
  if (!loaded.ok) throw new Error("allow-destroy.yaml no longer loads");
  const references = EnvironmentReferences.of(walkEnvironment(loaded.model));

  it("allows deleting a queue the environment lists under allowDestroy with a reason", () => {
    const report = planGuard(fixturePlan("allowed-destroy.json"), {
      references,
      allowDestroy: [{ resource: "serviceBus/orders/payments-poison", reason: "retired" }],
    });
    expect(report.blocked).toBe(false);
    expect(findingFor(report, "azurerm_servicebus_queue.orders_payments-poison")).toMatchObject({
      reference: "serviceBus/orders/payments-poison",
      allowedBy: { resource: "serviceBus/orders/payments-poison", reason: "retired" },
      blocking: false,
    });
  });

  it("still blocks when the allowance names another queue", () => {
    const report = planGuard(fixturePlan("allowed-destroy.json"), {
      references,
      allowDestroy: [{ resource: "serviceBus/orders/orders-inbound", reason: "retired" }],
    });
    expect(report.blocked).toBe(true);
  });

  it("lets an allowance for a namespace cover the queues inside it", () => {
    const report = planGuard(fixturePlan("allowed-destroy.json"), {
      references,
      allowDestroy: [
        { resource: "serviceBus/orders", reason: "the whole namespace moves to another subscription" },
      ],
    });
    expect(report.blocked).toBe(false);
  });

  it("ignores an allowance whose reason is blank", () => {
    const report = planGuard(fixturePlan("allowed-destroy.json"), {
      references,
      allowDestroy: [{ resource: "serviceBus/orders/payments-poison", reason: "  " }],
    });
    expect(report.blocked).toBe(true);
  });

  it("accepts the Terraform address for a resource the environment has no name for", () => {
    const report = planGuard(fixturePlan("allowed-destroy.json"), {
      allowDestroy: [{ resource: "azurerm_servicebus_queue.orders_payments-poison", reason: "retired" }],
    });
    expect(report.blocked).toBe(false);
  });

  it("maps a replaced queue to its environment reference in the finding", () => {
    const finding = findingFor(
      planGuard(fixturePlan("replace.json"), { references }),
      "azurerm_servicebus_queue.orders_orders-inbound",
    );
    expect(finding.reference).toBe("serviceBus/orders/orders-inbound");
  });
});
