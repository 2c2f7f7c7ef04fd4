/**
 * The client against a real server (`stockyard serve`, spawned here), with no mocks. A gateway
 * of the test's own sits between client and server where a test needs the network to misbehave
 * (a lost response answered with 503), or needs to count what went over the wire.
 *
 * The server runs with rate limiting on (in memory) and a sign-in budget of 1 a minute per
 * address and email, so that the rate-limit test meets a real 429; its plans file lifts the free
 * plan's request budget (so nothing else is limited) and gives it webhooks. The tests run
 * concurrently, so the minute the rate-limited sign-in waits is spent on the others.
 */
import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { after, before, describe, test } from "node:test";

import {
  ConflictError,
  NotFoundError,
  ServiceUnavailableError,
  StockyardClient,
  StockyardError,
  StockyardTimeoutError,
  UnauthorizedError,
  UnprocessableEntityError,
  ValidationError,
  verifyWebhook,
  type Schemas,
} from "../src/index.js";
import { startGateway, type Gateway } from "./support/gateway.js";
import { startServer, type LiveServer } from "./support/server.js";
import { ownerClient, recordingSleep, signUp, sku, unique } from "./support/tenant.js";

const PLANS = `
[plans.free]
requests_per_minute = 100000
capabilities = ["bulk_import", "webhooks"]

[plans.free.limits]
webhook_endpoints = 5
`;

/** Deterministic backoff: base 2 s, no jitter (the part used is always 100 %). */
const FIXED = { backoffBaseMs: 2000, random: () => 1 };

let server: LiveServer;
const gateways: Gateway[] = [];

async function gateway(): Promise<Gateway> {
  const started = await startGateway(server.url);
  gateways.push(started);
  return started;
}

before(async () => {
  server = await startServer({
    plans: PLANS,
    env: {
      STOCKYARD_RATE_LIMIT_ENABLED: "true",
      STOCKYARD_RATE_LIMIT_URL: "memory://",
      STOCKYARD_LOGIN_RATE_LIMIT_PER_MINUTE: "1",
      STOCKYARD_WEBHOOK_ALLOW_HTTP: "true",
      STOCKYARD_WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
    },
  });
});

after(async () => {
  await Promise.all(gateways.map((g) => g.stop()));
  await server?.stop();
});

