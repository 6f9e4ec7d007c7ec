import type { FileReference } from "./referenced-files";
import type { EnvironmentSpec } from "./spec";

/** The query file of each Stream Analytics job, as `readReferencedFiles` takes it. */
export function streamAnalyticsFileReferences(spec: EnvironmentSpec): FileReference[] {
  return (spec.streamAnalytics ?? []).map((job, i) => ({
    pointer: streamAnalyticsQueryPointer(i),
    path: job.query,
    what: "query file",
  }));
}

/** Where the environment file names job `index`'s query: the key of its text among the referenced files. */
export function streamAnalyticsQueryPointer(index: number): string {
  return `/streamAnalytics/${index}/query`;
}
