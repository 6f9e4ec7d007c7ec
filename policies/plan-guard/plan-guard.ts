import { azureIdentityOf } from "./azure-identity";
import { changeKind, destroys, type ChangeKind, type ReplaceOrder } from "./change-kind";
import { EnvironmentReferences } from "./environment-references";
import type { ResourceChange, TerraformPlan } from "./plan-format";
import { forcingAttributes, type ForcingAttributes } from "./replacement-attributes";
import { isStateful } from "./stateful-resources";

/** An environment file's explicit permission to destroy one resource, with the reason for the record. */
export interface DestroyAllowance {
  readonly resource: string;
  readonly reason: string;
}

export interface PlanGuardOptions {
  /** @default - nothing may be destroyed */
  readonly allowDestroy?: readonly DestroyAllowance[];
  /** @default - no environment: resources are known only by their Terraform address */
  readonly references?: EnvironmentReferences;
}

/** One planned change that destroys an existing object. */
export interface DestroyFinding {
  readonly address: string;
  readonly type: string;
  readonly action: "delete" | "replace";
  /** For a replacement: whether the old object goes before or after the new one exists. */
  readonly order?: ReplaceOrder;
  /** Terraform's `action_reason`, e.g. `replace_because_cannot_update`. */
  readonly actionReason?: string;
  /** The deposed object's key, when the change removes one left by a failed create-before-destroy. */
  readonly deposed?: string;
  /** Whether the resource holds data (messages, events, offsets, devices, blobs). */
  readonly stateful: boolean;
  /** The environment file's name for the resource, when it declares it. */
  readonly reference?: string;
  /** For a replacement: the attributes that force it. */
  readonly forcing?: ForcingAttributes;
  /** The `allowDestroy` entry that permits it. */
  readonly allowedBy?: DestroyAllowance;
  /** True when this finding alone fails the guard. */
  readonly blocking: boolean;
}

export interface PlanSummary {
  readonly create: number;
  readonly update: number;
  readonly replace: number;
  readonly delete: number;
  readonly read: number;
  readonly forget: number;
  readonly unchanged: number;
}

export interface PlanGuardReport {
  readonly terraformVersion?: string;
  readonly summary: PlanSummary;
  readonly findings: readonly DestroyFinding[];
  /** True when any stateful resource would be destroyed without an `allowDestroy` entry. */
  readonly blocked: boolean;
}

function summarize(kinds: readonly ChangeKind[]): PlanSummary {
  const count = (kind: ChangeKind["kind"]): number => kinds.filter((k) => k.kind === kind).length;
  return {
    create: count("create"),
    update: count("update"),
    replace: count("replace"),
    delete: count("delete"),
    read: count("read"),
    forget: count("forget"),
    unchanged: count("no-op"),
  };
}

/**
 * An allowance covers the resource it names and, for a namespace or topic, everything inside it:
 * destroying a namespace destroys its queues whether or not they are listed. The Terraform
 * address also works, for resources the environment file has no name for (storage accounts).
 */
function allowanceFor(
  allowDestroy: readonly DestroyAllowance[],
  address: string,
  reference: string | undefined,
): DestroyAllowance | undefined {
  return allowDestroy.find(
    (allowance) =>
      allowance.reason.trim() !== "" &&
      (allowance.resource === address ||
        (reference !== undefined &&
          (allowance.resource === reference || reference.startsWith(`${allowance.resource}/`)))),
  );
}

function findingFor(resource: ResourceChange, kind: ChangeKind, options: PlanGuardOptions): DestroyFinding {
  const { before, after } = resource.change;
  const values = before ?? after;
  const stateful = isStateful(resource.type, values);
  const identity = azureIdentityOf(resource.type, values);
  const reference = identity
    ? (options.references ?? EnvironmentReferences.none()).referenceFor(identity)
    : undefined;
  const allowedBy = stateful
    ? allowanceFor(options.allowDestroy ?? [], resource.address, reference)
    : undefined;
  return {
    address: resource.address,
    type: resource.type,
    action: kind.kind === "replace" ? "replace" : "delete",
    ...(kind.kind === "replace" ? { order: kind.order, forcing: forcingAttributes(resource) } : {}),
    ...(resource.actionReason !== undefined ? { actionReason: resource.actionReason } : {}),
    ...(resource.deposed !== undefined ? { deposed: resource.deposed } : {}),
    stateful,
    ...(reference !== undefined ? { reference } : {}),
    ...(allowedBy !== undefined ? { allowedBy } : {}),
    blocking: stateful && allowedBy === undefined,
  };
}

/**
 * The plan guard: every managed resource the plan deletes or replaces, and whether that loses
 * data nobody agreed to lose. Stateful entities pass only with an `allowDestroy` entry; role
 * assignments, diagnostic settings and other configuration are listed and allowed.
 */
export function planGuard(plan: TerraformPlan, options: PlanGuardOptions = {}): PlanGuardReport {
  const managed = plan.resourceChanges.filter((resource) => resource.mode === "managed");
  const kinds = managed.map((resource) => changeKind(resource.change.actions));
  const findings = managed.flatMap((resource, index) =>
    destroys(kinds[index]) ? [findingFor(resource, kinds[index], options)] : [],
  );
  return {
    ...(plan.terraformVersion !== undefined ? { terraformVersion: plan.terraformVersion } : {}),
    summary: summarize(kinds),
    findings,
    blocked: findings.some((finding) => finding.blocking),
  };
}
