/**
 * A full tour of the Stockyard TypeScript client (docs/clients.md): sign in, stock a warehouse,
 * move goods, handle errors, page through lists and save a report to a file.
 *
 *     STOCKYARD_URL=http://127.0.0.1:8000 STOCKYARD_WORKSPACE=acme \
 *     STOCKYARD_EMAIL=owner@acme.test STOCKYARD_PASSWORD=... node dist/examples/inventory.js
 *
 * It needs only @stockyard/client (`npm ci && npm run build` in clients/typescript), a running
 * server and a member of a workspace with the permissions to write stock (e.g. its owner).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import {
  ConflictError,
  StockyardClient,
  StockyardError,
  UnprocessableEntityError,
  ValidationError,
  type Schemas,
} from "../src/index.js";

function setting(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name} (see the comment at the top of this file)`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const run = randomBytes(4).toString("hex");
  // Sign in with a member's credentials: the client signs in on first use and refreshes the token.
  const sy = new StockyardClient({
    baseUrl: setting("STOCKYARD_URL"),
    workspace: setting("STOCKYARD_WORKSPACE"),
    email: setting("STOCKYARD_EMAIL"),
    password: setting("STOCKYARD_PASSWORD"),
  });
  const me = await sy.me();
  if (me.user === null) throw new Error("signed in with an API key, not as a member");
  console.log(`Signed in as ${me.user.email} (${me.role}, ${me.permissions.length} permissions)`);

  const warehouse = await sy.warehouses.create({ shortId: `T${run.slice(0, 6)}`.toUpperCase(), name: "Main warehouse" });
  const shelf = await sy.locations.create(warehouse.id, { code: "A-01", name: "Shelf A-01" });
  const dock = await sy.locations.create(warehouse.id, { code: "DOCK", name: "Dispatch dock" });
  const items: Schemas["Item"][] = [];
  for (const n of [0, 1, 2]) {
    items.push(await sy.items.create({ sku: `TOUR-${run}-${n}`, name: `Widget ${n}`, unitCost: "2.50", reorderPoint: 2 }));
  }
  const [widget, other] = items as [Schemas["Item"], Schemas["Item"], Schemas["Item"]];
  console.log(`Created warehouse ${warehouse.shortId} with locations A-01 and DOCK, and ${items.length} items`);

  // A POST with a key of your own: sending it again returns the first answer, not a second receipt.
  const key = `receipt-${run}`;
  const receipt = { type: "receive", itemId: widget.id, locationId: shelf.id, units: 10, reference: "PO-1" } as const;
  const received = await sy.movements.create(receipt, { idempotencyKey: key });
  const again = await sy.movements.create(receipt, { idempotencyKey: key });
  if (again.id !== received.id) throw new Error("the same idempotency key recorded a second receipt");
  console.log(`Received 10 of ${widget.sku} (balance ${received.balanceAfter}), once`);

  const transfer = await sy.transfers.create({
    fromLocationId: shelf.id,
    toLocationId: dock.id,
    lines: [{ itemId: widget.id, units: 4 }],
    reference: "PICK-1",
  });
  console.log(`Transferred 4 to DOCK (${transfer.id})`);

  // Errors: one class per category; switch on the stable `code`, quote the `requestId`.
  try {
    await sy.movements.create({ type: "issue", itemId: widget.id, locationId: dock.id, units: 50 });
    throw new Error("issuing 50 of 4 succeeded");
  } catch (error) {
    if (!(error instanceof UnprocessableEntityError && error.code === "insufficient_stock")) throw error;
    console.log(`Could not issue 50: ${error.code}: ${error.message} (request ${error.requestId})`);
  }
  try {
    await sy.items.create({ sku: other.sku, name: "Duplicate" });
    throw new Error("a duplicate SKU was accepted");
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    console.log(`Duplicate SKU refused: ${error.code}`);
  }
  try {
    await sy.items.create({ sku: "", name: "No SKU" });
    throw new Error("an empty SKU was accepted");
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    console.log(`Invalid item: ${Object.keys(error.details ?? {}).join(", ")}`); // every field at fault
  }

  // Pagination: iterate() follows nextCursor through every page; list() reads one.
  const listed: string[] = [];
  for await (const item of sy.items.iterate({ q: `TOUR-${run}`, sort: "sku", limit: 2 })) listed.push(item.sku);
  const expected = items.map((item) => item.sku).sort();
  if (listed.join() !== expected.join()) throw new Error(`listed ${listed.join()}, expected ${expected.join()}`);
  const first = await sy.items.list({ q: `TOUR-${run}`, limit: 2 });
  console.log(`${listed.length} items over pages of 2 (the first has ${first.data.length}, more: ${first.hasMore})`);

  // Per-call options: a shorter timeout (ms) and no retries for this one request.
  const stock = await sy.items.stock(widget.id, { timeout: 5000, maxRetries: 0 });
  for (const level of stock.locations) {
    console.log(`  ${level.locationCode}: onHand=${level.onHand} available=${level.available}`);
  }

  // Reports come as bytes (CSV or XLSX) to save as they are.
  const csv = await sy.reports.download("stock-on-hand", { format: "csv", warehouseId: warehouse.id });
  const target = join(mkdtempSync(join(tmpdir(), "stockyard-tour-")), "stock-on-hand.csv");
  writeFileSync(target, csv);
  console.log(`Saved the stock-on-hand report to ${target} (${csv.byteLength} bytes)`);

  console.log(`Summary: item ${widget.sku} (${widget.id}) has ${stock.onHand} on hand, ${stock.available} available`);
}

try {
  await main();
} catch (error) {
  if (!(error instanceof StockyardError)) throw error;
  // Every API error carries its status, code and request id.
  console.error(`Stockyard error ${error.status} ${error.code}: ${error.message} (request ${error.requestId})`);
  process.exitCode = 1;
}
