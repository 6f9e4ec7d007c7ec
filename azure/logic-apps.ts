import { rulesPage, type AzureNameRule } from "./name-rule";
import type { Problem } from "./problem";

/*
 * Azure Logic Apps as Azure and azurerm 4.x state it: the two hosting models, the Workflow Standard
 * plans, names, the connections a workflow reaches Service Bus and Event Hubs through, and what
 * Standard hosting needs from its storage account. The workflow definition's own shape is in
 * `workflow-definition.ts`. Sources, cited as [key] below:
 * [hosting]   "Single-tenant versus multitenant in Azure Logic Apps": Consumption is one workflow per
 *             logic app in the multitenant service, reached only through public endpoints; Standard
 *             runs many workflows on a Workflow Standard plan with virtual network integration.
 * [plan]      azurerm v4.55.0 internal/services/appservice/helpers/service_plan.go: `WS1`, `WS2`, `WS3`
 *             among the known `sku_name` values; "Usage metering, billing, and pricing for Azure Logic
 *             Apps" (Standard: WS1, WS2, WS3).
 * [mi]        "Authenticate access and connections with managed identities in Azure Logic Apps": a
 *             Consumption API connection takes the `managedIdentityAuth` parameter value set and the
 *             workflow's `$connections` entry `connectionProperties.authentication.type`
 *             `ManagedServiceIdentity`; a Standard built-in connection in `connections.json` takes
 *             `parameterSetName` `ManagedServiceIdentity` and `authProvider.Type` the same.
 * [sb]        "Connect to Azure Service Bus from workflows in Azure Logic Apps": the managed `servicebus`
 *             API (`namespaceEndpoint` `sb://<namespace>.servicebus.windows.net/`) and the built-in
 *             `/serviceProviders/serviceBus` provider (`fullyQualifiedNamespace`).
 * [eh]        "Connect to an event hub from workflows in Azure Logic Apps": the managed `eventhubs` API and
 *             the built-in `/serviceProviders/eventHub` provider, alike.
 * [storage]   azurerm v4.55.0 internal/services/logic/logic_app_standard_resource.go:
 *             `storage_account_access_key` is Required (`validation.NoZeroValues`), and
 *             `getBasicLogicAppSettings` builds `AzureWebJobsStorage` and
 *             `WEBSITE_CONTENTAZUREFILECONNECTIONSTRING` as `DefaultEndpointsProtocol=https;AccountName=..;AccountKey=..`;
 *             the content share is on Azure Files, which the Functions host behind Logic Apps Standard
 *             reaches with that connection string ("Storage considerations for Azure Functions").
 *             Managing the app without the key is open upstream: hashicorp/terraform-provider-azurerm#25419
 *             ("azurerm_logic_app_standard deployment without using Storage account key", labelled
 *             upstream/microsoft/needs-support-on-azure-api).
 * [private]   "Deploy Standard logic apps to private storage accounts": a storage account without public
 *             access needs private endpoints for blob, file, queue and table, the content share created
 *             beforehand and content over the virtual network (`vnet_content_share_enabled`).
 * [names]     learn.microsoft.com resource-name-rules (Microsoft.Logic workflows 1-80; Microsoft.Web
 *             sites 2-60, serverfarms 1-60) and the azurerm validators named with each rule.
 */

export type LogicAppHosting = "Consumption" | "Standard";

export const logicAppHostings: readonly LogicAppHosting[] = ["Consumption", "Standard"];

/** The Workflow Standard plans ([plan]). */
export type WorkflowStandardSku = "WS1" | "WS2" | "WS3";

export const workflowStandardSkus: readonly WorkflowStandardSku[] = ["WS1", "WS2", "WS3"];

/** The plan a Standard app runs on when the file names none: the smallest ([plan]). */
export const defaultWorkflowStandardSku: WorkflowStandardSku = "WS1";

/** Workflows one Consumption logic app holds: it is its one workflow ([hosting]). */
export const consumptionWorkflowsPerApp = 1;

/** What a Standard app's `workflow.json` says about run state ("Stateful and stateless workflows"). */
export const standardWorkflowKinds = ["Stateful", "Stateless"] as const;

// ---------------------------------------------------------------- names

const letterOrDigit = { pattern: /[A-Za-z0-9]/, text: "a letter or number" } as const;

