import { audit } from "~/models/audit.server";
import { prisma, rawSql, sqlDate, writeTransaction, groupedWrite, type Sql } from "~/models/store/connection.server";
import { claimDelivery, deliveryToSend, dueDeliveries, enqueueApplicationDeliveries, enqueueRegistrationDeliveries, recordDeliveryOutcome, requeueDelivery } from "~/models/store/webhook-store.server";
import { DomainError } from "~/utils/domain-error";
import { env } from "~/utils/env.server";
import { seal, unseal } from "~/utils/sealed-secret.server";
import { postWebhook } from "~/utils/webhook-post.server";
import { startQueueLoop } from "~/utils/queue-loop";
import {
  defaultRetryPolicy,
  endpointUrlProblem,
  eventTypesOf,
  newWebhookSecret,
  programmeWideTypes,
  storedEventTypes,
  webhookBody,
  webhookRetryDelayMs,
  webhookSignature,
  type RetryPolicy,
  type WebhookEventType,
} from "./webhook-rules";

/**
 * Signed webhooks (README "Webhooks"): a delivery row per subscribed endpoint is written in the transaction
 * of its cause, like the e-mail outbox (DESIGN.md §4.5); a sender posts due rows later, signed as the
 * Standard Webhooks specification says, with retries, keeping each registration's messages in order.
 */
const secretPurpose = "webhook";

/** Inside the cause's transaction: one message per endpoint subscribed to `type` for the registration's event. */
export function enqueueRegistrationWebhook(sql: Sql, type: "registration.created" | "registration.updated" | "registration.cancelled", registrationId: string, now: Date) {
  enqueueRegistrationDeliveries.run(sql, { type, registrationId, at: sqlDate(now) });
}

/** Inside the cause's transaction: one message per endpoint for every event subscribed to `type`. */
export function enqueueApplicationWebhook(sql: Sql, type: "application.submitted" | "application.decided", applicationId: string, now: Date) {
  enqueueApplicationDeliveries.run(sql, { type, applicationId, at: sqlDate(now) });
}

// Who may manage an endpoint: for every event (eventId null) or for one event. Routes pass the user's rule in.
export type EndpointScope = { id: string; seriesId: string | null } | null;
export type MayManage = (scope: EndpointScope) => boolean;

export type NewEndpoint = { url: string; description?: string; eventTypes: WebhookEventType[]; eventId?: string | null; eventSlug?: string | null; createdById?: string | null };

/** Registers an endpoint; returns it with its secret, which is shown this once. */
export async function createWebhookEndpoint(input: NewEndpoint, mayManage: MayManage) {
  const db = await prisma();
  const urlProblem = endpointUrlProblem(input.url);
  if (urlProblem)
    throw new DomainError("invalid", "invalid_input", urlProblem === "scheme" ? "webhooks.error.scheme" : "webhooks.error.url", undefined, {
      url: urlProblem === "scheme" ? "webhooks.error.scheme" : "webhooks.error.url",
    });
  if (input.eventTypes.length === 0) throw new DomainError("invalid", "invalid_input", "webhooks.error.noTypes", undefined, { eventTypes: "webhooks.error.noTypes" });
  const event = input.eventId
    ? await db.event.findUnique({ where: { id: input.eventId }, select: { id: true, seriesId: true } })
    : input.eventSlug
      ? await db.event.findUnique({ where: { slug: input.eventSlug }, select: { id: true, seriesId: true } })
      : null;
  if ((input.eventId || input.eventSlug) && !event) throw new DomainError("not_found", "unknown_event", "event.notFound");
  if (!mayManage(event)) throw new DomainError("forbidden", "forbidden", "error.forbidden.body");
  if (event && input.eventTypes.some((type) => programmeWideTypes.includes(type))) {
    throw new DomainError("invalid", "invalid_input", "webhooks.error.programmeWide", undefined, { eventTypes: "webhooks.error.programmeWide" });
  }
  const secret = newWebhookSecret();
  const endpoint = await db.webhookEndpoint.create({
    data: {
      url: input.url,
      description: input.description ?? "",
      eventTypes: storedEventTypes(input.eventTypes),
      eventId: event?.id ?? null,
      secretSealed: seal(secretPurpose, secret),
      createdById: input.createdById ?? null,
    },
  });
  await audit({
    action: "webhook.created",
    actorUserId: input.createdById,
    targetType: "WebhookEndpoint",
    targetId: endpoint.id,
    eventId: event?.id,
    details: { url: input.url, eventTypes: input.eventTypes },
  });
  return { endpoint, secret };
}

