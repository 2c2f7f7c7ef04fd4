// Generated from the Stockyard OpenAPI document by `npm run generate` (scripts/generate.mjs).
// Do not edit by hand: change the server (or src/resources.ts), then run `npm run generate`.

import { Resource } from "./resource.js";
import type { ItemOf, QueryParams, RequestBody, RequestOptions, ResponseBody, WriteOptions } from "./types.js";

/** The append-only stock ledger: receive, issue or adjust stock at a location, read it back, or record movements in bulk. */
export class Movements extends Resource {
  /** Receive, issue or adjust stock at a location: `POST /api/v1/movements` (`createMovement`). */
  create(body: RequestBody<"createMovement">, options?: RequestOptions): Promise<ResponseBody<"createMovement">> {
    return this.t.call("createMovement", { body }, options);
  }
  /** Read the ledger, oldest first unless sorted, with cursor pagination: `GET /api/v1/movements` (`listMovements`). */
  list(query?: QueryParams<"listMovements">, options?: RequestOptions): Promise<ResponseBody<"listMovements">> {
    return this.t.call("listMovements", { query }, options);
  }
  /** Every row of `list`, across all pages. */
  iterate(query?: QueryParams<"listMovements">, options?: RequestOptions): AsyncGenerator<ItemOf<"listMovements">, void, undefined> {
    return this.t.pages("listMovements", { query }, options);
  }
  /** Get a ledger entry (PUT, PATCH and DELETE answer 405: the ledger is append-only): `GET /api/v1/movements/{movementId}` (`getMovement`). */
  get(movementId: string, options?: RequestOptions): Promise<ResponseBody<"getMovement">> {
    return this.t.call("getMovement", { path: { movementId } }, options);
  }
  /** Record movements in bulk, as a job: `POST /api/v1/movements/bulk` (`bulkRecordMovements`). */
  bulk(rows: RequestBody<"bulkRecordMovements">, query?: QueryParams<"bulkRecordMovements">, options?: RequestOptions): Promise<ResponseBody<"bulkRecordMovements">> {
    return this.t.call("bulkRecordMovements", { body: rows, query }, options);
  }
}

/** The catalog: create, read, update and delete items (a deleted item's ledger is kept), or import them in bulk. */
export class Items extends Resource {
  /** Create an item: `POST /api/v1/items` (`createItem`). */
  create(body: RequestBody<"createItem">, options?: RequestOptions): Promise<ResponseBody<"createItem">> {
    return this.t.call("createItem", { body }, options);
  }
  /** List items: find by SKU, barcode, ids, text, tag or time; sort; page with a cursor: `GET /api/v1/items` (`listItems`). */
  list(query?: QueryParams<"listItems">, options?: RequestOptions): Promise<ResponseBody<"listItems">> {
    return this.t.call("listItems", { query }, options);
  }
  /** Every row of `list`, across all pages. */
  iterate(query?: QueryParams<"listItems">, options?: RequestOptions): AsyncGenerator<ItemOf<"listItems">, void, undefined> {
    return this.t.pages("listItems", { query }, options);
  }
  /** Get an item: `GET /api/v1/items/{itemId}` (`getItem`). */
  get(itemId: string, options?: RequestOptions): Promise<ResponseBody<"getItem">> {
    return this.t.call("getItem", { path: { itemId } }, options);
  }
  /** Update some fields of an item: `PATCH /api/v1/items/{itemId}` (`updateItem`). */
  update(itemId: string, body: RequestBody<"updateItem">, options?: WriteOptions): Promise<ResponseBody<"updateItem">> {
    return this.t.call("updateItem", { path: { itemId }, body }, options);
  }
  /** Delete an item (its ledger history is kept): `DELETE /api/v1/items/{itemId}` (`deleteItem`). */
  delete(itemId: string, options?: WriteOptions): Promise<void> {
    return this.t.call("deleteItem", { path: { itemId } }, options);
  }
  /** An item's stock: totals and one entry per location: `GET /api/v1/items/{itemId}/stock` (`getItemStock`). */
  stock(itemId: string, options?: RequestOptions): Promise<ResponseBody<"getItemStock">> {
    return this.t.call("getItemStock", { path: { itemId } }, options);
  }
  /** Import items in bulk (JSON or CSV), as a job: `POST /api/v1/items/bulk` (`bulkImportItems`). */
  bulkImport(rows: RequestBody<"bulkImportItems"> | string, query?: QueryParams<"bulkImportItems">, options?: RequestOptions): Promise<ResponseBody<"bulkImportItems">> {
    const csv = typeof rows === "string" ? { contentType: "text/csv" } : {};
    return this.t.call("bulkImportItems", { body: rows, query, ...csv }, options);
  }
}

