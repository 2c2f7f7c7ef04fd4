/** The retry table (src/retry.ts), decision by decision. */
import assert from "node:assert/strict";
import { test } from "node:test";

import { DEFAULT_RETRY_POLICY, backoff, decide, parseRetryAfter, type RetryPolicy } from "../src/index.js";

const FIXED: RetryPolicy = { ...DEFAULT_RETRY_POLICY, backoffBaseMs: 2000, random: () => 1 };
const fresh = { retriesUsed: 0, refreshed: false, canRefresh: true };

function response(status: number, retryAfter: string | null = null, code: string | null = null) {
  return { status, retryAfter, code };
}

test("Retry-After is read as delta-seconds or an HTTP date", () => {
  assert.equal(parseRetryAfter("7"), 7000);
  assert.equal(parseRetryAfter(" 2.5 "), 2500);
  assert.equal(parseRetryAfter("Fri, 04 Dec 2026 12:00:30 GMT", () => Date.UTC(2026, 11, 4, 12, 0, 0)), 30_000);
  assert.equal(parseRetryAfter("Fri, 04 Dec 2026 11:00:00 GMT", () => Date.UTC(2026, 11, 4, 12, 0, 0)), 0);
  assert.equal(parseRetryAfter(null), null);
  assert.equal(parseRetryAfter(""), null);
  assert.equal(parseRetryAfter("soon"), null);
  assert.equal(parseRetryAfter("-3"), 0);
  assert.equal(parseRetryAfter("in a while"), null);
});

test("backoff doubles from the base up to the maximum, with equal jitter", () => {
  assert.deepEqual([0, 1, 2, 3].map((n) => backoff(FIXED, n)), [2000, 4000, 8000, 16000]);
  assert.equal(backoff({ ...FIXED, random: () => 0 }, 0), 1000);
  assert.equal(backoff({ ...FIXED, random: () => 0.5 }, 1), 3000);
  assert.equal(backoff(FIXED, 10), 20_000);
  assert.equal(backoff(DEFAULT_RETRY_POLICY, 0) >= 250 && backoff(DEFAULT_RETRY_POLICY, 0) <= 500, true);
});

test("429 waits exactly Retry-After; without it, backoff; too long a wait is thrown", () => {
  assert.deepEqual(decide(FIXED, response(429, "17"), fresh), { action: "retry", delayMs: 17_000 });
  assert.deepEqual(decide(FIXED, response(429), fresh), { action: "retry", delayMs: 2000 });
  assert.deepEqual(decide(FIXED, response(429, "121"), fresh), { action: "raise" });
});

test("500 and 503 back off (at least Retry-After), at most 3 retries", () => {
  assert.deepEqual(decide(FIXED, response(503, "1"), fresh), { action: "retry", delayMs: 2000 });
  assert.deepEqual(decide(FIXED, response(503, "9"), fresh), { action: "retry", delayMs: 9000 });
  assert.deepEqual(decide(FIXED, response(500), { ...fresh, retriesUsed: 2 }), { action: "retry", delayMs: 8000 });
  assert.deepEqual(decide(FIXED, response(500), { ...fresh, retriesUsed: 3 }), { action: "raise" });
  assert.deepEqual(decide(FIXED, response(429, "1"), { ...fresh, retriesUsed: 3 }), { action: "raise" });
  assert.deepEqual(decide({ ...FIXED, maxRetries: 0 }, response(503), fresh), { action: "raise" });
});

test("401 token_expired refreshes once, and only with a refresh token", () => {
  assert.deepEqual(decide(FIXED, response(401, null, "token_expired"), fresh), { action: "refresh" });
  assert.deepEqual(decide(FIXED, response(401, null, "token_expired"), { ...fresh, refreshed: true }), { action: "raise" });
  assert.deepEqual(decide(FIXED, response(401, null, "token_expired"), { ...fresh, canRefresh: false }), { action: "raise" });
  assert.deepEqual(decide(FIXED, response(401, null, "token_invalid"), fresh), { action: "raise" });
});

test("every other error is never retried", () => {
  for (const status of [400, 403, 404, 405, 409, 410, 412, 413, 415, 422, 423, 501, 502]) {
    assert.deepEqual(decide(FIXED, response(status, "1"), fresh), { action: "raise" }, `status ${status}`);
  }
});
