/**
 * Verifying a webhook delivery (Standard Webhooks, docs/webhooks.md): the `webhook-signature`
 * header holds one or more `v1,<base64 HMAC-SHA256>` of `{webhook-id}.{webhook-timestamp}.{body}`,
 * keyed with the bytes the secret encodes (`whsec_<base64>`).
 */
import { createHmac, timingSafeEqual } from "node:crypto";

import type { Schemas } from "./types.js";

/** The request is not a genuine, fresh delivery signed with the secret. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}

/** Request headers: a `Headers`, or a plain object as Node's `req.headers` (names in any case). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyOptions {
  /** Seconds a timestamp may be away from now (default 300: 5 minutes). */
  toleranceSeconds?: number;
  /** The current time in milliseconds (default `Date.now`). */
  now?: () => number;
}

/** A delivered event: the same JSON as the change feed (GET /api/v1/events). */
export type WebhookEvent = Schemas["Event"];

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(" ") : value;
  }
  return undefined;
}

function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret;
  const key = Buffer.from(encoded, "base64");
  if (key.length === 0) throw new WebhookVerificationError("the secret encodes no key");
  return key;
}

/**
 * Check that `body` (the raw body, exactly as received) was signed by Stockyard with `secret`
 * less than 5 minutes ago; returns the parsed event, or throws `WebhookVerificationError`.
 * During a secret rotation a delivery carries several signatures: any one matching is enough.
 */
export function verifyWebhook(
  body: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string,
  options: VerifyOptions = {},
): WebhookEvent {
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError("missing webhook-id, webhook-timestamp or webhook-signature");
  if (!/^\d+$/.test(timestamp)) throw new WebhookVerificationError("invalid webhook-timestamp");
  const tolerance = options.toleranceSeconds ?? 300;
  const now = (options.now ?? Date.now)() / 1000;
  const sent = Number(timestamp);
  if (now - sent > tolerance) throw new WebhookVerificationError("webhook-timestamp is too old");
  if (sent - now > tolerance) throw new WebhookVerificationError("webhook-timestamp is in the future");
  const payload = typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const expected = createHmac("sha256", secretKey(secret))
    .update(`${id}.${timestamp}.`)
    .update(payload)
    .digest();
  const matches = signatures.split(" ").some((signature) => {
    const comma = signature.indexOf(",");
    if (comma < 0 || signature.slice(0, comma) !== "v1") return false;
    const given = Buffer.from(signature.slice(comma + 1), "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookVerificationError("no signature matches");
  try {
    return JSON.parse(payload.toString("utf8")) as WebhookEvent;
  } catch {
    throw new WebhookVerificationError("the body is not JSON");
  }
}

/** Sign `body` as Stockyard does (for testing a receiver): the three headers of a delivery. */
export function signWebhook(
  body: string,
  secret: string,
  { id, timestamp }: { id: string; timestamp: number },
): Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string> {
  const signature = createHmac("sha256", secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest("base64");
  return { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": `v1,${signature}` };
}
