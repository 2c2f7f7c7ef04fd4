/**
 * The resource groups of the client (`client.items`, `client.warehouses`, ...): one method per
 * operation of the OpenAPI document (see operations.ts), typed with the generated types, plus
 * `iterate...` methods that walk every page of a list.
 *
 * Arguments come in a fixed order: path parameters, then the JSON body, then the query
 * parameters, then per-call options.
 */
import type { Transport } from "./core.js";
import type { ItemOf, QueryParams, RequestBody, RequestOptions, ResponseBody, Schemas, WriteOptions } from "./types.js";

abstract class Resource {
  constructor(protected readonly t: Transport) {}
}

export class Items extends Resource {
  /** Create an item (POST: retried safely with its Idempotency-Key). */
  create(body: RequestBody<"createItem">, options?: RequestOptions): Promise<ResponseBody<"createItem">> {
    return this.t.call("createItem", { body }, options);
  }
  get(itemId: string, options?: RequestOptions): Promise<ResponseBody<"getItem">> {
    return this.t.call("getItem", { path: { itemId } }, options);
  }
  /** Change some fields; `ifMatch` (an ETag) guards against lost updates (412). */
  update(itemId: string, body: RequestBody<"updateItem">, options?: WriteOptions): Promise<ResponseBody<"updateItem">> {
    return this.t.call("updateItem", { path: { itemId }, body }, options);
  }
  delete(itemId: string, options?: WriteOptions): Promise<void> {
    return this.t.call("deleteItem", { path: { itemId } }, options);
  }
  /** One page: `{ data, nextCursor, hasMore }`. */
  list(query?: QueryParams<"listItems">, options?: RequestOptions): Promise<ResponseBody<"listItems">> {
    return this.t.call("listItems", { query }, options);
  }
  /** Every item matching the query, across all pages. */
  iterate(query?: QueryParams<"listItems">, options?: RequestOptions): AsyncGenerator<ItemOf<"listItems">, void, undefined> {
    return this.t.pages("listItems", { query }, options);
  }
  /** The item's stock per location, with totals. */
  stock(itemId: string, options?: RequestOptions): Promise<ResponseBody<"getItemStock">> {
    return this.t.call("getItemStock", { path: { itemId } }, options);
  }
  /** Start a bulk import job (202): JSON rows, or CSV text. Poll it with `client.jobs.wait`. */
  bulkImport(
    rows: RequestBody<"bulkImportItems"> | string,
    query?: QueryParams<"bulkImportItems">,
    options?: RequestOptions,
  ): Promise<ResponseBody<"bulkImportItems">> {
    const csv = typeof rows === "string" ? { contentType: "text/csv" } : {};
    return this.t.call("bulkImportItems", { body: rows, query, ...csv }, options);
  }
}

export class Warehouses extends Resource {
  create(body: RequestBody<"createWarehouse">, options?: RequestOptions): Promise<ResponseBody<"createWarehouse">> {
    return this.t.call("createWarehouse", { body }, options);
  }
  get(warehouseId: string, options?: RequestOptions): Promise<ResponseBody<"getWarehouse">> {
    return this.t.call("getWarehouse", { path: { warehouseId } }, options);
  }
  update(
    warehouseId: string,
    body: RequestBody<"updateWarehouse">,
    options?: WriteOptions,
  ): Promise<ResponseBody<"updateWarehouse">> {
    return this.t.call("updateWarehouse", { path: { warehouseId }, body }, options);
  }
  delete(warehouseId: string, options?: WriteOptions): Promise<void> {
    return this.t.call("deleteWarehouse", { path: { warehouseId } }, options);
  }
  list(query?: QueryParams<"listWarehouses">, options?: RequestOptions): Promise<ResponseBody<"listWarehouses">> {
    return this.t.call("listWarehouses", { query }, options);
  }
  iterate(
    query?: QueryParams<"listWarehouses">,
    options?: RequestOptions,
  ): AsyncGenerator<ItemOf<"listWarehouses">, void, undefined> {
    return this.t.pages("listWarehouses", { query }, options);
  }
}

