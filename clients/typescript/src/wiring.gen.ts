// Generated from the Stockyard OpenAPI document by `npm run generate` (scripts/generate.mjs).
// Do not edit by hand: change the server (or src/resources.ts), then run `npm run generate`.

import type { Transport } from "./core.js";
import { ApiKeys, AuditEvents, Events, Invites, Items, Locations, Lots, Members, Movements, Reservations, Roles, Stock, Stocktakes, Tags, Transfers, Warehouses, WebhookEndpoints, Workspace } from "./resources.gen.js";
import { Auth, Jobs, Reports } from "./resources.js";

/** The resource groups of `StockyardClient` (`client.items`, ...): one per group of the OpenAPI document. */
export class ClientResources {
  readonly movements: Movements;
  readonly items: Items;
  readonly stock: Stock;
  readonly transfers: Transfers;
  readonly reservations: Reservations;
  readonly lots: Lots;
  readonly auth: Auth;
  readonly warehouses: Warehouses;
  readonly locations: Locations;
  readonly stocktakes: Stocktakes;
  readonly tags: Tags;
  readonly jobs: Jobs;
  readonly events: Events;
  readonly reports: Reports;
  readonly workspace: Workspace;
  readonly roles: Roles;
  readonly members: Members;
  readonly invites: Invites;
  readonly apiKeys: ApiKeys;
  readonly webhookEndpoints: WebhookEndpoints;
  readonly auditEvents: AuditEvents;

  constructor(t: Transport) {
    this.movements = new Movements(t);
    this.items = new Items(t);
    this.stock = new Stock(t);
    this.transfers = new Transfers(t);
    this.reservations = new Reservations(t);
    this.lots = new Lots(t);
    this.auth = new Auth(t);
    this.warehouses = new Warehouses(t);
    this.locations = new Locations(t);
    this.stocktakes = new Stocktakes(t);
    this.tags = new Tags(t);
    this.jobs = new Jobs(t);
    this.events = new Events(t);
    this.reports = new Reports(t);
    this.workspace = new Workspace(t);
    this.roles = new Roles(t);
    this.members = new Members(t);
    this.invites = new Invites(t);
    this.apiKeys = new ApiKeys(t);
    this.webhookEndpoints = new WebhookEndpoints(t);
    this.auditEvents = new AuditEvents(t);
  }
}
