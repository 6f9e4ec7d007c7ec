import { managedIdentityAuthentication } from "../../azure/stream-analytics";
import type { Rule, RuleContext, Violation } from "../engine/rule";
import type { TerraformResource } from "../engine/stack-index";
import { attributeAt, blocksOf } from "../engine/terraform-json";
import { streamAnalyticsJob as kind } from "./controls/namespace-kinds";
import * as build from "./namespace-rules";

/** Every input and output type a job can have, and what each calls its shared keys. */
const connectionTypes: Readonly<Record<string, readonly string[]>> = {
  azurerm_stream_analytics_stream_input_eventhub_v2: ["shared_access_policy_key"],
  azurerm_stream_analytics_stream_input_eventhub: ["shared_access_policy_key"],
  azurerm_stream_analytics_stream_input_iothub: ["shared_access_policy_key"],
  azurerm_stream_analytics_output_servicebus_queue: ["shared_access_policy_key"],
  azurerm_stream_analytics_output_servicebus_topic: ["shared_access_policy_key"],
  azurerm_stream_analytics_output_eventhub: ["shared_access_policy_key"],
  azurerm_stream_analytics_output_blob: ["storage_account_key"],
};

function connectionsOf({ index }: RuleContext): TerraformResource[] {
  return Object.keys(connectionTypes).flatMap((type) => [...index.ofType(type)]);
}

const what = (resource: TerraformResource): string =>
  `${resource.type.includes("_input_") ? "input" : "output"} "${String(resource.body.name ?? resource.name)}"`;

/** Inputs and outputs authenticate with the job's managed identity, and the job has one. */
function requireManagedIdentity(context: RuleContext): Violation[] {
  const violations: Violation[] = [];
  for (const job of context.index.ofType(kind.type)) {
    if (blocksOf(job.body.identity).length === 0) {
      violations.push({
        resource: job,
        message: `${kind.label} "${String(job.body.name)}" has no managed identity`,
      });
    }
  }
  for (const resource of connectionsOf(context)) {
    // azurerm's IoT Hub input has no authentication mode: it always uses a shared access policy.
    const mode = attributeAt(resource.body, "authentication_mode");
    if (mode === managedIdentityAuthentication) continue;
    violations.push({
      resource,
      message: `${what(resource)} authenticates with ${mode === undefined ? "a shared access policy" : String(mode)}, not the job's managed identity`,
    });
  }
  return violations;
}

/** No input or output carries a shared access key or account key. */
function forbidSharedKeys(context: RuleContext): Violation[] {
  return connectionsOf(context).flatMap((resource) =>
    (connectionTypes[resource.type] ?? [])
      .filter((attribute) => attributeAt(resource.body, attribute) !== undefined)
      .map((attribute) => ({ resource, message: `${what(resource)} carries a key (${attribute})` })),
  );
}

/** Jobs retry an event they cannot write (`Stop`) rather than drop it. */
function requireStopOnOutputErrors({ index }: RuleContext): Violation[] {
  return index
    .ofType(kind.type)
    .filter((job) => job.body.output_error_policy !== "Stop")
    .map((job) => ({
      resource: job,
      message: `${kind.label} "${String(job.body.name)}" drops events it cannot write (output_error_policy is not Stop)`,
    }));
}

export const streamAnalyticsRules: readonly Rule[] = [
  {
    id: "SA-MANAGED-IDENTITY",
    title: "Stream Analytics inputs and outputs authenticate with the job's managed identity",
    severity: "high",
    tiers: build.PRODUCTION,
    rationale:
      "A managed identity holds a narrow data role that Entra ID logs and revokes; connection strings and shared access policies are keys anyone holding them can use.",
    remediation:
      "Read event hubs rather than IoT hubs (route the hub's messages to an event hub); every other input and output of the environment file uses the job's identity.",
    anchors: { checkov: [], azurePolicy: [] },
    evaluate: requireManagedIdentity,
  },
  {
    id: "SA-NO-SHARED-KEYS",
    title: "Stream Analytics inputs and outputs hold no shared access or account keys",
    severity: "high",
    tiers: build.PRODUCTION,
    rationale: "A key in an input or output is a secret in Terraform state and the job, valid until rotated.",
    remediation: "Remove the IoT Hub input (read an event hub the hub routes to instead).",
    anchors: { checkov: [], azurePolicy: [] },
    evaluate: forbidSharedKeys,
  },
  {
    id: "SA-OUTPUT-ERROR-POLICY",
    title: "Stream Analytics jobs stop rather than drop events they cannot write",
    severity: "medium",
    tiers: build.PRODUCTION,
    rationale:
      "With Drop, an event that cannot be written (wrong type, too large) is lost for good and nothing downstream knows it existed.",
    remediation:
      "Remove `outputErrorPolicy: Drop` from the job; where losing such events is acceptable, declare a waiver with a reason and an expiry.",
    anchors: { checkov: [], azurePolicy: [] },
    evaluate: requireStopOnOutputErrors,
  },
  build.diagnosticsRule({ id: "SA-DIAGNOSTICS", kind }),
  build.lockRule({ id: "SA-LOCK", kind }),
];