export class Locations extends Resource {
  /** Create a location (bin) in a warehouse. */
  create(
    warehouseId: string,
    body: RequestBody<"createLocation">,
    options?: RequestOptions,
  ): Promise<ResponseBody<"createLocation">> {
    return this.t.call("createLocation", { path: { warehouseId }, body }, options);
  }
  get(locationId: string, options?: RequestOptions): Promise<ResponseBody<"getLocation">> {
    return this.t.call("getLocation", { path: { locationId } }, options);
  }
  update(
    locationId: string,
    body: RequestBody<"updateLocation">,
    options?: WriteOptions,
  ): Promise<ResponseBody<"updateLocation">> {
    return this.t.call("updateLocation", { path: { locationId }, body }, options);
  }
  delete(locationId: string, options?: WriteOptions): Promise<void> {
    return this.t.call("deleteLocation", { path: { locationId } }, options);
  }
  /** One page of the locations of every warehouse (filter with `warehouseId`). */
  list(query?: QueryParams<"listLocations">, options?: RequestOptions): Promise<ResponseBody<"listLocations">> {
    return this.t.call("listLocations", { query }, options);
  }
  iterate(
    query?: QueryParams<"listLocations">,
    options?: RequestOptions,
  ): AsyncGenerator<ItemOf<"listLocations">, void, undefined> {
    return this.t.pages("listLocations", { query }, options);
  }
  /** One page of one warehouse's locations. */
  listInWarehouse(
    warehouseId: string,
    query?: QueryParams<"listWarehouseLocations">,
    options?: RequestOptions,
  ): Promise<ResponseBody<"listWarehouseLocations">> {
    return this.t.call("listWarehouseLocations", { path: { warehouseId }, query }, options);
  }
  iterateInWarehouse(
    warehouseId: string,
    query?: QueryParams<"listWarehouseLocations">,
    options?: RequestOptions,
  ): AsyncGenerator<ItemOf<"listWarehouseLocations">, void, undefined> {
    return this.t.pages("listWarehouseLocations", { path: { warehouseId }, query }, options);
  }
}

export class Stock extends Resource {
  /** One page of stock levels (onHand, reserved, available) per item and location. */
  list(query?: QueryParams<"listStockLevels">, options?: RequestOptions): Promise<ResponseBody<"listStockLevels">> {
    return this.t.call("listStockLevels", { query }, options);
  }
  iterate(
    query?: QueryParams<"listStockLevels">,
    options?: RequestOptions,
  ): AsyncGenerator<ItemOf<"listStockLevels">, void, undefined> {
    return this.t.pages("listStockLevels", { query }, options);
  }
}

export class Movements extends Resource {
  /** Receive, issue or adjust stock; an issue beyond what is available is 422 `insufficient_stock`. */
  create(body: RequestBody<"createMovement">, options?: RequestOptions): Promise<ResponseBody<"createMovement">> {
    return this.t.call("createMovement", { body }, options);
  }
  get(movementId: string, options?: RequestOptions): Promise<ResponseBody<"getMovement">> {
    return this.t.call("getMovement", { path: { movementId } }, options);
  }
  list(query?: QueryParams<"listMovements">, options?: RequestOptions): Promise<ResponseBody<"listMovements">> {
    return this.t.call("listMovements", { query }, options);
  }
  iterate(
    query?: QueryParams<"listMovements">,
    options?: RequestOptions,
  ): AsyncGenerator<ItemOf<"listMovements">, void, undefined> {
    return this.t.pages("listMovements", { query }, options);
  }
  /** Start a bulk movements job (202). */
  bulk(
    rows: RequestBody<"bulkRecordMovements">,
    query?: QueryParams<"bulkRecordMovements">,
    options?: RequestOptions,
  ): Promise<ResponseBody<"bulkRecordMovements">> {
    return this.t.call("bulkRecordMovements", { body: rows, query }, options);
  }
}

export class Transfers extends Resource {
  /** Move stock between two locations: all lines move or none. */
  create(body: RequestBody<"createTransfer">, options?: RequestOptions): Promise<ResponseBody<"createTransfer">> {
    return this.t.call("createTransfer", { body }, options);
  }
  get(transferId: string, options?: RequestOptions): Promise<ResponseBody<"getTransfer">> {
    return this.t.call("getTransfer", { path: { transferId } }, options);
  }
  list(query?: QueryParams<"listTransfers">, options?: RequestOptions): Promise<ResponseBody<"listTransfers">> {
    return this.t.call("listTransfers", { query }, options);
  }
  iterate(
    query?: QueryParams<"listTransfers">,
    options?: RequestOptions,
  ): AsyncGenerator<ItemOf<"listTransfers">, void, undefined> {
    return this.t.pages("listTransfers", { query }, options);
  }
}

