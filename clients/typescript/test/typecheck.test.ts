/**
 * The generated types reach the caller: `tsc --noEmit` accepts a correct use of the client and
 * refuses one with a misspelt body field, naming it.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { PACKAGE_DIR } from "./support/paths.js";

let dir: string;

before(() => {
  // Inside the package, so that `@stockyard/client` resolves to it (package self-reference).
  dir = mkdtempSync(join(PACKAGE_DIR, ".typecheck-"));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, types: ["node"] },
      include: ["*.ts"],
    }),
  );
});

after(() => rmSync(dir, { recursive: true, force: true }));

function tsc(source: string): { status: number | null; output: string } {
  writeFileSync(join(dir, "snippet.ts"), source);
  const result = spawnSync(process.execPath, [join(PACKAGE_DIR, "node_modules/typescript/bin/tsc"), "-p", join(dir, "tsconfig.json")], {
    encoding: "utf8",
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

const HEADER = `import { StockyardClient, NotFoundError } from "@stockyard/client";
const client = new StockyardClient({ baseUrl: "http://127.0.0.1:8000", apiKey: "sk_test" });
`;

test("a correct use of the client type-checks", () => {
  const result = tsc(
    HEADER +
      `export async function main(): Promise<string> {
  const item = await client.items.create({ sku: "A-1", name: "Widget", reorderPoint: 5 });
  const page = await client.items.list({ limit: 10, archived: false });
  for await (const row of client.items.iterate({ q: "wid" })) console.log(row.sku.toUpperCase());
  try { await client.items.get(item.id); } catch (error) { if (error instanceof NotFoundError) return error.code; }
  return page.data[0]?.name ?? item.name;
}
`,
  );
  assert.equal(result.status, 0, result.output);
});

test("a misspelt body field fails tsc, which names it (and so do a misspelt query parameter and response field)", () => {
  const result = tsc(
    HEADER +
      `export async function main(): Promise<void> {
  await client.items.create({ sku: "A-1", nmae: "Widget" });
  await client.movements.list({ itemID: "itm_1" });
  const item = await client.items.get("itm_1");
  console.log(item.skew);
}
`,
  );
  assert.notEqual(result.status, 0);
  assert.match(result.output, /snippet\.ts\(4,\d+\): error TS2353: Object literal may only specify known properties, and 'nmae' does not exist/);
  assert.match(result.output, /snippet\.ts\(5,\d+\): error TS2561: .*'itemID' does not exist/);
  assert.match(result.output, /snippet\.ts\(7,\d+\): error TS2339: Property 'skew' does not exist/);
  assert.equal(result.output.match(/error TS/g)?.length, 3, result.output);
});
