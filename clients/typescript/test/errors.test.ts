/** Error responses to error classes (src/errors.ts), and the categories of docs/errors.md. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import {
  BadRequestError,
  ERROR_CATEGORIES,
  InternalError,
  LockedError,
  NotFoundError,
  StockyardError,
  UnprocessableEntityError,
  ValidationError,
  errorFromResponse,
} from "../src/index.js";
import { REPO_DIR } from "./support/paths.js";

const headers = (extra: Record<string, string> = {}) => new Headers({ "x-request-id": "req_FROMHEADER", ...extra });

test("every category of docs/errors.md has its own class, with its status", () => {
  const doc = readFileSync(join(REPO_DIR, "docs/errors.md"), "utf8");
  const rows = [...doc.matchAll(/^\| (\d{3}) \| [^|]+ \| \[`([a-z_]+)`\]/gm)].map((m) => [m[2], Number(m[1])] as const);
  assert.equal(rows.length, 17, "the status table of docs/errors.md");
  assert.deepEqual(
    Object.entries(ERROR_CATEGORIES).map(([name, { status }]) => [name, status]),
    rows,
  );
  const classes = Object.values(ERROR_CATEGORIES).map(({ errorClass }) => errorClass);
  assert.equal(new Set(classes).size, classes.length);
  for (const [name, { status, errorClass }] of Object.entries(ERROR_CATEGORIES)) {
    const error = errorFromResponse(status, headers(), JSON.stringify({ statusCode: status, error: name, code: name, message: "m", requestId: "req_1" }));
    assert.ok(error instanceof errorClass && error instanceof StockyardError && error instanceof Error, name);
    assert.equal(error.name, errorClass.name);
  }
});

test("the envelope: status, error, code, message, details, param, requestId", () => {
  const error = errorFromResponse(
    422,
    headers(),
    JSON.stringify({
      statusCode: 422,
      error: "unprocessable_entity",
      code: "insufficient_stock",
      message: "Not enough stock available: 3 available, 5 requested.",
      param: "units",
      requestId: "req_01JD0000000000000000000000",
    }),
  );
  assert.ok(error instanceof UnprocessableEntityError);
  assert.deepEqual(
    [error.status, error.error, error.code, error.message, error.param, error.requestId, error.details],
    [422, "unprocessable_entity", "insufficient_stock", "Not enough stock available: 3 available, 5 requested.", "units", "req_01JD0000000000000000000000", null],
  );
  const invalid = errorFromResponse(
    400,
    headers(),
    JSON.stringify({ statusCode: 400, error: "validation_error", code: "validation_error", message: "Model validation failed.", details: { sku: ["The sku field is required."] }, requestId: "req_2" }),
  );
  assert.ok(invalid instanceof ValidationError && !(invalid instanceof BadRequestError));
  assert.deepEqual(invalid.details, { sku: ["The sku field is required."] });
});

test("problem details map to the same class and code", () => {
  const error = errorFromResponse(
    400,
    headers(),
    JSON.stringify({
      type: "urn:stockyard:error:validation_error",
      title: "Validation Failed",
      status: 400,
      detail: "Model validation failed.",
      code: "validation_error",
      errors: [{ pointer: "/lines/0/units", detail: "must be positive" }, { pointer: "/sku", detail: "required" }],
    }),
  );
  assert.ok(error instanceof ValidationError);
  assert.deepEqual([error.error, error.code, error.message, error.requestId], ["validation_error", "validation_error", "Model validation failed.", "req_FROMHEADER"]);
  assert.deepEqual(error.details, { "lines.0.units": ["must be positive"], sku: ["required"] });
  const locked = errorFromResponse(423, headers(), JSON.stringify({ status: 423, detail: "Locked by a stocktake.", code: "resource_locked" }));
  assert.ok(locked instanceof LockedError);
  assert.deepEqual([locked.error, locked.code], ["locked", "resource_locked"]);
});

test("an answer that is not Stockyard's falls back on its status", () => {
  const error = errorFromResponse(500, headers({ "retry-after": "4" }), "<html>oops</html>", "Internal Server Error");
  assert.ok(error instanceof InternalError);
  assert.deepEqual([error.error, error.code, error.message, error.requestId, error.retryAfter], ["internal_error", "internal_error", "Internal Server Error", "req_FROMHEADER", 4]);
  const notFound = errorFromResponse(404, new Headers(), "");
  assert.ok(notFound instanceof NotFoundError);
  assert.deepEqual([notFound.message, notFound.requestId], ["HTTP 404", null]);
  const gateway = errorFromResponse(502, new Headers(), "Bad Gateway", "Bad Gateway");
  assert.equal(gateway.constructor, StockyardError);
  assert.deepEqual([gateway.status, gateway.error, gateway.code], [502, "http_error", "http_error"]);
});
