import type { RuleContext, Violation } from "../../engine/rule";
import type { JsonValue } from "../../engine/terraform-json";

/** Entity types to check, with how people call them. */
export type EntityLabels = Readonly<Record<string, string>>;

/** A control that holds when every entity of the listed types has a complying attribute value. */
export function requireEntitySetting(
  entities: EntityLabels,
  attribute: string,
  complies: (value: JsonValue | undefined) => boolean,
  problem: (value: JsonValue | undefined) => string,
): (context: RuleContext) => Violation[] {
  return ({ index, paths }) =>
    Object.entries(entities).flatMap(([type, label]) =>
      index
        .ofType(type)
        .filter((resource) => !complies(resource.body[attribute]))
        .map((resource) => {
          const path = paths.of(resource)?.names.join("/") ?? resource.address;
          return { resource, message: `${label} "${path}" ${problem(resource.body[attribute])}` };
        }),
    );
}