export class Reservations extends Resource {
  /** Hold units (they leave `available` until released, consumed or expired). */
  create(body: RequestBody<"createReservation">, options?: RequestOptions): Promise<ResponseBody<"createReservation">> {
    return this.t.call("createReservation", { body }, options);
  }
  get(reservationId: string, options?: RequestOptions): Promise<ResponseBody<"getReservation">> {
    return this.t.call("getReservation", { path: { reservationId } }, options);
  }
  list(query?: QueryParams<"listReservations">, options?: RequestOptions): Promise<ResponseBody<"listReservations">> {
    return this.t.call("listReservations", { query }, options);
  }
  iterate(
    query?: QueryParams<"listReservations">,
    options?: RequestOptions,
  ): AsyncGenerator<ItemOf<"listReservations">, void, undefined> {
    return this.t.pages("listReservations", { query }, options);
  }
  release(reservationId: string, options?: RequestOptions): Promise<ResponseBody<"releaseReservation">> {
    return this.t.call("releaseReservation", { path: { reservationId } }, options);
  }
  /** Turn the hold into an issue movement. */
  consume(reservationId: string, options?: RequestOptions): Promise<ResponseBody<"consumeReservation">> {
    return this.t.call("consumeReservation", { path: { reservationId } }, options);
  }
}

export class Stocktakes extends Resource {
  /** Start a cycle count (it locks the location). */
  start(body: RequestBody<"startStocktake">, options?: RequestOptions): Promise<ResponseBody<"startStocktake">> {
    return this.t.call("startStocktake", { body }, options);
  }
  get(stocktakeId: string, options?: RequestOptions): Promise<ResponseBody<"getStocktake">> {
    return this.t.call("getStocktake", { path: { stocktakeId } }, options);
  }
  list(query?: QueryParams<"listStocktakes">, options?: RequestOptions): Promise<ResponseBody<"listStocktakes">> {
    return this.t.call("listStocktakes", { query }, options);
  }
  iterate(
    query?: QueryParams<"listStocktakes">,
    options?: RequestOptions,
  ): AsyncGenerator<ItemOf<"listStocktakes">, void, undefined> {
    return this.t.pages("listStocktakes", { query }, options);
  }
  setCounts(
    stocktakeId: string,
    body: RequestBody<"setStocktakeCounts">,
    options?: RequestOptions,
  ): Promise<ResponseBody<"setStocktakeCounts">> {
    return this.t.call("setStocktakeCounts", { path: { stocktakeId }, body }, options);
  }
  complete(stocktakeId: string, options?: RequestOptions): Promise<ResponseBody<"completeStocktake">> {
    return this.t.call("completeStocktake", { path: { stocktakeId } }, options);
  }
  cancel(stocktakeId: string, options?: RequestOptions): Promise<ResponseBody<"cancelStocktake">> {
    return this.t.call("cancelStocktake", { path: { stocktakeId } }, options);
  }
}

export class Tags extends Resource {
  create(body: RequestBody<"createTag">, options?: RequestOptions): Promise<ResponseBody<"createTag">> {
    return this.t.call("createTag", { body }, options);
  }
  get(tagId: string, options?: RequestOptions): Promise<ResponseBody<"getTag">> {
    return this.t.call("getTag", { path: { tagId } }, options);
  }
  rename(tagId: string, body: RequestBody<"renameTag">, options?: RequestOptions): Promise<ResponseBody<"renameTag">> {
    return this.t.call("renameTag", { path: { tagId }, body }, options);
  }
  delete(tagId: string, options?: RequestOptions): Promise<void> {
    return this.t.call("deleteTag", { path: { tagId } }, options);
  }
  list(query?: QueryParams<"listTags">, options?: RequestOptions): Promise<ResponseBody<"listTags">> {
    return this.t.call("listTags", { query }, options);
  }
  iterate(query?: QueryParams<"listTags">, options?: RequestOptions): AsyncGenerator<ItemOf<"listTags">, void, undefined> {
    return this.t.pages("listTags", { query }, options);
  }
}

