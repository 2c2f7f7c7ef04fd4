/**
 * The transport: one logical request across its attempts, on the platform `fetch`, following the
 * retry table (retry.ts), refreshing an expired access token once, and signing in with
 * credentials when the client has no token yet.
 */
import { randomUUID } from "node:crypto";

import { StockyardConnectionError, StockyardTimeoutError, errorFromResponse } from "./errors.js";
import { OPERATIONS, type OperationSpec } from "./operations.js";
import { DEFAULT_RETRY_POLICY, decide, type RetryPolicy } from "./retry.js";
import type { OperationId, QueryParams, RequestOptions, ResponseBody, TokenPair, WriteOptions } from "./types.js";

export const VERSION = "0.1.0";
export const USER_AGENT = `stockyard-typescript/${VERSION}`;

/** What `Transport.call` needs besides the operation: path parameters, query, body. */
export interface OperationArgs<O extends OperationId> {
  path?: Record<string, string>;
  query?: QueryParams<O> | undefined;
  body?: unknown;
  /** For a body sent as text (e.g. `text/csv`) instead of JSON. */
  contentType?: string;
}

/** How to build a client; give an API key, or tokens, or a member's credentials (or nothing, for public calls). */
export interface ClientOptions {
  /** Where the API is served, e.g. `http://127.0.0.1:8000` (without `/api/v1`). */
  baseUrl: string;
  /** An API key (`sk_...`); not together with tokens or credentials. */
  apiKey?: string;
  /** An access token from sign-in; with `refreshToken`, renewed when it expires. */
  accessToken?: string;
  refreshToken?: string;
  /** A member's credentials: the client signs in with them before its first call. */
  workspace?: string;
  email?: string;
  password?: string;
  /** Milliseconds each attempt may take (default 30 000). */
  timeout?: number;
  /** Retry settings (default: `DEFAULT_RETRY_POLICY`, 3 retries). */
  retry?: Partial<RetryPolicy>;
  /** Headers on every request. */
  headers?: Record<string, string>;
  /** Called with every new token pair (sign-in and refresh), e.g. to store it. */
  onTokens?: (tokens: TokenPair) => void;
  /** The `fetch` to use (default: the platform's). */
  fetch?: typeof fetch;
  /** How to wait between retries (default: a timer that the call's `signal` cancels); tests inject their own. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** A request as the transport sends it. */
export interface RawRequest {
  method: string;
  /** The path after the base URL, e.g. `/api/v1/items`. */
  path: string;
  query?: Record<string, unknown> | undefined;
  /** A JSON value, or a string sent as is with `contentType`. */
  body?: unknown;
  contentType?: string;
  /** Whether to send the client's credential (default true). */
  authenticated?: boolean;
  headers?: Record<string, string>;
}

/** A response as read: status, headers and the whole body. */
export interface RawResponse {
  status: number;
  statusText: string;
  headers: Headers;
  body: Uint8Array;
}

/** Wait `ms`; an abort of `signal` ends the wait (and its timer) at once, with the signal's reason. */
function sleepTimer(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** `promise`, or the signal's reason as soon as it is aborted. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** Query parameters as strings: undefined and null left out, booleans `true`/`false`, dates ISO 8601, arrays comma-joined. */
export function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (value instanceof Date) params.set(name, value.toISOString());
    else if (Array.isArray(value)) params.set(name, value.map(String).join(","));
    else params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** `/api/v1/items/{itemId}` with `{itemId: "itm_1"}` -> `/api/v1/items/itm_1` (values URL-encoded). */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === "") throw new TypeError(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(value);
  });
}

function errorCode(body: Uint8Array): string | null {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(body));
    if (typeof parsed === "object" && parsed !== null && "code" in parsed) {
      const code = (parsed as { code: unknown }).code;
      return typeof code === "string" ? code : null;
    }
  } catch {
    // not JSON: no code
  }
  return null;
}

export class Transport {
  readonly baseUrl: string;
  apiKey: string | undefined;
  accessToken: string | undefined;
  refreshToken: string | undefined;
  private readonly credentials: { workspace: string; email: string; password: string } | undefined;
  private readonly timeout: number;
  private readonly policy: RetryPolicy;
  private readonly headers: Record<string, string>;
  private readonly onTokens: ((tokens: TokenPair) => void) | undefined;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private refreshing: Promise<void> | null = null;
  private signingIn: Promise<void> | null = null;

