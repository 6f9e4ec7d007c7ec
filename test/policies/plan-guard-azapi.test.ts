import { planGuard } from "../../policies/plan-guard/plan-guard";
import type { ResourceChange, TerraformPlan } from "../../policies/plan-guard/plan-format";

const namespaceId =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.EventGrid/namespaces/evgns-contoso-plant-mqtt-prod";

function deletedAzapi(name: string, type: string): ResourceChange {
  return {
    address: `azapi_resource.${name}`,
    mode: "managed",
    type: "azapi_resource",
    name,
    change: {
      actions: ["delete"],
      before: { type, name, parent_id: namespaceId },
      after: null,
      afterUnknown: {},
      replacePaths: [],
    },
  };
}

function planOf(...resourceChanges: ResourceChange[]): TerraformPlan {
  return { formatVersion: "1.2", resourceChanges };
}

describe("planGuard on azapi resources", () => {
  it("blocks deleting an Event Grid namespace topic, which holds events", () => {
    const report = planGuard(
      planOf(deletedAzapi("telemetry", "Microsoft.EventGrid/namespaces/topics@2025-02-15")),
    );
    expect(report.blocked).toBe(true);
  });

  it("allows deleting an MQTT topic space, which is configuration", () => {
    const report = planGuard(
      planOf(deletedAzapi("telemetry", "Microsoft.EventGrid/namespaces/topicSpaces@2025-02-15")),
    );
    expect(report.blocked).toBe(false);
  });
});
