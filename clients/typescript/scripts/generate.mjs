#!/usr/bin/env node
// Regenerates, from the server's OpenAPI document:
//
// - src/schema.d.ts: the API's types (openapi-typescript);
// - src/operations.ts: OPERATIONS, each operationId's HTTP method, path and client method;
// - src/resources.gen.ts: a class per resource (`client.tags` is a `Tags`), one method per
//   operation, except the methods src/resources.ts writes by hand;
// - src/wiring.gen.ts: `ClientResources`, the base of `StockyardClient` that declares and builds
//   every resource attribute.
//
// Which resource and method an operation becomes is derived from the document (see
// TAG_RESOURCES): a new resource needs no client file written by hand.
//
//   npm run generate                      # runs ../../.venv/bin/stockyard openapi
//   npm run generate -- path/openapi.json # reads a saved document instead
//   npm run generate -- --check           # exit 1 if a generated file is stale
//   npm run generate -- --out other.d.ts  # writes only the schema, elsewhere
//
// The stockyard executable can also be named with STOCKYARD_BIN.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, "..");

export const DEFAULT_STOCKYARD = resolve(packageDir, "../../.venv/bin/stockyard");
export const HEADER =
  "// Generated from the Stockyard OpenAPI document by `npm run generate` (openapi-typescript).\n" +
  "// Do not edit by hand: change the server, then run `npm run generate`.\n\n";
const CODE_HEADER =
  "// Generated from the Stockyard OpenAPI document by `npm run generate` (scripts/generate.mjs).\n" +
  "// Do not edit by hand: change the server (or src/resources.ts), then run `npm run generate`.\n";

// How an operation becomes a client method: its resource is the operation's first tag in
// camelCase (`api keys` -> `client.apiKeys`) unless TAG_RESOURCES renames the tag, and its method
// is the operationId's first word (`createTag` -> `tags.create`, `listTags` -> `tags.list`,
// `consumeReservation` -> `reservations.consume`). The resource "" is the client itself: its
// methods are written by hand in src/client.ts. Two operations of one resource with the same
// first word need an entry in METHOD_OVERRIDES; the ones there predate the convention and keep
// the names the client has always had.
export const TAG_RESOURCES = {
  health: "",
  audit: "auditEvents",
  webhooks: "webhookEndpoints",
  workspaces: "workspace",
};
export const METHOD_OVERRIDES = {
  getMe: ["", "me"],
  signIn: ["auth", "signIn"],
  signOut: ["auth", "signOut"],
  getItemStock: ["items", "stock"],
  bulkImportItems: ["items", "bulkImport"],
  createLocation: ["locations", "create"],
  listWarehouseLocations: ["locations", "listInWarehouse"],
  listLocations: ["locations", "list"],
  getLocation: ["locations", "get"],
  updateLocation: ["locations", "update"],
  deleteLocation: ["locations", "delete"],
  getSerial: ["lots", "serial"],
  setStocktakeCounts: ["stocktakes", "setCounts"],
  rotateWebhookEndpointSecret: ["webhookEndpoints", "rotateSecret"],
  listWebhookDeliveries: ["webhookEndpoints", "listDeliveries"],
  retryWebhookDelivery: ["webhookEndpoints", "retryDelivery"],
};
const HTTP_METHODS = ["get", "put", "post", "patch", "delete"];

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

function camel(words) {
  const parts = words.split(/[\s_-]+/).filter(Boolean);
  return parts.map((p, i) => (i === 0 ? p : p[0].toUpperCase() + p.slice(1))).join("");
}

export function className(resource) {
  return resource[0].toUpperCase() + resource.slice(1);
}

/** Every operation of the document, in its order. */
export function operationsOf(document) {
  const found = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!HTTP_METHODS.includes(method)) continue;
      const parameters = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const success = Object.keys(op.responses ?? {}).filter((code) => code.startsWith("2")).sort()[0];
      found.push({
        id: op.operationId,
        method: method.toUpperCase(),
        path,
        summary: (op.summary ?? "").split("\n")[0].replaceAll("*/", "* /"),
        tag: (op.tags ?? [])[0] ?? "",
        public: !op.security || op.security.length === 0,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        query: parameters.filter((p) => p.in === "query").map((p) => p.name),
        ifMatch: parameters.some((p) => p.in === "header" && p.name === "If-Match"),
        json: content["application/json"]?.schema,
        csv: "text/csv" in content,
        noContent: success === "204",
      });
    }
  }
  return found;
}

