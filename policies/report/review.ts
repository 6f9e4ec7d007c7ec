import type { EnvironmentResult } from "../engine/finding";
import { changedNodes, topologyChanges, type TopologyChanges } from "../topology/changes";
import { topologyOf, type Topology } from "../topology/graph";
import { environmentChanges, losesData, type EnvironmentChanges } from "./field-changes";
import { costReviewOf, type CostReview } from "./cost-review";
import type { ReportOptions } from "./report-options";

/** One environment's evaluation with what the pull request changes in it, computed once per report. */
export interface EnvironmentReview {
  readonly result: EnvironmentResult;
  /** Absent without an environment file, or when no base branch was given to compare with. */
  readonly changes?: EnvironmentChanges;
  readonly connections?: TopologyChanges;
  readonly topology?: Topology;
  /** Node IDs the pull request touches, to highlight and to centre an abridged diagram on. */
  readonly focus: ReadonlySet<string>;
  /** The monthly cost estimate and its change; absent without a whole environment model. */
  readonly cost?: CostReview;
}

/** The comment, the summary and the complete report of one run compare the same models: once is enough. */
const reviewed = new WeakMap<
  EnvironmentResult,
  { readonly base: unknown; readonly review: EnvironmentReview }
>();

export function reviewOf(result: EnvironmentResult, options: ReportOptions): EnvironmentReview {
  const known = reviewed.get(result);
  if (known && known.base === options.baseModels) return known.review;
  const cost = costReviewOf(result, options);
  const review = { ...computeReview(result, options), ...(cost ? { cost } : {}) };
  reviewed.set(result, { base: options.baseModels, review });
  return review;
}

function computeReview(result: EnvironmentResult, options: ReportOptions): EnvironmentReview {
  const model = result.model;
  if (!model) return { result, focus: new Set() };
  const topology = topologyOf(model);
  if (!options.baseModels) return { result, topology, focus: new Set() };
  const base = options.baseModels.get(result.environment);
  const changes = environmentChanges(base, model);
  const connections = topologyChanges(base ? topologyOf(base) : undefined, topology);
  const focus = base ? changedNodes(topology, changes.touched, connections) : new Set<string>();
  return { result, changes, connections, topology, focus };
}

/** Whether the pull request changes the environment; unknown (no comparison) counts as changed. */
export function isChanged(review: EnvironmentReview): boolean {
  if (!review.changes || !review.connections) return true;
  return (
    review.changes.entities.length > 0 ||
    review.connections.addedEdges.length > 0 ||
    review.connections.removedEdges.length > 0
  );
}

/** Changes that lose data: replacements and removals of entities that hold it. */
export function dataLosses(review: EnvironmentReview): number {
  return review.changes?.entities.filter(losesData).length ?? 0;
}

/** `3 changes, ⚠️ 1 loses data`, `new`, `unchanged`, or `—` when nothing was compared. */
export function changeSummary(review: EnvironmentReview): string {
  if (!review.changes || !review.connections) return "—";
  if (review.changes.newEnvironment) return "new environment";
  if (!isChanged(review)) return "unchanged";
  const count =
    review.changes.entities.length +
    review.connections.addedEdges.length +
    review.connections.removedEdges.length;
  const losses = dataLosses(review);
  return `${count} change${count === 1 ? "" : "s"}${losses > 0 ? `, ⚠️ ${losses} ${losses === 1 ? "loses" : "lose"} data` : ""}`;
}