/** The endpoints this user may manage, newest first, with their event and delivery counts per status. */
export async function listWebhookEndpoints(mayManage: MayManage) {
  const db = await prisma();
  const endpoints = await db.webhookEndpoint.findMany({
    select: { id: true, url: true, description: true, eventTypes: true, disabledAt: true, createdAt: true, event: { select: { id: true, seriesId: true, slug: true, title: true, titleEn: true } } },
    orderBy: { createdAt: "desc" },
  });
  return endpoints.filter((endpoint) => mayManage(endpoint.event)).map((endpoint) => ({ ...endpoint, eventTypes: eventTypesOf(endpoint.eventTypes) }));
}

async function managedEndpoint(id: string, mayManage: MayManage) {
  const endpoint = await (
    await prisma()
  ).webhookEndpoint.findUnique({
    where: { id },
    select: { id: true, url: true, description: true, eventTypes: true, disabledAt: true, createdAt: true, event: { select: { id: true, seriesId: true, slug: true, title: true, titleEn: true } } },
  });
  // Another event's endpoint is "not found", as the rest of the back office answers (no existence leak).
  if (!endpoint || !mayManage(endpoint.event)) throw new DomainError("not_found", "not_found", "error.notFound.body");
  return { ...endpoint, eventTypes: eventTypesOf(endpoint.eventTypes) };
}

/** One endpoint and its latest deliveries (newest first). */
export async function webhookEndpointWithDeliveries(id: string, mayManage: MayManage, take = 200) {
  const endpoint = await managedEndpoint(id, mayManage);
  const deliveries = await (
    await prisma()
  ).webhookDelivery.findMany({
    where: { endpointId: id },
    select: { seq: true, messageId: true, type: true, status: true, attempts: true, nextAttemptAt: true, lastStatusCode: true, lastError: true, deliveredAt: true, createdAt: true },
    orderBy: { seq: "desc" },
    take,
  });
  return { endpoint, deliveries };
}

export async function setWebhookEndpointEnabled(id: string, enabled: boolean, mayManage: MayManage, actorUserId?: string | null, now = new Date()) {
  const endpoint = await managedEndpoint(id, mayManage);
  await (await prisma()).webhookEndpoint.update({ where: { id }, data: { disabledAt: enabled ? null : now } });
  await audit({ action: enabled ? "webhook.enabled" : "webhook.disabled", actorUserId, targetType: "WebhookEndpoint", targetId: id, eventId: endpoint.event?.id });
}

/** Deletes the endpoint and its delivery log. */
export async function deleteWebhookEndpoint(id: string, mayManage: MayManage, actorUserId?: string | null) {
  const endpoint = await managedEndpoint(id, mayManage);
  await (await prisma()).webhookEndpoint.delete({ where: { id } });
  await audit({ action: "webhook.deleted", actorUserId, targetType: "WebhookEndpoint", targetId: id, eventId: endpoint.event?.id, details: { url: endpoint.url } });
}

/** Re-send from the back office: a finished delivery goes back to the queue with its message id. */
export async function resendWebhookDelivery(endpointId: string, seq: number, mayManage: MayManage, now = new Date()): Promise<boolean> {
  await managedEndpoint(endpointId, mayManage);
  const requeued = (await writeTransaction((sql) => requeueDelivery.run(sql, { seq, endpointId, at: sqlDate(now) }))).changes === 1;
  if (requeued) wakeWebhookSender();
  return requeued;
}

export type WebhookSenderOptions = {
  now?: Date;
  batchSize?: number;
  concurrency?: number;
  // A claimed delivery whose sender died is taken again after this long (crash recovery).
  leaseMs?: number;
  timeoutMs?: number;
  retry?: RetryPolicy;
  allowPrivateTargets?: boolean;
};

export type WebhookSendReport = { claimed: number; delivered: number; retrying: number; failed: number };

