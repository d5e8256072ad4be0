import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { decideRegistrations, releaseExpiredHolds } from "~/models/registration-write.server";
import { sendDueEmails } from "~/models/outbox.server";
import { renderLazyEmail } from "~/models/registration-emails.server";
import { prisma } from "~/models/store/connection.server";
import { mailerFromUrl, type Mailer } from "~/utils/mailer.server";
import { createRegistrationEvent, person } from "../support/registration-fixtures";
import { CookieJar, startTestServer } from "../support/server";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { demo, signIn } from "../support/staff";

/**
 * Issue 12 §2: a manage link obtained by registering someone else's address dies when the owner registers
 * (or re-sends) and the new link reaches only the owner's mailbox; the "already registered" answer says
 * nothing about the registration; and "confirm the e-mail address first" holds a place until the owner
 * opens the link e-mailed to them.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let smtp: TestSmtp;
let mailer: Mailer;

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
  smtp = await startSmtp();
  mailer = mailerFromUrl(smtp.url, "Events <no-reply@example.org>");
  // The demo seed's messages go out first, so each test below reads only its own.
  while ((await sendDueEmails({ render: renderLazyEmail, mailer, now: new Date(Date.now() + 86_400_000) })).claimed > 0);
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await server?.close();
});

function postApi(slug: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

function postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { Origin: server.baseUrl, ...headers }, redirect: "manual" });
}

/** The form answers a registration with a redirect to its confirmation page, which reads the flash cookie it set. */
async function confirmationAfter(form: Response) {
  expect(form.status).toBe(303);
  const cookie = form.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  return fetch(`${server.baseUrl}${form.headers.get("Location")}`, { headers: { Cookie: cookie } });
}

function formFields(fields: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, value === true ? "on" : String(value)]));
}

/** Delivers what is queued to the real SMTP server and returns the messages that arrived for `to`. */
async function deliveredTo(to: string, now = new Date()) {
  const before = smtp.received;
  const report = await sendDueEmails({ render: renderLazyEmail, mailer, now });
  await smtp.waitFor(before + report.sent);
  return smtp.messages.slice(before).filter((mail) => (mail.to && "text" in mail.to ? mail.to.text : "").includes(to));
}

function linkPath(text: string | undefined, prefix: string): string | null {
  const match = new RegExp(`https?://[^/\\s]+(${prefix}/[A-Za-z0-9_-]+)`).exec(text ?? "");
  return match?.[1] ?? null;
}

async function registrationOf(eventId: string, email: string) {
  const db = await prisma();
  return db.registration.findFirstOrThrow({ where: { eventId, emailNormalized: email } });
}

/** Lets the re-send limit (one e-mail every few minutes) pass, as if the owner came back later. */
async function later(eventId: string, email: string) {
  const db = await prisma();
  await db.registration.updateMany({ where: { eventId, emailNormalized: email }, data: { ticketSentAt: new Date(Date.now() - 10 * 60_000) } });
}