export class Lots extends Resource {
  list(query?: QueryParams<"listLots">, options?: RequestOptions): Promise<ResponseBody<"listLots">> {
    return this.t.call("listLots", { query }, options);
  }
  iterate(query?: QueryParams<"listLots">, options?: RequestOptions): AsyncGenerator<ItemOf<"listLots">, void, undefined> {
    return this.t.pages("listLots", { query }, options);
  }
  get(lotId: string, options?: RequestOptions): Promise<ResponseBody<"getLot">> {
    return this.t.call("getLot", { path: { lotId } }, options);
  }
  /** Where a serial number is and every movement of it. */
  serial(itemId: string, serial: string, options?: RequestOptions): Promise<ResponseBody<"getSerial">> {
    return this.t.call("getSerial", { path: { itemId, serial } }, options);
  }
}

const FINISHED_JOB_STATUSES: ReadonlySet<string> = new Set(["succeeded", "partially_failed", "failed"]);

/** A bulk job did not finish within the time the caller was willing to wait. */
export class JobTimeoutError extends Error {
  constructor(readonly job: Schemas["Job"]) {
    super(`job ${job.id} is still ${job.status}`);
    this.name = "JobTimeoutError";
  }
}

export class Jobs extends Resource {
  get(jobId: string, options?: RequestOptions): Promise<ResponseBody<"getJob">> {
    return this.t.call("getJob", { path: { jobId } }, options);
  }
  list(query?: QueryParams<"listJobs">, options?: RequestOptions): Promise<ResponseBody<"listJobs">> {
    return this.t.call("listJobs", { query }, options);
  }
  iterate(query?: QueryParams<"listJobs">, options?: RequestOptions): AsyncGenerator<ItemOf<"listJobs">, void, undefined> {
    return this.t.pages("listJobs", { query }, options);
  }
  /** Poll a bulk job until it is succeeded, partially_failed or failed; throws `JobTimeoutError` after `maxWait` ms. */
  async wait(
    jobId: string,
    { pollInterval = 500, maxWait = 300_000, ...options }: RequestOptions & { pollInterval?: number; maxWait?: number } = {},
  ): Promise<Schemas["Job"]> {
    let waited = 0;
    for (;;) {
      const job = await this.get(jobId, options);
      if (FINISHED_JOB_STATUSES.has(job.status)) return job;
      if (waited >= maxWait) throw new JobTimeoutError(job);
      await new Promise((resolve) => setTimeout(resolve, pollInterval));
      waited += pollInterval;
    }
  }
}

export class Events extends Resource {
  /** One page of the change feed after the cursor `after` (its `nextCursor` is where to poll from next). */
  list(query?: QueryParams<"listEvents">, options?: RequestOptions): Promise<ResponseBody<"listEvents">> {
    return this.t.call("listEvents", { query }, options);
  }
  /** Every event after `after`, up to the newest (the cursor is sent as `after`). */
  iterate(query?: QueryParams<"listEvents">, options?: RequestOptions): AsyncGenerator<ItemOf<"listEvents">, void, undefined> {
    return this.t.pages("listEvents", { query }, options, "after");
  }
  get(eventId: string, options?: RequestOptions): Promise<ResponseBody<"getEvent">> {
    return this.t.call("getEvent", { path: { eventId } }, options);
  }
}

export type ReportName = "stock-on-hand" | "low-stock" | "movements" | "valuation" | (string & {});

export class Reports extends Resource {
  /** A report as JSON (`format` is `json`). */
  async get(
    name: ReportName,
    query?: Omit<QueryParams<"getReport">, "format">,
    options?: RequestOptions,
  ): Promise<Record<string, unknown>> {
    const report: unknown = await this.t.call("getReport", { path: { name }, query: { ...query, format: "json" } }, options);
    return report as Record<string, unknown>;
  }
  /** A report as a file: CSV or XLSX bytes. */
  download(
    name: ReportName,
    query: Omit<QueryParams<"getReport">, "format"> & { format: "csv" | "xlsx" },
    options?: RequestOptions,
  ): Promise<Uint8Array> {
    return this.t.download("getReport", { path: { name }, query }, options);
  }
}

export class Workspace extends Resource {
  /** Sign up: create a workspace and its owner (public; then sign in with `client.auth.signIn`). */
  create(body: RequestBody<"createWorkspace">, options?: RequestOptions): Promise<ResponseBody<"createWorkspace">> {
    return this.t.call("createWorkspace", { body }, options);
  }
  /** The caller's workspace. */
  get(options?: RequestOptions): Promise<ResponseBody<"getWorkspace">> {
    return this.t.call("getWorkspace", {}, options);
  }
  update(body: RequestBody<"updateWorkspace">, options?: WriteOptions): Promise<ResponseBody<"updateWorkspace">> {
    return this.t.call("updateWorkspace", { body }, options);
  }
}

