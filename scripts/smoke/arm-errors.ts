/** What went wrong talking to Azure, and what the operator should do about it. */

export interface ArmFailure {
  readonly status?: number;
  readonly code?: string;
  readonly message: string;
}

/** Reads status and code from an SDK error (RestError) without depending on its class identity. */
export function armFailureOf(error: unknown): ArmFailure {
  if (typeof error === "object" && error !== null) {
    const record = error as { statusCode?: unknown; code?: unknown; message?: unknown };
    return {
      status: typeof record.statusCode === "number" ? record.statusCode : undefined,
      code: typeof record.code === "string" ? record.code : undefined,
      message: typeof record.message === "string" ? record.message : String(error),
    };
  }
  return { message: String(error) };
}

export function isNotFound(error: unknown): boolean {
  return armFailureOf(error).status === 404;
}

/** Errors of @azure/identity that mean no usable credential: the run cannot go on at all. */
export function isCredentialError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return [
    "CredentialUnavailableError",
    "AuthenticationError",
    "AuthenticationRequiredError",
    "AggregateAuthenticationError",
  ].includes(error.name);
}

export const credentialAdvice =
  "No Azure credential could be used. In CI, log in with OIDC (azure/login with client-id, tenant-id and " +
  "subscription-id, permissions id-token: write); on a workstation run `az login`; or set AZURE_CLIENT_ID, " +
  "AZURE_TENANT_ID and AZURE_FEDERATED_TOKEN_FILE (or AZURE_CLIENT_CERTIFICATE_PATH) for a service principal.";

/** A person's reading of a failed ARM call, with the fix where there is a usual one. */
export function adviceFor(
  failure: ArmFailure,
  scope: { subscriptionId: string; resourceGroup: string },
): string {
  const rgScope = `/subscriptions/${scope.subscriptionId}/resourceGroups/${scope.resourceGroup}`;
  if (failure.status === 401) {
    return `Azure refused the token (401 ${failure.code ?? ""}): check that the credential belongs to the tenant of subscription ${scope.subscriptionId} and that --cloud matches where it lives.`;
  }
  if (failure.status === 403) {
    return (
      `the identity may not read here (403 ${failure.code ?? "AuthorizationFailed"}): give it the Reader role on ` +
      `the resource group: az role assignment create --assignee <client-id> --role Reader --scope ${rgScope}`
    );
  }
  if (failure.status === 429)
    return "Azure kept throttling after every retry (429): run again later or with fewer parallel checks.";
  if (failure.code === "PARSE_ERROR" || /JSON|Unexpected token|parse/i.test(failure.message)) {
    return `Azure's answer was not valid ARM JSON (${failure.message}); a proxy or custom endpoint may be in the way (check --arm-endpoint).`;
  }
  if (failure.code === "ABORT_ERR" || /aborted|timed? ?out/i.test(failure.message)) {
    return "the call timed out: check connectivity to the ARM endpoint, or raise --timeout.";
  }
  return `${failure.status ? `${failure.status} ` : ""}${failure.code ? `${failure.code}: ` : ""}${failure.message}`;
}
