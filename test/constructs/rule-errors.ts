import type { Construct } from "constructs";
import { validationErrors } from "./synthesized";

/**
 * The rule problems a construct reports at synthesis: {@link validationErrors} without cdktf's own
 * check that every provider is declared, which construct tests (declaring none) always fail.
 */
export function ruleErrors(build: (scope: Construct) => void): string[] {
  return validationErrors(build).filter(
    (message) => !message.startsWith("Found resources without a matching provider construct"),
  );
}