/** Stock levels (on hand, reserved, available) by item, location or warehouse. */
export class Stock extends Resource {
  /** Stock levels (on hand, reserved, available) by item, location or warehouse; by SKU unless sorted: `GET /api/v1/stock` (`listStockLevels`). */
  list(query?: QueryParams<"listStockLevels">, options?: RequestOptions): Promise<ResponseBody<"listStockLevels">> {
    return this.t.call("listStockLevels", { query }, options);
  }
  /** Every row of `list`, across all pages. */
  iterate(query?: QueryParams<"listStockLevels">, options?: RequestOptions): AsyncGenerator<ItemOf<"listStockLevels">, void, undefined> {
    return this.t.pages("listStockLevels", { query }, options);
  }
}

/** Move stock between two locations: all lines or none. */
export class Transfers extends Resource {
  /** Move stock between two locations: all lines or none: `POST /api/v1/transfers` (`createTransfer`). */
  create(body: RequestBody<"createTransfer">, options?: RequestOptions): Promise<ResponseBody<"createTransfer">> {
    return this.t.call("createTransfer", { body }, options);
  }
  /** List transfers, oldest first unless sorted: `GET /api/v1/transfers` (`listTransfers`). */
  list(query?: QueryParams<"listTransfers">, options?: RequestOptions): Promise<ResponseBody<"listTransfers">> {
    return this.t.call("listTransfers", { query }, options);
  }
  /** Every row of `list`, across all pages. */
  iterate(query?: QueryParams<"listTransfers">, options?: RequestOptions): AsyncGenerator<ItemOf<"listTransfers">, void, undefined> {
    return this.t.pages("listTransfers", { query }, options);
  }
  /** Get a transfer: `GET /api/v1/transfers/{transferId}` (`getTransfer`). */
  get(transferId: string, options?: RequestOptions): Promise<ResponseBody<"getTransfer">> {
    return this.t.call("getTransfer", { path: { transferId } }, options);
  }
}

/** Hold units of an item at a location until released, consumed or expired. */
export class Reservations extends Resource {
  /** Hold units of an item at a location until released, consumed or expired: `POST /api/v1/reservations` (`createReservation`). */
  create(body: RequestBody<"createReservation">, options?: RequestOptions): Promise<ResponseBody<"createReservation">> {
    return this.t.call("createReservation", { body }, options);
  }
  /** List reservations, oldest first unless sorted: `GET /api/v1/reservations` (`listReservations`). */
  list(query?: QueryParams<"listReservations">, options?: RequestOptions): Promise<ResponseBody<"listReservations">> {
    return this.t.call("listReservations", { query }, options);
  }
  /** Every row of `list`, across all pages. */
  iterate(query?: QueryParams<"listReservations">, options?: RequestOptions): AsyncGenerator<ItemOf<"listReservations">, void, undefined> {
    return this.t.pages("listReservations", { query }, options);
  }
  /** Get a reservation: `GET /api/v1/reservations/{reservationId}` (`getReservation`). */
  get(reservationId: string, options?: RequestOptions): Promise<ResponseBody<"getReservation">> {
    return this.t.call("getReservation", { path: { reservationId } }, options);
  }
  /** Release a hold: its units become available again: `POST /api/v1/reservations/{reservationId}/release` (`releaseReservation`). */
  release(reservationId: string, options?: RequestOptions): Promise<ResponseBody<"releaseReservation">> {
    return this.t.call("releaseReservation", { path: { reservationId } }, options);
  }
  /** Turn a hold into an issue of its units: `POST /api/v1/reservations/{reservationId}/consume` (`consumeReservation`). */
  consume(reservationId: string, options?: RequestOptions): Promise<ResponseBody<"consumeReservation">> {
    return this.t.call("consumeReservation", { path: { reservationId } }, options);
  }
}

