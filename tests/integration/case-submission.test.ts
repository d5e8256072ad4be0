import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inZone } from "~/utils/time";
import { ensureDefaultSteps } from "~/models/onboarding.server";
import { sendDueEmails } from "~/models/outbox.server";
import { renderLazyEmail } from "~/models/registration-emails.server";
import { prisma } from "~/models/store/connection.server";
import { createUser, grantRole } from "~/models/user.server";
import { mailerFromUrl, type Mailer } from "~/utils/mailer.server";
import { caseFiles } from "../support/case-files";
import { CookieJar, startTestServer } from "../support/server";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { signIn } from "../support/staff";
import { withoutScripts } from "../support/html";

/**
 * Issue 17 §2 over HTTP: a member firm's contact and a contributor from outside the programme submit to a
 * call; drafts, submission, co-submitting firms, the confirmation e-mail through the outbox in the
 * submitter's language, the onboarding step, attachments checked from their bytes and the deadline held by
 * the server to the second in the call's zone.
 */

// Sign-ins run scrypt; on a busy 2-core machine these need more than 30 s.
vi.setConfig({ testTimeout: 120_000 });

// A zone with a 45-minute offset: a deadline read in any other zone would show another wall-clock time.
const callZone = "Asia/Kathmandu";
const maxBytes = 64 * 1024;

let server: Awaited<ReturnType<typeof startTestServer>>;
let smtp: TestSmtp;
let mailer: Mailer;
let contact: CookieJar;
const ids = {} as Record<"call" | "firmA" | "firmB" | "submission", string>;

const complete = {
  title: "智能客服质检助手",
  titleEn: "Service quality assistant",
  industry: "finance",
  scenario: "risk-control",
  summary: "用大模型质检全部客服通话。",
  problem: "人工抽检覆盖率不足 5%。",
  solution: "通话转写后由智能体逐条核对话术规范。",
  results: "质检覆盖率达到 100%。",
  "figures[0].label": "质检覆盖率",
  "figures[0].value": "100%",
  contactName: "Lin Mei",
  contactEmail: "lin.mei@lead-firm.example.org",
  publicationConsent: "on",
};

beforeAll(async () => {
  const db = await prisma();
  const programme = await db.programme.create({ data: { slug: "submission-test", name: "申报测试计划", launchedAt: new Date() } });
  await ensureDefaultSteps(programme.id);
  ids.firmA = (await db.firm.create({ data: { programmeId: programme.id, name: "甲申报科技有限公司", nameEn: "Lead Firm" } })).id;
  ids.firmB = (await db.firm.create({ data: { programmeId: programme.id, name: "乙协作数据公司", nameEn: "Partner Firm" } })).id;
  await db.industry.upsert({ where: { code: "finance" }, update: {}, create: { code: "finance", name: "金融", nameEn: "Finance", position: 0 } });
  await db.scenario.upsert({ where: { code: "risk-control" }, update: {}, create: { code: "risk-control", name: "智能风控", nameEn: "Risk control", position: 0 } });
  ids.call = (
    await db.caseCall.create({
      data: {
        slug: "submission-call",
        title: "申报测试征集",
        titleEn: "Submission test call",
        timeZone: callZone,
        opensAt: new Date(Date.now() - 86_400_000),
        closesAt: new Date(Date.now() + 86_400_000),
        publishedAt: new Date(),
        blindReview: true,
        maxAttachments: 8,
        maxAttachmentBytes: maxBytes,
      },
    })
  ).id;
  await createUser({ email: "contact@lead-firm.example.org", name: "Lin Mei", password: "contact-pass-1", locale: "en" });
  await grantRole({ email: "contact@lead-firm.example.org", role: "FIRM_CONTACT", scope: { firmId: ids.firmA } });

  smtp = await startSmtp();
  mailer = mailerFromUrl(smtp.url, "Events <no-reply@example.org>");
  server = await startTestServer();
  contact = await signIn(server.baseUrl, "contact@lead-firm.example.org", "contact-pass-1");
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await server?.close();
});

const english = { "Accept-Language": "en" };
const post = (jar: CookieJar, path: string, body: Record<string, string>, headers: Record<string, string> = english) =>
  jar.fetch(server.baseUrl + path, { method: "POST", body: new URLSearchParams(body), headers });
const submissionPath = () => `/submissions/${ids.submission}`;
const submission = async () => (await prisma()).caseSubmission.findUniqueOrThrow({ where: { id: ids.submission }, include: { coSubmitters: { orderBy: { position: "asc" } }, attachments: true } });

function upload(jar: CookieJar, fileName: string, bytes: Uint8Array, type = "application/octet-stream") {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)], { type }), fileName);
  return jar.fetch(server.baseUrl + submissionPath(), { method: "POST", body: form, headers: english });
}

