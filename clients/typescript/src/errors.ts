/**
 * The errors the client throws: one class per error category (the envelope's `error` field,
 * docs/errors.md), all subclasses of `StockyardError`.
 *
 * Catch a category (`err instanceof UnprocessableEntityError`) or the base `StockyardError`, then
 * switch on `err.code` (the stable catalog code), never on `err.message`.
 */

import type { components } from "./schema.js";

/** The fields of an error response, as the client exposes them. */
export interface StockyardErrorInit {
  status: number;
  error: string;
  code: string;
  message: string;
  details?: Record<string, string[]> | null;
  param?: string | null;
  requestId?: string | null;
  headers?: Headers;
}

/** An error response from the Stockyard API (any status >= 400). */
export class StockyardError extends Error {
  /** The HTTP status (mirrors the envelope's `statusCode`). */
  readonly status: number;
  /** The category, e.g. `unprocessable_entity`. */
  readonly error: string;
  /** The stable, specific reason, e.g. `insufficient_stock`. */
  readonly code: string;
  /** Field (dot path) to messages; only for `validation_error`. */
  readonly details: Record<string, string[]> | null;
  /** The field or parameter at fault, when the error is about one. */
  readonly param: string | null;
  /** The request's id (`X-Request-Id`): quote it when reporting a problem. */
  readonly requestId: string | null;
  /** The response headers (e.g. `Retry-After`, `WWW-Authenticate`, `Allow`). */
  readonly headers: Headers;

  constructor(init: StockyardErrorInit) {
    super(init.message);
    this.name = new.target.name;
    this.status = init.status;
    this.error = init.error;
    this.code = init.code;
    this.details = init.details ?? null;
    this.param = init.param ?? null;
    this.requestId = init.requestId ?? null;
    this.headers = init.headers ?? new Headers();
  }

  /** `Retry-After` in seconds, when the response carried it as a number. */
  get retryAfter(): number | null {
    const value = this.headers.get("retry-after");
    if (value === null) return null;
    const seconds = Number(value.trim());
    return Number.isFinite(seconds) ? seconds : null;
  }

  override toString(): string {
    return `${this.name}: ${this.status} ${this.code}: ${this.message}` + (this.requestId ? ` (request ${this.requestId})` : "");
  }
}

/** 400 `bad_request`: malformed request, JSON or parameter. */
export class BadRequestError extends StockyardError {}
/** 400 `validation_error`: the body breaks the schema; `details` lists every field. */
export class ValidationError extends StockyardError {}
/** 401 `unauthorized`: missing, invalid or expired credentials. */
export class UnauthorizedError extends StockyardError {}
/** 403 `forbidden`: permission, scope, read-only, plan limit or capability. */
export class ForbiddenError extends StockyardError {}
/** 404 `not_found`: nothing with that id in your workspace. */
export class NotFoundError extends StockyardError {}
/** 405 `method_not_allowed`. */
export class MethodNotAllowedError extends StockyardError {}
/** 409 `conflict`: duplicates and requests that clash with the current state. */
export class ConflictError extends StockyardError {}
/** 410 `gone`: for example an expired invite. */
export class GoneError extends StockyardError {}
/** 412 `precondition_failed`: the If-Match ETag is stale. */
export class PreconditionFailedError extends StockyardError {}
/** 413 `payload_too_large`. */
export class PayloadTooLargeError extends StockyardError {}
/** 415 `unsupported_media_type`. */
export class UnsupportedMediaTypeError extends StockyardError {}
/** 422 `unprocessable_entity`: a business rule, e.g. `insufficient_stock`. */
export class UnprocessableEntityError extends StockyardError {}
/** 423 `locked`: e.g. a location locked by a stocktake. */
export class LockedError extends StockyardError {}
/** 429 `rate_limited`, thrown once the client's retries are used up. */
export class RateLimitedError extends StockyardError {}
/** 500 `internal_error`, thrown once the client's retries are used up. */
export class InternalError extends StockyardError {}
/** 501 `not_implemented`: the operation or format is not available on this server. */
export class NotImplementedError extends StockyardError {}
/** 503 `service_unavailable`, thrown once the client's retries are used up. */
export class ServiceUnavailableError extends StockyardError {}

type ErrorClass = new (init: StockyardErrorInit) => StockyardError;

/** The category names (`error`) of the envelope, from the generated schema. */
export type ErrorCategory = components["schemas"]["Error"]["error"];

