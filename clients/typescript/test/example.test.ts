/**
 * The full example (examples/inventory.ts) run end to end against a live server, as a user runs
 * it (`node dist/examples/inventory.js` with the STOCKYARD_* settings), and the copy of it in
 * docs/clients.md held to be the same file.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { StockyardClient } from "../src/index.js";
import { PACKAGE_DIR, REPO_DIR } from "./support/paths.js";
import { startServer, type LiveServer } from "./support/server.js";
import { signUp, type Tenant } from "./support/tenant.js";

const EXAMPLE_SOURCE = join(PACKAGE_DIR, "examples/inventory.ts");
const EXAMPLE_BUILT = join(PACKAGE_DIR, "dist/examples/inventory.js");
const DOCS = join(REPO_DIR, "docs/clients.md");
const MARKER = "<!-- clients/typescript/examples/inventory.ts -->";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runExample(env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [EXAMPLE_BUILT],
      { cwd: PACKAGE_DIR, env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin", ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : null;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The body of the ```ts block right after `marker` (null when the marker or the block is missing). */
export function blockAfter(markdown: string, marker: string): string | null {
  const lines = markdown.split("\n");
  const at = lines.findIndex((line) => line.trim() === marker);
  if (at < 0 || lines[at + 1] !== "```ts") return null;
  const end = lines.indexOf("```", at + 2);
  if (end < 0) return null;
  return lines.slice(at + 2, end).join("\n") + "\n";
}

describe("the full example", () => {
  let server: LiveServer;
  let tenant: Tenant;

  before(async () => {
    server = await startServer();
    tenant = await signUp(server.url);
  });

  after(async () => {
    await server?.stop();
  });

  test("runs against a live server and prints its summary", async (t) => {
    const env = {
      STOCKYARD_URL: server.url,
      STOCKYARD_WORKSPACE: tenant.slug,
      STOCKYARD_EMAIL: tenant.email,
      STOCKYARD_PASSWORD: tenant.password,
    };
    const run = await runExample(env);
    assert.equal(run.code, 0, `exit ${run.code}\n${run.stdout}\n${run.stderr}\n${server.log()}`);
    assert.equal(run.stderr, "");
    const lines = run.stdout.trimEnd().split("\n");
    assert.equal(lines.length, 12, run.stdout);
    assert.match(lines[0]!, new RegExp(`^Signed in as ${tenant.email.replace(/\./g, "\\.")} \\(owner, \\d+ permissions\\)$`));
    assert.match(lines[1]!, /^Created warehouse T[0-9A-F]{6} with locations A-01 and DOCK, and 3 items$/);
    assert.match(lines[2]!, /^Received 10 of TOUR-[0-9a-f]{8}-0 \(balance 10\), once$/);
    assert.match(lines[3]!, /^Transferred 4 to DOCK \(\S+\)$/);
    assert.match(
      lines[4]!,
      /^Could not issue 50: insufficient_stock: Insufficient stock of TOUR-[0-9a-f]{8}-0 at DOCK: 4 units available, 50 requested\. \(request req_\w+\)$/,
    );
    assert.equal(lines[5], "Duplicate SKU refused: duplicate_sku");
    assert.equal(lines[6], "Invalid item: sku");
    assert.equal(lines[7], "3 items over pages of 2 (the first has 2, more: true)");
    assert.deepEqual(lines.slice(8, 10).sort(), ["  A-01: onHand=6 available=6", "  DOCK: onHand=4 available=4"]);
    const saved = /^Saved the stock-on-hand report to (\S+) \((\d+) bytes\)$/.exec(lines[10]!);
    assert.ok(saved, lines[10]);
    assert.ok(existsSync(saved[1]!));
    const report = readFileSync(saved[1]!, "utf8");
    assert.equal(Buffer.byteLength(report), Number(saved[2]));
    rmSync(join(saved[1]!, ".."), { recursive: true, force: true });
    const summary = /^Summary: item (TOUR-[0-9a-f]{8}-0) \((\S+)\) has 10 on hand, 10 available$/.exec(lines[11]!);
    assert.ok(summary, lines[11]);
    assert.match(report, new RegExp(summary[1]!));

    // What it created is there, as it says.
    const client = new StockyardClient({ baseUrl: server.url, workspace: tenant.slug, email: tenant.email, password: tenant.password });
    const item = await client.items.get(summary[2]!);
    assert.equal(item.sku, summary[1]);
    assert.equal(item.name, "Widget 0");
    const stock = await client.items.stock(item.id);
    assert.deepEqual([stock.onHand, stock.available], [10, 10]);
    const run2 = summary[1]!.slice("TOUR-".length, -"-0".length);
    const all = [];
    for await (const row of client.items.iterate({ q: `TOUR-${run2}`, sort: "sku" })) all.push(row.sku);
    assert.deepEqual(all, [0, 1, 2].map((n) => `TOUR-${run2}-${n}`));
    // One receipt only: the idempotent retry was not recorded twice.
    const receipts = await client.movements.list({ itemId: item.id, type: "receive" });
    assert.equal(receipts.data.length, 1);
    t.diagnostic(`example output:\n${run.stdout}`);
  });

  test("refuses to start without its settings", async () => {
    const run = await runExample({ STOCKYARD_URL: server.url });
    assert.equal(run.code, 2);
    assert.equal(run.stdout, "");
    assert.equal(run.stderr, "Set STOCKYARD_WORKSPACE (see the comment at the top of this file)\n");
  });

  test("reports an API error with its code and request id, and exits 1", async () => {
    const run = await runExample({
      STOCKYARD_URL: server.url,
      STOCKYARD_WORKSPACE: tenant.slug,
      STOCKYARD_EMAIL: tenant.email,
      STOCKYARD_PASSWORD: "not the password",
    });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /^Stockyard error 401 invalid_credentials: .+ \(request req_\w+\)\n$/);
  });
});

describe("docs/clients.md", () => {
  test("shows the example exactly as examples/inventory.ts is", () => {
    const shown = blockAfter(readFileSync(DOCS, "utf8"), MARKER);
    assert.notEqual(shown, null, `docs/clients.md has no \`\`\`ts block right after ${MARKER}`);
    assert.equal(shown, readFileSync(EXAMPLE_SOURCE, "utf8"), "docs/clients.md differs from examples/inventory.ts: copy the file in");
  });

  test("the check finds the block after the marker and nothing else", () => {
    const doc = ["# T", "```ts", "other();", "```", MARKER, "```ts", "a();", "", "b();", "```", "```ts", "c();", "```"].join("\n");
    assert.equal(blockAfter(doc, MARKER), "a();\n\nb();\n");
    assert.equal(blockAfter(doc.replace(MARKER, "<!-- elsewhere -->"), MARKER), null);
    assert.equal(blockAfter([MARKER, "```python", "a()", "```"].join("\n"), MARKER), null);
    assert.equal(blockAfter([MARKER, "```ts", "a();"].join("\n"), MARKER), null);
  });
});

