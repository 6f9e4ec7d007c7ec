/**
 * What an environment's stack needs from Azure before its first deploy, read from the stack
 * itself (synthesized in memory, never written): the resource providers its resources belong to,
 * the globally unique names it will claim, and the scopes outside its resource group where it
 * creates role assignments. Preflight checks them; the bootstrap registers the providers and
 * lets the deploy identity assign roles at those scopes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Token } from "cdktf";
import { globalNameKindOf, type GlobalNameKind } from "../azure/global-names";
import { registeredByDefault, resourceProviderOf } from "../azure/resource-providers";
import type { EnvironmentModel } from "../model/model";
import { MessagingStack } from "./messaging-stack";
import { withStagedPackages } from "./logic-app-package";
import { withPlainStackTraces } from "./plain-stack-traces";

export interface GlobalName {
  readonly kind: GlobalNameKind;
  /** The Azure name, as the stack sets it. */
  readonly name: string;
}

export interface StackRequirements {
  /** Resource provider namespaces the stack's resources need, except those registered by default. */
  readonly resourceProviders: readonly string[];
  /** Names of the stack's resources that must be free worldwide (all live in the environment's group). */
  readonly globalNames: readonly GlobalName[];
  /** ARM IDs outside the environment's resource group where the stack creates role assignments. */
  readonly externalRoleScopes: readonly string[];
}

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** The stack's Terraform JSON, built in a throwaway app whose output folder is removed at once. */
function terraformOf(model: EnvironmentModel): { resource?: Resources } {
  const outdir = mkdtempSync(join(tmpdir(), "stack-requirements-"));
  try {
    return withPlainStackTraces(() =>
      withStagedPackages(() => {
        const stack = new MessagingStack(new App({ outdir }), model);
        return stack.toTerraform() as { resource?: Resources };
      }),
    );
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const isLiteral = (value: unknown): value is string =>
  typeof value === "string" && !Token.isUnresolved(value) && !value.includes("${");

export function stackRequirementsOf(model: EnvironmentModel): StackRequirements {
  const resources = terraformOf(model).resource ?? {};
  const providers = new Set<string>();
  const names = new Map<string, GlobalName>();
  const scopes = new Set<string>();
  for (const [type, byId] of Object.entries(resources)) {
    for (const config of Object.values(byId)) {
      const azapiType = typeof config.type === "string" ? config.type : undefined;
      const provider = resourceProviderOf(type, azapiType);
      if (!provider) {
        throw new Error(
          `internal: no resource provider is known for ${azapiType ? `${type} ${azapiType}` : type}; add it to azure/resource-providers.ts`,
        );
      }
      providers.add(provider);
      const kind = globalNameKindOf(type, azapiType);
      if (kind && isLiteral(config.name)) names.set(`${kind}/${config.name}`, { kind, name: config.name });
      if (type === "azurerm_role_assignment" && isLiteral(config.scope)) scopes.add(config.scope);
    }
  }
  return {
    resourceProviders: [...providers].filter((p) => !registeredByDefault.includes(p)).sort(),
    globalNames: [...names.values()].sort(
      (a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name),
    ),
    externalRoleScopes: [...scopes].sort(),
  };
}
