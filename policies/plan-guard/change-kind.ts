import type { PlanAction } from "./plan-format";

export type ReplaceOrder = "destroy-before-create" | "create-before-destroy";

export type ChangeKind =
  | { readonly kind: "no-op" | "create" | "read" | "update" | "delete" | "forget" }
  | { readonly kind: "replace"; readonly order: ReplaceOrder };

/**
 * What a change's action list amounts to. A replacement lists both actions, in the order they
 * run: `["delete", "create"]` destroys first, `["create", "delete"]` creates the new object
 * first (`create_before_destroy`). Any list holding "delete" destroys an object, which is the
 * scan the plan format recommends so future combinations are not missed.
 */
export function changeKind(actions: readonly PlanAction[]): ChangeKind {
  const deleteAt = actions.indexOf("delete");
  const createAt = actions.indexOf("create");
  if (deleteAt >= 0 && createAt >= 0) {
    return {
      kind: "replace",
      order: deleteAt < createAt ? "destroy-before-create" : "create-before-destroy",
    };
  }
  if (deleteAt >= 0) return { kind: "delete" };
  const [first = "no-op"] = actions;
  return { kind: first };
}

/** True for the changes that destroy an existing object. */
export function destroys(kind: ChangeKind): boolean {
  return kind.kind === "delete" || kind.kind === "replace";
}
