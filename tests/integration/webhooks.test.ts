import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { canManageEvent, isAdmin } from "~/auth/permissions.server";
import { decideScans } from "~/models/checkin-writer.server";
import { cancelRegistration, register } from "~/models/registration-write.server";
import { prisma, writeTransaction } from "~/models/store/connection.server";
import {
  createWebhookEndpoint,
  enqueueRegistrationWebhook,
  listWebhookEndpoints,
  resendWebhookDelivery,
  sendDueWebhooks,
  webhookEndpointWithDeliveries,
  type MayManage,
} from "~/models/webhook.server";
import type { WebhookEventType } from "~/models/webhook-rules";
import { registrationInputSchema } from "~/schemas/registration";
import { addRegistration, createEventFixture, newNonce } from "../support/checkin-fixtures";
import { createRegistrationEvent, person } from "../support/registration-fixtures";

process.env.RATE_LIMIT = "off";

/** A partner's receiver on 127.0.0.1: answers `answer` (or is not listening at all) and records every request. */
type Received = { headers: IncomingHttpHeaders; body: string; answered: number };

class Receiver {
  received: Received[] = [];
  answer = 204;
  private server: Server | null = null;

  constructor(readonly port: number) {}

  static async onFreePort(): Promise<Receiver> {
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((done) => probe.close(done));
    return new Receiver(port);
  }

  get url() {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async up() {
    this.server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        this.received.push({ headers: request.headers, body, answered: this.answer });
        response.writeHead(this.answer).end();
      });
    });
    await new Promise<void>((done) => this.server!.listen(this.port, "127.0.0.1", done));
  }

  async down() {
    await new Promise((done) => (this.server ? this.server.close(done) : done(null)));
    this.server = null;
  }

  accepted() {
    return this.received.filter((request) => request.answered < 300);
  }
}

const everyone: MayManage = () => true;
// Tests post to 127.0.0.1 and retry at once: the production schedule (minutes to hours) is a unit test's business.
const fast = { allowPrivateTargets: true, retry: { baseMs: 1, capMs: 1, maxAttempts: 12 } };

/** Runs sender passes until `condition` holds (polled, no fixed sleeps). */
async function sendUntil(condition: () => boolean | Promise<boolean>) {
  await vi.waitFor(
    async () => {
      await sendDueWebhooks(fast);
      expect(await condition()).toBe(true);
    },
    { timeout: 15_000, interval: 20 },
  );
}

async function endpointFor(receiver: Receiver, eventTypes: WebhookEventType[], eventId: string | null = null) {
  return createWebhookEndpoint({ url: receiver.url, eventTypes, eventId }, everyone);
}

const receivers: Receiver[] = [];
async function receiver() {
  const created = await Receiver.onFreePort();
  receivers.push(created);
  return created;
}

const disableAll = async () => (await prisma()).webhookEndpoint.updateMany({ data: { disabledAt: new Date() } });

beforeAll(async () => {
  await disableAll();
});

afterAll(async () => {
  await Promise.all(receivers.map((each) => each.down()));
});

