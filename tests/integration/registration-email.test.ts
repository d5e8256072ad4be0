import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { rawSql } from "~/models/store/connection.server";
import { prisma } from "~/models/store/connection.server";
import { mailerFromUrl, type Mailer } from "~/utils/mailer.server";
import { emailPreviewHtml, sendDueEmails, resendEmail } from "~/models/outbox.server";
import { renderLazyEmail } from "~/models/registration-emails.server";
import { register } from "~/models/registration-write.server";
import { registrationInputSchema } from "~/schemas/registration";
import { createRegistrationEvent, person } from "../support/registration-fixtures";
import { decodeQrPng } from "../support/qr";
import { untilOutboxIdle } from "../support/outbox";
import { startSmtp, type TestSmtp } from "../support/smtp";

let smtp: TestSmtp;
let mailer: Mailer;

beforeAll(async () => {
  await useDemoDatabase();
  smtp = await startSmtp();
  mailer = mailerFromUrl(smtp.url, "Events <no-reply@example.org>");
  // Whatever the demo seed queued goes out first, so each test below sees only its own messages.
  while ((await sendDueEmails({ render: renderLazyEmail, mailer, now: new Date(Date.now() + 86_400_000) })).claimed > 0);
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
});

const input = (index: number, extra: Record<string, unknown> = {}) => registrationInputSchema.parse(person(index, extra));

async function drain(now = new Date()) {
  return sendDueEmails({ render: renderLazyEmail, mailer, now, retryBaseMs: 1000 });
}

async function messageOf(registrationId: string) {
  const db = await prisma();
  return db.emailMessage.findFirstOrThrow({ where: { registrationId }, include: { attemptLog: { orderBy: { at: "asc" } } } });
}

