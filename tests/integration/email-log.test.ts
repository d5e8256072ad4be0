import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailPreviewHtml } from "~/models/outbox.server";
import { renderLazyEmail } from "~/models/registration-emails.server";
import { prisma } from "~/models/store/connection.server";
import { staffUser } from "../support/checkin-fixtures";
import { decodeQrDataUrl } from "../support/qr";
import { createRegistrationEvent, person } from "../support/registration-fixtures";
import { CookieJar, startTestServer } from "../support/server";
import { signIn } from "../support/staff";
import { withoutScripts } from "../support/html";

let server: Awaited<ReturnType<typeof startTestServer>>;
let ours: Awaited<ReturnType<typeof createRegistrationEvent>>;
let theirs: Awaited<ReturnType<typeof createRegistrationEvent>>;
let organizer: CookieJar;

async function register(slug: string, index: number) {
  const response = await fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(person(index)),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { registration: { id: string } }).registration.id;
}

beforeAll(async () => {
  server = await startTestServer();
  ours = await createRegistrationEvent({ capacity: 10 });
  theirs = await createRegistrationEvent({ capacity: 10 });
  await register(ours.slug, 9101);
  await register(ours.slug, 9102);
  await register(theirs.slug, 9103);
  const staff = await staffUser(ours.slug, "ORGANIZER");
  organizer = await signIn(server.baseUrl, staff.email, staff.password);
});
afterAll(() => server?.close());

const visibleText = (html: string) => withoutScripts(html).replace(/<[^>]+>/g, " ");

describe("the e-mail log an organizer can read", () => {
  it("opens /admin/emails for an event's organizer with that event's messages only, in words", async () => {
    const answer = await organizer.fetch(`${server.baseUrl}/admin/emails`);
    expect(answer.status).toBe(200);
    const text = visibleText(await answer.text());
    expect(text).toContain("person9101@example.org");
    expect(text).toContain("person9102@example.org");
    expect(text).not.toContain("person9103@example.org");
    // Kind and status as words; the subject it will be sent with, not a placeholder or a code.
    expect(text).toContain("电子票");
    expect(text).toContain("待发送");
    expect(text).toContain(`报名成功`);
    for (const code of ["PENDING", "ticket ", "（发送时生成内容）"]) expect(text).not.toContain(code);
    // Times in the event's zone, with the offset.
    expect(text).toMatch(/\(UTC\+8\)/);
  });

  it("filters by status, kind and recipient", async () => {
    const byRecipient = visibleText(await (await organizer.fetch(`${server.baseUrl}/admin/emails?to=9102`)).text());
    expect(byRecipient).toContain("person9102@example.org");
    expect(byRecipient).not.toContain("person9101@example.org");
    const sent = visibleText(await (await organizer.fetch(`${server.baseUrl}/admin/emails?status=SENT`)).text());
    expect(sent).not.toContain("person9101@example.org");
    expect(sent).toContain("没有符合条件的邮件");
    const bulk = visibleText(await (await organizer.fetch(`${server.baseUrl}/admin/emails?kind=bulk`)).text());
    expect(bulk).not.toContain("person9101@example.org");
  });

  it("speaks English to an English reader", async () => {
    const text = visibleText(await (await organizer.fetch(`${server.baseUrl}/admin/emails`, { headers: { "Accept-Language": "en" } })).text());
    expect(text).toContain("Queued");
    expect(text).toContain("Ticket");
  });

  it("re-sends only messages the reader may see, and keeps check-in staff out", async () => {
    const db = await prisma();
    const foreign = await db.emailMessage.findFirstOrThrow({ where: { eventId: theirs.event.id } });
    await db.emailMessage.update({ where: { id: foreign.id }, data: { status: "FAILED" } });
    const refused = await organizer.fetch(`${server.baseUrl}/admin/emails`, { method: "POST", body: new URLSearchParams({ intent: "resend", messageId: foreign.id }) });
    expect(refused.status).toBe(404);
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe("FAILED");

    const own = await db.emailMessage.findFirstOrThrow({ where: { eventId: ours.event.id } });
    await db.emailMessage.update({ where: { id: own.id }, data: { status: "FAILED" } });
    const resent = await organizer.fetch(`${server.baseUrl}/admin/emails`, { method: "POST", body: new URLSearchParams({ intent: "resend", messageId: own.id }) });
    expect(resent.status).toBe(200);
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: own.id } })).status).toBe("PENDING");

    const checkin = await staffUser(ours.slug, "CHECKIN");
    const door = await signIn(server.baseUrl, checkin.email, checkin.password);
    expect((await door.fetch(`${server.baseUrl}/admin/emails`)).status).toBe(403);
  });

  it("previews a ticket with its QR as an image the page can show", async () => {
    const db = await prisma();
    const message = await db.emailMessage.findFirstOrThrow({ where: { eventId: ours.event.id, kind: "ticket" }, include: { registration: true } });
    const preview = await emailPreviewHtml(message, renderLazyEmail);
    expect(preview).not.toContain("cid:");
    const qr = /src="(data:image\/png;base64,[^"]+)"/.exec(preview)?.[1];
    expect(decodeQrDataUrl(qr!)).toBe(message.registration!.ticketCode);
    const page = await organizer.fetch(`${server.baseUrl}/admin/emails/${message.id}`);
    expect(page.status).toBe(200);
    const text = visibleText(await page.text());
    expect(text).toContain("纯文本版本");
    expect(text).toContain("报名成功");
  });
});