/**
 * Every category of docs/errors.md: its status and its class. Typed by the generated schema, so a
 * category the server gains fails the build until it has a class here.
 */
export const ERROR_CATEGORIES: Readonly<Record<ErrorCategory, { status: number; errorClass: ErrorClass }>> = {
  bad_request: { status: 400, errorClass: BadRequestError },
  validation_error: { status: 400, errorClass: ValidationError },
  unauthorized: { status: 401, errorClass: UnauthorizedError },
  forbidden: { status: 403, errorClass: ForbiddenError },
  not_found: { status: 404, errorClass: NotFoundError },
  method_not_allowed: { status: 405, errorClass: MethodNotAllowedError },
  conflict: { status: 409, errorClass: ConflictError },
  gone: { status: 410, errorClass: GoneError },
  precondition_failed: { status: 412, errorClass: PreconditionFailedError },
  payload_too_large: { status: 413, errorClass: PayloadTooLargeError },
  unsupported_media_type: { status: 415, errorClass: UnsupportedMediaTypeError },
  unprocessable_entity: { status: 422, errorClass: UnprocessableEntityError },
  locked: { status: 423, errorClass: LockedError },
  rate_limited: { status: 429, errorClass: RateLimitedError },
  internal_error: { status: 500, errorClass: InternalError },
  not_implemented: { status: 501, errorClass: NotImplementedError },
  service_unavailable: { status: 503, errorClass: ServiceUnavailableError },
};

/** The category of a status, for answers that are not Stockyard's own (e.g. a proxy's 502 page). */
function categoryOfStatus(status: number): string | undefined {
  for (const [name, { status: categoryStatus }] of Object.entries(ERROR_CATEGORIES)) {
    if (categoryStatus === status) return name; // the first: bad_request for 400
  }
  return undefined;
}

/** The network failed, or the request timed out: there was no response to read. */
export class StockyardConnectionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** No response within the request's timeout. */
export class StockyardTimeoutError extends StockyardConnectionError {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function detailsFromProblem(errors: unknown): Record<string, string[]> | null {
  if (!Array.isArray(errors)) return null;
  const details: Record<string, string[]> = {};
  for (const entry of errors) {
    if (!isRecord(entry)) continue;
    const field = String(entry["pointer"] ?? "").replace(/^\/+/, "").replaceAll("/", ".");
    (details[field] ??= []).push(String(entry["detail"] ?? ""));
  }
  return details;
}

function detailsOf(value: unknown): Record<string, string[]> | null {
  if (!isRecord(value)) return null;
  const details: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(value)) {
    details[field] = Array.isArray(messages) ? messages.map(String) : [String(messages)];
  }
  return details;
}

/**
 * The error for an error response, from its status, headers and body (text): the envelope,
 * RFC 9457 problem details (`Accept: application/problem+json`), or neither (a proxy's page).
 */
export function errorFromResponse(status: number, headers: Headers, bodyText: string, statusText = ""): StockyardError {
  let body: unknown = undefined;
  try {
    body = bodyText ? JSON.parse(bodyText) : undefined;
  } catch {
    body = undefined;
  }
  let requestId = headers.get("x-request-id");
  let init: StockyardErrorInit;
  if (isRecord(body) && typeof body["code"] === "string") {
    const code = body["code"];
    if ("statusCode" in body) {
      // the envelope
      init = {
        status,
        error: String(body["error"] ?? categoryOfStatus(status) ?? ""),
        code,
        message: String(body["message"] ?? ""),
        details: detailsOf(body["details"]),
      };
    } else {
      // problem details: the category is not in the body; the code or else the status names it
      const error = code === "validation_error" ? code : categoryOfStatus(status) ?? "";
      init = { status, error, code, message: String(body["detail"] ?? ""), details: detailsFromProblem(body["errors"]) };
    }
    init.param = typeof body["param"] === "string" ? body["param"] : null;
    if (typeof body["requestId"] === "string") requestId = body["requestId"];
  } else {
    const error = categoryOfStatus(status) ?? "http_error";
    init = { status, error, code: error, message: statusText || `HTTP ${status}` };
  }
  init.requestId = requestId;
  init.headers = headers;
  const categories: Readonly<Record<string, { errorClass: ErrorClass } | undefined>> = ERROR_CATEGORIES;
  const errorClass = categories[init.error]?.errorClass ?? categories[categoryOfStatus(status) ?? ""]?.errorClass ?? StockyardError;
  return new errorClass(init);
}
