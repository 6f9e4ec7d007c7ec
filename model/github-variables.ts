/**
 * GitHub Actions variables the workflows read per environment. Variable names take letters,
 * digits and underscores only (stored upper-case); environment names are lower-case letters,
 * digits and hyphens, so turning hyphens into underscores keeps two names from sharing a variable.
 */

/** Repository variable with the client ID of the environment's plan identity (pull requests, drift). */
export function planClientIdVariableOf(environment: string): string {
  return `AZURE_PLAN_CLIENT_ID_${environment.toUpperCase().replace(/-/g, "_")}`;
}