  constructor(options: ClientOptions) {
    if (!options.baseUrl) throw new TypeError("baseUrl is required");
    const hasUser = options.accessToken !== undefined || options.workspace !== undefined || options.email !== undefined;
    if (options.apiKey !== undefined && hasUser) {
      throw new TypeError("Use either an API key or a member's tokens/credentials, not both.");
    }
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.apiKey = options.apiKey;
    this.accessToken = options.accessToken;
    this.refreshToken = options.refreshToken;
    const { workspace, email, password } = options;
    this.credentials =
      workspace !== undefined && email !== undefined && password !== undefined ? { workspace, email, password } : undefined;
    this.timeout = options.timeout ?? 30_000;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.headers = { "User-Agent": USER_AGENT, ...options.headers };
    this.onTokens = options.onTokens;
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.sleep = options.sleep ?? sleepTimer;
  }

  /** The credential sent as `Authorization: Bearer ...`. */
  get bearer(): string | undefined {
    return this.apiKey ?? this.accessToken;
  }

  private canRefresh(): boolean {
    return this.apiKey === undefined && this.refreshToken !== undefined;
  }

  /** Send `request` with the retry rules; the response (status < 400), else throws its `StockyardError`. */
  async send(request: RawRequest, options: RequestOptions = {}): Promise<RawResponse> {
    const method = request.method.toUpperCase();
    const authenticated = request.authenticated ?? true;
    const idempotencyKey = options.idempotencyKey ?? (method === "POST" ? randomUUID() : undefined);
    const policy: RetryPolicy = { ...this.policy, maxRetries: options.maxRetries ?? this.policy.maxRetries };
    let retriesUsed = 0;
    let refreshed = false;
    for (;;) {
      options.signal?.throwIfAborted();
      if (authenticated && this.bearer === undefined && this.credentials !== undefined) await this.signInWithCredentials();
      const sentWith = this.bearer;
      const headers: Record<string, string> = { ...this.headers, Accept: "application/json" };
      if (authenticated && sentWith !== undefined) headers["Authorization"] = `Bearer ${sentWith}`;
      if (idempotencyKey !== undefined) headers["Idempotency-Key"] = idempotencyKey;
      let body: string | undefined;
      if (request.body !== undefined) {
        if (request.contentType !== undefined && typeof request.body === "string") {
          headers["Content-Type"] = request.contentType;
          body = request.body;
        } else {
          headers["Content-Type"] = "application/json";
          body = JSON.stringify(request.body);
        }
      }
      Object.assign(headers, request.headers, options.headers);
      const response = await this.attempt(
        method,
        this.baseUrl + request.path + queryString(request.query),
        headers,
        body,
        options.timeout ?? this.timeout,
        options.signal,
      );
      if (response.status < 400) return response;
      const decision = decide(
        policy,
        { status: response.status, retryAfter: response.headers.get("retry-after"), code: errorCode(response.body) },
        { retriesUsed, refreshed, canRefresh: authenticated && this.canRefresh() },
      );
      if (decision.action === "refresh") {
        refreshed = true;
        await this.refreshIfStill(sentWith);
      } else if (decision.action === "retry") {
        retriesUsed += 1;
        await abortable(this.sleep(decision.delayMs, options.signal), options.signal);
      } else {
        throw errorFromResponse(response.status, response.headers, new TextDecoder().decode(response.body), response.statusText);
      }
    }
  }

