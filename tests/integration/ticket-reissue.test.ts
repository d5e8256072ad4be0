import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ticketKey, type OfflineTicket } from "~/models/checkin-offline-index.server";
import { sendDueEmails } from "~/models/outbox.server";
import { renderLazyEmail } from "~/models/registration-emails.server";
import { register } from "~/models/registration-write.server";
import { registrationInputSchema } from "~/schemas/registration";
import { prisma } from "~/models/store/connection.server";
import { mailerFromUrl, type Mailer } from "~/utils/mailer.server";
import { staffUser, tokenFor } from "../support/checkin-fixtures";
import { decodeQrPng } from "../support/qr";
import { createRegistrationEvent, person } from "../support/registration-fixtures";
import { CookieJar, startTestServer } from "../support/server";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { signIn } from "../support/staff";

let server: Awaited<ReturnType<typeof startTestServer>>;
let smtp: TestSmtp;
let mailer: Mailer;

beforeAll(async () => {
  server = await startTestServer();
  smtp = await startSmtp();
  mailer = mailerFromUrl(smtp.url, "Events <no-reply@example.org>");
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await server?.close();
});

async function deliverAll() {
  while ((await sendDueEmails({ render: renderLazyEmail, mailer })).claimed > 0);
}

async function confirmedRegistration(email: string) {
  const { event, slug } = await createRegistrationEvent({ capacity: 10 });
  const answer = await register({ slug, input: registrationInputSchema.parse(person(1, { email })) });
  expect(answer.body.registration.status).toBe("confirmed");
  const registration = await (await prisma()).registration.findFirstOrThrow({ where: { eventId: event.id, email } });
  await deliverAll();
  return { event, slug, registration };
}

function reissue(jar: CookieJar, eventId: string, registrationId: string) {
  return jar.fetch(`${server.baseUrl}/admin/events/${eventId}/registrations`, {
    method: "POST",
    headers: { Origin: server.baseUrl },
    body: new URLSearchParams({ intent: "reissue", id: registrationId }),
  });
}

async function scan(token: string, code: string) {
  const response = await fetch(`${server.baseUrl}/api/v1/checkin`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ nonce: randomUUID(), code, deviceId: "door-1" }),
  });
  return ((await response.json()) as { result: string }).result;
}

describe("re-issuing a ticket from the back office (DESIGN.md §4.3)", () => {
  it("kills the old code at the door, e-mails a new QR that scans ok, and audits who did it without the codes", async () => {
    const email = `reissue-${randomUUID().slice(0, 8)}@example.org`;
    const { event, slug, registration } = await confirmedRegistration(email);
    const organizer = await staffUser(slug, "ORGANIZER");
    const jar = await signIn(server.baseUrl, organizer.email, organizer.password);

    const page = await jar.fetch(`${server.baseUrl}/admin/events/${event.id}/registrations`);
    expect(await page.text()).toContain("重新签发票码");

    const before = smtp.messages.length;
    const response = await reissue(jar, event.id, registration.id);
    expect(response.status).toBe(200);
    await deliverAll();
    await smtp.waitFor(before + 1);
    const mail = smtp.messages.slice(before).find((message) => message.to && "text" in message.to && message.to.text.includes(email))!;
    expect(mail).toBeDefined();
    const newCode = decodeQrPng(mail.attachments.find((attachment) => attachment.contentType === "image/png")!.content).text!;
    expect(newCode).not.toBe(registration.ticketCode);
    expect(Buffer.from(newCode, "base64url").length * 8).toBeGreaterThanOrEqual(128);

    const token = await tokenFor(slug);
    expect(await scan(token, registration.ticketCode)).toBe("invalid");
    expect(await scan(token, newCode)).toBe("ok");

    const index = (await (await fetch(`${server.baseUrl}/api/v1/events/${slug}/checkin/index`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
      tickets: OfflineTicket[];
    };
    expect(index.tickets.some((ticket) => ticket.k === ticketKey(registration.ticketCode))).toBe(false);
    expect(index.tickets.some((ticket) => ticket.k === ticketKey(newCode))).toBe(true);

    const db = await prisma();
    const user = await db.user.findUniqueOrThrow({ where: { email: organizer.email } });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "registration.ticket_reissued", targetId: registration.id } });
    expect(entry).toMatchObject({ actorUserId: user.id, eventId: event.id, targetType: "Registration" });
    expect(JSON.stringify(entry)).not.toContain(registration.ticketCode);
    expect(JSON.stringify(entry)).not.toContain(newCode);
  });

  it("is refused to check-in staff and to organizers of another event, and leaves the ticket as it was", async () => {
    const { event, slug, registration } = await confirmedRegistration(`reissue-${randomUUID().slice(0, 8)}@example.org`);
    const checker = await staffUser(slug, "CHECKIN");
    const other = await createRegistrationEvent({});
    const otherOrganizer = await staffUser(other.slug, "ORGANIZER");
    for (const staff of [checker, otherOrganizer]) {
      const jar = await signIn(server.baseUrl, staff.email, staff.password);
      expect((await reissue(jar, event.id, registration.id)).status).toBe(403);
    }
    const db = await prisma();
    expect((await db.registration.findUniqueOrThrow({ where: { id: registration.id } })).ticketCode).toBe(registration.ticketCode);
    expect(await db.auditLog.count({ where: { action: "registration.ticket_reissued", targetId: registration.id } })).toBe(0);
  });

  it("answers 422 for a registration of another event or one that is not confirmed, and changes nothing", async () => {
    const { event, slug, registration } = await confirmedRegistration(`reissue-${randomUUID().slice(0, 8)}@example.org`);
    const elsewhere = await confirmedRegistration(`reissue-${randomUUID().slice(0, 8)}@example.org`);
    const organizer = await staffUser(slug, "ORGANIZER");
    const jar = await signIn(server.baseUrl, organizer.email, organizer.password);
    const refused = await reissue(jar, event.id, elsewhere.registration.id);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("只能为本活动已确认的报名重新签发票码");
    const db = await prisma();
    await db.registration.update({ where: { id: registration.id }, data: { status: "CANCELLED" } });
    expect((await reissue(jar, event.id, registration.id)).status).toBe(422);
    expect((await db.registration.findUniqueOrThrow({ where: { id: elsewhere.registration.id } })).ticketCode).toBe(elsewhere.registration.ticketCode);
    expect((await db.registration.findUniqueOrThrow({ where: { id: registration.id } })).ticketCode).toBe(registration.ticketCode);
  });
});
