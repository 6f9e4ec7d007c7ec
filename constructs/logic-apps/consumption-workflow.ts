import { Construct } from "constructs";
import { declaresConnectionsParameter, type Json, type JsonObject } from "../../azure/workflow-definition";
import { AzapiResource } from "../shared/azapi-resource";
import { diagnosticSettingsFor } from "../shared/diagnostic-settings";
import { terraformLiteralJson } from "../shared/terraform-literal";
import type { Grantee } from "../shared/role-assignments";
import { validateWith } from "../shared/validation";
import { logicAppHostingProblems } from "../../azure/logic-apps";
import type { ApiConnection } from "./api-connection";

/**
 * `Microsoft.Logic/workflows` at an API version the pinned azapi embeds a schema for (azapi v2.5.0
 * internal/azure/generated/logic/microsoft.logic/2019-05-01/types.json). azurerm's
 * `azurerm_logic_app_workflow` takes no definition (triggers and actions are separate resources
 * of a few fixed kinds), so the file's definition goes through azapi, schema-checked.
 */
const workflowType = "Microsoft.Logic/workflows@2019-05-01";

export interface ConsumptionWorkflowProps {
  /** Azure name of the workflow (the Consumption logic app). */
  readonly name: string;
  /** The app's name in the environment file, for messages and grants. */
  readonly label: string;
  readonly location: string;
  readonly resourceGroupId: string;
  /** The file's `definition` object (Workflow Definition Language). */
  readonly definition: JsonObject;
  /**
   * The managed API connections the definition's `$connections` names.
   * @default - none
   */
  readonly connections?: readonly ApiConnection[];
  /**
   * Whether anyone may call the workflow's request triggers; off, only other workflows may
   * ("Secure access and data in Azure Logic Apps": an empty `allowedCallerIpAddresses`).
   * @default - callable from anywhere (Azure's default)
   */
  readonly publicNetworkAccess?: boolean;
  /**
   * Workspace the workflow runtime logs and metrics go to.
   * @default - no diagnostic setting
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Tags on the workflow.
   * @default - no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A Consumption logic app: one workflow with a system-assigned identity, its definition from the
 * file, and `$connections` filled with the managed-identity API connections it uses.
 */
export class ConsumptionWorkflow extends Construct {
  readonly resource: AzapiResource;
  readonly label: string;

  constructor(scope: Construct, id: string, props: ConsumptionWorkflowProps) {
    super(scope, id);
    this.label = props.label;
    validateWith(this, `Consumption logic app ${props.label}`, () =>
      logicAppHostingProblems({ hosting: "Consumption", workflows: [{ name: props.name }] }),
    );
    const connections: Record<string, Json> = {};
    for (const connection of props.connections ?? []) {
      connections[connection.label] = { ...connection.workflowValue() };
    }
    const properties: Record<string, unknown> = {
      state: "Enabled",
      // The definition reaches Azure as the file writes it, `${` and `%{` included.
      definition: terraformLiteralJson(props.definition),
    };
    // Azure refuses a value for a parameter the definition does not declare ("InvalidTemplate").
    if (declaresConnectionsParameter(props.definition)) {
      properties.parameters = { $connections: { value: connections } };
    }
    if (props.publicNetworkAccess === false) {
      properties.accessControl = { triggers: { allowedCallerIpAddresses: [] } };
    }
    this.resource = new AzapiResource(this, "workflow", {
      type: workflowType,
      name: props.name,
      parentId: props.resourceGroupId,
      location: props.location,
      identity: { type: "SystemAssigned" },
      body: { properties },
      dependsOn: (props.connections ?? []).map((c) => c.resource),
      tags: props.tags,
    });
    if (props.logAnalyticsWorkspaceId !== undefined) {
      diagnosticSettingsFor(this, "diagnostics", {
        targetResourceId: this.resource.id,
        logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
      });
    }
  }

  /** The workflow's own identity, to grant data-plane roles to. */
  get identity(): Grantee {
    return {
      name: `logicApps/${this.label}`,
      principalId: this.resource.getStringAttribute("identity.0.principal_id"),
      principalType: "ServicePrincipal",
    };
  }
}
