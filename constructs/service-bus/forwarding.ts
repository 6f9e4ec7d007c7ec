import type { Problem } from "../../azure/problem";
import type { ServiceBusNamespace } from "./namespace";

/** A queue or topic as a forward names it. */
interface ForwardTarget {
  readonly namespace: ServiceBusNamespace;
  readonly label: string;
}

/**
 * Auto-forwarding chains entities of one namespace only ("Chaining Service Bus entities with
 * autoforwarding": the source and destination must be in the same namespace). The environment
 * file's references are checked by name; constructs are checked by which namespace they belong to.
 */
export function sameNamespaceProblems(
  namespace: ServiceBusNamespace,
  forwards: { readonly forwardTo?: ForwardTarget; readonly forwardDeadLetteredTo?: ForwardTarget },
): Problem[] {
  const problems: Problem[] = [];
  for (const field of ["forwardTo", "forwardDeadLetteredTo"] as const) {
    const target = forwards[field];
    if (target !== undefined && target.namespace !== namespace)
      problems.push({
        field,
        message: `${field} must name a queue or topic in namespace ${namespace.label}, got ${target.label}`,
      });
  }
  return problems;
}
