import type { Construct } from "constructs";
import {
  entraTokenExchangeAudience,
  GitHubWorkloadIdentity,
  githubIssuer,
  type GitHubWorkloadIdentityProps,
} from "../../../constructs/bootstrap";
import { onlyResource, resourcesOf, synth } from "../synthesized";

const props: GitHubWorkloadIdentityProps = {
  name: "id-contoso-orders-plan-prod",
  resourceGroupName: "rg-tfstate-prod",
  location: "westeurope",
  subjects: [
    { name: "github-pull-request", subject: "repo:contoso/messaging-infra:pull_request" },
    { name: "github-branch-main", subject: "repo:contoso/messaging-infra:ref:refs/heads/main" },
  ],
};
const identity = (scope: Construct, overrides: Partial<GitHubWorkloadIdentityProps> = {}) =>
  new GitHubWorkloadIdentity(scope, "plan", { ...props, ...overrides });

function problemsOf(overrides: Partial<GitHubWorkloadIdentityProps>): string[] {
  let problems: string[] = [];
  synth((scope) => {
    problems = identity(scope, overrides).node.validate();
  });
  return problems;
}

describe("GitHubWorkloadIdentity", () => {
  const json = synth((scope) => identity(scope));

  it("is a user-assigned managed identity: nothing to rotate, no secret anywhere", () => {
    expect(onlyResource(json, "azurerm_user_assigned_identity")).toMatchObject({
      name: "id-contoso-orders-plan-prod",
      resource_group_name: "rg-tfstate-prod",
    });
  });

  it("trusts exactly the given subjects, each through GitHub's issuer and Entra ID's exchange audience", () => {
    const credentials = resourcesOf(json, "azurerm_federated_identity_credential");
    expect(credentials).toHaveLength(2);
    expect(credentials).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: "github-pull-request",
          subject: "repo:contoso/messaging-infra:pull_request",
          issuer: "https://token.actions.githubusercontent.com",
          audience: ["api://AzureADTokenExchange"],
          parent_id: expect.stringMatching(/^\$\{azurerm_user_assigned_identity\.[^}]+\.id\}$/),
        }),
        expect.objectContaining({
          name: "github-branch-main",
          subject: "repo:contoso/messaging-infra:ref:refs/heads/main",
        }),
      ]),
    );
    expect([githubIssuer, entraTokenExchangeAudience]).toEqual([
      "https://token.actions.githubusercontent.com",
      "api://AzureADTokenExchange",
    ]);
  });

  it("accepts valid subjects", () => {
    expect(problemsOf({})).toEqual([]);
  });

  it("refuses an identity no workflow could sign in as", () => {
    expect(problemsOf({ subjects: [] })).toEqual([
      "subjects: an identity no workflow can sign in as is of no use",
    ]);
  });

  it("refuses more federated credentials than Entra ID allows on one identity", () => {
    const subjects = Array.from({ length: 21 }, (_, i) => ({
      name: `github-${i}`,
      subject: `repo:o/r:environment:e${i}`,
    }));
    expect(problemsOf({ subjects })).toEqual([
      "subjects: Entra ID allows at most 20 federated credentials per identity, got 21",
    ]);
  });

  it("refuses credential names Entra ID would reject, and the same name twice", () => {
    const subjects = [
      { name: "gh", subject: "repo:o/r:pull_request" },
      { name: "github-x", subject: "repo:o/r:pull_request" },
      { name: "github-x", subject: "repo:o/r:environment:dev" },
    ];
    expect(problemsOf({ subjects })).toEqual([
      'subjects: credential name "gh" must be 3-120 letters, numbers, hyphens and underscores, starting with a letter or number',
      'subjects: credential name "github-x" is used twice',
    ]);
  });
});
