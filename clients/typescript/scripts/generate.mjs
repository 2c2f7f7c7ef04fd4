#!/usr/bin/env node
// Regenerates src/schema.d.ts (the API's types) from the server's OpenAPI document.
//
//   npm run generate                      # runs ../../.venv/bin/stockyard openapi
//   npm run generate -- path/openapi.json # reads a saved document instead
//   npm run generate -- --out other.d.ts  # writes elsewhere (the staleness test does)
//
// The stockyard executable can also be named with STOCKYARD_BIN.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, "..");

export const DEFAULT_STOCKYARD = resolve(packageDir, "../../.venv/bin/stockyard");
export const HEADER =
  "// Generated from the Stockyard OpenAPI document by `npm run generate` (openapi-typescript).\n" +
  "// Do not edit by hand: change the server, then run `npm run generate`.\n\n";

/** The OpenAPI document as text: from `path` if given, else from `stockyard openapi`. */
export function readDocument(path) {
  if (path) return readFileSync(path, "utf8");
  const bin = process.env.STOCKYARD_BIN || DEFAULT_STOCKYARD;
  return execFileSync(bin, ["openapi"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** The text of schema.d.ts for an OpenAPI document (JSON text). */
export async function render(documentText) {
  const document = JSON.parse(documentText);
  const ast = await openapiTS(document, { alphabetize: false, exportType: false, defaultNonNullable: false });
  return HEADER + astToString(ast);
}

function parseArgs(argv) {
  let input;
  let out = resolve(packageDir, "src/schema.d.ts");
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") {
      out = resolve(argv[++i] ?? "");
    } else if (argv[i] === "--help" || argv[i] === "-h") {
      process.stdout.write("usage: node scripts/generate.mjs [openapi.json] [--out file.d.ts]\n");
      process.exit(0);
    } else {
      input = resolve(argv[i]);
    }
  }
  return { input, out };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { input, out } = parseArgs(process.argv.slice(2));
  const text = await render(readDocument(input));
  writeFileSync(out, text);
  process.stdout.write(`wrote ${out}\n`);
}
