import type { ArmClients } from "./arm-clients";
import { isNotFound } from "./arm-errors";

/** Options every SDK operation accepts; the abort signal bounds each call's time. */
export interface CallOptions {
  readonly abortSignal: AbortSignal;
}

export interface VerifyContext {
  readonly clients: ArmClients;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  /** Upper bound for one ARM call, retries included. */
  readonly timeoutMs: number;
  /** Progress for the operator (stderr); silent in tests. */
  progress(message: string): void;
}

export function callOptions(ctx: VerifyContext): CallOptions {
  return { abortSignal: AbortSignal.timeout(ctx.timeoutMs) };
}

/** The resource, or `undefined` when Azure says it does not exist (404). Other failures throw. */
export async function getOrMissing<T>(
  ctx: VerifyContext,
  read: (options: CallOptions) => Promise<T>,
): Promise<T | undefined> {
  try {
    return await read(callOptions(ctx));
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Every page of a list operation. */
export async function listAll<T>(
  ctx: VerifyContext,
  list: (options: CallOptions) => AsyncIterable<T>,
): Promise<T[]> {
  const items: T[] = [];
  for await (const item of list(callOptions(ctx))) items.push(item);
  return items;
}

export function armId(ctx: VerifyContext, provider: string, ...path: readonly string[]): string {
  return `/subscriptions/${ctx.subscriptionId}/resourceGroups/${ctx.resourceGroup}/providers/${provider}/${path.join("/")}`;
}

/** ARM's public-access enum as the file's boolean (`SecuredByPerimeter` counts as not public). */
export function publicAccessEnabled(value: unknown): boolean | undefined {
  return typeof value === "string" ? value.toLowerCase() === "enabled" : undefined;
}

/** The last segment of a `<namespace>/<entity>` reference: the entity's name inside its namespace. */
export function entityName(reference: string | undefined): string | null {
  if (!reference) return null;
  const parts = reference.split("/");
  return parts[parts.length - 1];
}

/**
 * A generic ARM read at a chosen api-version. `getById` builds its URL as `/{resourceId}`, so an
 * ID with its leading slash would become `//subscriptions/...`, which URL parsing reads as a
 * host; the ID is passed without it.
 */
export function getGenericById(ctx: VerifyContext, resourceId: string, apiVersion: string) {
  return getOrMissing(ctx, (o) =>
    ctx.clients.resources.resources.getById(resourceId.replace(/^\/+/, ""), apiVersion, o),
  );
}
