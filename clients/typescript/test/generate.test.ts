/**
 * The generator derives every resource and method from the OpenAPI document (scripts/generate.mjs):
 * a resource the client has never seen needs no file written by hand, and two operations that
 * would share a method are refused.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { before, test } from "node:test";
import { pathToFileURL } from "node:url";

import { PACKAGE_DIR, requireStockyard } from "./support/paths.js";

interface Generator {
  renderAll(documentText: string): Promise<Record<string, string>>;
  clientMethods(document: unknown): Map<string, [string, string]>;
}

type Operation = Record<string, unknown>;
interface Document {
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation>>;
}

let generator: Generator;
let documentText = "";

before(async () => {
  generator = (await import(pathToFileURL(join(PACKAGE_DIR, "scripts/generate.mjs")).href)) as Generator;
  documentText = execFileSync(requireStockyard(), ["openapi"], { encoding: "utf8", maxBuffer: 64 << 20 });
});

/** The document with a resource the client has never seen: `suppliers`, its group and routes. */
function withSuppliers(): Document {
  const document = JSON.parse(documentText) as Document;
  document.tags.push({ name: "suppliers", description: "Who items are bought from." });
  const many = document.paths["/api/v1/tags"] ?? {};
  const one = document.paths["/api/v1/tags/{tagId}"] ?? {};
  const as = (op: Operation | undefined, operationId: string): Operation => ({ ...op, operationId, tags: ["suppliers"] });
  document.paths["/api/v1/suppliers"] = { post: as(many["post"], "createSupplier"), get: as(many["get"], "listSuppliers") };
  document.paths["/api/v1/suppliers/{tagId}"] = {
    get: as(one["get"], "getSupplier"),
    patch: as(one["patch"], "updateSupplier"),
    delete: as(one["delete"], "deleteSupplier"),
  };
  document.paths["/api/v1/suppliers/{tagId}/approve"] = { post: as(one["get"], "approveSupplier") };
  return document;
}

test("a new resource gets its class, its methods and its client attribute from the document alone", async () => {
  const files = await generator.renderAll(JSON.stringify(withSuppliers()));
  const resources = files["src/resources.gen.ts"] ?? "";
  const suppliers = resources.split("export class Suppliers extends Resource {\n")[1]?.split("\n}\n")[0] ?? "";
  const methods = [...suppliers.matchAll(/^ {2}(\w+)\(/gm)].map((m) => m[1]);
  assert.deepEqual(methods, ["create", "list", "iterate", "get", "update", "delete", "approve"]);
  assert.match(suppliers, /^ {2}get\(tagId: string, options\?: RequestOptions\): Promise<ResponseBody<"getSupplier">> \{$/m);
  const wiring = files["src/wiring.gen.ts"] ?? "";
  assert.match(wiring, /^ {2}readonly suppliers: Suppliers;$/m);
  assert.match(wiring, /^ {4}this\.suppliers = new Suppliers\(t\);$/m);
  assert.match(
    files["src/operations.ts"] ?? "",
    /^ {2}approveSupplier: \{ method: "POST", path: "\/api\/v1\/suppliers\/\{tagId\}\/approve", client: "suppliers\.approve" \},$/m,
  );
});

test("two operations of one resource that would share a method are refused", () => {
  const document = withSuppliers();
  const approve = document.paths["/api/v1/suppliers/{tagId}/approve"] ?? {};
  approve["post"] = { ...approve["post"], operationId: "getSupplierRating" };
  assert.throws(() => generator.clientMethods(document), {
    message: "operations getSupplier and getSupplierRating would both be suppliers.get: name one of them in METHOD_OVERRIDES",
  });
});