/** Azure's naming rules for Logic Apps resources ([names]). */
export const logicAppNameRules = {
  consumptionWorkflow: {
    what: "Consumption logic app",
    minLength: 1,
    maxLength: 80,
    allowed: /[A-Za-z0-9()._-]/,
    allowedText: "letters, numbers, periods, hyphens, underscores and parentheses",
    source: `${rulesPage}, Microsoft.Logic/workflows: 1-80; azurerm logic_app_workflow_resource.go name: ^[-()_.A-Za-z0-9]{1,80}$`,
  },
  standardSite: {
    what: "Standard logic app",
    minLength: 2,
    maxLength: 60,
    allowed: /[A-Za-z0-9-]/,
    allowedText: "letters, numbers and hyphens",
    start: letterOrDigit,
    end: letterOrDigit,
    source: `${rulesPage}, Microsoft.Web/sites: 2-60, can't start or end with a hyphen; azurerm logic/validate/logic_app_standard_name.go: ^[0-9a-zA-Z-]{1,60}$`,
  },
  standardWorkflow: {
    what: "Standard workflow",
    minLength: 1,
    maxLength: 255,
    allowed: /[A-Za-z0-9_-]/,
    allowedText: "letters, numbers, hyphens and underscores",
    start: { pattern: /[A-Za-z]/, text: "a letter" },
    end: letterOrDigit,
    forbiddenSequences: ["--", "__", "-_", "_-"],
    // The designer's rule for a workflow folder name in a Standard app (no ARM validator exists:
    // the workflow is a folder of the deployed content); reported by Sandro Pereira, "Logic App
    // Consumption and Standard name have different size limits and restrictions" (2024).
    source:
      "Azure portal validation of Standard workflow names: letters, numbers, - and _, start with a letter, end with a letter or number, no two symbols together, at most 255",
  },
  workflowPlan: {
    what: "Workflow Standard plan",
    minLength: 1,
    maxLength: 60,
    allowed: /[A-Za-z0-9_-]/,
    allowedText: "letters, numbers, hyphens and underscores",
    source: `${rulesPage}, Microsoft.Web/serverfarms: 1-60; azurerm appservice/validate/service_plan_name.go: ^[0-9a-zA-Z-_]{1,60}$`,
  },
  apiConnection: {
    what: "API connection",
    minLength: 1,
    maxLength: 80,
    allowed: /[A-Za-z0-9()._-]/,
    allowedText: "letters, numbers, periods, hyphens, underscores and parentheses",
    // azurerm_api_connection only asks for a non-empty name; the project keeps connection names to
    // the characters and length of the workflow they serve, which ARM accepts for both.
    source:
      "azurerm connections/api_connection_resource.go: StringIsNotEmpty; named like the Microsoft.Logic/workflows it serves",
  },
} as const satisfies Record<string, AzureNameRule>;

/**
 * A Standard app's host name: every app is a DNS name in `azurewebsites.net` ("App Service
 * overview"; the site's `default_hostname`).
 */
export const standardAppZone = "azurewebsites.net";

export function standardAppHostName(siteName: string): string {
  return `${siteName}.${standardAppZone}`;
}

/** The private-link sub-resource (group ID) of a Standard app ("Using private endpoints for App Service apps"). */
export const standardAppPrivateLinkSubresource = "sites";

// ---------------------------------------------------------------- connections

/** The messaging services a workflow connects to by managed identity. */
export type ConnectedService = "serviceBus" | "eventHubs";

export interface ConnectorFacts {
  /** The managed API a Consumption connection instantiates ([sb], [eh]). */
  readonly managedApi: string;
  /** The built-in service provider a Standard connection names ([sb], [eh]). */
  readonly serviceProviderId: string;
  /** How people call the service in messages. */
  readonly label: string;
}

export const connectors: Readonly<Record<ConnectedService, ConnectorFacts>> = {
  serviceBus: {
    managedApi: "servicebus",
    serviceProviderId: "/serviceProviders/serviceBus",
    label: "Service Bus",
  },
  eventHubs: {
    managedApi: "eventhubs",
    serviceProviderId: "/serviceProviders/eventHub",
    label: "Event Hubs",
  },
};

