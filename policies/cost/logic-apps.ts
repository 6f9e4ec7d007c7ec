import { resourceRef } from "../../model/resource-refs";
import type { CostInput } from "./cost-input";
import { HOURS_PER_MONTH, type CostLine, type ResourceEstimate } from "./estimate-types";
import { counted, unquantifiedLine } from "./lines";

/** Why no line of a logic app has an amount, whatever its quantity. */
const noPrice = "the price table has no Logic Apps price; not priced";

/**
 * A Consumption logic app bills each trigger and action it runs, which the file does not declare;
 * a Standard app bills its Workflow Standard plan by the hour, and its runtime storage by use. The
 * price table has no Logic Apps meter, so every line is listed unpriced, never as free.
 */
export function logicAppsCosts(model: CostInput): ResourceEstimate[] {
  return model.logicApps.map((app) => {
    const workflows = counted(app.workflows.length, "workflow", "workflows");
    const lines: CostLine[] = app.standard
      ? [
          {
            meter: `Workflow Standard plan (${app.standard.sku})`,
            quantity: HOURS_PER_MONTH,
            unit: "hours",
            basis: `one ${app.standard.sku} instance for ${workflows}, ${HOURS_PER_MONTH} hours`,
            prices: [],
            unpriced: noPrice,
          },
          unquantifiedLine(
            "Runtime storage (data stored and operations)",
            "GB-months",
            "the runtime's run history and state volume are not declared; not priced",
          ),
        ]
      : [
          unquantifiedLine(
            "Trigger and action executions",
            "executions",
            `the run rate of its ${workflows} is not declared; not priced`,
          ),
        ];
    return {
      key: resourceRef("logicApps", app.name),
      description: `${app.hosting} logic app ${app.name}`,
      name: app.name,
      sku: app.standard ? app.standard.sku : "Consumption",
      region: model.location,
      lines,
    };
  });
}