describe("live server", { concurrency: true }, () => {
  test("a rate-limited call is retried after Retry-After", async () => {
    const tenant = await signUp(server.url);
    // One sign-in spends the budget of this address and email (1 a minute).
    await new StockyardClient({ baseUrl: server.url }).auth.signIn({
      workspace: tenant.slug,
      email: tenant.email,
      password: tenant.password,
    });
    const responses: { path: string; status: number; retryAfter: string | null }[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      responses.push({ path: new URL(String(input)).pathname, status: response.status, retryAfter: response.headers.get("retry-after") });
      return response;
    };
    const sleeps = recordingSleep(1); // waits for real: the server's window has to pass
    const client = ownerClient(server.url, tenant, { fetch: recordingFetch, sleep: sleeps.sleep });
    const started = Date.now();
    const me = await client.me();
    assert.equal(me.workspace.slug, tenant.slug);
    const [limited, ...rest] = responses;
    assert.ok(limited);
    assert.deepEqual([limited.path, limited.status], ["/api/v1/auth/token", 429]);
    const retryAfter = Number(limited.retryAfter);
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${limited.retryAfter}`);
    assert.deepEqual(sleeps.delays, [retryAfter * 1000]);
    assert.ok(Date.now() - started >= retryAfter * 1000);
    assert.deepEqual(
      rest.map((r) => [r.path, r.status]),
      [
        ["/api/v1/auth/token", 200],
        ["/api/v1/me", 200],
      ],
    );
  });

  test("sign-up, sign-in and me", async () => {
    const slug = unique("signup");
    const email = `Owner@${slug}.test`;
    const anonymous = new StockyardClient({ baseUrl: server.url });
    const created = await anonymous.workspace.create({
      name: "Signed Up",
      slug,
      owner: { email, name: "Owner", password: "correct horse battery staple" },
    });
    assert.equal(created.workspace.slug, slug);
    assert.equal(created.workspace.name, "Signed Up");
    assert.equal(created.workspace.plan, "free");
    assert.match(created.workspace.id, /^wsp_[0-9A-Z]{26}$/);
    assert.equal(created.owner.name, "Owner");

    const pair = await anonymous.auth.signIn({ workspace: slug, email, password: "correct horse battery staple" });
    assert.equal(pair.tokenType, "Bearer");
    assert.equal(typeof pair.expiresIn, "number");
    assert.equal(anonymous.transport.accessToken, pair.accessToken);
    assert.equal(anonymous.transport.refreshToken, pair.refreshToken);
    const me = await anonymous.me();
    assert.equal(me.principalType, "member");
    assert.equal(me.workspace.slug, slug);
    assert.equal(me.role, "owner");
    assert.equal(me.user?.id, created.owner.id);

    await assert.rejects(
      anonymous.auth.signIn({ workspace: slug, email: `nobody@${slug}.test`, password: "wrong password!" }),
      (error: unknown) => {
        assert.ok(error instanceof UnauthorizedError);
        assert.deepEqual([error.status, error.error, error.code], [401, "unauthorized", "invalid_credentials"]);
        assert.equal(error.message, "Email or password incorrect.");
        return true;
      },
    );

    await anonymous.auth.signOut();
    assert.equal(anonymous.transport.accessToken, undefined);
    const signedOut = new StockyardClient({ baseUrl: server.url, accessToken: pair.accessToken });
    await assert.rejects(signedOut.me(), (error: unknown) => {
      assert.ok(error instanceof UnauthorizedError);
      assert.equal(error.code, "token_invalid");
      return true;
    });
  });

  test("create, get, update and list an item", async () => {
    const g = await gateway();
    const client = ownerClient(g.url, await signUp(server.url));
    const tag = await client.tags.create({ name: "blue" });
    assert.equal(tag.name, "blue");
    const wanted = sku();
    const item = await client.items.create({ sku: wanted, name: "Widget", unitCost: "12.5", reorderPoint: 3, tags: ["blue"] });
    assert.match(item.id, /^itm_[0-9A-Z]{26}$/);
    assert.deepEqual(
      [item.sku, item.name, item.unit, item.unitCost, item.reorderPoint, item.tags, item.archived],
      [wanted, "Widget", "each", "12.50", 3, ["blue"], false],
    );
    const got = await client.items.get(item.id);
    assert.deepEqual(got, item);
    const updated = await client.items.update(item.id, { name: "Widget 2" });
    assert.equal(updated.name, "Widget 2");
    const page = await client.items.list({ sku: wanted });
    assert.deepEqual(page.data.map((row) => row.id), [item.id]);
    assert.deepEqual([page.hasMore, page.nextCursor], [false, null]);
    const posts = g.seen.filter((s) => s.method === "POST" && s.path === "/api/v1/items");
    assert.equal(posts.length, 1);
    assert.match(posts[0]?.idempotencyKey ?? "", /^[0-9a-f-]{36}$/);
    assert.equal(g.seen.filter((s) => s.method === "PATCH")[0]?.idempotencyKey, undefined);
  });

  test("an error carries status, error, code, message, details, param and requestId; none is retried", async () => {
    const g = await gateway();
    const sleeps = recordingSleep();
    const client = ownerClient(g.url, await signUp(server.url), { sleep: sleeps.sleep });
    await assert.rejects(client.items.get("itm_01JD0000000000000000000000"), (error: unknown) => {
      assert.ok(error instanceof NotFoundError && error instanceof StockyardError);
      assert.deepEqual([error.status, error.error, error.code], [404, "not_found", "not_found"]);
      assert.equal(error.message, "The requested resource does not exist.");
      assert.match(error.requestId ?? "", /^req_[0-9A-Z]{26}$/);
      assert.equal(error.requestId, error.headers.get("x-request-id"));
      assert.equal(error.details, null);
      return true;
    });
    await assert.rejects(client.items.create({ sku: "", name: "" }), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual([error.status, error.error, error.code], [400, "validation_error", "validation_error"]);
      assert.deepEqual(Object.keys(error.details ?? {}).sort(), ["name", "sku"]);
      assert.equal(error.param, null);
      return true;
    });
    await assert.rejects(client.items.create({ sku: "ok", name: "" }), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.equal(error.param, "name");
      return true;
    });
    const taken = sku();
    await client.items.create({ sku: taken, name: "First" });
    await assert.rejects(client.items.create({ sku: taken, name: "Second" }), (error: unknown) => {
      assert.ok(error instanceof ConflictError);
      assert.deepEqual([error.status, error.error, error.code], [409, "conflict", "duplicate_sku"]);
      return true;
    });
    // The problem+json form maps to the same class and code.
    await assert.rejects(
      client.items.get("itm_01JD0000000000000000000000", { headers: { Accept: "application/problem+json" } }),
      (error: unknown) => {
        assert.ok(error instanceof NotFoundError);
        assert.deepEqual([error.error, error.code, error.message], ["not_found", "not_found", "The requested resource does not exist."]);
        return true;
      },
    );
    assert.deepEqual(sleeps.delays, []);
    assert.deepEqual(
      g.seen.map((s) => s.status),
      [200, 404, 400, 400, 201, 409, 404],
    );
  });

  test("iterate walks every page with nextCursor", async () => {
    const g = await gateway();
    const client = ownerClient(g.url, await signUp(server.url));
    const created: Schemas["Item"][] = [];
    for (let n = 0; n < 5; n++) created.push(await client.items.create({ sku: sku(), name: `Item ${n}` }));
    const first = await client.items.list({ limit: 2 });
    assert.equal(first.data.length, 2);
    assert.equal(first.hasMore, true);
    assert.ok(first.nextCursor);
    const before = g.seen.length;
    const ids: string[] = [];
    for await (const item of client.items.iterate({ limit: 2 })) ids.push(item.id);
    assert.deepEqual(ids, created.map((item) => item.id));
    const pages = g.seen.slice(before);
    assert.deepEqual(pages.map((s) => s.path), ["/api/v1/items", "/api/v1/items", "/api/v1/items"]);
    assert.equal(new URLSearchParams(pages[0]?.query).get("cursor"), null);
    assert.equal(new URLSearchParams(pages[1]?.query).get("cursor"), first.nextCursor);
    assert.equal(new URLSearchParams(pages[2]?.query).get("limit"), "2");
    // An empty list is one page.
    const none: unknown[] = [];
    for await (const tag of client.tags.iterate()) none.push(tag);
    assert.deepEqual(none, []);
  });

  test("a POST retried after a lost response (503) creates exactly one resource", async () => {
    const g = await gateway();
    const sleeps = recordingSleep();
    const client = ownerClient(g.url, await signUp(server.url), { sleep: sleeps.sleep, retry: FIXED });
    const wanted = sku();
    g.lose("POST", "/api/v1/items");
    const item = await client.items.create({ sku: wanted, name: "Exactly once" });
    const again = await client.items.create({ sku: sku(), name: "Another request" });
    const matching = [];
    for await (const row of client.items.iterate({ q: wanted })) matching.push(row.id);
    const [first, retried, other] = g.seen.filter((s) => s.method === "POST" && s.path === "/api/v1/items");
    assert.ok(first && retried && other);
    assert.deepEqual([first.upstreamStatus, first.status, first.replayed], [201, 503, false]);
    assert.deepEqual([retried.upstreamStatus, retried.status, retried.replayed], [201, 201, true]);
    assert.ok(first.idempotencyKey);
    assert.equal(retried.idempotencyKey, first.idempotencyKey);
    assert.notEqual(other.idempotencyKey, first.idempotencyKey);
    assert.deepEqual(sleeps.delays, [2000]); // max(backoff 2 s, Retry-After 1 s)
    assert.deepEqual(matching, [item.id]);
    assert.notEqual(again.id, item.id);
  });

  test("500/503 back off exponentially, at most 3 retries; maxRetries and idempotencyKey per call", async () => {
    const g = await gateway();
    const sleeps = recordingSleep();
    const client = ownerClient(g.url, await signUp(server.url), { sleep: sleeps.sleep, retry: FIXED });
    await client.me();
    g.seen.length = 0;
    g.lose("GET", "/api/v1/items", 2);
    assert.deepEqual((await client.items.list()).data, []);
    assert.deepEqual(sleeps.delays, [2000, 4000]);
    g.lose("GET", "/api/v1/items", 10);
    await assert.rejects(client.items.list(), (error: unknown) => {
      assert.ok(error instanceof ServiceUnavailableError);
      assert.deepEqual([error.status, error.error, error.code], [503, "service_unavailable", "service_unavailable"]);
      assert.equal(error.retryAfter, 1);
      return true;
    });
    assert.deepEqual(sleeps.delays, [2000, 4000, 2000, 4000, 8000]);
    assert.deepEqual(g.seen.map((s) => s.status), [503, 503, 200, 503, 503, 503, 503]);

    g.lose("GET", "/api/v1/items", 1);
    await assert.rejects(client.items.list({}, { maxRetries: 0 }), ServiceUnavailableError);
    assert.equal(sleeps.delays.length, 5);
    g.lose("GET", "/api/v1/items", 0);

    const key = `my-key-${unique("k")}`;
    const wanted = sku();
    const one = await client.items.create({ sku: wanted, name: "Keyed" }, { idempotencyKey: key });
    const two = await client.items.create({ sku: wanted, name: "Keyed" }, { idempotencyKey: key });
    assert.deepEqual(two, one);
    const keyed = g.seen.filter((s) => s.method === "POST" && s.path === "/api/v1/items");
    assert.deepEqual(keyed.map((s) => [s.idempotencyKey, s.status, s.replayed]), [
      [key, 201, false],
      [key, 201, true],
    ]);
  });

  test("a per-call timeout gives StockyardTimeoutError", async () => {
    const g = await gateway();
    const client = ownerClient(g.url, await signUp(server.url));
    await client.me();
    g.hold("GET", "/api/v1/warehouses", 1500);
    await assert.rejects(client.warehouses.list({}, { timeout: 200 }), StockyardTimeoutError);
    assert.deepEqual((await client.warehouses.list({}, { timeout: 5000 })).data, []);
  });

  test("stock flows: warehouse, location, movements, a business-rule error, stock and a report", async () => {
    const client = ownerClient(server.url, await signUp(server.url));
    const warehouse = await client.warehouses.create({ shortId: "MAIN", name: "Main" });
    const location = await client.locations.create(warehouse.id, { code: "A-01" });
    assert.equal(location.warehouseId, warehouse.id);
    const item = await client.items.create({ sku: sku(), name: "Bolt" });
    const received = await client.movements.create({ type: "receive", itemId: item.id, locationId: location.id, units: 10 });
    assert.equal(received.units, 10);
    await assert.rejects(
      client.movements.create({ type: "issue", itemId: item.id, locationId: location.id, units: 25 }),
      (error: unknown) => {
        assert.ok(error instanceof UnprocessableEntityError);
        assert.deepEqual([error.status, error.error, error.code, error.param], [422, "unprocessable_entity", "insufficient_stock", "units"]);
        return true;
      },
    );
    const stock = await client.items.stock(item.id);
    assert.deepEqual([stock.onHand, stock.reserved, stock.available], [10, 0, 10]);
    const locations = [];
    for await (const row of client.locations.iterateInWarehouse(warehouse.id)) locations.push(row.code);
    assert.deepEqual(locations, ["A-01"]);
    const csv = new TextDecoder().decode(await client.reports.download("stock-on-hand", { format: "csv" }));
    assert.match(csv.split("\n")[0] ?? "", /sku/i);
    assert.ok(csv.includes(item.sku));
  });

  test("bulk imports, as CSV and as JSON rows, run as jobs", async () => {
    const client = ownerClient(server.url, await signUp(server.url));
    const [a, b, c] = [sku(), sku(), sku()];
    const fromCsv = await client.items.bulkImport(`sku,name\n${a},Alpha\n${b},Beta\n`);
    assert.deepEqual([fromCsv.kind, fromCsv.mode, fromCsv.dryRun, fromCsv.total], ["items.import", "create", false, 2]);
    const fromJson = await client.items.bulkImport([{ sku: c, name: "Gamma" }, { sku: a, name: "Again" }], { mode: "create" });
    const [csvJob, jsonJob] = [await client.jobs.wait(fromCsv.id, { pollInterval: 100 }), await client.jobs.wait(fromJson.id, { pollInterval: 100 })];
    assert.deepEqual([csvJob.status, csvJob.succeeded, csvJob.failed], ["succeeded", 2, 0]);
    assert.deepEqual([jsonJob.status, jsonJob.succeeded, jsonJob.failed], ["partially_failed", 1, 1]);
    const skus = [];
    for await (const item of client.items.iterate({ limit: 1 })) skus.push(item.sku);
    assert.deepEqual(skus, [a, b, c]);
    const jobs = [];
    for await (const job of client.jobs.iterate()) jobs.push(job.id);
    assert.deepEqual(jobs.sort(), [fromCsv.id, fromJson.id].sort());
  });

  test("the change feed is walked with its `after` cursor", async () => {
    const client = ownerClient(server.url, await signUp(server.url));
    const created: string[] = [];
    for (let n = 0; n < 3; n++) created.push((await client.items.create({ sku: sku(), name: `Feed ${n}` })).id);
    // Events reach the feed once the server's relay has numbered them: read until all three are there.
    let events: Schemas["Event"][] = [];
    for (let tries = 0; tries < 100; tries++) {
      events = [];
      for await (const event of client.events.iterate({ types: "item.created", limit: 2 })) events.push(event);
      if (events.length >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(events.map((e) => e.type), ["item.created", "item.created", "item.created"]);
    assert.deepEqual(events.map((e) => (e.data as { itemId?: string }).itemId), created);
    const first = await client.events.list({ types: "item.created", limit: 2 });
    assert.equal(first.hasMore, true);
    const rest = await client.events.list({ types: "item.created", limit: 2, after: first.nextCursor });
    assert.deepEqual([...first.data, ...rest.data].map((e) => e.id), events.map((e) => e.id));
    assert.equal(rest.hasMore, false);
    assert.deepEqual(await client.events.get(events[0]?.id ?? ""), events[0]);
  });

  test("a webhook delivery verifies with verifyWebhook", async () => {
    const client = ownerClient(server.url, await signUp(server.url));
    const received: { body: Buffer; headers: IncomingHttpHeaders }[] = [];
    let arrived: () => void = () => undefined;
    const delivered = new Promise<void>((resolve) => (arrived = resolve));
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        received.push({ body: Buffer.concat(chunks), headers: request.headers });
        response.writeHead(204).end();
        arrived();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    try {
      const address = receiver.address();
      assert.ok(typeof address === "object" && address);
      const endpoint = await client.webhookEndpoints.create({
        url: `http://127.0.0.1:${address.port}/hook`,
        eventTypes: ["item.created"],
      });
      assert.match(endpoint.secret, /^whsec_/);
      const sent = await client.webhookEndpoints.test(endpoint.id);
      const timeout = setTimeout(() => arrived(), 20_000);
      await delivered;
      clearTimeout(timeout);
      const [delivery] = received;
      assert.ok(delivery, "no delivery within 20 s");
      const event = verifyWebhook(delivery.body, delivery.headers, endpoint.secret);
      assert.deepEqual([event.id, event.type], [sent.eventId, "webhook.test"]);
      assert.deepEqual(event.data, { endpointId: endpoint.id });
      assert.throws(() => verifyWebhook(delivery.body, delivery.headers, "whsec_" + Buffer.from("another secret").toString("base64")), {
        name: "WebhookVerificationError",
        message: "no signature matches",
      });
    } finally {
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