/** Lots of lot-tracked items (numbers, expiry, where their units are) and the whereabouts and history of serial numbers. */
export class Lots extends Resource {
  /** List lots, first to expire first (lots without an expiry last): `GET /api/v1/lots` (`listLots`). */
  list(query?: QueryParams<"listLots">, options?: RequestOptions): Promise<ResponseBody<"listLots">> {
    return this.t.call("listLots", { query }, options);
  }
  /** Every row of `list`, across all pages. */
  iterate(query?: QueryParams<"listLots">, options?: RequestOptions): AsyncGenerator<ItemOf<"listLots">, void, undefined> {
    return this.t.pages("listLots", { query }, options);
  }
  /** Get a lot and where its units are: `GET /api/v1/lots/{lotId}` (`getLot`). */
  get(lotId: string, options?: RequestOptions): Promise<ResponseBody<"getLot">> {
    return this.t.call("getLot", { path: { lotId } }, options);
  }
  /** Find a serial number: where it is and every movement of it: `GET /api/v1/serials/{itemId}/{serial}` (`getSerial`). */
  serial(itemId: string, serial: string, options?: RequestOptions): Promise<ResponseBody<"getSerial">> {
    return this.t.call("getSerial", { path: { itemId, serial } }, options);
  }
}

/** Warehouses and their locations (bins), where stock is held. */
export class Warehouses extends Resource {
  /** Create a warehouse: `POST /api/v1/warehouses` (`createWarehouse`). */
  create(body: RequestBody<"createWarehouse">, options?: RequestOptions): Promise<ResponseBody<"createWarehouse">> {
    return this.t.call("createWarehouse", { body }, options);
  }
  /** List the warehouses the caller may see, oldest first unless sorted: `GET /api/v1/warehouses` (`listWarehouses`). */
  list(query?: QueryParams<"listWarehouses">, options?: RequestOptions): Promise<ResponseBody<"listWarehouses">> {
    return this.t.call("listWarehouses", { query }, options);
  }
  /** Every row of `list`, across all pages. */
  iterate(query?: QueryParams<"listWarehouses">, options?: RequestOptions): AsyncGenerator<ItemOf<"listWarehouses">, void, undefined> {
    return this.t.pages("listWarehouses", { query }, options);
  }
  /** Get a warehouse: `GET /api/v1/warehouses/{warehouseId}` (`getWarehouse`). */
  get(warehouseId: string, options?: RequestOptions): Promise<ResponseBody<"getWarehouse">> {
    return this.t.call("getWarehouse", { path: { warehouseId } }, options);
  }
  /** Update or archive a warehouse: `PATCH /api/v1/warehouses/{warehouseId}` (`updateWarehouse`). */
  update(warehouseId: string, body: RequestBody<"updateWarehouse">, options?: WriteOptions): Promise<ResponseBody<"updateWarehouse">> {
    return this.t.call("updateWarehouse", { path: { warehouseId }, body }, options);
  }
  /** Delete a warehouse that has never held stock (archive it otherwise): `DELETE /api/v1/warehouses/{warehouseId}` (`deleteWarehouse`). */
  delete(warehouseId: string, options?: WriteOptions): Promise<void> {
    return this.t.call("deleteWarehouse", { path: { warehouseId } }, options);
  }
}

