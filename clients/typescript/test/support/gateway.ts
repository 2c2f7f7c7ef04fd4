/**
 * A real HTTP gateway in front of a server, as the Python client's tests use
 * (tests/client/live.py): it forwards every request and records what went over the wire;
 * `lose(method, path, n)` makes the next `n` matching requests reach the server but answers
 * them 503 `service_unavailable` (Retry-After: 1) instead of the server's reply, the way a load
 * balancer does when a backend times out. `hold(method, path, ms)` delays the next answer.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export interface Seen {
  method: string;
  path: string;
  query: string;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  /** What the client received. */
  status: number;
  /** What the server answered. */
  upstreamStatus: number;
  /** The server's `Idempotent-Replayed` header. */
  replayed: boolean;
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "host"]);

export class Gateway {
  readonly seen: Seen[] = [];
  url = "";
  private readonly lost = new Map<string, number>();
  private readonly held = new Map<string, number>();
  private server: Server | undefined;

  constructor(private readonly upstream: string) {}

  lose(method: string, path: string, count = 1): void {
    this.lost.set(`${method} ${path}`, count);
  }

  hold(method: string, path: string, ms: number): void {
    this.held.set(`${method} ${path}`, ms);
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        response.statusCode = 502;
        response.end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const address = this.server.address();
    if (typeof address !== "object" || address === null) throw new Error("the gateway has no address");
    this.url = `http://127.0.0.1:${address.port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(request.url ?? "/", this.upstream);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    const method = request.method ?? "GET";
    const reply = await fetch(url, { method, headers, body: body.length > 0 ? body : null });
    const replyBody = Buffer.from(await reply.arrayBuffer());
    const key = `${method} ${url.pathname}`;
    const holdMs = this.held.get(key);
    if (holdMs !== undefined) {
      this.held.delete(key);
      await new Promise((resolve) => setTimeout(resolve, holdMs));
    }
    const lose = this.lost.get(key) ?? 0;
    let status: number;
    if (lose > 0) {
      this.lost.set(key, lose - 1);
      status = 503;
      const requestId = `req_${randomUUID().replaceAll("-", "").slice(0, 26).toUpperCase()}`;
      const envelope = JSON.stringify({
        statusCode: 503,
        error: "service_unavailable",
        code: "service_unavailable",
        message: "The service is temporarily unavailable.",
        requestId,
      });
      response.writeHead(503, { "Content-Type": "application/json", "Retry-After": "1", "X-Request-Id": requestId });
      response.end(envelope);
    } else {
      status = reply.status;
      const passed: Record<string, string> = {};
      reply.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name)) passed[name] = value;
      });
      response.writeHead(reply.status, passed);
      response.end(replyBody);
    }
    this.seen.push({
      method,
      path: url.pathname,
      query: url.search,
      idempotencyKey: headers["idempotency-key"],
      authorization: headers["authorization"],
      status,
      upstreamStatus: reply.status,
      replayed: reply.headers.get("idempotent-replayed") === "true",
    });
  }
}

export async function startGateway(upstream: string): Promise<Gateway> {
  return new Gateway(upstream).start();
}