/** Delivers what the outbox holds through the real SMTP server; returns the messages that arrived. */
async function deliver() {
  while ((await sendDueEmails({ render: renderLazyEmail, mailer, now: new Date(Date.now() + 60_000) })).claimed > 0);
  return smtp.messages;
}

/** Waits until the wall clock reaches `instant` (a condition, not a fixed sleep). */
async function until(instant: number) {
  while (Date.now() < instant) await new Promise((resolve) => setTimeout(resolve, Math.min(50, instant - Date.now())));
}

const pageText = (html: string) => withoutScripts(html);

describe("a member firm's contact", () => {
  it("starts a draft for their firm from the call's page and saves it half-filled", async () => {
    const started = await post(contact, "/calls/submission-call", { intent: "start", firmId: ids.firmA });
    expect(started.status).toBe(302);
    ids.submission = started.headers.get("Location")!.split("/").pop()!;
    expect((await post(contact, submissionPath(), { intent: "save", title: "草稿标题" })).status).toBe(200);
    expect(await submission()).toMatchObject({ status: "DRAFT", title: "草稿标题", firmId: ids.firmA });
    const incomplete = await post(contact, submissionPath(), { intent: "submit", title: "草稿标题" });
    expect(incomplete.status).toBe(422);
    expect((await submission()).status).toBe("DRAFT");
  });

  it("is warned on the upload form that attachments reach blind reviewers as uploaded", async () => {
    const html = pageText(await (await contact.fetch(server.baseUrl + submissionPath(), { headers: english })).text());
    expect(html).toMatch(/role="note"[^>]*>(?:<[^>]+>)*[^<]*blind/i);
  });

  it("accepts PDF, DOCX, PPTX, PNG and JPEG by their bytes and refuses a renamed PDF, other bytes and an oversized file", async () => {
    const accepted = [
      ["plan.pdf", caseFiles.pdf, "application/pdf"],
      ["plan.docx", caseFiles.docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["deck.pptx", caseFiles.pptx, "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
      ["diagram.png", caseFiles.png, "image/png"],
      ["site.jpg", caseFiles.jpeg, "image/jpeg"],
    ] as const;
    for (const [name, bytes, type] of accepted) {
      const response = await upload(contact, name, bytes);
      expect(response.status, name).toBe(200);
      expect((await submission()).attachments.find((file) => file.fileName === name)?.contentType).toBe(type);
    }
    const refused = [
      ["renamed-pdf.png", caseFiles.pdf, /does not match the extension/],
      ["program.pdf", caseFiles.exe, /Only PDF, DOCX, PPTX, PNG and JPEG/],
      ["notes.pdf", caseFiles.text, /Only PDF, DOCX, PPTX, PNG and JPEG/],
      ["archive.docx", caseFiles.plainZip, /Only PDF, DOCX, PPTX, PNG and JPEG/],
    ] as const;
    for (const [name, bytes, message] of refused) {
      const response = await upload(contact, name, bytes, "image/png");
      expect(response.status, name).toBe(415);
      expect(pageText(await response.text())).toMatch(message);
    }
    const oversized = await upload(contact, "big.pdf", Buffer.concat([caseFiles.pdf, Buffer.alloc(maxBytes)]));
    expect(oversized.status).toBe(413);
    expect(pageText(await oversized.text())).toMatch(/too large/);
    expect((await submission()).attachments.map((file) => file.fileName).sort()).toEqual(accepted.map(([name]) => name).sort());
  });

  it("deletes an attachment from the draft, and the audit log keeps who uploaded and deleted which file", async () => {
    const diagram = (await submission()).attachments.find((file) => file.fileName === "diagram.png")!;
    expect((await post(contact, submissionPath(), { intent: "deleteAttachment", attachmentId: diagram.id })).status).toBe(200);
    expect((await submission()).attachments.map((file) => file.fileName)).not.toContain("diagram.png");
    const db = await prisma();
    const { id: contactId } = await db.user.findUniqueOrThrow({ where: { email: "contact@lead-firm.example.org" } });
    const entries = await db.auditLog.findMany({ where: { targetId: ids.submission, action: { startsWith: "case_submission.attachment" } }, orderBy: { at: "asc" } });
    const read = entries.map((entry) => ({ action: entry.action, actor: entry.actorUserId, fileName: (JSON.parse(entry.details) as { fileName: string }).fileName }));
    expect(
      read
        .filter((entry) => entry.action === "case_submission.attachment_added")
        .map((entry) => entry.fileName)
        .sort(),
    ).toEqual(["deck.pptx", "diagram.png", "plan.docx", "plan.pdf", "site.jpg"]);
    expect(read.at(-1)).toEqual({ action: "case_submission.attachment_removed", actor: contactId, fileName: "diagram.png" });
    expect(new Set(read.map((entry) => entry.actor))).toEqual(new Set([contactId]));
  });

  it("submits with co-submitting firms: confirmation in English through the outbox, onboarding step done", async () => {
    const response = await post(contact, submissionPath(), { intent: "submit", ...complete, "coSubmitters[0].firmId": ids.firmB, "coSubmitters[1].name": "丙高校实验室" });
    expect(response.status).toBe(200);
    const saved = await submission();
    expect(saved.status).toBe("SUBMITTED");
    expect(saved.submittedAt).not.toBeNull();
    expect(saved.coSubmitters.map(({ firmId, name }) => ({ firmId, name }))).toEqual([
      { firmId: ids.firmB, name: "" },
      { firmId: null, name: "丙高校实验室" },
    ]);
    const db = await prisma();
    const step = await db.firmOnboardingStep.findFirstOrThrow({ where: { firmId: ids.firmA, step: { key: "first_case" } } });
    expect(step.completedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "case_submission.submitted", targetId: ids.submission } })).toBe(1);

    const messages = await deliver();
    const confirmations = messages.filter((mail) => mail.subject === "Your case was received: Submission test call");
    expect(confirmations.map((mail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text).sort()).toEqual(["contact@lead-firm.example.org", "lin.mei@lead-firm.example.org"]);
    expect(confirmations[0]!.text).toContain(complete.title);
  });

  it("stays editable until the closing second in the call's zone and is refused, unchanged, one second after", async () => {
    const db = await prisma();
    // The closing instant on a whole second a few seconds ahead, as the organizer's form stores it.
    const closing = Math.ceil(Date.now() / 1000) * 1000 + 3000;
    await db.caseCall.update({ where: { id: ids.call }, data: { closesAt: new Date(closing) } });

    await until(closing - 1000);
    const before = await post(contact, submissionPath(), { intent: "save", ...complete, title: "截止前一秒的修改" });
    expect(before.status).toBe(200);
    expect((await submission()).title).toBe("截止前一秒的修改");

    await until(closing + 1000);
    const kept = await submission();
    const late = await post(contact, submissionPath(), { intent: "save", ...complete, title: "截止后一秒的修改" });
    expect(late.status).toBe(423);
    const stamp = `${inZone(new Date(closing), callZone).toFormat("yyyy-MM-dd HH:mm:ss")} ${callZone}`;
    const message = pageText(await late.text());
    expect(message).toContain(stamp);
    expect(message).toMatch(/closed/i);
    expect((await upload(contact, "late.pdf", caseFiles.pdf)).status).toBe(423);
    expect((await post(contact, submissionPath(), { intent: "withdraw" })).status).toBe(423);
    const after = await submission();
    expect(after).toEqual(kept);

    const page = pageText(await (await contact.fetch(server.baseUrl + submissionPath(), { headers: english })).text());
    expect(page).not.toMatch(/name="intent" value="(save|submit|withdraw)"/);
  });
});