/** Warehouses and their locations (bins), where stock is held. */
export class Locations extends Resource {
  /** Create a location (bin) in a warehouse: `POST /api/v1/warehouses/{warehouseId}/locations` (`createLocation`). */
  create(warehouseId: string, body: RequestBody<"createLocation">, options?: RequestOptions): Promise<ResponseBody<"createLocation">> {
    return this.t.call("createLocation", { path: { warehouseId }, body }, options);
  }
  /** List the locations of a warehouse, oldest first unless sorted: `GET /api/v1/warehouses/{warehouseId}/locations` (`listWarehouseLocations`). */
  listInWarehouse(warehouseId: string, query?: QueryParams<"listWarehouseLocations">, options?: RequestOptions): Promise<ResponseBody<"listWarehouseLocations">> {
    return this.t.call("listWarehouseLocations", { path: { warehouseId }, query }, options);
  }
  /** Every row of `listInWarehouse`, across all pages. */
  iterateInWarehouse(warehouseId: string, query?: QueryParams<"listWarehouseLocations">, options?: RequestOptions): AsyncGenerator<ItemOf<"listWarehouseLocations">, void, undefined> {
    return this.t.pages("listWarehouseLocations", { path: { warehouseId }, query }, options);
  }
  /** List the locations the caller may see, oldest first unless sorted: `GET /api/v1/locations` (`listLocations`). */
  list(query?: QueryParams<"listLocations">, options?: RequestOptions): Promise<ResponseBody<"listLocations">> {
    return this.t.call("listLocations", { query }, options);
  }
  /** Every row of `list`, across all pages. */
  iterate(query?: QueryParams<"listLocations">, options?: RequestOptions): AsyncGenerator<ItemOf<"listLocations">, void, undefined> {
    return this.t.pages("listLocations", { query }, options);
  }
  /** Get a location: `GET /api/v1/locations/{locationId}` (`getLocation`). */
  get(locationId: string, options?: RequestOptions): Promise<ResponseBody<"getLocation">> {
    return this.t.call("getLocation", { path: { locationId } }, options);
  }
  /** Update or archive a location (archiving needs it empty): `PATCH /api/v1/locations/{locationId}` (`updateLocation`). */
  update(locationId: string, body: RequestBody<"updateLocation">, options?: WriteOptions): Promise<ResponseBody<"updateLocation">> {
    return this.t.call("updateLocation", { path: { locationId }, body }, options);
  }
  /** Delete a location that has never held stock (archive it otherwise): `DELETE /api/v1/locations/{locationId}` (`deleteLocation`). */
  delete(locationId: string, options?: WriteOptions): Promise<void> {
    return this.t.call("deleteLocation", { path: { locationId } }, options);
  }
}

/** Count a location: it is locked against stock writes until the differences are posted or the count cancelled. */
export class Stocktakes extends Resource {
  /** Start a stocktake: locks the location against stock writes: `POST /api/v1/stocktakes` (`startStocktake`). */
  start(body: RequestBody<"startStocktake">, options?: RequestOptions): Promise<ResponseBody<"startStocktake">> {
    return this.t.call("startStocktake", { body }, options);
  }
  /** List stocktakes, oldest first unless sorted: `GET /api/v1/stocktakes` (`listStocktakes`). */
  list(query?: QueryParams<"listStocktakes">, options?: RequestOptions): Promise<ResponseBody<"listStocktakes">> {
    return this.t.call("listStocktakes", { query }, options);
  }
  /** Every row of `list`, across all pages. */
  iterate(query?: QueryParams<"listStocktakes">, options?: RequestOptions): AsyncGenerator<ItemOf<"listStocktakes">, void, undefined> {
    return this.t.pages("listStocktakes", { query }, options);
  }
  /** Get a stocktake with its counts: `GET /api/v1/stocktakes/{stocktakeId}` (`getStocktake`). */
  get(stocktakeId: string, options?: RequestOptions): Promise<ResponseBody<"getStocktake">> {
    return this.t.call("getStocktake", { path: { stocktakeId } }, options);
  }
  /** Replace the counted units of an open stocktake: `PUT /api/v1/stocktakes/{stocktakeId}/counts` (`setStocktakeCounts`). */
  setCounts(stocktakeId: string, body: RequestBody<"setStocktakeCounts">, options?: RequestOptions): Promise<ResponseBody<"setStocktakeCounts">> {
    return this.t.call("setStocktakeCounts", { path: { stocktakeId }, body }, options);
  }
  /** Post the differences as count movements and unlock the location: `POST /api/v1/stocktakes/{stocktakeId}/complete` (`completeStocktake`). */
  complete(stocktakeId: string, options?: RequestOptions): Promise<ResponseBody<"completeStocktake">> {
    return this.t.call("completeStocktake", { path: { stocktakeId } }, options);
  }
  /** Cancel a stocktake and unlock the location: `POST /api/v1/stocktakes/{stocktakeId}/cancel` (`cancelStocktake`). */
  cancel(stocktakeId: string, options?: RequestOptions): Promise<ResponseBody<"cancelStocktake">> {
    return this.t.call("cancelStocktake", { path: { stocktakeId } }, options);
  }
}

