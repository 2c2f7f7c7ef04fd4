/** Webhook signature verification (src/webhooks.ts), per docs/webhooks.md. */
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { test } from "node:test";

import { WebhookVerificationError, signWebhook, verifyWebhook } from "../src/index.js";

const SECRET = "whsec_" + Buffer.from("a secret of thirty-two bytes!!!!").toString("base64");
const OTHER = "whsec_" + Buffer.from("another secret of 32 bytes......").toString("base64");
const NOW = 1_796_000_000_000;
const now = () => NOW;
const BODY = JSON.stringify({ id: "evt_1", type: "webhook.test", createdAt: "2026-12-04T11:30:00Z", data: { endpointId: "whe_1" } });

function signed(body = BODY, secret = SECRET, timestamp = NOW / 1000) {
  return signWebhook(body, secret, { id: "msg_1", timestamp });
}

function rejects(fn: () => unknown, message: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof WebhookVerificationError);
    assert.equal(error.message, message);
    return true;
  });
}

test("the signature is the base64 HMAC-SHA256 of id.timestamp.body with the secret's bytes", () => {
  const key = Buffer.from(SECRET.slice("whsec_".length), "base64");
  const expected = createHmac("sha256", key).update(`msg_1.${NOW / 1000}.${BODY}`).digest("base64");
  assert.equal(signed()["webhook-signature"], `v1,${expected}`);
});

test("a genuine delivery verifies, from a string, bytes, a Headers or Node's headers object", () => {
  const headers = signed();
  const event = verifyWebhook(BODY, headers, SECRET, { now });
  assert.deepEqual(event, JSON.parse(BODY));
  assert.deepEqual(verifyWebhook(new TextEncoder().encode(BODY), new Headers(headers), SECRET, { now }), event);
  const nodeStyle = { "Webhook-Id": headers["webhook-id"], "webhook-timestamp": [headers["webhook-timestamp"]], "webhook-signature": headers["webhook-signature"] };
  assert.deepEqual(verifyWebhook(Buffer.from(BODY), nodeStyle, SECRET, { now }), event);
});

test("a changed body, id or timestamp, or another secret, is refused", () => {
  const headers = signed();
  rejects(() => verifyWebhook(BODY.replace("whe_1", "whe_2"), headers, SECRET, { now }), "no signature matches");
  rejects(() => verifyWebhook(BODY, { ...headers, "webhook-id": "msg_2" }, SECRET, { now }), "no signature matches");
  rejects(() => verifyWebhook(BODY, { ...headers, "webhook-timestamp": String(NOW / 1000 - 1) }, SECRET, { now }), "no signature matches");
  rejects(() => verifyWebhook(BODY, headers, OTHER, { now }), "no signature matches");
  rejects(() => verifyWebhook(BODY, { ...headers, "webhook-signature": headers["webhook-signature"].replace("v1,", "v2,") }, SECRET, { now }), "no signature matches");
  rejects(() => verifyWebhook(BODY, { ...headers, "webhook-signature": "v1,AAAA" }, SECRET, { now }), "no signature matches");
});

test("timestamps more than 5 minutes away are refused", () => {
  const old = signed(BODY, SECRET, NOW / 1000 - 301);
  rejects(() => verifyWebhook(BODY, old, SECRET, { now }), "webhook-timestamp is too old");
  const future = signed(BODY, SECRET, NOW / 1000 + 301);
  rejects(() => verifyWebhook(BODY, future, SECRET, { now }), "webhook-timestamp is in the future");
  const edge = signed(BODY, SECRET, NOW / 1000 - 300);
  assert.equal(verifyWebhook(BODY, edge, SECRET, { now }).id, "evt_1");
  assert.equal(verifyWebhook(BODY, old, SECRET, { now, toleranceSeconds: 400 }).id, "evt_1");
  rejects(() => verifyWebhook(BODY, { ...signed(), "webhook-timestamp": "12abc" }, SECRET, { now }), "invalid webhook-timestamp");
});

test("during a rotation any one of several signatures is enough", () => {
  const theirs = signed(BODY, OTHER)["webhook-signature"];
  const ours = signed()["webhook-signature"];
  const headers = { ...signed(), "webhook-signature": `${theirs} ${ours}` };
  assert.equal(verifyWebhook(BODY, headers, SECRET, { now }).id, "evt_1");
  assert.equal(verifyWebhook(BODY, headers, OTHER, { now }).id, "evt_1");
});

test("missing headers are refused", () => {
  const { "webhook-signature": _, ...unsigned } = signed();
  rejects(() => verifyWebhook(BODY, unsigned, SECRET, { now }), "missing webhook-id, webhook-timestamp or webhook-signature");
  rejects(() => verifyWebhook(BODY, {}, SECRET, { now }), "missing webhook-id, webhook-timestamp or webhook-signature");
});
