import { Construct } from "constructs";
import { FederatedIdentityCredential } from "@cdktf/provider-azurerm/lib/federated-identity-credential";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";

/**
 * GitHub Actions' OIDC token issuer and the audience Entra ID expects for workload identity
 * federation ("Configuring OpenID Connect in Azure", docs.github.com; "Workload identity
 * federation", learn.microsoft.com/entra/workload-id/workload-identity-federation-create-trust).
 */
export const githubIssuer = "https://token.actions.githubusercontent.com";
export const entraTokenExchangeAudience = "api://AzureADTokenExchange";

/** Entra ID allows at most 20 federated identity credentials on one user-assigned identity. */
const maxCredentials = 20;
/** A credential's name: 3-120 letters, numbers, hyphens and underscores, starting with a letter or number. */
const credentialName = /^[A-Za-z0-9][A-Za-z0-9_-]{2,119}$/;
/** A subject claim is at most 600 characters. */
const maxSubjectLength = 600;

/** One GitHub OIDC subject the identity trusts, e.g. `repo:contoso/infra:pull_request`. */
export interface TrustedSubject {
  /** Name of the federated credential in Entra ID. */
  readonly name: string;
  readonly subject: string;
}

export interface GitHubWorkloadIdentityProps {
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** The exact subjects of the workflow jobs that sign in as this identity; nothing else can. */
  readonly subjects: readonly TrustedSubject[];
  /**
   * Tags on the identity.
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A user-assigned managed identity that GitHub Actions jobs sign in as with OIDC, without any
 * secret: one federated credential per subject the workflows present.
 */
export class GitHubWorkloadIdentity extends Construct {
  readonly identity: UserAssignedIdentity;
  readonly principalId: string;
  readonly clientId: string;

  constructor(scope: Construct, id: string, props: GitHubWorkloadIdentityProps) {
    super(scope, id);
    const problems: string[] = [];
    if (props.subjects.length === 0)
      problems.push("subjects: an identity no workflow can sign in as is of no use");
    if (props.subjects.length > maxCredentials) {
      problems.push(
        `subjects: Entra ID allows at most ${maxCredentials} federated credentials per identity, got ${props.subjects.length}`,
      );
    }
    const names = new Set<string>();
    for (const { name, subject } of props.subjects) {
      if (!credentialName.test(name)) {
        problems.push(
          `subjects: credential name "${name}" must be 3-120 letters, numbers, hyphens and underscores, starting with a letter or number`,
        );
      }
      if (names.has(name)) problems.push(`subjects: credential name "${name}" is used twice`);
      names.add(name);
      if (subject.length > maxSubjectLength)
        problems.push(`subjects: subject of "${name}" is longer than ${maxSubjectLength} characters`);
    }
    this.node.addValidation({ validate: () => problems });

    this.identity = new UserAssignedIdentity(this, "identity", {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.principalId = this.identity.principalId;
    this.clientId = this.identity.clientId;
    // A repeated name is reported above; its first subject is the one synthesized.
    const unique = props.subjects.filter((s, i) => props.subjects.findIndex((t) => t.name === s.name) === i);
    for (const { name, subject } of unique) {
      new FederatedIdentityCredential(this, `credential-${name}`, {
        name,
        resourceGroupName: props.resourceGroupName,
        parentId: this.identity.id,
        issuer: githubIssuer,
        audience: [entraTokenExchangeAudience],
        subject,
      });
    }
  }
}
