import { managedIdentityParameterSet, managedServiceIdentityAuthentication } from "../../azure/logic-apps";
import type { Rule, RuleContext, Violation } from "../engine/rule";
import { armTypeOf } from "../engine/azure-path";
import type { TerraformResource } from "../engine/stack-index";
import { isJsonObject, type JsonValue } from "../engine/terraform-json";
import { requireIdentity } from "./controls/identity";
import { describe, logicApp as kind, namespacesOf } from "./controls/namespace-kinds";
import { ALL_TIERS, PRODUCTION, diagnosticsRule } from "./namespace-rules";

const none = { checkov: [], azurePolicy: [] };

/** A nested value by its path of keys, or undefined where the path leaves the objects. */
function at(value: JsonValue | undefined, ...path: string[]): JsonValue | undefined {
  let current = value;
  for (const key of path) current = isJsonObject(current) ? current[key] : undefined;
  return current;
}

const connections = ({ index }: RuleContext): TerraformResource[] =>
  index.ofType("azapi_resource").filter((r) => armTypeOf(r) === "microsoft.web/connections");

/**
 * Every logic app has a managed identity, every API connection authenticates with it (the
 * `managedIdentityAuth` parameter value set, no parameter values that could hold a key), and every
 * `$connections` entry of a Consumption workflow says so ("Authenticate access and connections
 * with managed identities in Azure Logic Apps").
 */
function identityConnections(context: RuleContext): Violation[] {
  const violations: Violation[] = requireIdentity(kind)(context);
  for (const app of namespacesOf(context.index, kind)) {
    const entries = at(app.body.body, "properties", "parameters", "$connections", "value");
    for (const [name, entry] of Object.entries(isJsonObject(entries) ? entries : {})) {
      if (
        at(entry, "connectionProperties", "authentication", "type") !== managedServiceIdentityAuthentication
      ) {
        violations.push({
          resource: app,
          message: `${describe(kind, app)} uses connection "${name}" without managed-identity authentication`,
        });
      }
    }
  }
  for (const connection of connections(context)) {
    const properties = at(connection.body.body, "properties");
    const valueSet = at(properties, "parameterValueSet", "name");
    if (valueSet !== managedIdentityParameterSet || at(properties, "parameterValues") !== undefined) {
      violations.push({
        resource: connection,
        message: `API connection "${String(connection.body.name)}" does not authenticate with a managed identity (parameterValueSet ${managedIdentityParameterSet}, no parameterValues)`,
      });
    }
  }
  return violations;
}

/**
 * Nobody on the internet can call a logic app: a Standard app's public access is Disabled; a
 * Consumption workflow's triggers admit no caller IP (only other workflows: "Secure access and data
 * in Azure Logic Apps").
 */
function noPublicInbound({ index }: RuleContext): Violation[] {
  const violations: Violation[] = [];
  for (const app of namespacesOf(index, kind)) {
    if (app.type === "azurerm_logic_app_standard") {
      if (app.body.public_network_access !== "Disabled") {
        violations.push({
          resource: app,
          message: `${describe(kind, app)} accepts calls from the public internet (public_network_access is not Disabled)`,
        });
      }
      continue;
    }
    const callers = at(app.body.body, "properties", "accessControl", "triggers", "allowedCallerIpAddresses");
    if (!Array.isArray(callers) || callers.length > 0) {
      violations.push({
        resource: app,
        message: `${describe(kind, app)} lets callers from the internet start its triggers (accessControl.triggers.allowedCallerIpAddresses is not empty)`,
      });
    }
  }
  return violations;
}

/** The runtime storage of a Standard app with shared keys on: azurerm requires them (see azure/logic-apps.ts). */
function storageSharedKey({ index }: RuleContext): Violation[] {
  const violations: Violation[] = [];
  for (const app of index.ofType("azurerm_logic_app_standard")) {
    const storage = index.target(app, "storage_account_name");
    if (!storage || storage.body.shared_access_key_enabled === false) continue;
    violations.push({
      resource: app,
      message: `${describe(kind, app)} keeps its runtime storage "${String(storage.body.name)}" with shared keys enabled, which the Logic Apps Standard runtime still requires`,
    });
  }
  return violations;
}

export const logicAppRules: readonly Rule[] = [
  {
    id: "LA-IDENTITY-CONNECTIONS",
    title: "Logic apps connect to namespaces with their managed identity only",
    severity: "high",
    tiers: ALL_TIERS,
    rationale:
      "A connection string or SAS key in a connection is a long-lived secret that outlives whoever created it; a managed identity has nothing to leak and its rights are the role assignments the file declares.",
    remediation:
      "Declare the connection under `connections:` and the entities under `receives:`/`sends:`; remove any key or connection string from the workflow definition.",
    anchors: none,
    evaluate: identityConnections,
  },
  {
    id: "LA-PUBLIC-INBOUND",
    title: "Logic apps accept no calls from the public internet",
    severity: "high",
    tiers: PRODUCTION,
    rationale:
      "A workflow that anyone can start is an entry point into the messaging estate; production workflows are started by their triggers or by other workflows.",
    remediation:
      "Do not set `publicNetworkAccess: true` on the logic app, or waive the rule with a reason and an expiry.",
    anchors: none,
    evaluate: noPublicInbound,
  },
  diagnosticsRule({ id: "LA-DIAGNOSTICS", kind }),
  {
    id: "LA-STORAGE-SHARED-KEY",
    title: "Standard logic apps' runtime storage keeps shared keys only under a waiver",
    severity: "medium",
    tiers: PRODUCTION,
    rationale:
      "The Logic Apps Standard runtime still reads its storage account with the account key (azurerm's logic_app_standard requires storage_account_access_key; hashicorp/terraform-provider-azurerm#25419), so the account cannot turn shared keys off; production accepts that only as a visible, expiring exception.",
    remediation:
      "Add a waiver { rule: LA-STORAGE-SHARED-KEY, resource: logicApps/<name>, reason, expires } until the runtime can use its identity for storage, or use Consumption hosting.",
    anchors: none,
    evaluate: storageSharedKey,
  },
];
