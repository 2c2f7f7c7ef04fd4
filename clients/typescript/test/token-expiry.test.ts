/**
 * An expired access token is refreshed once, then the request retried: against a real server
 * whose access tokens live 2 seconds (STOCKYARD_ACCESS_TOKEN_TTL_SECONDS), through a gateway that
 * records every request.
 */
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, test } from "node:test";

import { StockyardClient, UnauthorizedError } from "../src/index.js";
import { startGateway, type Gateway } from "./support/gateway.js";
import { startServer, type LiveServer } from "./support/server.js";
import { ownerClient, signUp } from "./support/tenant.js";

const TTL_SECONDS = 2;
let server: LiveServer;
const gateways: Gateway[] = [];

/** A gateway of the test's own, so that the tests can run side by side. */
async function newGateway(): Promise<Gateway> {
  const started = await startGateway(server.url);
  gateways.push(started);
  return started;
}

before(async () => {
  server = await startServer({ env: { STOCKYARD_ACCESS_TOKEN_TTL_SECONDS: String(TTL_SECONDS) } });
});

after(async () => {
  await Promise.all(gateways.map((g) => g.stop()));
  await server?.stop();
});

/** Until the access token signed at `signedAt` (ms) has expired. */
async function outlive(signedAt: number): Promise<void> {
  await sleep(Math.max(0, signedAt + TTL_SECONDS * 1000 + 1200 - Date.now()));
}

describe("expired access tokens", { concurrency: true }, () => {
test("an expired token is refreshed once, then the request retried", async () => {
  const gateway = await newGateway();
  const tenant = await signUp(server.url);
  const issued: string[] = [];
  const client = ownerClient(gateway.url, tenant, { onTokens: (pair) => issued.push(pair.accessToken) });
  assert.deepEqual((await client.items.list()).data, []);
  const signedAt = Date.now();
  const first = client.transport.accessToken;
  const firstRefresh = client.transport.refreshToken;
  gateway.seen.length = 0;
  await outlive(signedAt);

  assert.deepEqual((await client.items.list()).data, []);
  assert.deepEqual(
    gateway.seen.map((s) => [s.method, s.path, s.status]),
    [
      ["GET", "/api/v1/items", 401],
      ["POST", "/api/v1/auth/refresh", 200],
      ["GET", "/api/v1/items", 200],
    ],
  );
  assert.equal(gateway.seen[0]?.authorization, `Bearer ${first}`);
  assert.equal(gateway.seen[2]?.authorization, `Bearer ${client.transport.accessToken}`);
  assert.notEqual(client.transport.accessToken, first);
  assert.notEqual(client.transport.refreshToken, firstRefresh);
  assert.deepEqual(issued, [first, client.transport.accessToken]);

  // The new token works as it is: no second refresh.
  assert.deepEqual((await client.items.list()).data, []);
  assert.equal(gateway.seen.filter((s) => s.path === "/api/v1/auth/refresh").length, 1);
});

test("concurrent calls with an expired token refresh only once", async () => {
  // Two refreshes would present the same refresh token twice: refresh_token_reused, family revoked.
  const gateway = await newGateway();
  const tenant = await signUp(server.url);
  const client = ownerClient(gateway.url, tenant);
  await client.me();
  const signedAt = Date.now();
  await outlive(signedAt);
  const before = gateway.seen.length;
  const pages = await Promise.all(Array.from({ length: 5 }, () => client.items.list()));
  assert.deepEqual(pages.map((page) => page.data), [[], [], [], [], []]);
  const seen = gateway.seen.slice(before);
  assert.deepEqual(seen.filter((s) => s.path === "/api/v1/auth/refresh").map((s) => s.status), [200]);
  const statuses = seen.filter((s) => s.path === "/api/v1/items").map((s) => s.status);
  assert.equal(statuses.filter((s) => s === 200).length, 5);
  assert.equal(statuses.filter((s) => s === 401).length, 5);
});

test("an expired token without a refresh token is thrown, not retried", async () => {
  const gateway = await newGateway();
  const tenant = await signUp(server.url);
  const signer = new StockyardClient({ baseUrl: server.url });
  const pair = await signer.auth.signIn({ workspace: tenant.slug, email: tenant.email, password: tenant.password });
  const signedAt = Date.now();
  const client = new StockyardClient({ baseUrl: gateway.url, accessToken: pair.accessToken });
  await outlive(signedAt);
  const before = gateway.seen.length;
  await assert.rejects(client.items.list(), (error: unknown) => {
    assert.ok(error instanceof UnauthorizedError);
    assert.deepEqual([error.status, error.error, error.code], [401, "unauthorized", "token_expired"]);
    assert.equal(error.message, "The access token has expired.");
    return true;
  });
  assert.deepEqual(gateway.seen.slice(before).map((s) => [s.path, s.status]), [["/api/v1/items", 401]]);
});
});