/** Labels for items. */
export class Tags extends Resource {
  /** Create a tag: `POST /api/v1/tags` (`createTag`). */
  create(body: RequestBody<"createTag">, options?: RequestOptions): Promise<ResponseBody<"createTag">> {
    return this.t.call("createTag", { body }, options);
  }
  /** List tags, oldest first unless sorted: `GET /api/v1/tags` (`listTags`). */
  list(query?: QueryParams<"listTags">, options?: RequestOptions): Promise<ResponseBody<"listTags">> {
    return this.t.call("listTags", { query }, options);
  }
  /** Every row of `list`, across all pages. */
  iterate(query?: QueryParams<"listTags">, options?: RequestOptions): AsyncGenerator<ItemOf<"listTags">, void, undefined> {
    return this.t.pages("listTags", { query }, options);
  }
  /** Get a tag: `GET /api/v1/tags/{tagId}` (`getTag`). */
  get(tagId: string, options?: RequestOptions): Promise<ResponseBody<"getTag">> {
    return this.t.call("getTag", { path: { tagId } }, options);
  }
  /** Rename a tag (items carry the new name): `PATCH /api/v1/tags/{tagId}` (`renameTag`). */
  rename(tagId: string, body: RequestBody<"renameTag">, options?: RequestOptions): Promise<ResponseBody<"renameTag">> {
    return this.t.call("renameTag", { path: { tagId }, body }, options);
  }
  /** Delete a tag (items lose it): `DELETE /api/v1/tags/{tagId}` (`deleteTag`). */
  delete(tagId: string, options?: RequestOptions): Promise<void> {
    return this.t.call("deleteTag", { path: { tagId } }, options);
  }
}

/** The generated methods of `client.jobs` (src/resources.ts adds the rest) */
export class JobsBase extends Resource {
  /** List bulk jobs (oldest first unless sorted), by kind, status and creation time, with cursor pagination: `GET /api/v1/jobs` (`listJobs`). */
  list(query?: QueryParams<"listJobs">, options?: RequestOptions): Promise<ResponseBody<"listJobs">> {
    return this.t.call("listJobs", { query }, options);
  }
  /** Every row of `list`, across all pages. */
  iterate(query?: QueryParams<"listJobs">, options?: RequestOptions): AsyncGenerator<ItemOf<"listJobs">, void, undefined> {
    return this.t.pages("listJobs", { query }, options);
  }
  /** Get a bulk job: status, counts, progress and per-row errors: `GET /api/v1/jobs/{jobId}` (`getJob`). */
  get(jobId: string, options?: RequestOptions): Promise<ResponseBody<"getJob">> {
    return this.t.call("getJob", { path: { jobId } }, options);
  }
}

/** The change feed: every state change, in commit order, for 30 days. */
export class Events extends Resource {
  /** Read the change feed: events in commit order, after a cursor: `GET /api/v1/events` (`listEvents`). */
  list(query?: QueryParams<"listEvents">, options?: RequestOptions): Promise<ResponseBody<"listEvents">> {
    return this.t.call("listEvents", { query }, options);
  }
  /** Every row of `list`, across all pages. */
  iterate(query?: QueryParams<"listEvents">, options?: RequestOptions): AsyncGenerator<ItemOf<"listEvents">, void, undefined> {
    return this.t.pages("listEvents", { query }, options, "after");
  }
  /** Get one event of the feed: `GET /api/v1/events/{eventId}` (`getEvent`). */
  get(eventId: string, options?: RequestOptions): Promise<ResponseBody<"getEvent">> {
    return this.t.call("getEvent", { path: { eventId } }, options);
  }
}

