/** `StockyardClient`: the resource groups over one transport. */
import { Transport, type ClientOptions, type RawRequest } from "./core.js";
import {
  ApiKeys,
  AuditEvents,
  Auth,
  Events,
  Invites,
  Items,
  Jobs,
  Locations,
  Members,
  Movements,
  Reports,
  Reservations,
  Roles,
  Stock,
  Stocktakes,
  Lots,
  Tags,
  Transfers,
  Warehouses,
  WebhookEndpoints,
  Workspace,
} from "./resources.js";
import type { RequestOptions, ResponseBody } from "./types.js";

/**
 * A client of the Stockyard API.
 *
 * ```ts
 * const client = new StockyardClient({ baseUrl: "http://127.0.0.1:8000", workspace: "acme", email, password });
 * const item = await client.items.create({ sku: "A-1", name: "Widget" });
 * for await (const row of client.items.iterate({ limit: 100 })) console.log(row.sku);
 * ```
 */
export class StockyardClient {
  /** The transport: credentials, tokens and the retry loop (`client.transport.accessToken`...). */
  readonly transport: Transport;
  readonly auth: Auth;
  readonly workspace: Workspace;
  readonly items: Items;
  readonly warehouses: Warehouses;
  readonly locations: Locations;
  readonly stock: Stock;
  readonly movements: Movements;
  readonly transfers: Transfers;
  readonly reservations: Reservations;
  readonly stocktakes: Stocktakes;
  readonly tags: Tags;
  readonly lots: Lots;
  readonly jobs: Jobs;
  readonly events: Events;
  readonly reports: Reports;
  readonly roles: Roles;
  readonly members: Members;
  readonly invites: Invites;
  readonly apiKeys: ApiKeys;
  readonly webhookEndpoints: WebhookEndpoints;
  readonly auditEvents: AuditEvents;

  constructor(options: ClientOptions) {
    const t = (this.transport = new Transport(options));
    this.auth = new Auth(t);
    this.workspace = new Workspace(t);
    this.items = new Items(t);
    this.warehouses = new Warehouses(t);
    this.locations = new Locations(t);
    this.stock = new Stock(t);
    this.movements = new Movements(t);
    this.transfers = new Transfers(t);
    this.reservations = new Reservations(t);
    this.stocktakes = new Stocktakes(t);
    this.tags = new Tags(t);
    this.lots = new Lots(t);
    this.jobs = new Jobs(t);
    this.events = new Events(t);
    this.reports = new Reports(t);
    this.roles = new Roles(t);
    this.members = new Members(t);
    this.invites = new Invites(t);
    this.apiKeys = new ApiKeys(t);
    this.webhookEndpoints = new WebhookEndpoints(t);
    this.auditEvents = new AuditEvents(t);
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
