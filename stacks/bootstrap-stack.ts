/**
 * What a tenant admin creates once per environment before CI can deploy it, as its own stack with
 * local state: the remote-state account, the environment's resource group, the plan and deploy
 * identities GitHub Actions signs in as, and their role assignments at the narrowest scopes. It
 * also registers the resource providers the environment's stack needs, which CI cannot.
 */
import { Construct } from "constructs";
import { LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { conventionalName } from "../azure/naming";
import {
  assignRole,
  GitHubWorkloadIdentity,
  onlyTheseRoles,
  TerraformStateStorage,
  type TrustedSubject,
} from "../constructs/bootstrap";
import { BuiltInRole } from "../constructs/shared/role-assignments";
import { planClientIdVariableOf } from "../model/github-variables";
import type { EnvironmentModel } from "../model/model";
import type { StackRequirements } from "./stack-requirements";

export interface BootstrapOptions {
  /** The GitHub repository whose workflows deploy, `<owner>/<repo>`. */
  readonly repository: string;
  /** The branch scheduled workflows (the drift check) run on: the repository's default branch. */
  readonly branch: string;
  /** What the environment's own stack needs (stacks/stack-requirements.ts). */
  readonly requirements: StackRequirements;
}

/** The stack's name beside the environment's own: `bootstrap-<env>`. */
export function bootstrapStackName(environment: string): string {
  return `bootstrap-${environment}`;
}

/**
 * The GitHub OIDC subjects the workflows present ("About security hardening with OpenID Connect",
 * docs.github.com, "Example subject claims"): pull-request plans, and scheduled runs on the default
 * branch (the drift check), sign in as the plan identity; deploy jobs run in the GitHub environment
 * named after the environment and sign in as the deploy identity.
 */
export function workflowSubjects(
  model: EnvironmentModel,
  options: Pick<BootstrapOptions, "repository" | "branch">,
): { readonly plan: TrustedSubject[]; readonly deploy: TrustedSubject[] } {
  const repo = `repo:${options.repository}`;
  return {
    plan: [
      { name: "github-pull-request", subject: `${repo}:pull_request` },
      {
        name: `github-branch-${options.branch.replace(/[^A-Za-z0-9_-]/g, "-")}`,
        subject: `${repo}:ref:refs/heads/${options.branch}`,
      },
    ],
    deploy: [{ name: `github-environment-${model.name}`, subject: `${repo}:environment:${model.name}` }],
  };
}

/** Resources outside the stack it creates private endpoints in, registers DNS in, logs to or assigns. */
function externalScopes(model: EnvironmentModel) {
  const unique = (ids: readonly (string | undefined)[]) => {
    const seen = new Map<string, string>();
    for (const id of ids) if (id && !seen.has(id.toLowerCase())) seen.set(id.toLowerCase(), id);
    return [...seen.values()];
  };
  const namespaces = [
    ...model.serviceBus,
    ...model.eventHubs,
    ...model.eventGrid.topics,
    ...model.eventGrid.namespaces,
    ...model.relay,
    ...model.iotHub,
  ];
  return {
    subnets: unique([model.network?.privateEndpointSubnetId, model.network?.integrationSubnetId]),
    dnsZones: unique(Object.values(model.network?.privateDnsZoneIds ?? {})),
    workspaces: unique([model.monitoring.logAnalyticsWorkspaceId]),
    identities: unique([
      model.encryption?.identityId,
      ...namespaces.flatMap((ns) => ns.userAssignedIdentityIds),
    ]),
  };
}

export class BootstrapStack extends TerraformStack {
  readonly planIdentity: GitHubWorkloadIdentity;
  readonly deployIdentity: GitHubWorkloadIdentity;

  constructor(scope: Construct, model: EnvironmentModel, options: BootstrapOptions) {
    super(scope, bootstrapStackName(model.name));
    const state = model.state;
    if (!state) {
      throw new Error(`internal: ${model.name} has no state: block; the bootstrap command checks that first`);
    }

    new AzurermProvider(this, "azurerm", {
      // The admin who runs this may register providers: exactly the ones the environment needs,
      // and the two this stack uses, instead of the 4.x default of every provider azurerm knows.
      resourceProviderRegistrations: "none",
      resourceProvidersToRegister: [
        ...new Set([
          ...options.requirements.resourceProviders,
          "Microsoft.ManagedIdentity",
          "Microsoft.Storage",
        ]),
      ].sort(),
      features: [{ storage: [{ dataPlaneAvailable: false }] }],
      storageUseAzuread: true,
    });
    // Relative, like the environments' local backend: the state file stays beside the synthesized
    // stack, wherever the repository lives.
    new LocalBackend(this, { path: `terraform.${bootstrapStackName(model.name)}.tfstate` });

    const tags = { ...model.tags };
    const stateGroup = new ResourceGroup(this, "state-resource-group", {
      name: state.resourceGroup,
      location: model.location,
      tags,
      lifecycle: { preventDestroy: true },
    });
    const storage = new TerraformStateStorage(this, "state", {
      name: state.storageAccount,
      resourceGroupName: stateGroup.name,
      location: model.location,
      containerName: state.container,
      tags,
    });
    // A role needs an existing scope, so the environment's group is created here; the environment's
    // own stack takes it over on its first deploy (deploy.yml imports it) and manages it from then on.
    const environmentGroup = new ResourceGroup(this, "environment-resource-group", {
      name: model.resourceGroupName,
      location: model.location,
      tags,
      lifecycle: { preventDestroy: true, ignoreChanges: "all" },
    });

    // Both identities live beside the state, outside the group the deploy identity may change.
    const subjects = workflowSubjects(model, options);
    const identity = (kind: "plan" | "deploy") =>
      new GitHubWorkloadIdentity(this, `${kind}-identity`, {
        name: conventionalName("managedIdentity", model.naming, kind),
        resourceGroupName: stateGroup.name,
        location: model.location,
        subjects: subjects[kind],
        tags,
      });
    this.planIdentity = identity("plan");
    this.deployIdentity = identity("deploy");

    const plan = {
      principalId: this.planIdentity.principalId,
      principalLabel: `plan identity of ${model.name}`,
    };
    const deploy = {
      principalId: this.deployIdentity.principalId,
      principalLabel: `deploy identity of ${model.name}`,
    };
    const group = { scope: environmentGroup.id, scopeLabel: `resource group ${model.resourceGroupName}` };
    const container = {
      scope: storage.container.id,
      scopeLabel: `state container ${state.storageAccount}/${state.container}`,
    };
    const grantable = onlyTheseRoles(this, Object.values(BuiltInRole));

    // Plans (pull requests, drift) read: the environment, its state, and the role assignments it
    // makes outside its group. A pull request's code runs with this identity, so it writes nothing.
    assignRole(this, "plan-reader", { ...group, ...plan, role: "Reader" });
    assignRole(this, "plan-state-reader", { ...container, ...plan, role: "Storage Blob Data Reader" });

    // Deploys change the environment's group and nothing beside it, write state, and grant only the
    // data-plane roles the constructs know (no Owner, no User Access Administrator).
    assignRole(this, "deploy-contributor", { ...group, ...deploy, role: "Contributor" });
    assignRole(this, "deploy-role-grants", {
      ...group,
      ...deploy,
      role: "Role Based Access Control Administrator",
      condition: grantable,
    });
    assignRole(this, "deploy-state-writer", {
      ...container,
      ...deploy,
      role: "Storage Blob Data Contributor",
    });

    // What the stack plugs into: a private endpoint joins the subnet, its DNS zone group writes the
    // zone, diagnostics read the workspace's keys, a namespace is given the identities it uses. Each
    // role is assigned on that one resource only.
    const external = externalScopes(model);
    const onEach = (ids: readonly string[], id: string, role: string, what: string) =>
      ids.forEach((scopeId, i) =>
        assignRole(this, `${id}-${i}`, { ...deploy, scope: scopeId, scopeLabel: `${what} ${scopeId}`, role }),
      );
    onEach(external.subnets, "deploy-subnet", "Network Contributor", "subnet");
    onEach(external.dnsZones, "deploy-dns-zone", "Private DNS Zone Contributor", "private DNS zone");
    onEach(external.workspaces, "deploy-workspace", "Log Analytics Contributor", "workspace");
    onEach(external.identities, "deploy-identity", "Managed Identity Operator", "identity");
    options.requirements.externalRoleScopes.forEach((scopeId, i) => {
      const scopeLabel = `external scope ${scopeId}`;
      assignRole(this, `plan-external-reader-${i}`, { ...plan, scope: scopeId, scopeLabel, role: "Reader" });
      assignRole(this, `deploy-external-grants-${i}`, {
        ...deploy,
        scope: scopeId,
        scopeLabel,
        role: "Role Based Access Control Administrator",
        condition: grantable,
      });
    });

    const client = new DataAzurermClientConfig(this, "client");
    const repo = `--repo ${options.repository}`;
    new TerraformOutput(this, "plan_identity_client_id", { value: this.planIdentity.clientId });
    new TerraformOutput(this, "deploy_identity_client_id", { value: this.deployIdentity.clientId });
    new TerraformOutput(this, "plan_identity_principal_id", { value: this.planIdentity.principalId });
    new TerraformOutput(this, "deploy_identity_principal_id", { value: this.deployIdentity.principalId });
    new TerraformOutput(this, "github_variables", {
      description: "The GitHub settings the workflows read: run these with the GitHub CLI",
      value: [
        `gh variable set AZURE_TENANT_ID ${repo} --body ${client.tenantId}`,
        `gh variable set AZURE_SUBSCRIPTION_ID ${repo} --body ${client.subscriptionId}`,
        `gh variable set ${planClientIdVariableOf(model.name)} ${repo} --body ${this.planIdentity.clientId}`,
        `gh api --method PUT repos/${options.repository}/environments/${model.name}`,
        `gh variable set AZURE_CLIENT_ID ${repo} --env ${model.name} --body ${this.deployIdentity.clientId}`,
      ],
    });
  }
}