/** Create a workspace and its owner; the caller's workspace, its plan, limits and capabilities. */
export class Workspace extends Resource {
  /** Create a workspace and its owner: `POST /api/v1/workspaces` (`createWorkspace`). */
  create(body: RequestBody<"createWorkspace">, options?: RequestOptions): Promise<ResponseBody<"createWorkspace">> {
    return this.t.call("createWorkspace", { body }, options);
  }
  /** The caller's workspace with its plan's limits and capabilities: `GET /api/v1/workspace` (`getWorkspace`). */
  get(options?: RequestOptions): Promise<ResponseBody<"getWorkspace">> {
    return this.t.call("getWorkspace", {}, options);
  }
  /** Rename the workspace or change its plan: `PATCH /api/v1/workspace` (`updateWorkspace`). */
  update(body: RequestBody<"updateWorkspace">, options?: WriteOptions): Promise<ResponseBody<"updateWorkspace">> {
    return this.t.call("updateWorkspace", { body }, options);
  }
}

/** Built-in and custom roles: named sets of permissions. */
export class Roles extends Resource {
  /** List the workspace's roles (built-in first, then in order of creation, unless sorted): `GET /api/v1/roles` (`listRoles`). */
  list(query?: QueryParams<"listRoles">, options?: RequestOptions): Promise<ResponseBody<"listRoles">> {
    return this.t.call("listRoles", { query }, options);
  }
  /** Every row of `list`, across all pages. */
  iterate(query?: QueryParams<"listRoles">, options?: RequestOptions): AsyncGenerator<ItemOf<"listRoles">, void, undefined> {
    return this.t.pages("listRoles", { query }, options);
  }
  /** Create a custom role: `POST /api/v1/roles` (`createRole`). */
  create(body: RequestBody<"createRole">, options?: RequestOptions): Promise<ResponseBody<"createRole">> {
    return this.t.call("createRole", { body }, options);
  }
  /** Get a role: `GET /api/v1/roles/{roleId}` (`getRole`). */
  get(roleId: string, options?: RequestOptions): Promise<ResponseBody<"getRole">> {
    return this.t.call("getRole", { path: { roleId } }, options);
  }
  /** Rename a custom role or change its permissions (built-in roles are fixed: 422): `PATCH /api/v1/roles/{roleId}` (`updateRole`). */
  update(roleId: string, body: RequestBody<"updateRole">, options?: WriteOptions): Promise<ResponseBody<"updateRole">> {
    return this.t.call("updateRole", { path: { roleId }, body }, options);
  }
  /** Delete a custom role no member or pending invite holds: `DELETE /api/v1/roles/{roleId}` (`deleteRole`). */
  delete(roleId: string, options?: WriteOptions): Promise<void> {
    return this.t.call("deleteRole", { path: { roleId } }, options);
  }
}

/** The workspace's members and their roles. */
export class Members extends Resource {
  /** List members (active and invited), oldest first unless sorted, with cursor pagination: `GET /api/v1/members` (`listMembers`). */
  list(query?: QueryParams<"listMembers">, options?: RequestOptions): Promise<ResponseBody<"listMembers">> {
    return this.t.call("listMembers", { query }, options);
  }
  /** Every row of `list`, across all pages. */
  iterate(query?: QueryParams<"listMembers">, options?: RequestOptions): AsyncGenerator<ItemOf<"listMembers">, void, undefined> {
    return this.t.pages("listMembers", { query }, options);
  }
  /** Get a member: `GET /api/v1/members/{memberId}` (`getMember`). */
  get(memberId: string, options?: RequestOptions): Promise<ResponseBody<"getMember">> {
    return this.t.call("getMember", { path: { memberId } }, options);
  }
  /** Change a member's role: `PATCH /api/v1/members/{memberId}` (`updateMember`). */
  update(memberId: string, body: RequestBody<"updateMember">, options?: WriteOptions): Promise<ResponseBody<"updateMember">> {
    return this.t.call("updateMember", { path: { memberId }, body }, options);
  }
  /** Remove a member from the workspace (never the last owner): `DELETE /api/v1/members/{memberId}` (`removeMember`). */
  remove(memberId: string, options?: WriteOptions): Promise<void> {
    return this.t.call("removeMember", { path: { memberId } }, options);
  }
}

