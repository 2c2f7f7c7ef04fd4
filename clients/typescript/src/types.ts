/** Type helpers over the generated OpenAPI types (src/schema.d.ts). */
import type { components, operations } from "./schema.js";

/** Every schema of the API, e.g. `Schemas["Item"]`, `Schemas["ItemCreate"]`. */
export type Schemas = components["schemas"];

/** The operationIds of the OpenAPI document. */
export type OperationId = keyof operations;

type SuccessStatus = 200 | 201 | 202 | 204;

type JsonContent<R> = R extends { content: { "application/json": infer B } } ? B : void;

/** What a successful call of operation `O` returns (void for 204 No Content). */
export type ResponseBody<O extends OperationId> = {
  [S in keyof operations[O]["responses"] & SuccessStatus]: JsonContent<operations[O]["responses"][S]>;
}[keyof operations[O]["responses"] & SuccessStatus];

/** The JSON request body of operation `O`. */
export type RequestBody<O extends OperationId> = operations[O] extends {
  requestBody?: { content: { "application/json": infer B } };
}
  ? B
  : never;

/** The query parameters of operation `O`. */
export type QueryParams<O extends OperationId> = NonNullable<operations[O]["parameters"]["query"]>;

/** The path parameters of operation `O`. */
export type PathParams<O extends OperationId> = NonNullable<operations[O]["parameters"]["path"]>;

/** One row of a list operation's page. */
export type ItemOf<O extends OperationId> = ResponseBody<O> extends { data: (infer T)[] } ? T : never;

/** A JSON token pair from sign-in or refresh. */
export type TokenPair = Schemas["TokenPair"];

/** Options every method takes as its last argument. */
export interface RequestOptions {
  /** Milliseconds each attempt may take, response body included (default: the client's `timeout`). */
  timeout?: number;
  /** Extra headers for this call (they win over the client's). */
  headers?: Record<string, string>;
  /** Retries of this call for 429, 500 and 503 (default: the client's, 3). */
  maxRetries?: number;
  /** The `Idempotency-Key` of a POST (default: a fresh UUID per call, reused on its retries). */
  idempotencyKey?: string;
  /** Aborts the call (and its retries) when signalled. */
  signal?: AbortSignal;
}

/** Options of calls that honour `If-Match` (update and delete). */
export interface WriteOptions extends RequestOptions {
  /** An ETag (`"v3"`): the change is made only if the resource is still at that version, else 412. */
  ifMatch?: string;
}
