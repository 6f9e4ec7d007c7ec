/**
 * The bootstrap stack of the shipped environments, synthesized (never `terraform init`): what a
 * tenant admin applies once before CI can plan and deploy.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnvironmentFile, loadEnvironmentText } from "../../model/load-environment";
import type { EnvironmentModel } from "../../model/model";
import { synthesizeBootstrap } from "../../stacks/bootstrap-app";
import { workflowSubjects } from "../../stacks/bootstrap-stack";
import { stackRequirementsOf } from "../../stacks/stack-requirements";
import { BuiltInRole } from "../../constructs/shared/role-assignments";

type Json = {
  provider: { azurerm: Record<string, unknown>[] };
  terraform: { backend: Record<string, unknown> };
  resource: Record<string, Record<string, Record<string, unknown>>>;
  data: Record<string, Record<string, Record<string, unknown>>>;
  output: Record<string, { value: unknown }>;
};

const repository = "contoso/messaging-infra";

function load(name: string): EnvironmentModel {
  const result = loadEnvironmentFile(join(__dirname, "..", "..", "environments", `${name}.yaml`));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.model;
}

function bootstrapOf(model: EnvironmentModel): Json {
  const outdir = mkdtempSync(join(tmpdir(), "bootstrap-"));
  try {
    const result = synthesizeBootstrap(
      model,
      { repository, branch: "main", requirements: stackRequirementsOf(model) },
      outdir,
    );
    if (!result.ok) throw new Error(result.problems.join("\n"));
    return JSON.parse(readFileSync(join(result.stackDir, "cdk.tf.json"), "utf8")) as Json;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const prod = load("prod");
const json = bootstrapOf(prod);
const all = (type: string) => Object.values(json.resource[type] ?? {});
const byKey = (type: string, key: string) => {
  const found = json.resource[type]?.[key];
  if (!found) throw new Error(`no ${type}.${key}`);
  return found;
};
const roles = all("azurerm_role_assignment");
const assignmentsOf = (identityKey: string) =>
  roles
    .filter((r) => String(r.principal_id).includes(`azurerm_user_assigned_identity.${identityKey}`))
    .map((r) => [r.role_definition_name, r.scope]);
const identityKey = (kind: string) =>
  Object.keys(json.resource.azurerm_user_assigned_identity).find((k) => k.startsWith(`${kind}-identity`)) ??
  "";

describe("the bootstrap stack of prod", () => {
  it("keeps its own state in a local file beside the synthesized stack, by a relative path", () => {
    expect(json.terraform.backend).toEqual({ local: { path: "terraform.bootstrap-prod.tfstate" } });
  });

  it("registers exactly the resource providers prod's stack needs, and the two it uses itself", () => {
    expect(json.provider.azurerm[0]).toMatchObject({
      resource_provider_registrations: "none",
      resource_providers_to_register: [
        "Microsoft.Devices",
        "Microsoft.EventGrid",
        "Microsoft.EventHub",
        "Microsoft.Insights",
        "Microsoft.ManagedIdentity",
        "Microsoft.Network",
        "Microsoft.Relay",
        "Microsoft.ServiceBus",
        "Microsoft.Storage",
        "Microsoft.StreamAnalytics",
        "Microsoft.Web",
      ],
      storage_use_azuread: true,
      features: [{ storage: [{ data_plane_available: false }] }],
    });
  });

  it("creates the state account the file names, Entra ID only, with versions and soft delete", () => {
    const [account] = all("azurerm_storage_account");
    expect(account).toMatchObject({
      name: "stcontosotfstate",
      shared_access_key_enabled: false,
      blob_properties: {
        versioning_enabled: true,
        delete_retention_policy: { days: 30 },
        container_delete_retention_policy: { days: 30 },
      },
    });
    expect(all("azurerm_storage_container")).toEqual([expect.objectContaining({ name: "tfstate" })]);
  });

  it("creates the state's group and the environment's group, and never touches the latter again", () => {
    expect(byKey("azurerm_resource_group", "state-resource-group")).toMatchObject({
      name: "rg-tfstate-prod",
    });
    expect(byKey("azurerm_resource_group", "environment-resource-group")).toMatchObject({
      name: prod.resourceGroupName,
      location: "westeurope",
      lifecycle: { prevent_destroy: true, ignore_changes: "all" },
    });
  });

  it("makes a plan and a deploy identity beside the state, out of the environment's group", () => {
    expect(all("azurerm_user_assigned_identity").map((i) => [i.name, i.resource_group_name])).toEqual([
      ["id-contoso-orders-deploy-prod", "${azurerm_resource_group.state-resource-group.name}"],
      ["id-contoso-orders-plan-prod", "${azurerm_resource_group.state-resource-group.name}"],
    ]);
  });

  it("lets pull requests and scheduled runs on main sign in as the plan identity, and prod's GitHub environment as the deploy identity", () => {
    const subjects = all("azurerm_federated_identity_credential").map((c) => [
      String(c.parent_id).includes("plan-identity") ? "plan" : "deploy",
      c.subject,
    ]);
    expect(subjects.sort()).toEqual([
      ["deploy", "repo:contoso/messaging-infra:environment:prod"],
      ["plan", "repo:contoso/messaging-infra:pull_request"],
      ["plan", "repo:contoso/messaging-infra:ref:refs/heads/main"],
    ]);
  });

  it("gives the plan identity read access only: the environment's group and the state container", () => {
    expect(assignmentsOf(identityKey("plan")).sort()).toEqual([
      ["Reader", "${azurerm_resource_group.environment-resource-group.id}"],
      [
        "Storage Blob Data Reader",
        expect.stringMatching(/^\$\{azurerm_storage_container\.state_container_[^}]+\.id\}$/),
      ],
    ]);
  });

  it("gives the deploy identity its environment's group, the state container and each resource it plugs into, nothing wider", () => {
    const net =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net-prod/providers/Microsoft.Network/virtualNetworks/vnet-prod/subnets";
    const dns =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones";
    expect(assignmentsOf(identityKey("deploy")).sort()).toEqual(
      [
        ["Contributor", "${azurerm_resource_group.environment-resource-group.id}"],
        ["Log Analytics Contributor", prod.monitoring.logAnalyticsWorkspaceId],
        ["Managed Identity Operator", prod.encryption?.identityId],
        ["Network Contributor", `${net}/snet-app-integration`],
        ["Network Contributor", `${net}/snet-private-endpoints`],
        ["Private DNS Zone Contributor", `${dns}/privatelink.azure-devices-provisioning.net`],
        ["Private DNS Zone Contributor", `${dns}/privatelink.azure-devices.net`],
        ["Private DNS Zone Contributor", `${dns}/privatelink.eventgrid.azure.net`],
        ["Private DNS Zone Contributor", `${dns}/privatelink.servicebus.windows.net`],
        [
          "Role Based Access Control Administrator",
          "${azurerm_resource_group.environment-resource-group.id}",
        ],
        ["Storage Blob Data Contributor", expect.stringMatching(/^\$\{azurerm_storage_container\./)],
      ].sort(),
    );
  });

  it("lets the deploy identity grant the data-plane roles the constructs know, and no other role", () => {
    const admin = roles.find((r) => r.role_definition_name === "Role Based Access Control Administrator");
    expect(admin?.condition_version).toBe("2.0");
    const looked = Object.values(json.data.azurerm_role_definition).map((d) => d.name);
    expect([...looked].sort()).toEqual([...new Set(Object.values(BuiltInRole))].sort());
    expect(String(admin?.condition)).not.toMatch(/Owner"|User Access Administrator/);
  });

  it("never assigns a role at subscription scope or above", () => {
    expect(
      roles
        .map((r) => String(r.scope))
        .filter((scope) => /^\/subscriptions\/[^/]+$|^\/$|managementGroups/.test(scope)),
    ).toEqual([]);
  });

  it("prints the GitHub variables to set, with the plan identity under its environment's variable", () => {
    expect(json.output.github_variables.value).toEqual([
      "gh variable set AZURE_TENANT_ID --repo contoso/messaging-infra --body ${data.azurerm_client_config.client.tenant_id}",
      "gh variable set AZURE_SUBSCRIPTION_ID --repo contoso/messaging-infra --body ${data.azurerm_client_config.client.subscription_id}",
      expect.stringMatching(
        /^gh variable set AZURE_PLAN_CLIENT_ID_PROD --repo contoso\/messaging-infra --body \$\{azurerm_user_assigned_identity\.plan-identity[^}]+\.client_id\}$/,
      ),
      "gh api --method PUT repos/contoso/messaging-infra/environments/prod",
      expect.stringMatching(
        /^gh variable set AZURE_CLIENT_ID --repo contoso\/messaging-infra --env prod --body \$\{azurerm_user_assigned_identity\.deploy-identity[^}]+\.client_id\}$/,
      ),
    ]);
  });
});

describe("the bootstrap stack of dev", () => {
  const dev = bootstrapOf(load("dev"));

  it("assigns no role outside what dev uses: no network, no zones, no workspace, no key", () => {
    expect(
      Object.values(dev.resource.azurerm_role_assignment)
        .map((r) => r.role_definition_name)
        .sort(),
    ).toEqual([
      "Contributor",
      "Reader",
      "Role Based Access Control Administrator",
      "Storage Blob Data Contributor",
      "Storage Blob Data Reader",
    ]);
  });

  it("creates dev's own state account, not prod's", () => {
    expect(Object.values(dev.resource.azurerm_storage_account).map((a) => a.name)).toEqual([
      "stcontosotfstatedev",
    ]);
  });
});

describe("the subjects the workflows present", () => {
  it("name the GitHub environment after the environment and the branch the schedule runs on", () => {
    expect(workflowSubjects(prod, { repository: "o/r", branch: "release/v1" })).toEqual({
      plan: [
        { name: "github-pull-request", subject: "repo:o/r:pull_request" },
        { name: "github-branch-release-v1", subject: "repo:o/r:ref:refs/heads/release/v1" },
      ],
      deploy: [{ name: "github-environment-prod", subject: "repo:o/r:environment:prod" }],
    });
  });
});

describe("an environment that grants roles on resources outside its group", () => {
  const account =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-x/providers/Microsoft.Storage/storageAccounts/stexternal";
  // dev.yaml's Event Grid topic subscriptions end just before logicApps: one more subscription goes there.
  const text = readFileSync(join(__dirname, "..", "..", "environments", "dev.yaml"), "utf8").replace(
    "\nlogicApps:",
    `
        - name: to-storage
          destination: { storageQueue: { storageAccountId: ${account}, queueName: events } }

logicApps:`,
  );
  const loaded = loadEnvironmentText(text, join(__dirname, "..", "..", "environments", "dev.yaml"));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const external = Object.values(bootstrapOf(loaded.model).resource.azurerm_role_assignment).filter(
    (r) => r.scope === `${account}/queueServices/default/queues/events`,
  );

  it("lets the plan identity read there and the deploy identity grant the data-plane roles there, nothing more", () => {
    expect(
      external
        .map((r) => [
          String(r.principal_id).includes("plan-identity") ? "plan" : "deploy",
          r.role_definition_name,
        ])
        .sort(),
    ).toEqual([
      ["deploy", "Role Based Access Control Administrator"],
      ["plan", "Reader"],
    ]);
    expect(external.find((r) => r.role_definition_name !== "Reader")?.condition).toContain(
      "ForAnyOfAnyValues:GuidEquals",
    );
  });
});
