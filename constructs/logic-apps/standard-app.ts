import { Construct } from "constructs";
import { LogicAppStandard } from "@cdktf/provider-azurerm/lib/logic-app-standard";
import { ServicePlan } from "@cdktf/provider-azurerm/lib/service-plan";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageShare } from "@cdktf/provider-azurerm/lib/storage-share";
import {
  closedStandardAppNetworkProblems,
  isWorkflowStandardSku,
  logicAppHostingProblems,
  standardAppPrivateLinkSubresource,
  type RuntimeStorageSubresource,
  type ServiceProviderConnection,
  type WorkflowStandardSku,
} from "../../azure/logic-apps";
import { diagnosticSettingsFor } from "../shared/diagnostic-settings";
import { privateEndpointFor } from "../shared/private-endpoint";
import type { Grantee } from "../shared/role-assignments";
import { validateWith } from "../shared/validation";
import { standardPackageFiles, type PackagedWorkflow } from "./standard-package";

export interface StandardPrivateEndpoint {
  readonly name: string;
  readonly subnetId: string;
  /** @default - no DNS zone group */
  readonly privateDnsZoneId?: string;
}

export interface StandardLogicAppProps {
  /** Azure name of the app (a host name in azurewebsites.net). */
  readonly name: string;
  /** The app's name in the environment file. */
  readonly label: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly planName: string;
  /**
   * The Workflow Standard plan.
   * @default - WS1, the smallest
   */
  readonly sku?: WorkflowStandardSku;
  readonly storageAccountName: string;
  /** The Azure Files share of the app's content (named, so it can be created ahead of the app). */
  readonly contentShareName: string;
  readonly workflows: readonly PackagedWorkflow[];
  /** `connections.json`'s built-in connections, by the names the workflows use. */
  readonly connections: Readonly<Record<string, ServiceProviderConnection>>;
  /**
   * Subnet the app's outbound traffic goes through (VNet integration).
   * @default - no VNet integration: the app reaches only public endpoints
   */
  readonly integrationSubnetId?: string;
  /**
   * Whether the app accepts inbound calls from the internet.
   * @default - accepts them (App Service's default)
   */
  readonly publicNetworkAccess?: boolean;
  /**
   * The app's inbound private endpoint (with public access off).
   * @default - none
   */
  readonly privateEndpoint?: StandardPrivateEndpoint;
  /**
   * The runtime storage's private endpoints, per storage service (with public access off).
   * @default - none: the storage account keeps its public endpoint
   */
  readonly storagePrivateEndpoints?: readonly (StandardPrivateEndpoint & {
    readonly subresource: RuntimeStorageSubresource;
  })[];
  /**
   * Workspace the workflow runtime logs and metrics go to.
   * @default - no diagnostic setting
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Whether Terraform refuses to destroy the runtime storage (run history and state).
   * @default - false
   */
  readonly preventDestroy?: boolean;
  /** @default - no tags */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A Logic Apps Standard app: a Workflow Standard plan, the runtime's storage account, and the app
 * with a system-assigned identity, HTTPS only, TLS 1.2, FTP off and VNet integration, whose
 * workflows and `connections.json` make the content the deploy pipeline publishes.
 */
export class StandardLogicApp extends Construct {
  readonly app: LogicAppStandard;
  readonly storage: StorageAccount;
  /** The app's content (workflows, connections.json, host.json) by path, for the deploy package. */
  readonly contentFiles: ReadonlyMap<string, string>;
  readonly label: string;

