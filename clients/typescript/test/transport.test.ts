/** The transport's own behaviour, on a scripted `fetch` (no server): requests as sent, sign-in, aborts, failures. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import {
  StockyardClient,
  StockyardConnectionError,
  USER_AGENT,
  UnauthorizedError,
  VERSION,
  fillPath,
  queryString,
} from "../src/index.js";
import { PACKAGE_DIR } from "./support/paths.js";

interface Sent {
  method: string;
  url: URL;
  headers: Headers;
  body: string | null;
}

/** A fetch that records requests and answers with `answer(sent)` (JSON bodies). */
function scripted(answer: (sent: Sent) => Response | Promise<Response>): { sent: Sent[]; fetch: typeof fetch } {
  const sent: Sent[] = [];
  return {
    sent,
    fetch: async (input, init) => {
      const request: Sent = {
        method: init?.method ?? "GET",
        url: new URL(String(input)),
        headers: new Headers(init?.headers),
        body: typeof init?.body === "string" ? init.body : null,
      };
      sent.push(request);
      return answer(request);
    },
  };
}

const page = { data: [], nextCursor: null, hasMore: false };

test("query parameters: undefined and null left out, booleans, dates and lists as text", () => {
  assert.equal(queryString(undefined), "");
  assert.equal(queryString({ a: undefined, b: null }), "");
  assert.equal(
    queryString({ archived: false, limit: 5, since: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), ids: ["itm_1", "itm_2"], q: "a b&c" }),
    "?archived=false&limit=5&since=2026-01-02T03%3A04%3A05.000Z&ids=itm_1%2Citm_2&q=a+b%26c",
  );
});

test("path parameters are URL-encoded and required", () => {
  assert.equal(fillPath("/api/v1/items/{itemId}/stock", { itemId: "a/b c" }), "/api/v1/items/a%2Fb%20c/stock");
  assert.throws(() => fillPath("/api/v1/items/{itemId}", {}), { name: "TypeError", message: "missing path parameter itemId for /api/v1/items/{itemId}" });
});

test("a request carries the credential, Accept, User-Agent, client headers, then the call's", async () => {
  const { sent, fetch } = scripted(() => Response.json(page));
  const client = new StockyardClient({ baseUrl: "http://api.test/", apiKey: "sk_1", fetch, headers: { "X-Team": "ops" } });
  await client.items.list({ limit: 2, archived: true }, { headers: { "X-Trace": "t1" } });
  const [request] = sent;
  assert.ok(request);
  assert.equal(request.url.href, "http://api.test/api/v1/items?limit=2&archived=true");
  assert.deepEqual(
    ["authorization", "accept", "user-agent", "x-team", "x-trace", "idempotency-key", "content-type"].map((h) => request.headers.get(h)),
    ["Bearer sk_1", "application/json", USER_AGENT, "ops", "t1", null, null],
  );
  await client.items.update("itm_1", { name: "n" }, { ifMatch: '"v2"' });
  assert.deepEqual([sent[1]?.method, sent[1]?.headers.get("if-match"), sent[1]?.body], ["PATCH", '"v2"', '{"name":"n"}']);
});

test("credentials sign in once, even for concurrent first calls", async () => {
  const { sent, fetch } = scripted((request) => {
    if (request.url.pathname === "/api/v1/auth/token") {
      return Response.json({ accessToken: "at1", refreshToken: "rt1", tokenType: "Bearer", expiresIn: 900 });
    }
    return Response.json(page);
  });
  const client = new StockyardClient({ baseUrl: "http://api.test", workspace: "acme", email: "a@acme.test", password: "pw", fetch });
  await Promise.all([client.items.list(), client.tags.list(), client.roles.list()]);
  assert.deepEqual(sent.map((s) => s.url.pathname), ["/api/v1/auth/token", "/api/v1/items", "/api/v1/tags", "/api/v1/roles"]);
  assert.equal(sent[0]?.headers.get("authorization"), null);
  assert.deepEqual(JSON.parse(sent[0]?.body ?? "null"), { workspace: "acme", email: "a@acme.test", password: "pw" });
  assert.deepEqual(sent.slice(1).map((s) => s.headers.get("authorization")), ["Bearer at1", "Bearer at1", "Bearer at1"]);
});

test("an API key is not refreshed on 401, and cannot be mixed with credentials", async () => {
  const { sent, fetch } = scripted(() =>
    Response.json({ statusCode: 401, error: "unauthorized", code: "token_expired", message: "The access token has expired.", requestId: "req_1" }, { status: 401 }),
  );
  const client = new StockyardClient({ baseUrl: "http://api.test", apiKey: "sk_1", fetch });
  await assert.rejects(client.me(), UnauthorizedError);
  assert.equal(sent.length, 1);
  assert.throws(() => new StockyardClient({ baseUrl: "http://api.test", apiKey: "sk_1", accessToken: "at" }), TypeError);
});

test("a network failure is a StockyardConnectionError and is not retried", async () => {
  let calls = 0;
  const client = new StockyardClient({
    baseUrl: "http://api.test",
    apiKey: "sk_1",
    fetch: async () => {
      calls += 1;
      throw new TypeError("fetch failed");
    },
  });
  await assert.rejects(client.items.list(), (error: unknown) => {
    assert.ok(error instanceof StockyardConnectionError);
    assert.equal(error.message, "GET http://api.test/api/v1/items: fetch failed");
    return true;
  });
  assert.equal(calls, 1);
});

test("an abort stops the call, also while it waits to retry", async () => {
  const { sent, fetch } = scripted(() =>
    Response.json({ statusCode: 503, error: "service_unavailable", code: "maintenance", message: "m", requestId: "r" }, { status: 503, headers: { "Retry-After": "30" } }),
  );
  const client = new StockyardClient({ baseUrl: "http://api.test", apiKey: "sk_1", fetch });
  const controller = new AbortController();
  const call = client.items.create({ sku: "A", name: "B" }, { signal: controller.signal });
  setTimeout(() => controller.abort(new Error("changed my mind")), 50);
  await assert.rejects(call, { message: "changed my mind" });
  assert.equal(sent.length, 1);
  await assert.rejects(client.items.list({}, { signal: AbortSignal.abort() }), { name: "AbortError" });
  assert.equal(sent.length, 1);
});

test("events are paged with `after`; other lists with `cursor`", async () => {
  const { sent, fetch } = scripted((request) => {
    const after = request.url.searchParams.get("after") ?? request.url.searchParams.get("cursor");
    if (after === null) return Response.json({ data: [{ id: "e1" }, { id: "e2" }], nextCursor: "c2", hasMore: true });
    return Response.json({ data: [{ id: "e3" }], nextCursor: "c3", hasMore: false });
  });
  const client = new StockyardClient({ baseUrl: "http://api.test", apiKey: "sk_1", fetch });
  const events: string[] = [];
  for await (const event of client.events.iterate({ limit: 2 })) events.push(event.id);
  assert.deepEqual(events, ["e1", "e2", "e3"]);
  assert.deepEqual(sent.map((s) => s.url.search), ["?limit=2", "?limit=2&after=c2"]);
  const items: string[] = [];
  for await (const item of client.items.iterate()) items.push(item.id);
  assert.deepEqual(sent.slice(2).map((s) => s.url.search), ["", "?cursor=c2"]);
  assert.deepEqual(items, ["e1", "e2", "e3"]);
});

test("the User-Agent names the package's version", () => {
  const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")) as { version: string };
  assert.equal(VERSION, manifest.version);
  assert.equal(USER_AGENT, `stockyard-typescript/${manifest.version}`);
});
