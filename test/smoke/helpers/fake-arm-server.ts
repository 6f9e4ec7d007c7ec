import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AddressInfo } from "node:net";

const tlsDir = join(__dirname, "..", "..", "fixtures", "tls");
export const testCa = readFileSync(join(tlsDir, "localhost.crt"), "utf8");

/** A scripted answer: status and body (a string is sent as is, so malformed JSON can be served). */
export interface FakeAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly apiVersion: string | null;
  readonly authorization: string | undefined;
  /** The request's query string without the api-version, e.g. `$filter=...`. */
  readonly query: string;
  /** The request body parsed as JSON; undefined when there is none. */
  readonly body: unknown;
}

/** Answers a request from its body (POST operations such as CheckNameAvailability). */
export type FakeHandler = (request: RecordedRequest) => FakeAnswer;

/**
 * A loopback HTTPS server that answers GET requests by path (case-insensitive, query ignored)
 * with JSON in ARM's REST shapes. Unknown paths get ARM's 404 error body. A path may be given a
 * queue of answers (`script`) that are served first, e.g. a 429 before the real answer.
 */
export class FakeArmServer {
  readonly requests: RecordedRequest[] = [];
  private readonly resources = new Map<string, unknown>();
  private readonly scripted = new Map<string, FakeAnswer[]>();
  private readonly handlers = new Map<string, FakeHandler>();
  private server: Server | undefined;
  private port = 0;

  get endpoint(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  set(path: string, body: unknown): void {
    this.resources.set(path.toLowerCase(), body);
  }

  delete(path: string): void {
    this.resources.delete(path.toLowerCase());
  }

  get(path: string): unknown {
    return this.resources.get(path.toLowerCase());
  }

  script(path: string, ...answers: FakeAnswer[]): void {
    this.scripted.set(path.toLowerCase(), answers);
  }

  /** Answers every request to `path` with `handler`, after any scripted answers. */
  respond(path: string, handler: FakeHandler): void {
    this.handlers.set(path.toLowerCase(), handler);
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.toLowerCase() === path.toLowerCase());
  }

  async start(): Promise<void> {
    this.server = createServer(
      { key: readFileSync(join(tlsDir, "localhost.key")), cert: readFileSync(join(tlsDir, "localhost.crt")) },
      (req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => this.answer(req, res, Buffer.concat(chunks).toString("utf8")));
      },
    );
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse, text: string): void {
    const url = new URL(req.url ?? "/", "https://127.0.0.1");
    const path = url.pathname.toLowerCase();
    const query = new URLSearchParams(url.searchParams);
    query.delete("api-version");
    let parsed: unknown;
    try {
      parsed = text === "" ? undefined : JSON.parse(text);
    } catch {
      parsed = text;
    }
    const request: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      apiVersion: url.searchParams.get("api-version"),
      authorization: req.headers.authorization,
      query: query.toString(),
      body: parsed,
    };
    this.requests.push(request);
    const queue = this.scripted.get(path);
    const scripted = queue?.shift();
    if (scripted) return this.send(res, scripted);
    const handler = this.handlers.get(path);
    if (handler) return this.send(res, handler(request));
    const body = this.resources.get(path);
    if (body === undefined) {
      return this.send(res, {
        status: 404,
        body: {
          error: { code: "ResourceNotFound", message: `The Resource '${url.pathname}' was not found.` },
        },
      });
    }
    this.send(res, { status: 200, body });
  }

  private send(res: ServerResponse, answer: FakeAnswer): void {
    const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body ?? {});
    res.writeHead(answer.status, {
      "content-type": "application/json; charset=utf-8",
      "x-ms-request-id": "test",
      ...answer.headers,
    });
    res.end(text);
  }
}

/** A credential that never leaves the process: no token endpoint, no instance metadata probe. */
export const staticTestCredential = {
  getToken: async () => ({ token: "test-token", expiresOnTimestamp: Date.now() + 3600_000 }),
};