/** Invite someone by email with a role; accepting an invite. */
export class Invites extends Resource {
  /** Invite someone by email; the one-time token is in this response only: `POST /api/v1/invites` (`createInvite`). */
  create(body: RequestBody<"createInvite">, options?: RequestOptions): Promise<ResponseBody<"createInvite">> {
    return this.t.call("createInvite", { body }, options);
  }
  /** List invites, newest first unless sorted, with cursor pagination (never their tokens): `GET /api/v1/invites` (`listInvites`). */
  list(query?: QueryParams<"listInvites">, options?: RequestOptions): Promise<ResponseBody<"listInvites">> {
    return this.t.call("listInvites", { query }, options);
  }
  /** Every row of `list`, across all pages. */
  iterate(query?: QueryParams<"listInvites">, options?: RequestOptions): AsyncGenerator<ItemOf<"listInvites">, void, undefined> {
    return this.t.pages("listInvites", { query }, options);
  }
  /** Get an invite: `GET /api/v1/invites/{inviteId}` (`getInvite`). */
  get(inviteId: string, options?: RequestOptions): Promise<ResponseBody<"getInvite">> {
    return this.t.call("getInvite", { path: { inviteId } }, options);
  }
  /** Revoke a pending invite: `DELETE /api/v1/invites/{inviteId}` (`revokeInvite`). */
  revoke(inviteId: string, options?: RequestOptions): Promise<void> {
    return this.t.call("revokeInvite", { path: { inviteId } }, options);
  }
  /** Accept an invite with its token and set your password for this workspace: `POST /api/v1/invites/accept` (`acceptInvite`). */
  accept(body: RequestBody<"acceptInvite">, options?: RequestOptions): Promise<ResponseBody<"acceptInvite">> {
    return this.t.call("acceptInvite", { body }, options);
  }
}

/** API keys for integrations; a key's secret is shown once, at creation. */
export class ApiKeys extends Resource {
  /** Create an API key; its secret is in this response only: `POST /api/v1/api-keys` (`createApiKey`). */
  create(body: RequestBody<"createApiKey">, options?: RequestOptions): Promise<ResponseBody<"createApiKey">> {
    return this.t.call("createApiKey", { body }, options);
  }
  /** List the workspace's live API keys (never their secrets), oldest first unless sorted: `GET /api/v1/api-keys` (`listApiKeys`). */
  list(query?: QueryParams<"listApiKeys">, options?: RequestOptions): Promise<ResponseBody<"listApiKeys">> {
    return this.t.call("listApiKeys", { query }, options);
  }
  /** Every row of `list`, across all pages. */
  iterate(query?: QueryParams<"listApiKeys">, options?: RequestOptions): AsyncGenerator<ItemOf<"listApiKeys">, void, undefined> {
    return this.t.pages("listApiKeys", { query }, options);
  }
  /** Get an API key (never its secret): `GET /api/v1/api-keys/{keyId}` (`getApiKey`). */
  get(keyId: string, options?: RequestOptions): Promise<ResponseBody<"getApiKey">> {
    return this.t.call("getApiKey", { path: { keyId } }, options);
  }
  /** Revoke an API key: it stops working at once (401 invalid_api_key): `DELETE /api/v1/api-keys/{keyId}` (`revokeApiKey`). */
  revoke(keyId: string, options?: RequestOptions): Promise<void> {
    return this.t.call("revokeApiKey", { path: { keyId } }, options);
  }
}