/** The retry policy of `npm start`: the default, or a faster base from WEBHOOK_RETRY_BASE_MS (tests, staging). */
function configuredRetryPolicy(): RetryPolicy {
  const base = env().WEBHOOK_RETRY_BASE_MS;
  return base ? { ...defaultRetryPolicy, baseMs: base } : defaultRetryPolicy;
}

/**
 * One pass of the sender, as the outbox's: claims due rows with a guarded UPDATE, posts them, and records
 * the outcome. 2xx is delivered; anything else (3xx included: redirects are not followed) is retried with
 * backoff, and failed after the policy's last attempt.
 */
export async function sendDueWebhooks(options: WebhookSenderOptions = {}): Promise<WebhookSendReport> {
  const now = options.now ?? new Date();
  const report: WebhookSendReport = { claimed: 0, delivered: 0, retrying: 0, failed: 0 };
  const sql = await rawSql();
  const due = dueDeliveries.all(sql, { now: sqlDate(now), limit: options.batchSize ?? 100 });
  if (due.length === 0) return report;
  const leaseUntil = sqlDate(new Date(now.getTime() + (options.leaseMs ?? 120_000)));
  const claimed = await writeTransaction((tx) => due.filter(({ seq }) => claimDelivery.run(tx, { seq, now: sqlDate(now), leaseUntil }).changes === 1));
  report.claimed = claimed.length;
  const retry = options.retry ?? configuredRetryPolicy();
  const allowPrivate = options.allowPrivateTargets ?? env().WEBHOOK_PRIVATE_TARGETS;
  // Rows of one registration and endpoint are claimed one at a time (dueDeliveries), so parallel posts keep its order.
  const queue = [...claimed];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const delivery = deliveryToSend.get(sql, { seq: next.seq });
      if (!delivery) continue;
      const outcome = await attempt(delivery, options.timeoutMs ?? 10_000, allowPrivate);
      const at = options.now ?? new Date();
      const attempts = delivery.attempts + 1;
      const ok = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
      const status = ok ? "DELIVERED" : attempts >= retry.maxAttempts ? "FAILED" : "PENDING";
      await groupedWrite((tx) =>
        recordDeliveryOutcome.run(tx, {
          seq: delivery.seq,
          status,
          attempts,
          statusCode: outcome.statusCode,
          error: ok ? null : (outcome.error ?? `HTTP ${outcome.statusCode}`),
          deliveredAt: ok ? sqlDate(at) : null,
          nextAttemptAt: sqlDate(status === "PENDING" ? new Date(at.getTime() + webhookRetryDelayMs(attempts, retry)) : at),
        }),
      );
      if (status === "DELIVERED") report.delivered += 1;
      else if (status === "FAILED") report.failed += 1;
      else report.retrying += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, claimed.length) }, worker));
  return report;
}

type Delivery = NonNullable<ReturnType<typeof deliveryToSend.get>>;

async function attempt(delivery: Delivery, timeoutMs: number, allowPrivate: boolean) {
  if (delivery.disabledAt) return { statusCode: null, error: "endpoint disabled" };
  const secret = unseal(secretPurpose, delivery.secretSealed);
  if (!secret) return { statusCode: null, error: "signing secret unreadable (SESSION_SECRET changed?)" };
  const body = webhookBody(delivery);
  const timestamp = Math.floor(Date.now() / 1000);
  return postWebhook({
    url: delivery.url,
    body,
    timeoutMs,
    allowPrivate,
    headers: { "webhook-id": delivery.messageId, "webhook-timestamp": String(timestamp), "webhook-signature": webhookSignature(secret, delivery.messageId, timestamp, body) },
  });
}

let running: ReturnType<typeof startQueueLoop> | null = null;

/** Asks the running sender to look at the queue now instead of at its next tick. */
export function wakeWebhookSender() {
  running?.wake();
}

/** The sender loop used by `npm start` (in-process) and `npm run worker`. Returns a stop function. */
export function startWebhookSender({ intervalMs = 2000 }: { intervalMs?: number } = {}) {
  const loop = startQueueLoop({ name: "Webhook sender", intervalMs, pass: async () => (await sendDueWebhooks()).claimed > 0 });
  running = loop;
  return () => {
    loop.stop();
    if (running === loop) running = null;
  };
}