export class Roles extends Resource {
  create(body: RequestBody<"createRole">, options?: RequestOptions): Promise<ResponseBody<"createRole">> {
    return this.t.call("createRole", { body }, options);
  }
  get(roleId: string, options?: RequestOptions): Promise<ResponseBody<"getRole">> {
    return this.t.call("getRole", { path: { roleId } }, options);
  }
  update(roleId: string, body: RequestBody<"updateRole">, options?: WriteOptions): Promise<ResponseBody<"updateRole">> {
    return this.t.call("updateRole", { path: { roleId }, body }, options);
  }
  delete(roleId: string, options?: WriteOptions): Promise<void> {
    return this.t.call("deleteRole", { path: { roleId } }, options);
  }
  list(query?: QueryParams<"listRoles">, options?: RequestOptions): Promise<ResponseBody<"listRoles">> {
    return this.t.call("listRoles", { query }, options);
  }
  iterate(query?: QueryParams<"listRoles">, options?: RequestOptions): AsyncGenerator<ItemOf<"listRoles">, void, undefined> {
    return this.t.pages("listRoles", { query }, options);
  }
}

export class Members extends Resource {
  get(memberId: string, options?: RequestOptions): Promise<ResponseBody<"getMember">> {
    return this.t.call("getMember", { path: { memberId } }, options);
  }
  update(memberId: string, body: RequestBody<"updateMember">, options?: WriteOptions): Promise<ResponseBody<"updateMember">> {
    return this.t.call("updateMember", { path: { memberId }, body }, options);
  }
  /** Remove a member from the workspace. */
  remove(memberId: string, options?: WriteOptions): Promise<void> {
    return this.t.call("removeMember", { path: { memberId } }, options);
  }
  list(query?: QueryParams<"listMembers">, options?: RequestOptions): Promise<ResponseBody<"listMembers">> {
    return this.t.call("listMembers", { query }, options);
  }
  iterate(
    query?: QueryParams<"listMembers">,
    options?: RequestOptions,
  ): AsyncGenerator<ItemOf<"listMembers">, void, undefined> {
    return this.t.pages("listMembers", { query }, options);
  }
}

export class Invites extends Resource {
  create(body: RequestBody<"createInvite">, options?: RequestOptions): Promise<ResponseBody<"createInvite">> {
    return this.t.call("createInvite", { body }, options);
  }
  get(inviteId: string, options?: RequestOptions): Promise<ResponseBody<"getInvite">> {
    return this.t.call("getInvite", { path: { inviteId } }, options);
  }
  revoke(inviteId: string, options?: RequestOptions): Promise<void> {
    return this.t.call("revokeInvite", { path: { inviteId } }, options);
  }
  list(query?: QueryParams<"listInvites">, options?: RequestOptions): Promise<ResponseBody<"listInvites">> {
    return this.t.call("listInvites", { query }, options);
  }
  iterate(
    query?: QueryParams<"listInvites">,
    options?: RequestOptions,
  ): AsyncGenerator<ItemOf<"listInvites">, void, undefined> {
    return this.t.pages("listInvites", { query }, options);
  }
  /** Accept an invitation with its token (public: no credential needed). */
  accept(body: RequestBody<"acceptInvite">, options?: RequestOptions): Promise<ResponseBody<"acceptInvite">> {
    return this.t.call("acceptInvite", { body }, options);
  }
}

export class ApiKeys extends Resource {
  /** Create an API key; its secret is in this response only. */
  create(body: RequestBody<"createApiKey">, options?: RequestOptions): Promise<ResponseBody<"createApiKey">> {
    return this.t.call("createApiKey", { body }, options);
  }
  get(keyId: string, options?: RequestOptions): Promise<ResponseBody<"getApiKey">> {
    return this.t.call("getApiKey", { path: { keyId } }, options);
  }
  revoke(keyId: string, options?: RequestOptions): Promise<void> {
    return this.t.call("revokeApiKey", { path: { keyId } }, options);
  }
  list(query?: QueryParams<"listApiKeys">, options?: RequestOptions): Promise<ResponseBody<"listApiKeys">> {
    return this.t.call("listApiKeys", { query }, options);
  }
  iterate(
    query?: QueryParams<"listApiKeys">,
    options?: RequestOptions,
  ): AsyncGenerator<ItemOf<"listApiKeys">, void, undefined> {
    return this.t.pages("listApiKeys", { query }, options);
  }
}

