import { createHmac, randomBytes } from "node:crypto";
import { webhookEventTypes, type WebhookEventType } from "~/schemas/webhooks";

/**
 * The rules of signed webhooks, without I/O (README "Webhooks", the Standard Webhooks specification):
 * which event types exist, how a message is signed, when a failed delivery is tried again.
 */
export { webhookEventTypes, type WebhookEventType };

/** Application events concern the programme, not an event: only endpoints for every event may receive them. */
export const programmeWideTypes: readonly WebhookEventType[] = ["application.submitted", "application.decided"];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (webhookEventTypes as readonly string[]).includes(value);
}

/** How the subscribed types are stored: between commas, so one LIKE finds a type (webhook-store.server.ts). */
export function storedEventTypes(types: readonly WebhookEventType[]): string {
  return `,${[...new Set(types)].join(",")},`;
}

export function eventTypesOf(stored: string): WebhookEventType[] {
  return stored.split(",").filter(isWebhookEventType);
}

/** A signing secret as the specification writes it: `whsec_` and 24 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/** `webhook-signature`: v1 and the base64 HMAC-SHA256 of "id.timestamp.body" under the secret's decoded bytes. */
export function webhookSignature(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${messageId}.${timestampSeconds}.${body}`).digest("base64")}`;
}

/** The body every attempt of a delivery sends, byte for byte. */
export function webhookBody(message: { type: string; createdAt: string; payload: string }): string {
  return `{"type":${JSON.stringify(message.type)},"timestamp":${JSON.stringify(new Date(message.createdAt).toISOString())},"data":${message.payload}}`;
}

export type RetryPolicy = { baseMs: number; capMs: number; maxAttempts: number };

/**
 * 1 min after the first failure, doubling each time up to 6 h, each delay ±20 % at random so endpoints that
 * failed together are not all retried at the same moment; failed for good after the 12th attempt (about 20 h).
 */
export const defaultRetryPolicy: RetryPolicy = { baseMs: 60_000, capMs: 6 * 3_600_000, maxAttempts: 12 };

export function webhookRetryDelayMs(attempts: number, policy: RetryPolicy, random = Math.random()): number {
  const delay = Math.min(policy.baseMs * 2 ** Math.max(0, attempts - 1), policy.capMs);
  return Math.round(delay * (0.8 + 0.4 * random));
}

/** Only http(s) URLs without credentials are endpoints. */
export function endpointUrlProblem(url: string): "invalid" | "scheme" | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "invalid";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "scheme";
  if (parsed.username || parsed.password) return "invalid";
  return null;
}