/** The connected service whose built-in provider has this ID (compared ignoring case), if any. */
export function serviceOfProvider(serviceProviderId: string): ConnectedService | undefined {
  const wanted = serviceProviderId.toLowerCase();
  return (Object.keys(connectors) as ConnectedService[]).find(
    (service) => connectors[service].serviceProviderId.toLowerCase() === wanted,
  );
}

/** `/subscriptions/<id>/providers/Microsoft.Web/locations/<region>/managedApis/<api>`: a managed API's ID. */
export function managedApiId(subscriptionId: string, location: string, service: ConnectedService): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Web/locations/${location}/managedApis/${connectors[service].managedApi}`;
}

/** The parameter value set that makes a managed API connection authenticate as the workflow's identity ([mi]). */
export const managedIdentityParameterSet = "managedIdentityAuth";

/** What a connection's `parameterValueSet` holds: the set and the namespace endpoint ([mi], [sb]). */
export interface ManagedIdentityParameterValueSet {
  readonly name: typeof managedIdentityParameterSet;
  readonly values: { readonly namespaceEndpoint: { readonly value: string } };
}

/** `sb://<host>/`, the endpoint a managed-identity connection names ([sb]). */
export function managedIdentityParameterValueSet(namespaceHost: string): ManagedIdentityParameterValueSet {
  return {
    name: managedIdentityParameterSet,
    values: { namespaceEndpoint: { value: `sb://${namespaceHost}/` } },
  };
}

/** How a workflow's `$connections` entry authenticates through its connection ([mi]). */
export const managedServiceIdentityAuthentication = "ManagedServiceIdentity";

/** One built-in connection of a Standard app's `connections.json`, by managed identity ([mi]). */
export interface ServiceProviderConnection {
  readonly displayName: string;
  readonly parameterSetName: typeof managedServiceIdentityAuthentication;
  readonly parameterValues: {
    readonly fullyQualifiedNamespace: string;
    readonly authProvider: { readonly Type: typeof managedServiceIdentityAuthentication };
  };
  readonly serviceProvider: { readonly id: string };
}

export function serviceProviderConnection(
  service: ConnectedService,
  namespaceHost: string,
  displayName: string,
): ServiceProviderConnection {
  return {
    displayName,
    parameterSetName: managedServiceIdentityAuthentication,
    parameterValues: {
      fullyQualifiedNamespace: namespaceHost,
      authProvider: { Type: managedServiceIdentityAuthentication },
    },
    serviceProvider: { id: connectors[service].serviceProviderId },
  };
}

// ---------------------------------------------------------------- storage of Standard hosting

/**
 * What the Logic Apps Standard runtime needs from its storage account ([storage], [private]):
 * shared keys stay on, because azurerm_logic_app_standard requires `storage_account_access_key` and
 * builds the runtime's connection strings from it, and the private endpoints a closed account needs.
 */
export const standardRuntimeStorage = {
  sharedKeyRequired: true,
  sharedKeySource:
    "azurerm v4.55.0 logic_app_standard_resource.go: storage_account_access_key is Required; AzureWebJobsStorage and WEBSITE_CONTENTAZUREFILECONNECTIONSTRING are built with AccountKey (hashicorp/terraform-provider-azurerm#25419)",
  privateSubresources: ["blob", "file", "queue", "table"],
} as const;

export type RuntimeStorageSubresource = (typeof standardRuntimeStorage.privateSubresources)[number];

/**
 * The content share of a Standard app: azurerm's default, `<app name, lower case>-content`
 * ([storage]), made a valid file share name. A site name may hold `--` and a share name may not:
 * azurerm's StorageShareName (internal/services/storage/validate/storage_share.go, v4.55.0) takes
 * lower-case letters, digits and single hyphens, 3-63 characters, not starting with a hyphen
 * (Microsoft Learn, "Naming and referencing shares, directories, files, and metadata"). Runs of
 * hyphens collapse to one; the length is fitted by the caller.
 */
export function contentShareBaseName(siteName: string): string {
  const name = siteName.toLowerCase().replace(/-{2,}/g, "-").replace(/^-+/, "");
  return `${name}-content`.replace(/-{2,}/g, "-");
}

// ---------------------------------------------------------------- monitoring

