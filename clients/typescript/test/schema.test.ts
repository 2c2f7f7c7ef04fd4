/** The committed src/schema.d.ts is what `npm run generate` makes of the server's OpenAPI document now. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

import { PACKAGE_DIR, STOCKYARD_BIN, stockyardFound } from "./support/paths.js";

test(
  "src/schema.d.ts is up to date with the server's OpenAPI document",
  { skip: stockyardFound() ? false : `the stockyard executable was not found at ${STOCKYARD_BIN}: cannot regenerate the schema` },
  () => {
    const dir = mkdtempSync(join(tmpdir(), "stockyard-schema-"));
    try {
      const out = join(dir, "schema.d.ts");
      const result = spawnSync(process.execPath, [join(PACKAGE_DIR, "scripts/generate.mjs"), "--out", out], {
        encoding: "utf8",
        env: { ...process.env, STOCKYARD_BIN },
      });
      assert.equal(result.status, 0, result.stderr);
      const committed = readFileSync(join(PACKAGE_DIR, "src/schema.d.ts"), "utf8");
      const regenerated = readFileSync(out, "utf8");
      assert.ok(regenerated.includes("export interface operations"));
      assert.equal(committed === regenerated, true, "src/schema.d.ts is stale: run `npm run generate` in clients/typescript and commit it");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

test(
  "src/operations.ts, src/resources.gen.ts and src/wiring.gen.ts are up to date with the document and src/resources.ts",
  { skip: stockyardFound() ? false : `the stockyard executable was not found at ${STOCKYARD_BIN}: cannot regenerate` },
  () => {
    const result = spawnSync(process.execPath, [join(PACKAGE_DIR, "scripts/generate.mjs"), "--check"], {
      encoding: "utf8",
      env: { ...process.env, STOCKYARD_BIN },
    });
    assert.equal(result.stderr, "");
    assert.equal(result.status, 0);
  },
);