describe("signed webhooks", () => {
  it("signs each delivery so the official Standard Webhooks library verifies it, and sends { type, timestamp, data }", async () => {
    await disableAll();
    const { slug, event } = await createRegistrationEvent({ capacity: 10 });
    const hook = await receiver();
    await hook.up();
    const { secret } = await endpointFor(hook, ["registration.created"], event.id);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);

    const answer = await register({ slug, input: registrationInputSchema.parse(person(1)) });
    await sendUntil(() => hook.accepted().length === 1);

    const [request] = hook.received;
    const verified = new Webhook(secret).verify(request.body, request.headers as Record<string, string>) as {
      type: string;
      timestamp: string;
      data: { registration: { id: string; status: string; eventSlug: string } };
    };
    expect(verified.type).toBe("registration.created");
    expect(new Date(verified.timestamp).toISOString()).toBe(verified.timestamp);
    expect(verified.data.registration).toMatchObject({ id: answer.body.registration.id, status: "confirmed", eventSlug: slug });
    expect(request.headers["webhook-id"]).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(Math.abs(Number(request.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);

    // A tampered body or another secret does not verify.
    expect(() => new Webhook(secret).verify(request.body.replace("confirmed", "cancelled"), request.headers as Record<string, string>)).toThrow();
    expect(() => new Webhook(`whsec_${Buffer.from("another secret of enough length").toString("base64")}`).verify(request.body, request.headers as Record<string, string>)).toThrow();
  });

  it("delivers each event exactly once to a receiver that was down (connection refused, then 500), with the same webhook-id on every attempt", async () => {
    await disableAll();
    const { slug, event } = await createRegistrationEvent({ capacity: 10 });
    const hook = await receiver();
    const { endpoint } = await endpointFor(hook, ["registration.created"], event.id);
    const first = await register({ slug, input: registrationInputSchema.parse(person(2)) });
    const second = await register({ slug, input: registrationInputSchema.parse(person(3)) });
    const db = await prisma();
    const deliveries = () => db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { seq: "asc" } });

    // Nobody listening: connection refused, retried.
    await sendUntil(async () => (await deliveries()).every((row) => row.attempts >= 2 && row.status === "PENDING"));
    expect((await deliveries())[0].lastError).toMatch(/ECONNREFUSED/);

    hook.answer = 500;
    await hook.up();
    await sendUntil(() => hook.received.length >= 4);
    expect((await deliveries())[0]).toMatchObject({ status: "PENDING", lastStatusCode: 500 });

    hook.answer = 200;
    await sendUntil(async () => (await deliveries()).every((row) => row.status === "DELIVERED"));
    expect(await sendDueWebhooks(fast)).toMatchObject({ claimed: 0 });

    const ids = (await deliveries()).map((row) => row.messageId);
    expect(
      hook
        .accepted()
        .map((request) => request.headers["webhook-id"])
        .sort(),
    ).toEqual([...ids].sort());
    for (const id of ids) {
      const attempts = hook.received.filter((request) => request.headers["webhook-id"] === id);
      expect(attempts.length).toBeGreaterThanOrEqual(3);
      expect(new Set(attempts.map((request) => request.body)).size).toBe(1);
    }
    const registrationIds = hook.accepted().map((request) => (JSON.parse(request.body) as { data: { registration: { id: string } } }).data.registration.id);
    expect(registrationIds.sort()).toEqual([first.body.registration.id, second.body.registration.id].sort());

    // Re-send from the back office: the same message again, once.
    const [delivered] = await deliveries();
    expect(await resendWebhookDelivery(endpoint.id, delivered.seq, everyone)).toBe(true);
    const before = hook.accepted().length;
    await sendUntil(() => hook.accepted().length === before + 1);
    expect(hook.accepted().at(-1)!.headers["webhook-id"]).toBe(delivered.messageId);
  });

  it("keeps a registration's messages in order: its cancellation is not sent while its creation is still failing", async () => {
    await disableAll();
    const { slug, event } = await createRegistrationEvent({ capacity: 10 });
    const hook = await receiver();
    const { endpoint } = await endpointFor(hook, ["registration.created", "registration.cancelled"], event.id);
    const answer = await register({ slug, input: registrationInputSchema.parse(person(4)) });
    await cancelRegistration(answer.body.registration.id);
    const db = await prisma();
    const rows = () => db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { seq: "asc" } });
    expect((await rows()).map((row) => row.type)).toEqual(["registration.created", "registration.cancelled"]);

    await sendUntil(async () => (await rows())[0].attempts >= 3);
    expect((await rows())[1].attempts).toBe(0);

    await hook.up();
    await sendUntil(async () => (await rows()).every((row) => row.status === "DELIVERED"));
    const types = hook.received.map((request) => (JSON.parse(request.body) as { type: string; data: { registration: { status: string } } }).type);
    expect(types).toEqual(["registration.created", "registration.cancelled"]);
    expect((JSON.parse(hook.received[1].body) as { data: { registration: { status: string } } }).data.registration.status).toBe("cancelled");
  });

  it("writes deliveries in the transaction of their cause: a rolled-back write leaves none", async () => {
    await disableAll();
    const { slug, event } = await createRegistrationEvent({ capacity: 10 });
    const hook = await receiver();
    const { endpoint } = await endpointFor(hook, ["registration.updated"], event.id);
    const answer = await register({ slug, input: registrationInputSchema.parse(person(5)) });
    await expect(
      writeTransaction((sql) => {
        enqueueRegistrationWebhook(sql, "registration.updated", answer.body.registration.id, new Date());
        throw new Error("the cause failed");
      }),
    ).rejects.toThrow("the cause failed");
    expect(await (await prisma()).webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
  });

  it("fires checkin.created from the check-in writer thread for admitted entries only, and only to endpoints of that event or of all events", async () => {
    await disableAll();
    const { event, mainList } = await createEventFixture();
    const other = await createEventFixture();
    const hook = await receiver();
    await hook.up();
    const { endpoint, secret } = await endpointFor(hook, ["checkin.created"], event.id);
    const { endpoint: elsewhere } = await endpointFor(hook, ["checkin.created"], other.event.id);
    const attendee = await addRegistration(event.id);
    const cancelled = await addRegistration(event.id, { status: "CANCELLED" });
    const scan = (code: string) => ({ eventId: event.id, listId: mainList.id, code, direction: "entry" as const, nonce: newNonce(), scannedAt: new Date(), deviceId: "door-1", offline: false });
    const outcomes = await decideScans([scan(attendee.ticketCode), scan(attendee.ticketCode), scan(cancelled.ticketCode), scan("no-such-ticket")]);
    expect(outcomes.map((outcome) => outcome.ok && outcome.answer.result)).toEqual(["ok", "already_checked_in", "cancelled", "invalid"]);

    const db = await prisma();
    expect(await db.webhookDelivery.count({ where: { endpointId: elsewhere.id } })).toBe(0);
    await sendUntil(() => hook.accepted().length === 1);
    const body = new Webhook(secret).verify(hook.received[0].body, hook.received[0].headers as Record<string, string>) as {
      type: string;
      data: { checkIn: { registrationId: string; direction: string; offline: boolean }; attendee: { name: string } };
    };
    expect(body.type).toBe("checkin.created");
    expect(body.data.checkIn).toMatchObject({ registrationId: attendee.id, direction: "entry", offline: false });
    expect(body.data.attendee.name).toBe(attendee.name);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
  });

  it("refuses private addresses unless WEBHOOK_PRIVATE_TARGETS allows them, and never follows a redirect", async () => {
    await disableAll();
    const { slug, event } = await createRegistrationEvent({ capacity: 10 });
    const hook = await receiver();
    hook.answer = 302;
    await hook.up();
    const { endpoint } = await endpointFor(hook, ["registration.created"], event.id);
    await register({ slug, input: registrationInputSchema.parse(person(6)) });
    const db = await prisma();
    const row = () => db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });

    await sendDueWebhooks({ ...fast, allowPrivateTargets: false });
    expect(await row()).toMatchObject({ status: "PENDING", lastStatusCode: null, lastError: "private address 127.0.0.1 refused" });
    expect(hook.received).toHaveLength(0);

    await sendUntil(async () => (await row()).lastStatusCode === 302);
    expect((await row()).status).toBe("PENDING");
  });
});