describe("a contributor from outside the member firms", () => {
  it("signs up by e-mail verification, sets a password from the link and submits; the confirmation comes in Chinese", async () => {
    const db = await prisma();
    await db.caseCall.update({ where: { id: ids.call }, data: { closesAt: new Date(Date.now() + 86_400_000) } });
    const visitor = new CookieJar();
    const chinese = { "Accept-Language": "zh-CN" };
    const signUp = await post(visitor, "/calls/submission-call/contribute", { name: "周外部", email: "zhou@outside.example.org", organization: "某市大数据中心" }, chinese);
    expect(signUp.status).toBe(200);
    const account = await db.user.findUniqueOrThrow({ where: { email: "zhou@outside.example.org" }, include: { roles: true } });
    expect(account.passwordHash).toBeNull();
    expect(account.roles.map((role) => role.role)).toEqual(["CONTRIBUTOR"]);

    const invitation = (await deliver()).find((mail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text === "zhou@outside.example.org");
    const link = /\/account\/setup\/([\w-]+)/.exec(invitation?.text ?? "");
    expect(link, invitation?.text).not.toBeNull();
    const setup = await post(visitor, `/account/setup/${link![1]}`, { password: "outside-pass-123", confirm: "outside-pass-123" }, chinese);
    expect(setup.status).toBe(302);

    const contributor = await signIn(server.baseUrl, "zhou@outside.example.org", "outside-pass-123");
    const draft = await db.caseSubmission.findFirstOrThrow({ where: { submitterUserId: account.id } });
    expect(draft).toMatchObject({ status: "DRAFT", firmId: null, organizationName: "某市大数据中心" });
    const submitted = await post(contributor, `/submissions/${draft.id}`, { intent: "submit", ...complete, contactName: "周外部", contactEmail: "zhou@outside.example.org" }, chinese);
    expect(submitted.status).toBe(200);
    expect((await db.caseSubmission.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("SUBMITTED");

    const confirmation = (await deliver()).find((mail) => mail.subject === "已收到您的案例申报：申报测试征集");
    expect(confirmation?.text).toContain(complete.title);
    expect((Array.isArray(confirmation!.to) ? confirmation!.to[0] : confirmation!.to)?.text).toBe("zhou@outside.example.org");
  });
});
