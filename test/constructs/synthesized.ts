import { Testing, TerraformStack } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import type { Construct } from "constructs";

/** The synthesized Terraform JSON of whatever a construct test adds to a fresh stack. */
export interface Synthesized {
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
  readonly output?: Record<string, Record<string, unknown>>;
  readonly provider?: Record<string, unknown>;
  readonly terraform?: {
    readonly required_providers?: Record<string, { readonly source: string; readonly version: string }>;
  };
}

export function synth(build: (scope: Construct) => void): Synthesized {
  return JSON.parse(Testing.synthScope(build)) as Synthesized;
}

/** Every resource of `type`, in declaration order. */
export function resourcesOf(json: Synthesized, type: string): Record<string, unknown>[] {
  return Object.values(json.resource[type] ?? {});
}

/** The only resource of `type`; fails the test when there is not exactly one. */
export function onlyResource(json: Synthesized, type: string): Record<string, unknown> {
  const found = resourcesOf(json, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
}

/**
 * What cdktf would refuse at synthesis in whatever `build` adds, in a stack complete with its
 * provider: every construct validation's messages (constructs report all their rule problems there,
 * at once).
 */
export function validationErrors(build: (scope: Construct) => void): string[] {
  const stack = new TerraformStack(Testing.app(), "test");
  // A stack without its provider is refused too; the constructs' own problems are what is asked.
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  build(stack);
  return stack.node.findAll().flatMap((construct) => construct.node.validate());
}