/** operationId -> [resource, method], by the convention of TAG_RESOURCES. */
export function clientMethods(document) {
  const found = new Map();
  const named = new Map();
  for (const op of operationsOf(document)) {
    let pair = METHOD_OVERRIDES[op.id];
    if (!pair) {
      if (!op.tag) throw new Error(`operation ${op.id} (${op.method} ${op.path}) has no tag: its group`);
      const resource = op.tag in TAG_RESOURCES ? TAG_RESOURCES[op.tag] : camel(op.tag);
      pair = [resource, /^[a-z0-9]*/.exec(op.id)[0] || op.id];
    }
    const key = pair.join(".");
    if (named.has(key)) {
      throw new Error(
        `operations ${named.get(key)} and ${op.id} would both be ${pair.filter(Boolean).join(".")}: name one of them in METHOD_OVERRIDES`,
      );
    }
    named.set(key, op.id);
    found.set(op.id, pair);
  }
  const stale = Object.keys(METHOD_OVERRIDES).filter((id) => !found.has(id));
  if (stale.length) throw new Error(`METHOD_OVERRIDES names operations the document no longer has: ${stale.join(", ")}`);
  return found;
}

/** The exported classes of src/resources.ts (written by hand): name -> { base, methods }. */
export function handwrittenClasses(text) {
  const source = ts.createSourceFile("resources.ts", text, ts.ScriptTarget.ES2022, true);
  const found = new Map();
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name) continue;
    if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const base = statement.heritageClauses
      ?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)
      ?.types[0]?.expression.getText(source);
    const methods = new Set(
      statement.members.filter((m) => ts.isMethodDeclaration(m) && m.name).map((m) => m.name.getText(source)),
    );
    found.set(statement.name.text, { base, methods });
  }
  return found;
}

function operationsModule(document, methods) {
  const lines = [
    CODE_HEADER,
    "/**",
    " * Every operation of the OpenAPI document (by operationId): its HTTP method and path, and the",
    " * client method that implements it (`client` is the path from the client object, e.g.",
    " * `items.create` is `client.items.create`). Resource methods send through this table, and",
    " * test/coverage.test.ts checks it against the document and the client.",
    " */",
    'import type { OperationId } from "./types.js";',
    "",
    "export interface OperationSpec {",
    '  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";',
    "  path: string;",
    "  client: string;",
    "  /** A public route: sent without the client's credential. */",
    "  public?: true;",
    "}",
    "",
    "export const OPERATIONS = {",
  ];
  for (const op of operationsOf(document)) {
    const client = methods.get(op.id).filter(Boolean).join(".");
    const access = op.public ? ", public: true" : "";
    lines.push(`  ${op.id}: { method: "${op.method}", path: "${op.path}", client: "${client}"${access} },`);
  }
  lines.push("} as const satisfies Record<OperationId, OperationSpec>;", "");
  return lines.join("\n");
}

/** The TypeScript of one generated method (two for a list: `list...` and `iterate...`). */
function methodLines(op, name) {
  const params = op.pathParams.map((p) => `${p}: string`);
  const args = [];
  if (op.pathParams.length) args.push(`path: { ${op.pathParams.join(", ")} }`);
  let prelude = "";
  if (op.json) {
    const rows = op.json.type === "array";
    const arg = rows ? "rows" : "body";
    params.push(`${arg}: RequestBody<"${op.id}">${op.csv ? " | string" : ""}`);
    args.push(rows ? "body: rows" : "body");
    if (op.csv) prelude = `    const csv = typeof ${arg} === "string" ? { contentType: "text/csv" } : {};\n`;
  }
  if (op.query.length) {
    params.push(`query?: QueryParams<"${op.id}">`);
    args.push("query");
  }
  if (op.csv) args.push("...csv");
  params.push(`options?: ${op.ifMatch ? "WriteOptions" : "RequestOptions"}`);
  const call = `{${args.length ? ` ${args.join(", ")} ` : ""}}`;
  const returns = op.noContent ? "Promise<void>" : `Promise<ResponseBody<"${op.id}">>`;
  const doc = `  /** ${op.summary ? `${op.summary}: ` : ""}\`${op.method} ${op.path}\` (\`${op.id}\`). */\n`;
  const out = [`${doc}  ${name}(${params.join(", ")}): ${returns} {\n${prelude}    return this.t.call("${op.id}", ${call}, options);\n  }`];
  const cursor = op.query.includes("cursor") ? "cursor" : op.query.includes("after") ? "after" : undefined;
  if (op.method === "GET" && cursor && name.startsWith("list")) {
    const every = `iterate${name.slice("list".length)}`;
    const after = cursor === "after" ? ', "after"' : "";
    out.push(
      `  /** Every row of \`${name}\`, across all pages. */\n` +
        `  ${every}(${params.join(", ")}): AsyncGenerator<ItemOf<"${op.id}">, void, undefined> {\n` +
        `    return this.t.pages("${op.id}", ${call}, options${after});\n  }`,
    );
  }
  return out;
}

