/** `StockyardClient`: the resource groups over one transport, and the methods of the client itself. */
import { Transport, type ClientOptions, type RawRequest } from "./core.js";
import type { RequestOptions, ResponseBody } from "./types.js";
import { ClientResources } from "./wiring.gen.js";

/**
 * A client of the Stockyard API.
 *
 * ```ts
 * const client = new StockyardClient({ baseUrl: "http://127.0.0.1:8000", workspace: "acme", email, password });
 * const item = await client.items.create({ sku: "A-1", name: "Widget" });
 * for await (const row of client.items.iterate({ limit: 100 })) console.log(row.sku);
 * ```
 */
export class StockyardClient extends ClientResources {
  /** The transport: credentials, tokens and the retry loop (`client.transport.accessToken`...). */
  readonly transport: Transport;

  constructor(options: ClientOptions) {
    const transport = new Transport(options);
    super(transport); // the resources (`client.items`, ...): generated into src/wiring.gen.ts
    this.transport = transport;
  }

  /** The caller: member or API key, workspace, role and permissions. */
  me(options?: RequestOptions): Promise<ResponseBody<"getMe">> {
    return this.transport.call("getMe", {}, options);
  }

  /** `GET /healthz`: the process is up. */
  health(options?: RequestOptions): Promise<ResponseBody<"health">> {
    return this.transport.call("health", {}, options);
  }

  /** `GET /readyz`: the database is reachable. */
  readiness(options?: RequestOptions): Promise<ResponseBody<"readiness">> {
    return this.transport.call("readiness", {}, options);
  }

  /** Any request, with the same credentials and retries; the parsed JSON answer (untyped). */
  request<T = unknown>(request: RawRequest, options?: RequestOptions): Promise<T> {
    return this.transport.json<T>(request, options);
  }
}
