import type { EnvironmentModel } from "../../../model/model";
import { generateEnvironment } from "../../../scripts/bench/generate-environment";
import { loadText } from "./review-fixtures";

interface MutableQueue {
  sessions: boolean;
  maxDeliveryCount: number;
}
interface MutableModel {
  name: string;
  serviceBus: { queues: MutableQueue[] }[];
  eventHubs: { hubs: unknown[] }[];
}

let generated: EnvironmentModel | undefined;

/** The benchmark's environment of about 5,000 entities, loaded once per test file. */
export function estateOf5000(): EnvironmentModel {
  generated ??= loadText(generateEnvironment("estate", 5000).yaml, "environments/estate.yaml");
  return generated;
}

const copy = (model: EnvironmentModel, name: string): MutableModel =>
  ({ ...structuredClone(model), name }) as unknown as MutableModel;

/**
 * `count` environments of about 5,000 entities each, and for each the base branch's version: in
 * the head, every third queue of every namespace changed its delivery count, every seventh turned
 * sessions on (a replacement), and each Event Hubs namespace lost its last hub (a removal).
 */
export function changedEstate(count: number): {
  heads: EnvironmentModel[];
  bases: Map<string, EnvironmentModel>;
} {
  const model = estateOf5000();
  const heads: EnvironmentModel[] = [];
  const bases = new Map<string, EnvironmentModel>();
  for (let i = 0; i < count; i++) {
    const name = `estate-${i + 1}`;
    const head = copy(model, name);
    head.serviceBus.forEach((ns) =>
      ns.queues.forEach((queue, q) => {
        if (q % 3 === 0) queue.maxDeliveryCount = 7;
        if (q % 7 === 0) queue.sessions = !queue.sessions;
      }),
    );
    head.eventHubs.forEach((ns) => ns.hubs.pop());
    heads.push(head as unknown as EnvironmentModel);
    bases.set(name, copy(model, name) as unknown as EnvironmentModel);
  }
  return { heads, bases };
}
