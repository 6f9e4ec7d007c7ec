/**
 * One line of the preflight report: what was checked, whether it holds, and the fix when not.
 * `manual` is what ARM cannot show (Managed HSM's own role assignments): the line says how to
 * verify it by hand and does not fail the run.
 */
export interface Finding {
  readonly passed: boolean;
  readonly manual?: boolean;
  /** What was checked, e.g. `private DNS zone privatelink.servicebus.windows.net is linked to vnet-prod`. */
  readonly check: string;
  /** What was found, when it is worth saying (always for a failure). */
  readonly detail?: string;
  /** What to do, for a failure: a command or the line of the file to change. */
  readonly fix?: string;
}

export function pass(check: string, detail?: string): Finding {
  return detail === undefined ? { passed: true, check } : { passed: true, check, detail };
}

export function manual(check: string, how: string): Finding {
  return { passed: true, manual: true, check, fix: how };
}

export function fail(check: string, detail: string, fix: string): Finding {
  return { passed: false, check, detail, fix };
}

/** The last segment of an ARM ID: the resource's own name, for readable lines. */
export function nameOf(id: string): string {
  return (
    id
      .split("/")
      .filter((p) => p !== "")
      .pop() ?? id
  );
}

/** The ID of the resource `levels` segments pairs up, e.g. a subnet's virtual network. */
export function parentOf(id: string, levels = 1): string {
  return id
    .split("/")
    .slice(0, -2 * levels)
    .join("/");
}

/** ARM compares IDs and locations without regard to case; locations also without spaces. */
export function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function sameLocation(a: string, b: string): boolean {
  return a.replace(/\s/g, "").toLowerCase() === b.replace(/\s/g, "").toLowerCase();
}