describe("manage link after e-mail squatting", () => {
  it("dies (410) when the owner registers later, and only the owner's mailbox receives the working new link", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 5, editableFields: ["phone"] });
    const victim = "victim@example.org";
    const squatted = await postApi(slug, person(1, { email: victim, name: "冒名者" }));
    expect(squatted.status).toBe(201);
    const squatterPath = new URL((await squatted.json()).registration.manageUrl).pathname;
    expect((await deliveredTo(victim)).length).toBe(1);

    await later(event.id, victim);
    const owner = await postApi(slug, person(2, { email: victim, name: "真正的主人" }));
    expect(owner.status).toBe(202);
    const ownerText = await owner.text();
    expect(ownerText).not.toContain("/r/");

    const gone = await fetch(`${server.baseUrl}${squatterPath}`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain("该管理链接已被新的链接取代");
    const goneEn = await fetch(`${server.baseUrl}${squatterPath}`, { headers: { "Accept-Language": "en" } });
    expect(await goneEn.text()).toContain("This manage link was replaced by a newer one");
    const goneJson = await fetch(`${server.baseUrl}${squatterPath}/data`);
    expect(goneJson.status).toBe(410);
    expect((await goneJson.json()).error.code).toBe("link_replaced");
    const edit = await postForm(squatterPath, { intent: "edit", phone: "+86 139 0000 1111" });
    expect(edit.status).toBe(410);
    expect((await postForm(squatterPath, { intent: "cancel" })).status).toBe(410);
    expect((await registrationOf(event.id, victim)).status).toBe("CONFIRMED");

    const mails = await deliveredTo(victim);
    expect(mails).toHaveLength(1);
    const ownerPath = linkPath(mails[0].text, "/r");
    expect(ownerPath).toBeTruthy();
    expect(ownerPath).not.toBe(squatterPath);
    const page = await fetch(`${server.baseUrl}${ownerPath}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('src="data:image/png;base64,');
  });

  it("dies when the manage page or the back office re-sends the e-mail", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 5 });
    const email = "resender@example.org";
    const created = await postApi(slug, person(3, { email }));
    const firstPath = new URL((await created.json()).registration.manageUrl).pathname;
    await deliveredTo(email);

    await later(event.id, email);
    // The answer is the page of the link just replaced, saying where the new one went.
    const resent = await postForm(firstPath, { intent: "resend" });
    expect(resent.status).toBe(410);
    expect(await resent.text()).toContain("邮件已重新发送，其中包含新的管理链接");
    expect((await fetch(`${server.baseUrl}${firstPath}`)).status).toBe(410);
    const secondPath = linkPath((await deliveredTo(email))[0]?.text, "/r");
    expect((await fetch(`${server.baseUrl}${secondPath}`)).status).toBe(200);

    const jar = await signIn(server.baseUrl, demo.admin.email, demo.admin.password, new CookieJar());
    const db = await prisma();
    const message = await db.emailMessage.findFirstOrThrow({ where: { registrationId: (await registrationOf(event.id, email)).id, status: "SENT" }, orderBy: { createdAt: "desc" } });
    const backOffice = await jar.fetch(`${server.baseUrl}/admin/emails/${message.id}`, { method: "POST", headers: { Origin: server.baseUrl }, body: new URLSearchParams({}) });
    expect(backOffice.status).toBe(200);
    expect((await fetch(`${server.baseUrl}${secondPath}`)).status).toBe(410);
    const thirdPath = linkPath((await deliveredTo(email))[0]?.text, "/r");
    expect(thirdPath).not.toBe(secondPath);
    expect((await fetch(`${server.baseUrl}${thirdPath}`)).status).toBe(200);
  });
});

describe("the already-registered answer", () => {
  it("is the same bytes for every state of the registration, on the API and on the form, and names no registration", async () => {
    const { event, slug } = await createRegistrationEvent({
      capacity: 1,
      waitlistEnabled: true,
      categories: [
        { code: "public", name: "公众" },
        { code: "media", name: "媒体", requiresApproval: true },
      ],
    });
    const states = { confirmed: "state-confirmed@example.org", waitlisted: "state-waitlisted@example.org", pending: "state-pending@example.org", rejected: "state-rejected@example.org" };
    for (const [index, email] of [states.confirmed, states.waitlisted].entries()) expect((await postApi(slug, person(10 + index, { email, category: "public" }))).status).toBe(201);
    for (const [index, email] of [states.pending, states.rejected].entries()) expect((await postApi(slug, person(20 + index, { email, category: "media" }))).status).toBe(201);
    await decideRegistrations({ eventId: event.id, ids: [(await registrationOf(event.id, states.rejected)).id], decision: "reject" });
    const statuses = await Promise.all(Object.values(states).map(async (email) => (await registrationOf(event.id, email)).status));
    expect(statuses).toEqual(["CONFIRMED", "WAITLISTED", "PENDING_APPROVAL", "REJECTED"]);

    const apiAnswers = [];
    const formAnswers = [];
    for (const email of Object.values(states)) {
      const api = await postApi(slug, person(30, { email, category: "public" }), { "Accept-Language": "en" });
      apiAnswers.push(`${api.status} ${await api.text()}`);
      const form = await postForm(`/events/${slug}/register`, formFields(person(31, { email, category: "public" })));
      const html = await (await confirmationAfter(form)).text();
      // The outcome's words, without the masked address (which differs by address, not by state).
      formAnswers.push(`${form.status} ${/data-testid="registration-outcome"[\s\S]*?<h1[^>]*>([\s\S]*?)<\/h1>\s*<p[^>]*>([\s\S]*?)<\/p>/.exec(html)?.slice(1).join(" ")}`);
    }
    expect(new Set(apiAnswers).size).toBe(1);
    expect(new Set(formAnswers).size).toBe(1);
    expect(apiAnswers[0]).toMatch(/^202 /);
    expect(apiAnswers[0]).toContain("If this address is registered for the event, we re-sent the e-mail to it");
    expect(formAnswers[0]).toMatch(/^303 /);
    expect(formAnswers[0]).toContain("如果该邮箱已报名此活动，我们已将邮件重新发送到该邮箱");
    for (const answer of [...apiAnswers, ...formAnswers]) {
      for (const word of ["confirmed", "waitlist", "pending", "rejected", "/r/", "已确认", "候补", "待审核", "未通过"]) expect(answer).not.toContain(word);
    }
    const ids = (await prisma()).registration.findMany({ where: { eventId: event.id }, select: { id: true } });
    for (const { id } of await ids) expect(apiAnswers[0]).not.toContain(id);
  });

  it("is replayed unchanged for the same Idempotency-Key, with no second e-mail", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 5 });
    const email = "replayed@example.org";
    expect((await postApi(slug, person(40, { email }))).status).toBe(201);
    await later(event.id, email);
    const headers = { "Idempotency-Key": "again-1" };
    const answers = [await postApi(slug, person(40, { email }), headers), await postApi(slug, person(40, { email }), headers)];
    expect(answers.map((answer) => answer.status)).toEqual([202, 202]);
    expect(new Set(await Promise.all(answers.map((answer) => answer.text()))).size).toBe(1);
    const db = await prisma();
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(1);
    expect(await db.emailMessage.count({ where: { eventId: event.id } })).toBe(2);
  });
});

describe("confirm the e-mail address first", () => {
  it("holds the place, e-mails a confirmation link instead of a ticket, and issues the ticket once the link is opened", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 2, waitlistEnabled: true, confirmEmailFirst: true });
    const email = "holder@example.org";
    const answer = await postApi(slug, person(50, { email }), { "Accept-Language": "en" });
    expect(answer.status).toBe(201);
    const body = await answer.json();
    expect(body.registration).toMatchObject({ status: "held", manageUrl: null });
    expect(body.message).toContain("Check your mailbox");
    expect(JSON.stringify(body)).not.toContain("/r/");
    const db = await prisma();
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(1);

    const form = await postForm(`/events/${slug}/register`, formFields(person(51, { email: "form-holder@example.org" })));
    const html = await (await confirmationAfter(form)).text();
    expect(html).toContain("请查收邮件");
    expect(html).not.toContain("/r/");
    // Both places are held: the next person waits in line.
    expect((await (await postApi(slug, person(52, { email: "third@example.org" }))).json()).registration.status).toBe("waitlisted");

    const [confirmation] = await deliveredTo(email);
    expect(linkPath(confirmation.text, "/r")).toBeNull();
    expect(confirmation.attachments.filter((attachment) => attachment.contentType === "image/png")).toHaveLength(0);
    const confirmPath = linkPath(confirmation.text, "/confirm-email");
    expect(confirmPath).toBeTruthy();
    // Opening the link shows a button; only the POST confirms (a mail scanner's GET changes nothing).
    expect((await fetch(`${server.baseUrl}${confirmPath}`)).status).toBe(200);
    expect((await registrationOf(event.id, email)).status).toBe("HELD");
    expect(await deliveredTo(email)).toHaveLength(0);

    const confirmed = await postForm(confirmPath!, {});
    expect(confirmed.status).toBe(302);
    const done = await fetch(`${server.baseUrl}${confirmed.headers.get("Location")}`);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("邮箱已确认");
    expect((await registrationOf(event.id, email)).status).toBe("CONFIRMED");
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(2);
    const [ticket] = await deliveredTo(email);
    const managePath = linkPath(ticket.text, "/r");
    expect(managePath).toBeTruthy();
    expect(ticket.attachments.some((attachment) => attachment.contentType === "image/png")).toBe(true);
    expect((await fetch(`${server.baseUrl}${managePath}`)).status).toBe(200);

    // Single use.
    const again = await postForm(confirmPath!, {}, { "Accept-Language": "en" });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("already used");
  });

  it("releases an unconfirmed hold after its time, promotes the first person waiting, and answers 410 for the expired link", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 1, waitlistEnabled: true, confirmEmailFirst: true, holdMinutes: 20 });
    const holder = "slow-holder@example.org";
    expect((await postApi(slug, person(60, { email: holder }))).status).toBe(201);
    const [first, second] = ["waiting-1@example.org", "waiting-2@example.org"];
    expect((await (await postApi(slug, person(61, { email: first }))).json()).registration.status).toBe("waitlisted");
    expect((await (await postApi(slug, person(62, { email: second }))).json()).registration.status).toBe("waitlisted");
    const confirmPath = linkPath((await deliveredTo(holder))[0]?.text, "/confirm-email");
    const held = await registrationOf(event.id, holder);
    expect(held.holdExpiresAt!.getTime() - held.createdAt.getTime()).toBe(20 * 60_000);

    expect(await releaseExpiredHolds(new Date(held.holdExpiresAt!.getTime() - 1000))).toBe(0);
    expect((await registrationOf(event.id, holder)).status).toBe("HELD");
    expect(await releaseExpiredHolds(new Date(held.holdExpiresAt!.getTime() + 1000))).toBe(1);
    expect((await registrationOf(event.id, holder)).status).toBe("CANCELLED");
    expect((await registrationOf(event.id, first)).status).toBe("CONFIRMED");
    expect((await registrationOf(event.id, second)).status).toBe("WAITLISTED");
    const db = await prisma();
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ confirmedCount: 1, waitlistedCount: 1 });
    const promoted = await deliveredTo(first, new Date(held.holdExpiresAt!.getTime() + 1000));
    expect(linkPath(promoted[0]?.text, "/r")).toBeTruthy();

    const expired = await fetch(`${server.baseUrl}${confirmPath}`, { headers: { "Accept-Language": "en" } });
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("expired");
    const refused = await postForm(confirmPath!, {});
    expect(refused.status).toBe(410);
    expect(await refused.text()).toContain("已过期");
    expect((await registrationOf(event.id, holder)).status).toBe("CANCELLED");
  });

  it("is off by default, on for one demo event, and organizers switch it in the registration settings (30 minutes unless set)", async () => {
    const db = await prisma();
    const demoEvents = await db.event.findMany({ where: { slug: { startsWith: "deep-dive-" } }, select: { slug: true, emailConfirmHoldMinutes: true } });
    expect(demoEvents.filter((event) => event.emailConfirmHoldMinutes !== null)).toEqual([{ slug: "deep-dive-telecom-guangzhou", emailConfirmHoldMinutes: 30 }]);
    const { event } = await createRegistrationEvent({ capacity: 5 });
    expect(event.emailConfirmHoldMinutes).toBeNull();
    const jar = await signIn(server.baseUrl, demo.admin.email, demo.admin.password, new CookieJar());
    const settings = (fields: Record<string, string>) =>
      jar.fetch(`${server.baseUrl}/admin/events/${event.id}/registration-settings`, {
        method: "POST",
        headers: { Origin: server.baseUrl },
        body: new URLSearchParams({ intent: "emailConfirmation", ...fields }),
      });
    expect((await settings({ confirmEmailFirst: "on", holdMinutes: "" })).status).toBe(200);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).emailConfirmHoldMinutes).toBe(30);
    expect((await settings({ confirmEmailFirst: "on", holdMinutes: "2" })).status).toBe(422);
    expect((await settings({ confirmEmailFirst: "on", holdMinutes: "45" })).status).toBe(200);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).emailConfirmHoldMinutes).toBe(45);
    expect((await settings({ holdMinutes: "45" })).status).toBe(200);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).emailConfirmHoldMinutes).toBeNull();
  });

  it("is released by the background job the server runs", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 1, waitlistEnabled: true, confirmEmailFirst: true });
    expect((await postApi(slug, person(70, { email: "job-holder@example.org" }))).status).toBe(201);
    expect((await postApi(slug, person(71, { email: "job-waiting@example.org" }))).status).toBe(201);
    const db = await prisma();
    await db.registration.updateMany({ where: { eventId: event.id, status: "HELD" }, data: { holdExpiresAt: new Date(Date.now() - 1000) } });
    const { startBackgroundJobs } = await import("~/server/background");
    await import("~/server/registration-jobs");
    const stop = startBackgroundJobs();
    try {
      const deadline = Date.now() + 20_000;
      while ((await registrationOf(event.id, "job-waiting@example.org")).status !== "CONFIRMED" && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      stop();
    }
    expect((await registrationOf(event.id, "job-holder@example.org")).status).toBe("CANCELLED");
    expect((await registrationOf(event.id, "job-waiting@example.org")).status).toBe("CONFIRMED");
  });
});
