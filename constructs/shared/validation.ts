import { Token } from "cdktf";
import type { IConstruct } from "constructs";
import type { Problem } from "../../azure/problem";

/**
 * Registers a construct's rule checks as construct validation: cdktf runs every validation of a
 * stack before it writes anything and reports all their problems at once, each prefixed with the
 * construct path and `what` (`Service Bus queue orders/payments: maxDeliveryCount: ...`).
 * `check` runs at synthesis, so props set after construction are seen too.
 */
export function validateWith(scope: IConstruct, what: string, check: () => readonly Problem[]): void {
  scope.node.addValidation({
    validate: () => check().map((p) => `${what}: ${p.field === "" ? "" : `${p.field}: `}${p.message}`),
  });
}

/**
 * The value, or `undefined` when it is a Terraform token (known only at apply): rules judge what
 * is known at synthesis and leave the rest to Azure.
 */
export function known<T>(value: T): T | undefined {
  return Token.isUnresolved(value) ? undefined : value;
}

/**
 * A copy of plain data (objects, arrays, primitives) with every token replaced by `undefined`, at
 * any depth. Constructs and other class instances are kept as they are.
 */
export function knownValues<T>(value: T): T {
  if (Token.isUnresolved(value)) return undefined as T;
  if (Array.isArray(value)) return value.map((item: unknown) => knownValues(item)) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, knownValues(item)]),
    ) as T;
  }
  return value;
}
