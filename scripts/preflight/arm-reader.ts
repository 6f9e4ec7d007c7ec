/**
 * Reads ARM through the real SDK clients: single resources with the generic resources client
 * (`getById` at an explicit api-version), lists and POST operations that no installed typed client
 * offers through the same client's pipeline (its credential, retry policy, TLS trust and timeout).
 */
import { createPipelineRequest, type HttpMethods } from "@azure/core-rest-pipeline";
import { apiVersionOf, armTypeOf } from "../../azure/arm-api-versions";
import { isNotFound } from "../smoke/arm-errors";
import type { ArmClients } from "../smoke/arm-clients";

/** A resource as ARM returns it; `properties` is the type's own shape. */
export interface ArmResource {
  readonly id?: string;
  readonly name?: string;
  readonly type?: string;
  readonly location?: string;
  readonly kind?: string;
  readonly sku?: { readonly name?: string };
  readonly properties?: Readonly<Record<string, unknown>>;
}

export type ArmObject = Readonly<Record<string, unknown>>;

/** An error in the shape the SDK's RestError has, so `armFailureOf` reads it the same way. */
function restError(status: number, body: string): Error {
  let code: string | undefined;
  let message = `ARM answered ${status}`;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: string; message?: string } };
    code = parsed.error?.code;
    message = parsed.error?.message ?? message;
  } catch {
    // A body that is not ARM's error JSON keeps the generic message.
  }
  return Object.assign(new Error(message), { name: "RestError", statusCode: status, code });
}

export class ArmReader {
  constructor(
    private readonly clients: ArmClients,
    /** Resource Manager endpoint, without a trailing slash. */
    private readonly endpoint: string,
    private readonly timeoutMs: number,
  ) {}

  /** One resource at the API version its type is read at; undefined when ARM answers 404. */
  async get(id: string): Promise<ArmResource | undefined> {
    const type = armTypeOf(id);
    const apiVersion = type ? apiVersionOf(type) : undefined;
    if (!apiVersion) throw new Error(`internal: no API version known for ${type ?? id}`);
    try {
      // The operation's path is `/{resourceId}`: an ID given with its own leading slash would make
      // `//subscriptions/…`, which the client's URL handling reads as a host name.
      return (await this.clients.resources.resources.getById(id.replace(/^\/+/, ""), apiVersion, {
        abortSignal: AbortSignal.timeout(this.timeoutMs),
      })) as ArmResource;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every item of a list operation, following `nextLink` on the same endpoint only. */
  async list(
    path: string,
    apiVersion: string,
    query: Readonly<Record<string, string>> = {},
  ): Promise<ArmObject[]> {
    const items: ArmObject[] = [];
    let url: string | undefined = this.url(path, { ...query, "api-version": apiVersion });
    while (url) {
      const page = (await this.send("GET", url)) as { value?: ArmObject[]; nextLink?: string };
      items.push(...(page.value ?? []));
      url = page.nextLink;
      // The token goes with every request: never to another host than the one it was asked for.
      if (url && new URL(url).origin !== new URL(this.endpoint).origin) {
        throw new Error(`ARM's nextLink leaves ${this.endpoint}: ${url}`);
      }
    }
    return items;
  }

  /** A POST operation (CheckNameAvailability) with a JSON body. */
  async post(path: string, apiVersion: string, body: ArmObject): Promise<ArmObject> {
    return this.send("POST", this.url(path, { "api-version": apiVersion }), body);
  }

  private url(path: string, query: Readonly<Record<string, string>>): string {
    return `${this.endpoint}${path}?${new URLSearchParams(query).toString()}`;
  }

  private async send(method: HttpMethods, url: string, body?: ArmObject): Promise<ArmObject> {
    const request = createPipelineRequest({
      url,
      method,
      abortSignal: AbortSignal.timeout(this.timeoutMs),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    request.headers.set("accept", "application/json");
    if (body !== undefined) request.headers.set("content-type", "application/json");
    const response = await this.clients.resources.sendRequest(request);
    const text = response.bodyAsText ?? "";
    if (response.status >= 400) throw restError(response.status, text);
    return text === "" ? {} : (JSON.parse(text) as ArmObject);
  }
}
