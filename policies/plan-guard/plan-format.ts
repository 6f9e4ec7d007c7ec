/**
 * The part of Terraform's JSON plan format (`terraform show -json <planfile>`) the plan guard
 * reads, and a reader that checks it. Format reference: "JSON Output Format",
 * https://developer.hashicorp.com/terraform/internals/json-format (plan representation,
 * resource change representation and change representation).
 */

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

/** The single actions a change is made of; replacements combine two of them. */
export const planActions = ["no-op", "create", "read", "update", "delete", "forget"] as const;
export type PlanAction = (typeof planActions)[number];

export interface PlannedChange {
  /**
   * `["delete", "create"]` replaces destroy-before-create, `["create", "delete"]` replaces
   * create-before-destroy (`lifecycle.create_before_destroy`); the format documents that a
   * consumer may scan for "delete" to find every change that destroys an object.
   */
  readonly actions: readonly PlanAction[];
  readonly before: JsonObject | null;
  readonly after: JsonObject | null;
  /** Attribute values only known after apply, mirroring `after` with `true` leaves. */
  readonly afterUnknown: JsonValue;
  /** Attribute paths that force the replacement, when the provider reported them. */
  readonly replacePaths: readonly (readonly (string | number)[])[];
}

export interface ResourceChange {
  readonly address: string;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  /** Set when the change is to a deposed object left behind by a failed create-before-destroy. */
  readonly deposed?: string;
  /** Why Terraform chose this action, e.g. `replace_because_cannot_update`, `delete_because_no_resource_config`. */
  readonly actionReason?: string;
  readonly change: PlannedChange;
}

export interface TerraformPlan {
  readonly formatVersion: string;
  readonly terraformVersion?: string;
  readonly resourceChanges: readonly ResourceChange[];
}

export type PlanReadResult =
  { readonly ok: true; readonly plan: TerraformPlan } | { readonly ok: false; readonly message: string };

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPlanAction(value: unknown): value is PlanAction {
  return typeof value === "string" && (planActions as readonly string[]).includes(value);
}

function objectOrNull(value: unknown): JsonObject | null {
  return isObject(value) ? value : null;
}

function readReplacePaths(value: unknown): readonly (readonly (string | number)[])[] | string {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return "replace_paths is not an array";
  const paths: (string | number)[][] = [];
  for (const path of value) {
    if (!Array.isArray(path) || !path.every((step) => typeof step === "string" || typeof step === "number")) {
      return "replace_paths holds an entry that is not a list of keys and indexes";
    }
    paths.push(path as (string | number)[]);
  }
  return paths;
}

function readResourceChange(value: unknown, index: number): ResourceChange | string {
  const where = `resource_changes[${index}]`;
  if (!isObject(value)) return `${where} is not an object`;
  const { address, mode, type, name, change } = value;
  if (typeof address !== "string" || address === "") return `${where}.address is missing`;
  if (mode !== "managed" && mode !== "data") return `${where} (${address}): mode must be "managed" or "data"`;
  if (typeof type !== "string" || typeof name !== "string")
    return `${where} (${address}): type and name must be strings`;
  if (!isObject(change)) return `${where} (${address}): change is missing`;
  const actions = change.actions;
  if (!Array.isArray(actions) || actions.length === 0)
    return `${where} (${address}): change.actions is missing`;
  const unknown = actions.find((action) => !isPlanAction(action));
  if (unknown !== undefined) {
    return `${where} (${address}): unknown action ${JSON.stringify(unknown)} (known: ${planActions.join(", ")})`;
  }
  const replacePaths = readReplacePaths(change.replace_paths);
  if (typeof replacePaths === "string") return `${where} (${address}): ${replacePaths}`;
  const actionReason = value.action_reason;
  const deposed = value.deposed;
  return {
    address,
    mode,
    type,
    name,
    ...(typeof deposed === "string" ? { deposed } : {}),
    ...(typeof actionReason === "string" ? { actionReason } : {}),
    change: {
      actions: actions as PlanAction[],
      before: objectOrNull(change.before),
      after: objectOrNull(change.after),
      afterUnknown: change.after_unknown ?? null,
      replacePaths,
    },
  };
}

/**
 * Checks a parsed JSON document is a plan in a format version this reader understands. The
 * format promises compatible additions within a major version and asks consumers to reject an
 * unsupported major version, so anything but 1.x is refused rather than half-read.
 */
export function readPlan(document: unknown): PlanReadResult {
  if (!isObject(document)) return { ok: false, message: "the plan is not a JSON object" };
  const formatVersion = document.format_version;
  if (typeof formatVersion !== "string") {
    return {
      ok: false,
      message: "format_version is missing: is this `terraform show -json <planfile>` output?",
    };
  }
  if (formatVersion.split(".")[0] !== "1") {
    return { ok: false, message: `unsupported plan format_version ${formatVersion} (this guard reads 1.x)` };
  }
  // A state file shares format_version; only a plan carries planned values.
  if (!("planned_values" in document) && !("resource_changes" in document)) {
    return {
      ok: false,
      message:
        "no planned_values or resource_changes: this looks like a state, not a plan (run `terraform show -json <planfile>`)",
    };
  }
  const rawChanges = document.resource_changes ?? [];
  if (!Array.isArray(rawChanges)) return { ok: false, message: "resource_changes is not an array" };
  const resourceChanges: ResourceChange[] = [];
  for (const [index, raw] of rawChanges.entries()) {
    const read = readResourceChange(raw, index);
    if (typeof read === "string") return { ok: false, message: read };
    resourceChanges.push(read);
  }
  const terraformVersion = document.terraform_version;
  return {
    ok: true,
    plan: {
      formatVersion,
      ...(typeof terraformVersion === "string" ? { terraformVersion } : {}),
      resourceChanges,
    },
  };
}
