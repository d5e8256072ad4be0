import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma, writeTransaction } from "~/models/store/connection.server";
import { createWebhookEndpoint, enqueueRegistrationWebhook } from "~/models/webhook.server";
import { addRegistration, createEventFixture, staffUser } from "../support/checkin-fixtures";
import { startTestServer } from "../support/server";
import { signIn } from "../support/staff";

// Sign-ins run scrypt; on a busy 2-core machine these tests need more than 30 s.
vi.setConfig({ testTimeout: 120_000 });

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const everyone = () => true;

describe("webhook pages: an organizer of event A", () => {
  it("creates an endpoint for A (secret shown once), cannot create one for B or for every event, and cannot see B's", async () => {
    const a = await createEventFixture();
    const b = await createEventFixture();
    const organizer = await staffUser(a.event.slug, "ORGANIZER");
    const jar = await signIn(server.baseUrl, organizer.email, organizer.password);
    const create = (scope: string) =>
      jar.fetch(`${server.baseUrl}/admin/webhooks?index`, {
        method: "POST",
        body: new URLSearchParams([
          ["intent", "create"],
          ["url", "https://partner.example/a"],
          ["scope", scope],
          ["eventTypes", "registration.created"],
          ["eventTypes", "checkin.created"],
        ]),
      });

    const created = await create(a.event.id);
    expect(created.status).toBe(200);
    expect(await created.text()).toMatch(/whsec_[A-Za-z0-9+/]+=*/);
    expect((await create(b.event.id)).status).toBe(403);
    expect((await create("all")).status).toBe(403);

    const theirs = await createWebhookEndpoint({ url: "https://partner.example/b-only", eventTypes: ["registration.created"], eventId: b.event.id }, everyone);
    const list = await jar.fetch(`${server.baseUrl}/admin/webhooks`);
    const html = await list.text();
    expect(html).toContain("https://partner.example/a");
    expect(html).not.toContain("b-only");
    expect((await jar.fetch(`${server.baseUrl}/admin/webhooks/${theirs.endpoint.id}`)).status).toBe(404);
    const resend = await jar.fetch(`${server.baseUrl}/admin/webhooks/${theirs.endpoint.id}`, { method: "POST", body: new URLSearchParams({ intent: "resend", seq: "1" }) });
    expect(resend.status).toBe(404);
  });

  it("shows the delivery log of A's endpoint with status words, not codes", async () => {
    const a = await createEventFixture();
    const organizer = await staffUser(a.event.slug, "ORGANIZER");
    const jar = await signIn(server.baseUrl, organizer.email, organizer.password);
    const { endpoint } = await createWebhookEndpoint({ url: "https://partner.example/log", eventTypes: ["registration.updated"], eventId: a.event.id }, everyone);
    const registration = await addRegistration(a.event.id);
    await writeTransaction((sql) => enqueueRegistrationWebhook(sql, "registration.updated", registration.id, new Date()));
    expect(await (await prisma()).webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);

    const page = await jar.fetch(`${server.baseUrl}/admin/webhooks/${endpoint.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("等待发送");
    expect(html).toContain("报名变更");
    expect(html).not.toMatch(/>PENDING</);
  });
});