/** resource -> { name, summary, ops: [[op, method]] }, in the document's order. */
function resourcesOf(document, methods) {
  const descriptions = Object.fromEntries((document.tags ?? []).map((t) => [t.name, t.description ?? ""]));
  const found = new Map();
  for (const op of operationsOf(document)) {
    const [resource, method] = methods.get(op.id);
    if (!resource) continue;
    if (!found.has(resource)) {
      const summary = (descriptions[op.tag] || `\`client.${resource}\`.`).split("\n")[0].replaceAll("*/", "* /");
      found.set(resource, { name: className(resource), summary, ops: [] });
    }
    found.get(resource).ops.push([op, method]);
  }
  return found;
}

function resourcesModule(resources, handwritten) {
  const classes = [];
  for (const [resource, { name, summary, ops }] of resources) {
    const own = handwritten.get(name);
    const generated = ops.filter(([, method]) => !own?.methods.has(method));
    const base = own ? `${name}Base` : name;
    if (own && own.base !== base && generated.length) {
      throw new Error(
        `class ${name} of src/resources.ts must extend ${base} (generated: ${generated.map(([op]) => op.id).join(", ")})`,
      );
    }
    if (own && own.base !== base) continue;
    const body = generated.flatMap(([op, method]) => methodLines(op, method));
    const doc = own ? `The generated methods of \`client.${resource}\` (src/resources.ts adds the rest)` : summary;
    classes.push(`/** ${doc} */\nexport class ${base} extends Resource {\n${body.join("\n")}\n}\n`);
  }
  const text = classes.join("\n");
  const types = ["ItemOf", "QueryParams", "RequestBody", "RequestOptions", "ResponseBody", "WriteOptions"].filter((t) =>
    new RegExp(`\\b${t}\\b`).test(text),
  );
  return [
    CODE_HEADER,
    'import { Resource } from "./resource.js";',
    `import type { ${types.join(", ")} } from "./types.js";`,
    "",
    text,
  ].join("\n");
}

function wiringModule(resources, handwritten) {
  const entries = [...resources].map(([resource, { name }]) => [resource, name]);
  const own = entries.filter(([, name]) => handwritten.has(name)).map(([, name]) => name);
  const generated = entries.filter(([, name]) => !handwritten.has(name)).map(([, name]) => name);
  return [
    CODE_HEADER,
    'import type { Transport } from "./core.js";',
    `import { ${generated.sort().join(", ")} } from "./resources.gen.js";`,
    `import { ${own.sort().join(", ")} } from "./resources.js";`,
    "",
    "/** The resource groups of `StockyardClient` (`client.items`, ...): one per group of the OpenAPI document. */",
    "export class ClientResources {",
    ...entries.map(([resource, name]) => `  readonly ${resource}: ${name};`),
    "",
    "  constructor(t: Transport) {",
    ...entries.map(([resource, name]) => `    this.${resource} = new ${name}(t);`),
    "  }",
    "}",
    "",
  ].join("\n");
}

/** Every generated file for an OpenAPI document (JSON text): path under the package -> text. */
export async function renderAll(documentText, resourcesText = readFileSync(resolve(packageDir, "src/resources.ts"), "utf8")) {
  const document = JSON.parse(documentText);
  const methods = clientMethods(document);
  const resources = resourcesOf(document, methods);
  const handwritten = handwrittenClasses(resourcesText);
  return {
    "src/schema.d.ts": await render(documentText),
    "src/operations.ts": operationsModule(document, methods),
    "src/resources.gen.ts": resourcesModule(resources, handwritten),
    "src/wiring.gen.ts": wiringModule(resources, handwritten),
  };
}

function parseArgs(argv) {
  let input;
  let out;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") {
      out = resolve(argv[++i] ?? "");
    } else if (argv[i] === "--check") {
      check = true;
    } else if (argv[i] === "--help" || argv[i] === "-h") {
      process.stdout.write("usage: node scripts/generate.mjs [openapi.json] [--check | --out file.d.ts]\n");
      process.exit(0);
    } else {
      input = resolve(argv[i]);
    }
  }
  return { input, out, check };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { input, out, check } = parseArgs(process.argv.slice(2));
  const documentText = readDocument(input);
  if (out) {
    writeFileSync(out, await render(documentText));
    process.stdout.write(`wrote ${out}\n`);
  } else {
    const files = await renderAll(documentText);
    const stale = Object.keys(files).filter((path) => {
      const target = resolve(packageDir, path);
      return !existsSync(target) || readFileSync(target, "utf8") !== files[path];
    });
    if (check) {
      for (const path of stale) process.stderr.write(`stale: ${path}\n`);
      if (stale.length) process.stderr.write("run: npm run generate (in clients/typescript)\n");
      process.exit(stale.length ? 1 : 0);
    }
    for (const path of stale) {
      writeFileSync(resolve(packageDir, path), files[path]);
      process.stdout.write(`wrote ${relative(process.cwd(), resolve(packageDir, path))}\n`);
    }
  }
}