describe("webhook endpoints: who may manage them", () => {
  const organizerOf = (eventId: string) => ({ roles: [{ role: "ORGANIZER" as const, eventId, seriesId: null, firmId: null }] });
  const ruleFor =
    (user: { roles: { role: "ORGANIZER" | "ADMIN"; eventId: string | null; seriesId: string | null; firmId: string | null }[] }): MayManage =>
    (scope) =>
      scope ? canManageEvent(user, scope) : isAdmin(user);

  it("lets an organizer of event A create, see and re-send only for A; endpoints for every event are admins'", async () => {
    const a = await createRegistrationEvent();
    const b = await createRegistrationEvent();
    const organizer = ruleFor(organizerOf(a.event.id));
    const hook = await receiver();
    const own = await createWebhookEndpoint({ url: hook.url, eventTypes: ["registration.created"], eventId: a.event.id }, organizer);
    await expect(createWebhookEndpoint({ url: hook.url, eventTypes: ["registration.created"], eventId: b.event.id }, organizer)).rejects.toMatchObject({ status: 403 });
    await expect(createWebhookEndpoint({ url: hook.url, eventTypes: ["registration.created"] }, organizer)).rejects.toMatchObject({ status: 403 });
    const theirs = await createWebhookEndpoint({ url: hook.url, eventTypes: ["registration.created"], eventId: b.event.id }, everyone);

    const visible = (await listWebhookEndpoints(organizer)).map((endpoint) => endpoint.id);
    expect(visible).toContain(own.endpoint.id);
    expect(visible).not.toContain(theirs.endpoint.id);
    await expect(webhookEndpointWithDeliveries(theirs.endpoint.id, organizer)).rejects.toMatchObject({ status: 404 });
    await expect(resendWebhookDelivery(theirs.endpoint.id, 1, organizer)).rejects.toMatchObject({ status: 404 });
  });

  it("refuses URLs that are not http(s), and application events on an endpoint scoped to one event", async () => {
    const a = await createRegistrationEvent();
    await expect(createWebhookEndpoint({ url: "file:///etc/passwd", eventTypes: ["registration.created"] }, everyone)).rejects.toMatchObject({ status: 422, fields: { url: "webhooks.error.scheme" } });
    await expect(createWebhookEndpoint({ url: "https://partner.example/hook", eventTypes: ["application.submitted"], eventId: a.event.id }, everyone)).rejects.toMatchObject({ status: 422 });
  });
});