/**
 * Failed runs, per hosting model. Consumption: the `RunsFailed` metric of Microsoft.Logic/workflows
 * ("Supported metrics - Microsoft.Logic/Workflows"). Standard: the workflow runtime log of the app
 * (table `LogicAppWorkflowRuntime`, resource types microsoft.web/sites and microsoft.logic/workflows:
 * "LogicAppWorkflowRuntime" table reference), where a finished run is an operation named
 * `WorkflowRunCompleted` with its `Status`.
 */
export const failedRunSignals = {
  consumptionMetric: { metricNamespace: "Microsoft.Logic/workflows", metricName: "RunsFailed" },
  standardLogTable: "LogicAppWorkflowRuntime",
  standardRunCompleted: "WorkflowRunCompleted",
} as const;

// ---------------------------------------------------------------- rules

/** A logic app as the environment file writes it, for the rules over hosting. */
export interface LogicAppHostingInput {
  readonly hosting?: LogicAppHosting;
  readonly sku?: string;
  readonly workflows?: readonly { readonly name?: string }[];
}

/**
 * What the hosting model refuses: a Consumption app holds exactly one workflow and has no plan
 * ([hosting]); a Standard plan is a Workflow Standard SKU ([plan]).
 */
export function logicAppHostingProblems(app: LogicAppHostingInput): Problem[] {
  const problems: Problem[] = [];
  const workflows = app.workflows ?? [];
  if (app.hosting === "Consumption") {
    if (workflows.length > consumptionWorkflowsPerApp) {
      problems.push({
        field: `workflows/${consumptionWorkflowsPerApp}`,
        message: `a Consumption logic app is one workflow, but this one lists ${workflows.length}; declare one logic app per workflow, or use hosting: Standard, which runs several workflows in one app`,
      });
    }
    if (app.sku !== undefined) {
      problems.push({
        field: "sku",
        message: `sku applies to Standard hosting only (a Workflow Standard plan); Consumption is billed per run: remove sku or use hosting: Standard`,
      });
    }
  }
  if (app.hosting === "Standard" && app.sku !== undefined && !isWorkflowStandardSku(app.sku)) {
    problems.push({
      field: "sku",
      message: `sku must be a Workflow Standard plan (${workflowStandardSkus.join(", ")}), got "${app.sku}"`,
    });
  }
  return problems;
}

/** A Standard app's network, as the file and its tier resolve it, for the rule over closed apps. */
export interface StandardAppNetworkInput {
  readonly name: string;
  /** Whether the app accepts public traffic (its own setting or the tier's). */
  readonly publicNetworkAccess: boolean;
  /** Whether `publicNetworkAccess` comes from the tier (the problem then points at `hosting`). */
  readonly publicNetworkAccessFromTier?: boolean;
  readonly tier?: string;
  readonly privateEndpointSubnet: boolean;
  readonly integrationSubnet: boolean;
}

/**
 * A Standard app closed to public traffic runs against runtime storage closed too, which it reaches
 * only through the storage's private endpoints, over VNet integration: it needs a subnet for the
 * private endpoints (its own and its storage's) and a subnet to integrate with ("Deploy Standard
 * logic apps to private storage accounts": the app must be VNet-integrated and the storage's
 * private endpoints in a reachable subnet; "Using private endpoints for App Service apps").
 */
export function closedStandardAppNetworkProblems(app: StandardAppNetworkInput): Problem[] {
  if (app.publicNetworkAccess) return [];
  const missing = [
    ...(app.privateEndpointSubnet ? [] : ["network.privateEndpointSubnetId"]),
    ...(app.integrationSubnet ? [] : ["network.integrationSubnetId"]),
  ];
  if (missing.length === 0) return [];
  const fromTier = app.publicNetworkAccessFromTier === true;
  return [
    {
      field: fromTier ? "hosting" : "publicNetworkAccess",
      message: `Standard logic app "${app.name}" accepts no public traffic${fromTier && app.tier !== undefined ? ` (the ${app.tier} tier's default)` : ""}, so it is reached through a private endpoint and reaches its private runtime storage through VNet integration: add ${missing.join(" and ")}, or set publicNetworkAccess: true`,
    },
  ];
}

export function isWorkflowStandardSku(value: unknown): value is WorkflowStandardSku {
  return workflowStandardSkus.some((sku) => sku === value);
}