export class WebhookEndpoints extends Resource {
  /** Register an endpoint; its `secret` (`whsec_...`) is in this response only. */
  create(
    body: RequestBody<"createWebhookEndpoint">,
    options?: RequestOptions,
  ): Promise<ResponseBody<"createWebhookEndpoint">> {
    return this.t.call("createWebhookEndpoint", { body }, options);
  }
  get(endpointId: string, options?: RequestOptions): Promise<ResponseBody<"getWebhookEndpoint">> {
    return this.t.call("getWebhookEndpoint", { path: { endpointId } }, options);
  }
  update(
    endpointId: string,
    body: RequestBody<"updateWebhookEndpoint">,
    options?: WriteOptions,
  ): Promise<ResponseBody<"updateWebhookEndpoint">> {
    return this.t.call("updateWebhookEndpoint", { path: { endpointId }, body }, options);
  }
  delete(endpointId: string, options?: WriteOptions): Promise<void> {
    return this.t.call("deleteWebhookEndpoint", { path: { endpointId } }, options);
  }
  list(
    query?: QueryParams<"listWebhookEndpoints">,
    options?: RequestOptions,
  ): Promise<ResponseBody<"listWebhookEndpoints">> {
    return this.t.call("listWebhookEndpoints", { query }, options);
  }
  iterate(
    query?: QueryParams<"listWebhookEndpoints">,
    options?: RequestOptions,
  ): AsyncGenerator<ItemOf<"listWebhookEndpoints">, void, undefined> {
    return this.t.pages("listWebhookEndpoints", { query }, options);
  }
  /** A new secret, shown once; the old one keeps signing beside it for 24 hours. */
  rotateSecret(endpointId: string, options?: RequestOptions): Promise<ResponseBody<"rotateWebhookEndpointSecret">> {
    return this.t.call("rotateWebhookEndpointSecret", { path: { endpointId } }, options);
  }
  /** Send a `webhook.test` event to this endpoint alone (202 `{eventId}`). */
  test(endpointId: string, options?: RequestOptions): Promise<ResponseBody<"testWebhookEndpoint">> {
    return this.t.call("testWebhookEndpoint", { path: { endpointId } }, options);
  }
  listDeliveries(
    endpointId: string,
    query?: QueryParams<"listWebhookDeliveries">,
    options?: RequestOptions,
  ): Promise<ResponseBody<"listWebhookDeliveries">> {
    return this.t.call("listWebhookDeliveries", { path: { endpointId }, query }, options);
  }
  iterateDeliveries(
    endpointId: string,
    query?: QueryParams<"listWebhookDeliveries">,
    options?: RequestOptions,
  ): AsyncGenerator<ItemOf<"listWebhookDeliveries">, void, undefined> {
    return this.t.pages("listWebhookDeliveries", { path: { endpointId }, query }, options);
  }
  /** Attempt a delivery again now. */
  retryDelivery(
    endpointId: string,
    deliveryId: string,
    options?: RequestOptions,
  ): Promise<ResponseBody<"retryWebhookDelivery">> {
    return this.t.call("retryWebhookDelivery", { path: { endpointId, deliveryId } }, options);
  }
}

export class AuditEvents extends Resource {
  list(query?: QueryParams<"listAuditEvents">, options?: RequestOptions): Promise<ResponseBody<"listAuditEvents">> {
    return this.t.call("listAuditEvents", { query }, options);
  }
  iterate(
    query?: QueryParams<"listAuditEvents">,
    options?: RequestOptions,
  ): AsyncGenerator<ItemOf<"listAuditEvents">, void, undefined> {
    return this.t.pages("listAuditEvents", { query }, options);
  }
}

export class Auth extends Resource {
  /** Exchange a member's credentials for a token pair, which the client then uses. */
  signIn(body: RequestBody<"signIn">, options?: RequestOptions): Promise<ResponseBody<"signIn">> {
    return this.t.signIn(body.workspace, body.email, body.password, options);
  }
  /** Rotate the refresh token into a new pair (done automatically on `token_expired`). */
  refresh(options?: RequestOptions): Promise<ResponseBody<"refreshToken">> {
    return this.t.refresh(options);
  }
  /** Revoke the current token family, and forget the tokens. */
  async signOut(options?: RequestOptions): Promise<void> {
    await this.t.call("signOut", {}, options);
    this.t.forgetTokens();
  }
}