  constructor(scope: Construct, id: string, props: StandardLogicAppProps) {
    super(scope, id);
    this.label = props.label;
    const sku = props.sku ?? "WS1";
    validateWith(this, `Standard logic app ${props.label}`, () => [
      ...logicAppHostingProblems({ hosting: "Standard", sku, workflows: props.workflows }),
      ...closedStandardAppNetworkProblems({
        name: props.label,
        publicNetworkAccess: props.publicNetworkAccess !== false,
        privateEndpointSubnet: props.privateEndpoint !== undefined,
        integrationSubnet: props.integrationSubnetId !== undefined,
      }),
    ]);
    if (!isWorkflowStandardSku(sku)) throw new Error(`internal: ${sku} is no Workflow Standard plan`);
    const tags = props.tags ? { ...props.tags } : undefined;
    const closed = props.publicNetworkAccess === false;
    const plan = new ServicePlan(this, "plan", {
      name: props.planName,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      osType: "Windows",
      skuName: sku,
      tags,
    });
    this.storage = new StorageAccount(this, "storage", {
      name: props.storageAccountName,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      accountKind: "StorageV2",
      accountTier: "Standard",
      accountReplicationType: "ZRS",
      minTlsVersion: "TLS1_2",
      httpsTrafficOnlyEnabled: true,
      allowNestedItemsToBePublic: false,
      crossTenantReplicationEnabled: false,
      // The Logic Apps Standard runtime still reads its storage with the account key: azurerm v4.55.0
      // logic_app_standard_resource.go makes storage_account_access_key Required and builds
      // AzureWebJobsStorage and WEBSITE_CONTENTAZUREFILECONNECTIONSTRING with AccountKey
      // (hashicorp/terraform-provider-azurerm#25419; "Storage considerations for Azure Functions":
      // the content share on Azure Files needs a connection string). Stated here, never silently;
      // policy LA-STORAGE-SHARED-KEY reports it, and production needs a waiver.
      sharedAccessKeyEnabled: true,
      publicNetworkAccessEnabled: !closed,
      lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
      tags,
    });
    // Closed to the internet, the content share must exist before the app ("Deploy Standard logic
    // apps to private storage accounts"); azurerm creates it through Resource Manager by account ID.
    const share = new StorageShare(this, "content-share", {
      name: props.contentShareName,
      storageAccountId: this.storage.id,
      quota: 100,
    });
    const endpoints = (props.storagePrivateEndpoints ?? []).map((endpoint) =>
      privateEndpointFor(this, `storage-${endpoint.subresource}-private-endpoint`, {
        name: endpoint.name,
        location: props.location,
        resourceGroupName: props.resourceGroupName,
        subnetId: endpoint.subnetId,
        targetResourceId: this.storage.id,
        subresource: endpoint.subresource,
        privateDnsZoneId: endpoint.privateDnsZoneId,
        tags,
      }),
    );
    this.app = new LogicAppStandard(this, "app", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      appServicePlanId: plan.id,
      storageAccountName: this.storage.name,
      storageAccountAccessKey: this.storage.primaryAccessKey,
      storageAccountShareName: share.name,
      vnetContentShareEnabled: props.integrationSubnetId !== undefined && closed,
      version: "~4",
      httpsOnly: true,
      ftpPublishBasicAuthenticationEnabled: false,
      scmPublishBasicAuthenticationEnabled: false,
      publicNetworkAccess: closed ? "Disabled" : "Enabled",
      virtualNetworkSubnetId: props.integrationSubnetId,
      identity: { type: "SystemAssigned" },
      siteConfig: {
        ftpsState: "Disabled",
        minTlsVersion: "1.2",
        scmMinTlsVersion: "1.2",
        vnetRouteAllEnabled: props.integrationSubnetId !== undefined,
      },
      appSettings: {
        // azurerm's documented example for a Standard app; the runtime itself is the Functions host
        // with the Workflows bundle (APP_KIND workflowApp, set by azurerm).
        FUNCTIONS_WORKER_RUNTIME: "node",
        WEBSITE_NODE_DEFAULT_VERSION: "~18",
      },
      dependsOn: endpoints,
      tags,
    });
    if (props.privateEndpoint) {
      privateEndpointFor(this, "private-endpoint", {
        name: props.privateEndpoint.name,
        location: props.location,
        resourceGroupName: props.resourceGroupName,
        subnetId: props.privateEndpoint.subnetId,
        targetResourceId: this.app.id,
        subresource: standardAppPrivateLinkSubresource,
        privateDnsZoneId: props.privateEndpoint.privateDnsZoneId,
        tags,
      });
    }
    if (props.logAnalyticsWorkspaceId !== undefined) {
      diagnosticSettingsFor(this, "diagnostics", {
        targetResourceId: this.app.id,
        logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
      });
    }
    this.contentFiles = standardPackageFiles(props.workflows, props.connections);
  }

  /** The app's own identity, to grant data-plane roles to. */
  get identity(): Grantee {
    return {
      name: `logicApps/${this.label}`,
      principalId: this.app.identity.principalId,
      principalType: "ServicePrincipal",
    };
  }
}