describe("ticket e-mail", () => {
  it("arrives at a real SMTP server with HTML, text, an .ics file and an inline QR carrying the ticket code", async () => {
    const { slug, event } = await createRegistrationEvent({ capacity: 10 });
    const answer = await register({ slug, input: input(1, { email: "ticket-holder@example.org", name: "王小明" }) });
    expect(answer.httpStatus).toBe(201);
    expect(answer.body.registration.status).toBe("confirmed");
    const before = smtp.received;
    const report = await drain();
    expect(report.sent).toBe(1);
    await smtp.waitFor(before + 1);
    const mail = smtp.messages.at(-1)!;
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toContain("ticket-holder@example.org");
    expect(mail.subject).toContain(event.title);
    expect(mail.text).toContain("王小明");
    expect(mail.text).toContain(answer.body.registration.manageUrl!);
    expect(mail.html).toContain("cid:ticket-qr@events");
    expect(mail.html).toContain("uri.amap.com");
    // 09:xx local in Asia/Shanghai, shown with the zone.
    expect(mail.text).toContain("Asia/Shanghai");
    const qr = mail.attachments.find((attachment) => attachment.contentType === "image/png")!;
    expect(qr.cid).toBe("ticket-qr@events");
    const decoded = decodeQrPng(qr.content);
    const db = await prisma();
    const stored = await db.registration.findUniqueOrThrow({ where: { id: answer.body.registration.id } });
    expect(decoded.text).toBe(stored.ticketCode);
    expect(stored.ticketCode.length).toBeGreaterThanOrEqual(22);
    expect(stored.ticketCode).toMatch(/^[A-Za-z0-9_-]+$/);
    const ics = mail.attachments.find((attachment) => attachment.filename?.endsWith(".ics"))!;
    expect(ics.content.toString()).toContain("BEGIN:VEVENT");
    expect(ics.content.toString()).toContain(`DTSTART:${event.startsAt.toISOString().replace(/[-:]/g, "").slice(0, 13)}`);
    // The calendar entry links to the public event page; the personal manage link stays in the e-mail only.
    const unfolded = ics.content.toString().replace(/\r\n[ \t]/g, "");
    expect(unfolded).toContain(`/events/${slug}`);
    expect(unfolded).not.toContain(answer.body.registration.manageUrl!);
  });

  it("retries while the SMTP server answers 4xx and delivers exactly once when it is back", async () => {
    const { slug, event } = await createRegistrationEvent({ capacity: 10 });
    const answer = await register({ slug, input: input(2) });
    const id = answer.body.registration.id;
    smtp.mode = "temporary";
    const start = Date.now();
    const first = await drain(new Date(start));
    expect(first.retrying).toBeGreaterThanOrEqual(1);
    // Not due yet: nothing is claimed before the backoff runs out.
    await drain(new Date(start + 10));
    expect((await messageOf(id)).attempts).toBe(1);
    const second = await drain(new Date(start + 1500));
    expect(second.retrying).toBeGreaterThanOrEqual(1);
    smtp.mode = "accept";
    const before = smtp.received;
    await drain(new Date(start + 60_000));
    await drain(new Date(start + 120_000));
    await smtp.waitFor(before + 1);
    await untilOutboxIdle(event.id);
    expect(smtp.received).toBe(before + 1);
    const db = await prisma();
    const message = await db.emailMessage.findFirstOrThrow({ where: { registrationId: id }, include: { attemptLog: { orderBy: { at: "asc" } } } });
    expect(message.status).toBe("SENT");
    expect(message.attemptLog.map((attempt) => [attempt.ok, attempt.responseCode])).toEqual([
      [false, 421],
      [false, 421],
      [true, 250],
    ]);
  });

  it("delivers after a connection error (server down) once it comes up", async () => {
    const { slug } = await createRegistrationEvent({ capacity: 10 });
    const answer = await register({ slug, input: input(3) });
    const down = await startSmtp();
    const downUrl = down.url;
    await down.close();
    const deadMailer = mailerFromUrl(downUrl);
    const now = Date.now();
    await sendDueEmails({ render: renderLazyEmail, mailer: deadMailer, now: new Date(now), retryBaseMs: 1000 });
    deadMailer.close();
    expect((await messageOf(answer.body.registration.id)).status).toBe("PENDING");
    const before = smtp.received;
    await drain(new Date(now + 5000));
    await smtp.waitFor(before + 1);
    const db = await prisma();
    const message = await db.emailMessage.findFirstOrThrow({ where: { registrationId: answer.body.registration.id }, include: { attemptLog: true } });
    expect(message.status).toBe("SENT");
    expect(message.attemptLog).toHaveLength(2);
  });

  it("marks a 5xx answer FAILED with the attempt recorded, and a manual re-send delivers it", async () => {
    const { slug } = await createRegistrationEvent({ capacity: 10 });
    const answer = await register({ slug, input: input(4) });
    smtp.mode = "permanent";
    await drain();
    smtp.mode = "accept";
    const db = await prisma();
    const message = await db.emailMessage.findFirstOrThrow({ where: { registrationId: answer.body.registration.id }, include: { attemptLog: true } });
    expect(message.status).toBe("FAILED");
    expect(message.attemptLog).toEqual([expect.objectContaining({ ok: false, responseCode: 550 })]);
    await drain(new Date(Date.now() + 3_600_000));
    expect((await messageOf(answer.body.registration.id)).attemptLog).toHaveLength(1);
    expect(await resendEmail(message.id)).toBe(true);
    await drain();
    expect((await messageOf(answer.body.registration.id)).status).toBe("SENT");
  });

  it("takes over a message left in SENDING by a crashed sender once its lease ran out", async () => {
    const { slug } = await createRegistrationEvent({ capacity: 10 });
    const answer = await register({ slug, input: input(5) });
    const sql = await rawSql();
    const now = Date.now();
    // A sender claimed it and died before recording an attempt.
    sql.run(`UPDATE EmailMessage SET status = 'SENDING', nextAttemptAt = ? WHERE registrationId = ?`, new Date(now + 120_000).toISOString().replace("Z", "+00:00"), answer.body.registration.id);
    await drain(new Date(now));
    expect((await messageOf(answer.body.registration.id)).attemptLog).toHaveLength(0);
    await drain(new Date(now + 121_000));
    const message = await messageOf(answer.body.registration.id);
    expect(message.status).toBe("SENT");
    expect(message.attemptLog).toHaveLength(1);
  });

  it("sends nothing for a registration whose transaction rolled back", async () => {
    const { slug, event } = await createRegistrationEvent({ capacity: 10 });
    const sql = await rawSql();
    // A failure at the very end of the transaction, after the registration and its e-mail were written.
    sql.run(`CREATE TRIGGER fail_idempotency BEFORE INSERT ON IdempotencyRecord BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    try {
      await expect(register({ slug, input: input(6), idempotencyKey: "rollback-1" })).rejects.toThrow(/disk full/);
    } finally {
      sql.run(`DROP TRIGGER fail_idempotency`);
    }
    const db = await prisma();
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.emailMessage.count({ where: { eventId: event.id } })).toBe(0);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(0);
    const before = smtp.received;
    await drain();
    expect(smtp.received).toBe(before);
  });

  it("keeps messages in the outbox when no SMTP is configured, with an HTML preview for the back office", async () => {
    const { slug } = await createRegistrationEvent({ capacity: 10 });
    const answer = await register({ slug, input: input(7) });
    const report = await sendDueEmails({ render: renderLazyEmail, mailer: null });
    expect(report.claimed).toBe(0);
    const message = await messageOf(answer.body.registration.id);
    expect(message.status).toBe("PENDING");
    const preview = await emailPreviewHtml(message, renderLazyEmail);
    // The QR travels as a cid: attachment in the mail; the preview inlines it so a browser shows it.
    expect(preview).not.toContain("cid:ticket-qr@events");
    expect(preview).toContain("data:image/png;base64,");
    expect(preview).toContain("测试者7");
  });
});
