/** @stockyard/client: the TypeScript client of the Stockyard API. */
export { StockyardClient } from "./client.js";
export { Transport, USER_AGENT, VERSION, fillPath, queryString } from "./core.js";
export type { ClientOptions, OperationArgs, RawRequest, RawResponse } from "./core.js";
export * from "./errors.js";
export { OPERATIONS } from "./operations.js";
export type { OperationSpec } from "./operations.js";
export { JobTimeoutError } from "./resources.js";
export type { ReportName } from "./resources.js";
export { DEFAULT_RETRY_POLICY, backoff, decide, parseRetryAfter } from "./retry.js";
export type { Decision, RetryPolicy } from "./retry.js";
export type {
  ItemOf,
  OperationId,
  PathParams,
  QueryParams,
  RequestBody,
  RequestOptions,
  ResponseBody,
  Schemas,
  TokenPair,
  WriteOptions,
} from "./types.js";
export { WebhookVerificationError, signWebhook, verifyWebhook } from "./webhooks.js";
export type { VerifyOptions, WebhookEvent, WebhookHeaders } from "./webhooks.js";
export type { components, operations, paths } from "./schema.js";
