/**
 * Every operation of the server's OpenAPI document has a client method: OPERATIONS
 * (src/operations.ts, generated) names it, with the operation's method and path, and calling it
 * sends exactly that request, whether the method is generated (src/resources.gen.ts) or written
 * by hand (src/resources.ts, src/client.ts).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { before, test } from "node:test";

import { OPERATIONS, StockyardClient, type OperationSpec } from "../src/index.js";
import { requireStockyard } from "./support/paths.js";

interface Operation {
  operationId: string;
  method: string;
  path: string;
  public: boolean;
  hasBody: boolean;
  hasQuery: boolean;
}

let documented: Operation[] = [];

before(() => {
  const document = JSON.parse(execFileSync(requireStockyard(), ["openapi"], { encoding: "utf8", maxBuffer: 64 << 20 })) as {
    paths: Record<string, Record<string, { operationId?: string; security?: unknown[]; requestBody?: unknown; parameters?: { in: string }[] }>>;
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!["get", "put", "post", "patch", "delete"].includes(method)) continue;
      assert.ok(operation.operationId, `${method} ${path} has no operationId`);
      documented.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        public: !operation.security || operation.security.length === 0,
        hasBody: operation.requestBody !== undefined,
        hasQuery: (operation.parameters ?? []).some((p) => p.in === "query"),
      });
    }
  }
});

const table: Record<string, OperationSpec> = OPERATIONS;

function methodAt(client: StockyardClient, dotted: string): ((...args: unknown[]) => unknown) | undefined {
  let owner: unknown = undefined;
  let value: unknown = client;
  for (const part of dotted.split(".")) {
    owner = value;
    value = (value as Record<string, unknown> | undefined)?.[part];
  }
  return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(owner) : undefined;
}

test("the document has operations", () => {
  assert.ok(documented.length >= 80, `${documented.length} operations`);
});

test("every operation of the document is in OPERATIONS, with its method, path and access", () => {
  const missing = documented.filter((op) => !(op.operationId in table)).map((op) => op.operationId);
  assert.deepEqual(missing, [], "operations the client does not implement");
  const extra = Object.keys(table).filter((id) => !documented.some((op) => op.operationId === id));
  assert.deepEqual(extra, [], "operations the document no longer has");
  for (const op of documented) {
    const spec = table[op.operationId];
    assert.deepEqual(
      [spec?.method, spec?.path, spec?.public === true],
      [op.method, op.path, op.public],
      op.operationId,
    );
  }
});

test("every operation's client method exists and sends that operation's request", async () => {
  const sent: { method: string; path: string; authorization: string | null; contentType: string | null }[] = [];
  const fakeFetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    sent.push({ method: init?.method ?? "GET", path: url.pathname, authorization: headers.get("authorization"), contentType: headers.get("content-type") });
    const body = { data: [], nextCursor: null, hasMore: false, accessToken: "access", refreshToken: "refresh", expiresIn: 900 };
    return init?.method === "DELETE" ? new Response(null, { status: 204 }) : Response.json(body);
  };
  const unimplemented: string[] = [];
  for (const op of documented) {
    const client = new StockyardClient({ baseUrl: "http://stockyard.invalid", accessToken: "access", refreshToken: "refresh", fetch: fakeFetch });
    const spec = table[op.operationId];
    const method = spec ? methodAt(client, spec.client) : undefined;
    if (!spec || !method) {
      unimplemented.push(op.operationId);
      continue;
    }
    const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
    const args: unknown[] = names.map((name) => `${name}-value`);
    if (op.hasBody) args.push({ workspace: "w", email: "e", password: "p" });
    if (op.hasQuery) args.push({});
    sent.length = 0;
    await method(...args);
    const expectedPath = op.path.replace(/\{(\w+)\}/g, (_, name: string) => `${name}-value`);
    assert.deepEqual(
      sent.map((s) => [s.method, s.path]),
      [[op.method, expectedPath]],
      `${op.operationId} (client.${spec.client})`,
    );
    assert.equal(sent[0]?.authorization !== null, !op.public, `${op.operationId}: credential sent only on non-public routes`);
    assert.equal(sent[0]?.contentType === "application/json", op.hasBody, `${op.operationId}: a JSON body`);
  }
  assert.deepEqual(unimplemented, [], "operations without a client method");
});
