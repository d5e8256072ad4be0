import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendDueEmails } from "~/models/outbox.server";
import { renderLazyEmail } from "~/models/registration-emails.server";
import { register } from "~/models/registration-write.server";
import { prisma } from "~/models/store/connection.server";
import { mailerFromUrl, type Mailer } from "~/utils/mailer.server";
import { createRegistrationEvent, person } from "../support/registration-fixtures";
import { startTestServer } from "../support/server";
import { untilOutboxIdle } from "../support/outbox";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { staffUser } from "../support/checkin-fixtures";
import { signIn } from "../support/staff";

/**
 * Issue 7 §3, SMTP outages at the scale of a registration wave (the single-message retry and 5xx cases are
 * in registration-email.test.ts): 40 tickets while the server answers 421 for several rounds, then accepts →
 * each delivered exactly once; a 550 → FAILED with its attempt, shown as such in the back-office e-mail log.
 */
let smtp: TestSmtp;
let mailer: Mailer;
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  smtp = await startSmtp();
  mailer = mailerFromUrl(smtp.url, "Events <no-reply@example.org>");
  server = await startTestServer();
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await server?.close();
});

describe("SMTP outage", () => {
  it("delivers every one of 40 tickets exactly once after the server refused with 421 for a while", async () => {
    const { slug, event } = await createRegistrationEvent({ capacity: 100 });
    for (let i = 0; i < 40; i++) await register({ slug, input: person(1000 + i) });
    smtp.mode = "temporary";
    let clock = Date.now();
    for (let round = 0; round < 3; round++) {
      const report = await sendDueEmails({ render: renderLazyEmail, mailer, now: new Date(clock), retryBaseMs: 1000, batchSize: 500 });
      expect(report.sent).toBe(0);
      expect(report.retrying).toBe(40);
      clock += 10_000;
    }
    expect(smtp.received).toBe(0);
    smtp.mode = "accept";
    while ((await sendDueEmails({ render: renderLazyEmail, mailer, now: new Date(clock), retryBaseMs: 1000, batchSize: 500 })).claimed > 0) clock += 10_000;
    await smtp.waitFor(40);
    await untilOutboxIdle(event.id);
    expect(smtp.received).toBe(40);
    const ids = smtp.messages.map((mail) => mail.messageId);
    expect(new Set(ids).size).toBe(40);
    const db = await prisma();
    const messages = await db.emailMessage.findMany({ where: { eventId: event.id }, include: { attemptLog: true } });
    expect(messages.every((message) => message.status === "SENT")).toBe(true);
    expect(ids.sort()).toEqual(messages.map((message) => `<${message.id}@outbox.local>`).sort());
    for (const message of messages) {
      expect(message.attemptLog.filter((attempt) => attempt.ok)).toHaveLength(1);
      expect(message.attemptLog.filter((attempt) => attempt.responseCode === 421)).toHaveLength(3);
    }
    // Nothing more goes out later.
    await sendDueEmails({ render: renderLazyEmail, mailer, now: new Date(clock + 86_400_000), batchSize: 500 });
    expect(smtp.received).toBe(40);
  }, 60_000);

  it("marks a 550 FAILED and shows it, with the server's answer, in the event's e-mail log", async () => {
    const { slug, event } = await createRegistrationEvent({ capacity: 10 });
    const answer = await register({ slug, input: person(2000) });
    smtp.mode = "permanent";
    await sendDueEmails({ render: renderLazyEmail, mailer, batchSize: 500 });
    smtp.mode = "accept";
    const db = await prisma();
    const message = await db.emailMessage.findFirstOrThrow({ where: { registrationId: answer.body.registration.id } });
    expect(message.status).toBe("FAILED");
    // A later pass does not retry a permanent failure.
    const before = smtp.received;
    await sendDueEmails({ render: renderLazyEmail, mailer, now: new Date(Date.now() + 86_400_000), batchSize: 500 });
    expect(smtp.received).toBe(before);

    const staff = await staffUser(slug, "ORGANIZER");
    const jar = await signIn(server.baseUrl, staff.email, staff.password);
    const page = await jar.fetch(`${server.baseUrl}/admin/events/${event.id}/emails?status=FAILED`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("person2000@example.org");
    expect(html).toContain("FAILED");
    expect(html).toContain("Mailbox unavailable");
  }, 60_000);
});
