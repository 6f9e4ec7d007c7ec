import {
  apiStreamingUnits,
  managedIdentityAuthentication,
  runningJobState,
} from "../../../azure/stream-analytics";
import type { StreamAnalyticsJob } from "../../../model/model";
import { compareResource, reconcileChildren } from "../compare";
import type { CheckResult } from "../results";
import { getOrMissing, type VerifyContext } from "../verify-context";

/** What a job's Get returns besides its own properties ("Streaming Jobs - Get", `$expand`). */
const expand = "inputs,outputs,transformation";

/** The authentication mode of an input's or output's data source (IoT Hub inputs have none). */
function authenticationModeOf(datasource: unknown): string | undefined {
  if (typeof datasource !== "object" || datasource === null || !("authenticationMode" in datasource))
    return undefined;
  const mode = (datasource as { readonly authenticationMode?: unknown }).authenticationMode;
  return typeof mode === "string" ? mode : undefined;
}

/** Line endings and trailing white space are the editor's, not the query's. */
const normalizedQuery = (text: string | undefined): string | undefined =>
  text?.replace(/\r\n?/g, "\n").trim();

/**
 * A job as deployed against its file: it exists and is running, its SKU and streaming units, each
 * input and output with its authentication mode (every one the job's managed identity, but IoT Hub
 * inputs, which azurerm connects with a shared access policy), and its query: a deployed query
 * that differs from the file is drift.
 */
export async function verifyStreamAnalyticsJob(
  job: StreamAnalyticsJob,
  ctx: VerifyContext,
): Promise<CheckResult[]> {
  const label = `streamAnalytics/${job.name}`;
  ctx.progress(`checking ${label} (${job.azureName})`);
  const actual = await getOrMissing(ctx, (o) =>
    ctx.clients.streamAnalytics.streamingJobs.get(ctx.resourceGroup, job.azureName, { ...o, expand }),
  );
  if (!actual) return [{ status: "missing", resource: label }];
  const results = compareResource(
    label,
    {
      jobState: runningJobState,
      sku: job.sku,
      streamingUnits: apiStreamingUnits(job.sku, job.streamingUnits),
      outputErrorPolicy: job.outputErrorPolicy,
      query: normalizedQuery(job.query.text),
    },
    {
      jobState: actual.jobState,
      sku: actual.sku?.name,
      streamingUnits: actual.transformation?.streamingUnits,
      outputErrorPolicy: actual.outputErrorPolicy,
      query: normalizedQuery(actual.transformation?.query),
    },
  );

  const inputs = new Map((actual.inputs ?? []).map((input) => [(input.name ?? "").toLowerCase(), input]));
  results.push(
    ...reconcileChildren(
      label,
      "inputs",
      job.inputs.map((i) => i.alias),
      [...inputs.values()].map((i) => i.name ?? ""),
    ).results,
  );
  for (const input of job.inputs) {
    const found = inputs.get(input.alias.toLowerCase());
    if (!found) continue;
    const properties = found.properties;
    const datasource = properties && "datasource" in properties ? properties.datasource : undefined;
    results.push(
      ...compareResource(
        `${label}/inputs/${input.alias}`,
        { authenticationMode: input.reads.kind === "iotHub" ? undefined : managedIdentityAuthentication },
        { authenticationMode: authenticationModeOf(datasource) },
      ),
    );
  }

  const outputs = new Map(
    (actual.outputs ?? []).map((output) => [(output.name ?? "").toLowerCase(), output]),
  );
  results.push(
    ...reconcileChildren(
      label,
      "outputs",
      job.outputs.map((o) => o.alias),
      [...outputs.values()].map((o) => o.name ?? ""),
    ).results,
  );
  for (const output of job.outputs) {
    const found = outputs.get(output.alias.toLowerCase());
    if (!found) continue;
    results.push(
      ...compareResource(
        `${label}/outputs/${output.alias}`,
        { authenticationMode: managedIdentityAuthentication },
        { authenticationMode: authenticationModeOf(found.datasource) },
      ),
    );
  }
  return results;
}
