/**
 * When and how long to wait before retrying: the retry table of docs/errors.md, as the Python
 * client (stockyard.client.retry) applies it.
 *
 * | Status | Retry? | Strategy |
 * |---|---|---|
 * | 429 | yes | wait `Retry-After` |
 * | 500, 503 | yes | exponential backoff with jitter, at most 3 retries |
 * | 401 `token_expired` | once | refresh the access token, then retry |
 * | anything else (400, 403, 404, 409, 422, ...) | no | the request itself must change |
 *
 * Pure logic, no I/O.
 */

export const BACKOFF_STATUSES: ReadonlySet<number> = new Set([500, 503]);
export const RATE_LIMITED_STATUS = 429;

/** How the client retries; every field has a default (`DEFAULT_RETRY_POLICY`). */
export interface RetryPolicy {
  /** Retries of one request for 429, 500 and 503 alike (the token refresh is not counted). */
  maxRetries: number;
  /** Backoff before retry n (0-based) is `min(backoffMaxMs, backoffBaseMs * 2**n)`, of which a random part in [50 %, 100 %] is used. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A 429 whose `Retry-After` is longer than this is not waited for: the error is thrown. */
  maxRetryAfterMs: number;
  /** A 0..1 source for the jitter (injectable for deterministic tests). */
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxRetries: 3,
  backoffBaseMs: 500,
  backoffMaxMs: 20_000,
  maxRetryAfterMs: 120_000,
  random: Math.random,
});

export type Decision = { action: "raise" } | { action: "refresh" } | { action: "retry"; delayMs: number };

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date; null when absent or invalid. */
export function parseRetryAfter(value: string | null | undefined, now: () => number = Date.now): number | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Math.max(0, Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now());
}

/** Milliseconds to wait before retry number `retry` (0 for the first): equal jitter. */
export function backoff(policy: RetryPolicy, retry: number): number {
  const ceiling = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** retry);
  return ceiling / 2 + (ceiling / 2) * policy.random();
}

/** What to do about an error response, given what this request already did. */
export function decide(
  policy: RetryPolicy,
  response: { status: number; retryAfter: string | null; code: string | null },
  state: { retriesUsed: number; refreshed: boolean; canRefresh: boolean },
): Decision {
  const { status } = response;
  if (status === 401) {
    if (state.canRefresh && !state.refreshed && response.code === "token_expired") return { action: "refresh" };
    return { action: "raise" };
  }
  if (status !== RATE_LIMITED_STATUS && !BACKOFF_STATUSES.has(status)) return { action: "raise" };
  if (state.retriesUsed >= policy.maxRetries) return { action: "raise" };
  const retryAfter = parseRetryAfter(response.retryAfter);
  const delayMs =
    status === RATE_LIMITED_STATUS
      ? retryAfter ?? backoff(policy, state.retriesUsed)
      : Math.max(backoff(policy, state.retriesUsed), retryAfter ?? 0);
  if (delayMs > policy.maxRetryAfterMs) return { action: "raise" };
  return { action: "retry", delayMs };
}
