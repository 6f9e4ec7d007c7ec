import type { Diagnostic } from "../diagnostics";
import { pointerToPath } from "../diagnostics";
import type { EnvironmentModel } from "../model";
import type { ParsedDocument } from "../parsed-document";
import { walkEnvironment, type WalkedResource } from "../walk";

/**
 * What one check of the resolved model sees: the model, its walk, and the document to locate a
 * problem at the field it comes from. These checks run after resolution because they judge what
 * the file resolves to (Azure names, derived resources, the references the walk knows).
 */
export class ModelCheckContext {
  private readonly found: Diagnostic[] = [];
  readonly resources: readonly WalkedResource[];

  constructor(
    readonly doc: ParsedDocument,
    readonly model: EnvironmentModel,
  ) {
    this.resources = walkEnvironment(model);
  }

  /** Reports a problem with the value at `pointer` (`/waivers/0/resource`). */
  error(pointer: string, message: string): void {
    const { line, column } = this.doc.locate(pointer);
    this.found.push({ file: this.doc.file, line, column, path: pointerToPath(pointer), message });
  }

  /** Reports a problem with a resource's Azure name, at the field that gives or implies it. */
  errorAtName(resource: WalkedResource, message: string): void {
    this.error(namePointer(this.doc.data, resource), message);
  }

  /** The line of the field that gives or implies a resource's Azure name. */
  lineOfName(resource: WalkedResource): number {
    return this.doc.locate(namePointer(this.doc.data, resource)).line;
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.found;
  }
}

/** One family of checks over the resolved model. */
export type ModelCheck = (ctx: ModelCheckContext) => void;

function valueAt(data: unknown, pointer: string): unknown {
  let current = data;
  for (const raw of pointer.split("/").slice(1)) {
    if (current === null || typeof current !== "object") return undefined;
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** The sections inside a declaration that name the resources derived from it. */
const nameSections: Partial<Record<WalkedResource["kind"], string>> = {
  deviceProvisioning: "deviceProvisioning",
  deviceProvisioningIdentity: "deviceProvisioning",
  dedicatedCluster: "dedicatedCluster",
};

/**
 * The field a resource's Azure name comes from: its `resourceName` when the file gives one, else
 * its `name`, else the declaration itself (a derived resource is located at what it derives from).
 */
export function namePointer(data: unknown, resource: WalkedResource): string {
  const section = nameSections[resource.kind];
  const base = section ? `${resource.source.pointer}/${section}` : resource.source.pointer;
  for (const field of ["resourceName", "name"]) {
    if (valueAt(data, `${base}/${field}`) !== undefined) return `${base}/${field}`;
  }
  return valueAt(data, base) === undefined ? resource.source.pointer : base;
}
