// Generated from the Stockyard OpenAPI document by `npm run generate` (scripts/generate.mjs).
// Do not edit by hand: change the server (or src/resources.ts), then run `npm run generate`.

/**
 * Every operation of the OpenAPI document (by operationId): its HTTP method and path, and the
 * client method that implements it (`client` is the path from the client object, e.g.
 * `items.create` is `client.items.create`). Resource methods send through this table, and
 * test/coverage.test.ts checks it against the document and the client.
 */
import type { OperationId } from "./types.js";

export interface OperationSpec {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  client: string;
  /** A public route: sent without the client's credential. */
  public?: true;
}

export const OPERATIONS = {
  health: { method: "GET", path: "/healthz", client: "health", public: true },
  readiness: { method: "GET", path: "/readyz", client: "readiness", public: true },
  createMovement: { method: "POST", path: "/api/v1/movements", client: "movements.create" },
  listMovements: { method: "GET", path: "/api/v1/movements", client: "movements.list" },
  getMovement: { method: "GET", path: "/api/v1/movements/{movementId}", client: "movements.get" },
  createItem: { method: "POST", path: "/api/v1/items", client: "items.create" },
  listItems: { method: "GET", path: "/api/v1/items", client: "items.list" },
  getItem: { method: "GET", path: "/api/v1/items/{itemId}", client: "items.get" },
  updateItem: { method: "PATCH", path: "/api/v1/items/{itemId}", client: "items.update" },
  deleteItem: { method: "DELETE", path: "/api/v1/items/{itemId}", client: "items.delete" },
  listStockLevels: { method: "GET", path: "/api/v1/stock", client: "stock.list" },
  getItemStock: { method: "GET", path: "/api/v1/items/{itemId}/stock", client: "items.stock" },
  createTransfer: { method: "POST", path: "/api/v1/transfers", client: "transfers.create" },
  listTransfers: { method: "GET", path: "/api/v1/transfers", client: "transfers.list" },
  getTransfer: { method: "GET", path: "/api/v1/transfers/{transferId}", client: "transfers.get" },
  createReservation: { method: "POST", path: "/api/v1/reservations", client: "reservations.create" },
  listReservations: { method: "GET", path: "/api/v1/reservations", client: "reservations.list" },
  getReservation: { method: "GET", path: "/api/v1/reservations/{reservationId}", client: "reservations.get" },
  releaseReservation: { method: "POST", path: "/api/v1/reservations/{reservationId}/release", client: "reservations.release" },
  consumeReservation: { method: "POST", path: "/api/v1/reservations/{reservationId}/consume", client: "reservations.consume" },
  listLots: { method: "GET", path: "/api/v1/lots", client: "lots.list" },
  getLot: { method: "GET", path: "/api/v1/lots/{lotId}", client: "lots.get" },
  getSerial: { method: "GET", path: "/api/v1/serials/{itemId}/{serial}", client: "lots.serial" },
  signIn: { method: "POST", path: "/api/v1/auth/token", client: "auth.signIn", public: true },
  refreshToken: { method: "POST", path: "/api/v1/auth/refresh", client: "auth.refresh", public: true },
  signOut: { method: "POST", path: "/api/v1/auth/logout", client: "auth.signOut" },
  getMe: { method: "GET", path: "/api/v1/me", client: "me" },
  createWarehouse: { method: "POST", path: "/api/v1/warehouses", client: "warehouses.create" },
  listWarehouses: { method: "GET", path: "/api/v1/warehouses", client: "warehouses.list" },
  getWarehouse: { method: "GET", path: "/api/v1/warehouses/{warehouseId}", client: "warehouses.get" },
  updateWarehouse: { method: "PATCH", path: "/api/v1/warehouses/{warehouseId}", client: "warehouses.update" },
  deleteWarehouse: { method: "DELETE", path: "/api/v1/warehouses/{warehouseId}", client: "warehouses.delete" },
  createLocation: { method: "POST", path: "/api/v1/warehouses/{warehouseId}/locations", client: "locations.create" },
  listWarehouseLocations: { method: "GET", path: "/api/v1/warehouses/{warehouseId}/locations", client: "locations.listInWarehouse" },
  listLocations: { method: "GET", path: "/api/v1/locations", client: "locations.list" },
  getLocation: { method: "GET", path: "/api/v1/locations/{locationId}", client: "locations.get" },
  updateLocation: { method: "PATCH", path: "/api/v1/locations/{locationId}", client: "locations.update" },
  deleteLocation: { method: "DELETE", path: "/api/v1/locations/{locationId}", client: "locations.delete" },
  startStocktake: { method: "POST", path: "/api/v1/stocktakes", client: "stocktakes.start" },
  listStocktakes: { method: "GET", path: "/api/v1/stocktakes", client: "stocktakes.list" },
  getStocktake: { method: "GET", path: "/api/v1/stocktakes/{stocktakeId}", client: "stocktakes.get" },
  setStocktakeCounts: { method: "PUT", path: "/api/v1/stocktakes/{stocktakeId}/counts", client: "stocktakes.setCounts" },
  completeStocktake: { method: "POST", path: "/api/v1/stocktakes/{stocktakeId}/complete", client: "stocktakes.complete" },
  cancelStocktake: { method: "POST", path: "/api/v1/stocktakes/{stocktakeId}/cancel", client: "stocktakes.cancel" },
  createTag: { method: "POST", path: "/api/v1/tags", client: "tags.create" },
  listTags: { method: "GET", path: "/api/v1/tags", client: "tags.list" },
  getTag: { method: "GET", path: "/api/v1/tags/{tagId}", client: "tags.get" },
  renameTag: { method: "PATCH", path: "/api/v1/tags/{tagId}", client: "tags.rename" },
  deleteTag: { method: "DELETE", path: "/api/v1/tags/{tagId}", client: "tags.delete" },
  listJobs: { method: "GET", path: "/api/v1/jobs", client: "jobs.list" },
  getJob: { method: "GET", path: "/api/v1/jobs/{jobId}", client: "jobs.get" },
  listEvents: { method: "GET", path: "/api/v1/events", client: "events.list" },
  getEvent: { method: "GET", path: "/api/v1/events/{eventId}", client: "events.get" },
  getReport: { method: "GET", path: "/api/v1/reports/{name}", client: "reports.get" },
  bulkImportItems: { method: "POST", path: "/api/v1/items/bulk", client: "items.bulkImport" },
  bulkRecordMovements: { method: "POST", path: "/api/v1/movements/bulk", client: "movements.bulk" },
  createWorkspace: { method: "POST", path: "/api/v1/workspaces", client: "workspace.create", public: true },
  listRoles: { method: "GET", path: "/api/v1/roles", client: "roles.list" },
  createRole: { method: "POST", path: "/api/v1/roles", client: "roles.create" },
  getRole: { method: "GET", path: "/api/v1/roles/{roleId}", client: "roles.get" },
  updateRole: { method: "PATCH", path: "/api/v1/roles/{roleId}", client: "roles.update" },
  deleteRole: { method: "DELETE", path: "/api/v1/roles/{roleId}", client: "roles.delete" },
  listMembers: { method: "GET", path: "/api/v1/members", client: "members.list" },
  getMember: { method: "GET", path: "/api/v1/members/{memberId}", client: "members.get" },
  updateMember: { method: "PATCH", path: "/api/v1/members/{memberId}", client: "members.update" },
  removeMember: { method: "DELETE", path: "/api/v1/members/{memberId}", client: "members.remove" },
  createInvite: { method: "POST", path: "/api/v1/invites", client: "invites.create" },
  listInvites: { method: "GET", path: "/api/v1/invites", client: "invites.list" },
  getInvite: { method: "GET", path: "/api/v1/invites/{inviteId}", client: "invites.get" },
  revokeInvite: { method: "DELETE", path: "/api/v1/invites/{inviteId}", client: "invites.revoke" },
  acceptInvite: { method: "POST", path: "/api/v1/invites/accept", client: "invites.accept", public: true },
  createApiKey: { method: "POST", path: "/api/v1/api-keys", client: "apiKeys.create" },
  listApiKeys: { method: "GET", path: "/api/v1/api-keys", client: "apiKeys.list" },
  getApiKey: { method: "GET", path: "/api/v1/api-keys/{keyId}", client: "apiKeys.get" },
  revokeApiKey: { method: "DELETE", path: "/api/v1/api-keys/{keyId}", client: "apiKeys.revoke" },
  createWebhookEndpoint: { method: "POST", path: "/api/v1/webhook-endpoints", client: "webhookEndpoints.create" },
  listWebhookEndpoints: { method: "GET", path: "/api/v1/webhook-endpoints", client: "webhookEndpoints.list" },
  getWebhookEndpoint: { method: "GET", path: "/api/v1/webhook-endpoints/{endpointId}", client: "webhookEndpoints.get" },
  updateWebhookEndpoint: { method: "PATCH", path: "/api/v1/webhook-endpoints/{endpointId}", client: "webhookEndpoints.update" },
  deleteWebhookEndpoint: { method: "DELETE", path: "/api/v1/webhook-endpoints/{endpointId}", client: "webhookEndpoints.delete" },
  rotateWebhookEndpointSecret: { method: "POST", path: "/api/v1/webhook-endpoints/{endpointId}/rotate-secret", client: "webhookEndpoints.rotateSecret" },
  testWebhookEndpoint: { method: "POST", path: "/api/v1/webhook-endpoints/{endpointId}/test", client: "webhookEndpoints.test" },
  listWebhookDeliveries: { method: "GET", path: "/api/v1/webhook-endpoints/{endpointId}/deliveries", client: "webhookEndpoints.listDeliveries" },
  retryWebhookDelivery: { method: "POST", path: "/api/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/retry", client: "webhookEndpoints.retryDelivery" },
  getWorkspace: { method: "GET", path: "/api/v1/workspace", client: "workspace.get" },
  updateWorkspace: { method: "PATCH", path: "/api/v1/workspace", client: "workspace.update" },
  listAuditEvents: { method: "GET", path: "/api/v1/audit-events", client: "auditEvents.list" },
} as const satisfies Record<OperationId, OperationSpec>;
