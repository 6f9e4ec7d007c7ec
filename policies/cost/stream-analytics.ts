import { streamingUnitName, streamingUnitsCount } from "../../azure/stream-analytics";
import { resourceRef } from "../../model/resource-refs";
import type { CostInput } from "./cost-input";
import { HOURS_PER_MONTH, type ResourceEstimate } from "./estimate-types";
import { round } from "./lines";

/**
 * A Stream Analytics job bills its streaming units by the hour while it runs. The quantity follows
 * from the file (the job runs all month), but the price table has no Stream Analytics meter, so
 * the line is listed unpriced rather than left out or counted as free.
 */
export function streamAnalyticsCosts(model: CostInput): ResourceEstimate[] {
  return model.streamAnalytics.map((job) => {
    const units = streamingUnitsCount(job.streamingUnits);
    const unit = streamingUnitName[job.sku];
    return {
      key: resourceRef("streamAnalytics", job.name),
      description: `Stream Analytics job ${job.name}`,
      name: job.name,
      sku: job.sku,
      capacity: { value: units, unit },
      region: model.location,
      lines: [
        {
          meter: "Streaming units",
          quantity: round(units * HOURS_PER_MONTH),
          unit: `${unit}-hours`,
          basis: `${job.streamingUnits} ${unit}, running ${HOURS_PER_MONTH} hours`,
          prices: [],
          unpriced: "the price table has no Stream Analytics streaming-unit price; not priced",
        },
      ],
    };
  });
}