/** Webhook endpoints: events POSTed as they happen, signed per Standard Webhooks, retried; their deliveries. */
export class WebhookEndpoints extends Resource {
  /** Register a webhook endpoint; its signing secret is in this response only: `POST /api/v1/webhook-endpoints` (`createWebhookEndpoint`). */
  create(body: RequestBody<"createWebhookEndpoint">, options?: RequestOptions): Promise<ResponseBody<"createWebhookEndpoint">> {
    return this.t.call("createWebhookEndpoint", { body }, options);
  }
  /** List the workspace's webhook endpoints (never their secrets), oldest first unless sorted: `GET /api/v1/webhook-endpoints` (`listWebhookEndpoints`). */
  list(query?: QueryParams<"listWebhookEndpoints">, options?: RequestOptions): Promise<ResponseBody<"listWebhookEndpoints">> {
    return this.t.call("listWebhookEndpoints", { query }, options);
  }
  /** Every row of `list`, across all pages. */
  iterate(query?: QueryParams<"listWebhookEndpoints">, options?: RequestOptions): AsyncGenerator<ItemOf<"listWebhookEndpoints">, void, undefined> {
    return this.t.pages("listWebhookEndpoints", { query }, options);
  }
  /** Get a webhook endpoint (never its secret): `GET /api/v1/webhook-endpoints/{endpointId}` (`getWebhookEndpoint`). */
  get(endpointId: string, options?: RequestOptions): Promise<ResponseBody<"getWebhookEndpoint">> {
    return this.t.call("getWebhookEndpoint", { path: { endpointId } }, options);
  }
  /** Change a webhook endpoint's URL, event types or description, or enable or disable it: `PATCH /api/v1/webhook-endpoints/{endpointId}` (`updateWebhookEndpoint`). */
  update(endpointId: string, body: RequestBody<"updateWebhookEndpoint">, options?: WriteOptions): Promise<ResponseBody<"updateWebhookEndpoint">> {
    return this.t.call("updateWebhookEndpoint", { path: { endpointId }, body }, options);
  }
  /** Delete a webhook endpoint and its deliveries: `DELETE /api/v1/webhook-endpoints/{endpointId}` (`deleteWebhookEndpoint`). */
  delete(endpointId: string, options?: WriteOptions): Promise<void> {
    return this.t.call("deleteWebhookEndpoint", { path: { endpointId } }, options);
  }
  /** Give a webhook endpoint a new signing secret; the old one keeps signing beside it for 24 hours: `POST /api/v1/webhook-endpoints/{endpointId}/rotate-secret` (`rotateWebhookEndpointSecret`). */
  rotateSecret(endpointId: string, options?: RequestOptions): Promise<ResponseBody<"rotateWebhookEndpointSecret">> {
    return this.t.call("rotateWebhookEndpointSecret", { path: { endpointId } }, options);
  }
  /** Send a webhook.test event to the endpoint (through the feed, like any event): `POST /api/v1/webhook-endpoints/{endpointId}/test` (`testWebhookEndpoint`). */
  test(endpointId: string, options?: RequestOptions): Promise<ResponseBody<"testWebhookEndpoint">> {
    return this.t.call("testWebhookEndpoint", { path: { endpointId } }, options);
  }
  /** List an endpoint's deliveries, newest first unless sorted: status, attempts, last answer: `GET /api/v1/webhook-endpoints/{endpointId}/deliveries` (`listWebhookDeliveries`). */
  listDeliveries(endpointId: string, query?: QueryParams<"listWebhookDeliveries">, options?: RequestOptions): Promise<ResponseBody<"listWebhookDeliveries">> {
    return this.t.call("listWebhookDeliveries", { path: { endpointId }, query }, options);
  }
  /** Every row of `listDeliveries`, across all pages. */
  iterateDeliveries(endpointId: string, query?: QueryParams<"listWebhookDeliveries">, options?: RequestOptions): AsyncGenerator<ItemOf<"listWebhookDeliveries">, void, undefined> {
    return this.t.pages("listWebhookDeliveries", { path: { endpointId }, query }, options);
  }
  /** Attempt a delivery again now (a failed or succeeded one gets one more attempt): `POST /api/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/retry` (`retryWebhookDelivery`). */
  retryDelivery(endpointId: string, deliveryId: string, options?: RequestOptions): Promise<ResponseBody<"retryWebhookDelivery">> {
    return this.t.call("retryWebhookDelivery", { path: { endpointId, deliveryId } }, options);
  }
}

/** Who did what: every write in the workspace. */
export class AuditEvents extends Resource {
  /** Who did what: every write, newest first unless sorted, with cursor pagination: `GET /api/v1/audit-events` (`listAuditEvents`). */
  list(query?: QueryParams<"listAuditEvents">, options?: RequestOptions): Promise<ResponseBody<"listAuditEvents">> {
    return this.t.call("listAuditEvents", { query }, options);
  }
  /** Every row of `list`, across all pages. */
  iterate(query?: QueryParams<"listAuditEvents">, options?: RequestOptions): AsyncGenerator<ItemOf<"listAuditEvents">, void, undefined> {
    return this.t.pages("listAuditEvents", { query }, options);
  }
}