  private async attempt(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
    timeout: number,
    signal: AbortSignal | undefined,
  ): Promise<RawResponse> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const onAbort = (): void => controller.abort(signal?.reason);
    if (signal?.aborted) controller.abort(signal.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const response = await this.fetchImpl(url, { method, headers, body: body ?? null, signal: controller.signal });
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, statusText: response.statusText, headers: response.headers, body: bytes };
    } catch (error) {
      if (timedOut) throw new StockyardTimeoutError(`${method} ${url}: no response within ${timeout} ms`, { cause: error });
      if (signal?.aborted) throw error;
      throw new StockyardConnectionError(`${method} ${url}: ${(error as Error).message}`, { cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  /** Send and parse the JSON answer (undefined for an empty one, e.g. 204). */
  async json<T>(request: RawRequest, options?: RequestOptions): Promise<T> {
    const response = await this.send(request, options);
    if (response.status === 204 || response.body.length === 0) return undefined as T;
    return JSON.parse(new TextDecoder().decode(response.body)) as T;
  }

  /** The request of operation `op` (method and path from OPERATIONS), and the options left for `send`. */
  private requestFor<O extends OperationId>(
    op: O,
    args: OperationArgs<O>,
    options: WriteOptions,
  ): [RawRequest, RequestOptions] {
    const spec: OperationSpec = OPERATIONS[op];
    const { ifMatch, ...rest } = options;
    const request: RawRequest = {
      method: spec.method,
      path: fillPath(spec.path, args.path ?? {}),
      query: args.query as Record<string, unknown> | undefined,
      body: args.body,
      authenticated: spec.public !== true,
      ...(ifMatch !== undefined ? { headers: { "If-Match": ifMatch } } : {}),
      ...(args.contentType !== undefined ? { contentType: args.contentType } : {}),
    };
    return [request, rest];
  }

  /** Call operation `op` and parse its JSON answer. */
  call<O extends OperationId>(op: O, args: OperationArgs<O>, options: WriteOptions = {}): Promise<ResponseBody<O>> {
    return this.json<ResponseBody<O>>(...this.requestFor(op, args, options));
  }

  /** Call operation `op` and return its answer as bytes (a file download). */
  async download<O extends OperationId>(op: O, args: OperationArgs<O>, options: WriteOptions = {}): Promise<Uint8Array> {
    return (await this.send(...this.requestFor(op, args, options))).body;
  }

  /**
   * Every row of every page of list operation `op`, following `nextCursor` while `hasMore`
   * (sent back as `cursorParam`: `cursor`, or `after` for the event feed).
   */
  async *pages<O extends OperationId>(
    op: O,
    args: OperationArgs<O>,
    options: RequestOptions = {},
    cursorParam = "cursor",
  ): AsyncGenerator<ResponseBody<O> extends { data: (infer T)[] } ? T : never, void, undefined> {
    type Row = ResponseBody<O> extends { data: (infer T)[] } ? T : never;
    const query: Record<string, unknown> = { ...(args.query as Record<string, unknown> | undefined) };
    for (;;) {
      const page = (await this.call(op, { ...args, query: query as QueryParams<O> }, options)) as unknown as {
        data: Row[];
        nextCursor: string | null;
        hasMore: boolean;
      };
      yield* page.data;
      if (!page.hasMore || !page.nextCursor) return;
      query[cursorParam] = page.nextCursor;
    }
  }

  /** Keep a token pair (sign-in or refresh). */
  storeTokens(pair: TokenPair): void {
    this.accessToken = pair.accessToken;
    this.refreshToken = pair.refreshToken;
    this.onTokens?.(pair);
  }

  async signIn(workspace: string, email: string, password: string, options?: RequestOptions): Promise<TokenPair> {
    const pair = await this.call("signIn", { body: { workspace, email, password } }, options);
    this.storeTokens(pair);
    return pair;
  }

  async refresh(options?: RequestOptions): Promise<TokenPair> {
    if (this.refreshToken === undefined) throw new TypeError("No refresh token: sign in first.");
    const pair = await this.call("refreshToken", { body: { refreshToken: this.refreshToken } }, options);
    this.storeTokens(pair);
    return pair;
  }

  /** Sign in with the client's credentials, once even when many calls start together. */
  private async signInWithCredentials(): Promise<void> {
    const credentials = this.credentials;
    if (credentials === undefined) return;
    this.signingIn ??= this.signIn(credentials.workspace, credentials.email, credentials.password)
      .then(() => undefined)
      .finally(() => {
        this.signingIn = null;
      });
    await this.signingIn;
  }

  /** Refresh, unless another call already did since `sentWith` was sent: one refresh for many expired calls. */
  private async refreshIfStill(sentWith: string | undefined): Promise<void> {
    if (this.bearer !== sentWith) return;
    this.refreshing ??= this.refresh()
      .then(() => undefined)
      .finally(() => {
        this.refreshing = null;
      });
    await this.refreshing;
  }

  /** After signing out. */
  forgetTokens(): void {
    this.accessToken = undefined;
    this.refreshToken = undefined;
  }
}
