import { Construct } from "constructs";
import { AzurermBackend, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import type { EnvironmentModel } from "../model/model";
import { EntityRegistry } from "./entity-registry";
import { StackIds } from "./ids/stack-ids";
import type { StackContext } from "./stack-context";
import { logAnalyticsWorkspaceFor } from "./log-analytics";
import { connectionCatalogFor } from "../model/connection-catalog";
import { addServiceBus } from "./service-bus";
import { addEventHubs } from "./event-hubs";
import { addEventGrid } from "./event-grid";
import { addRelay } from "./relay";
import { addIotHub } from "./iot-hub";
import { addEdgeSites } from "./edge-sites";
import { addStreamAnalytics } from "./stream-analytics";
import { addLogicApps } from "./logic-apps";
import { addMonitoring } from "./monitoring";

/**
 * One environment's messaging topology as one Terraform stack. The stack is the only place that
 * reads the environment model and the constructs together; each service adds its part in
 * dependency order, because later services deliver to entities the earlier ones built.
 */
export class MessagingStack extends TerraformStack {
  readonly context: StackContext;

  constructor(scope: Construct, model: EnvironmentModel) {
    super(scope, model.name);

    new AzurermProvider(this, "azurerm", {
      // No storage data-plane reads at plan or apply: the capture and dead-letter accounts deny
      // public traffic, and a GitHub-hosted runner could not reach them. Meant for accounts without
      // `queue_properties` or `static_website` (none here): azurerm v4.55.0
      // website/docs/guides/features-block.html.markdown, `storage.data_plane_available`, read in
      // internal/services/storage/storage_account_resource.go.
      features: [{ storage: [{ dataPlaneAvailable: false }] }],
      // Entra ID for data-plane calls the provider makes (queues, containers): no shared keys.
      storageUseAzuread: true,
      // The plan and deploy identities may not register resource providers; the 4.x default
      // (`legacy`) registers every provider azurerm supports at start-up. "If the principal running
      // Terraform has insufficient permissions to register Resource Providers then we recommend
      // setting the property `resource_provider_registrations` to `none`": azurerm v4.55.0
      // website/docs/index.html.markdown. `npm run preflight` checks the registrations instead, and
      // `npm run bootstrap` registers them with an identity that may.
      resourceProviderRegistrations: "none",
    });

    if (model.state) {
      new AzurermBackend(this, {
        resourceGroupName: model.state.resourceGroup,
        storageAccountName: model.state.storageAccount,
        containerName: model.state.container,
        key: model.state.key,
        useAzureadAuth: true,
      });
    } else {
      // Relative, so the synthesized JSON does not depend on where the repository lives.
      new LocalBackend(this, { path: `terraform.${model.name}.tfstate` });
    }

    const resourceGroup = new ResourceGroup(this, "resource-group", {
      name: model.resourceGroupName,
      location: model.location,
      tags: { ...model.tags },
    });

    const workspaceId = logAnalyticsWorkspaceFor(this, model, resourceGroup.name);

    this.context = {
      scope: this,
      model,
      resourceGroupName: resourceGroup.name,
      resourceGroupId: resourceGroup.id,
      location: model.location,
      logAnalyticsWorkspaceId: workspaceId,
      entities: new EntityRegistry(),
      ids: new StackIds(model),
    };

    // Services, in dependency order (each line is one service's part of the stack): IoT Hub
    // routes deliver to queues and hubs; Event Grid delivers to them too and takes system-topic
    // sources from all three; edge sites join Event Grid's MQTT broker; Stream Analytics jobs read hubs
    // and write to queues, topics and hubs; monitoring watches everything.
    addServiceBus(this.context);
    addEventHubs(this.context);
    addRelay(this.context);
    addIotHub(this.context);
    addEventGrid(this.context);
    addEdgeSites(this.context);
    addStreamAnalytics(this.context);
    addLogicApps(this.context);
    addMonitoring(this.context);

    new TerraformOutput(this, "resource_group_name", { value: resourceGroup.name });
    // Endpoints per protocol and who holds which role: what a consuming team needs, never a key.
    new TerraformOutput(this, "connection_catalog", {
      value: connectionCatalogFor(model, { mqtt: this.context.entities.mqttHostnames() }),
      description:
        "Endpoints per protocol (AMQP, WebSockets, Kafka, MQTT, HTTPS) and role holders of every messaging resource",
    });
  }
}
