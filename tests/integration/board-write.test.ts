import { randomBytes } from "node:crypto";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedTaxonomy } from "../../prisma/seed/taxonomy";
import { sendDueEmails } from "~/models/outbox.server";
import { renderLazyEmail } from "~/models/registration-emails.server";
import { prisma } from "~/models/store/connection.server";
import { createUser, grantRole } from "~/models/user.server";
import { mailerFromUrl, type Mailer } from "~/utils/mailer.server";
import { CookieJar, startTestServer } from "../support/server";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { signIn } from "../support/staff";
import { withoutScripts } from "../support/html";

/**
 * Issue 18 §1, the board's write side over HTTP: a contributor posts a need and a firm contact an offer;
 * both wait for review and stay off the board until an organizer approves them; a rejection mails the
 * author the reason; only programme managers moderate; a contact request accepted by the author is what
 * shows each side the other's contact, never before (page text and route data alike); bad input stores
 * nothing.
 */

// Sign-ins run scrypt; on a busy 2-core machine these need more than 30 s.
vi.setConfig({ testTimeout: 120_000 });

let server: Awaited<ReturnType<typeof startTestServer>>;
let smtp: TestSmtp;
let mailer: Mailer;
const jars = {} as Record<"contributor" | "firm" | "organizer", CookieJar>;
const accounts = {
  contributor: { email: "asker@bank.example.org", password: "contributor-pass-1", name: "Zhou Min", locale: "en" },
  firm: { email: "seller@vendor.example.org", password: "firm-contact-pass-1", name: "钱立", locale: "zh-CN" },
  organizer: { email: "moderator@programme.example.org", password: "organizer-pass-1", name: "审核员", locale: "zh-CN" },
};
const secret = () => randomBytes(5).toString("hex");
// Contacts that appear nowhere else: finding one in a page means it leaked.
const contacts = { need: `need-${secret()}@bank.example.org`, offer: `offer-${secret()}@vendor.example.org` };
const ids = { firm: "", need: "", offer: "", request: "" };

const english = { "Accept-Language": "en" };
const send = (jar: CookieJar, path: string, body: Record<string, string>, headers: Record<string, string> = english) =>
  jar.fetch(server.baseUrl + path, { method: "POST", body: new URLSearchParams(body), headers });
async function get(jar: CookieJar | null, path: string) {
  const response = jar ? await jar.fetch(server.baseUrl + path, { headers: english }) : await fetch(server.baseUrl + path, { headers: english, redirect: "manual" });
  return { status: response.status, html: await response.text() };
}
const visible = (html: string) => withoutScripts(html);
const boardPost = async (id: string) => (await prisma()).boardPost.findUniqueOrThrow({ where: { id } });

const need = {
  side: "NEED",
  organizationName: "东海城市商业银行",
  title: "信用卡交易实时反欺诈",
  description: "每日两百万笔交易，需要在 50 毫秒内判断欺诈风险。",
  details: "历史交易数据三年；必须本地部署。",
  industry: "finance",
  scenario: "risk-control",
  budgetMin: "500000",
  budgetMax: "1500000",
  tags: "反欺诈, 实时风控",
  contactName: "Zhou Min",
  contactEmail: contacts.need,
  contactPhone: "+86 21 5555 0199",
};

/** Delivers what the outbox holds through the real SMTP server; answers the messages that arrived since `from`. */
async function deliver(from: number): Promise<ParsedMail[]> {
  while ((await sendDueEmails({ render: renderLazyEmail, mailer, now: new Date(Date.now() + 60_000) })).claimed > 0);
  return smtp.messages.slice(from);
}
const addressOf = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text ?? "";

beforeAll(async () => {
  await seedTaxonomy();
  const db = await prisma();
  const programme = await db.programme.create({ data: { slug: "board-write-test", name: "供需测试计划", launchedAt: new Date() } });
  ids.firm = (await db.firm.create({ data: { programmeId: programme.id, name: "云枢智能科技有限公司", nameEn: "Yunshu AI" } })).id;
  for (const account of Object.values(accounts)) await createUser(account);
  // A contributor account is a verified person outside the member firms (what the call's sign-up creates).
  const contributor = await db.user.findUniqueOrThrow({ where: { email: accounts.contributor.email } });
  await db.roleAssignment.create({ data: { userId: contributor.id, role: "CONTRIBUTOR" } });
  await grantRole({ email: accounts.firm.email, role: "FIRM_CONTACT", scope: { firmId: ids.firm } });
  await grantRole({ email: accounts.organizer.email, role: "ORGANIZER", scope: {} });
  smtp = await startSmtp();
  mailer = mailerFromUrl(smtp.url, "Events <no-reply@example.org>");
  server = await startTestServer();
  for (const who of Object.keys(accounts) as (keyof typeof accounts)[]) jars[who] = await signIn(server.baseUrl, accounts[who].email, accounts[who].password);
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await server?.close();
});

describe("posting", () => {
  it("refuses bad input with a 4xx and a message, and stores nothing", async () => {
    const db = await prisma();
    const before = await db.boardPost.count();
    const empty = await send(jars.contributor, "/matchmaking/new", { ...need, title: "" });
    expect(empty.status).toBe(422);
    expect(visible(await empty.text())).toContain("Please fill in this field.");
    const budget = await send(jars.contributor, "/matchmaking/new", { ...need, budgetMin: "900", budgetMax: "100" });
    expect(budget.status).toBe(422);
    expect(visible(await budget.text())).toContain("The upper budget cannot be below the lower one.");
    expect((await send(jars.contributor, "/matchmaking/new", { ...need, contactEmail: "not-an-address" })).status).toBe(422);
    expect((await send(jars.contributor, "/matchmaking/new", { ...need, industry: "no-such-industry" })).status).toBe(422);
    // An offer speaks for a member firm: a contributor has none, and a firm contact only their own.
    expect((await send(jars.contributor, "/matchmaking/new", { ...need, side: "OFFER", firmId: ids.firm })).status).toBe(403);
    expect((await send(jars.firm, "/matchmaking/new", { ...need, side: "OFFER", firmId: "someone-elses-firm" })).status).toBe(403);
    expect(await db.boardPost.count()).toBe(before);
  });

  it("sends an anonymous visitor to sign in before posting", async () => {
    const response = await fetch(`${server.baseUrl}/matchmaking/new?side=NEED`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("a contributor's need waits for review and is not public", async () => {
    const created = await send(jars.contributor, "/matchmaking/new", need);
    expect(created.status).toBe(302);
    ids.need = created.headers.get("Location")!.split("/").pop()!;
    expect(await boardPost(ids.need)).toMatchObject({ side: "NEED", status: "PENDING", budgetMin: 500000, budgetMax: 1500000, tags: ",反欺诈,实时风控,", publishedAt: null });
    expect(visible((await get(null, "/matchmaking")).html)).not.toContain(need.title);
    expect((await get(null, `/matchmaking/${ids.need}`)).status).toBe(404);
    expect((await get(jars.firm, `/matchmaking/${ids.need}`)).status).toBe(404);
    const mine = visible((await get(jars.contributor, "/matchmaking/mine")).html);
    expect(mine).toContain(need.title);
    expect(mine).toContain("Awaiting review");
  });

  it("a firm contact's offer from the firm portal waits for review too", async () => {
    expect(visible((await get(jars.firm, "/firm")).html)).toContain("/matchmaking/new?side=OFFER");
    const created = await send(jars.firm, "/matchmaking/new", {
      side: "OFFER",
      firmId: ids.firm,
      organizationName: "云枢智能",
      title: "图神经网络反欺诈引擎",
      description: "基于交易图谱识别团伙欺诈。",
      details: "已在三家城商行上线。",
      industry: "finance",
      scenario: "risk-control",
      tags: "反欺诈，图计算",
      contactName: "钱立",
      contactEmail: contacts.offer,
    });
    expect(created.status).toBe(302);
    ids.offer = created.headers.get("Location")!.split("/").pop()!;
    expect(await boardPost(ids.offer)).toMatchObject({ side: "OFFER", status: "PENDING", firmId: ids.firm, budgetMin: null });
  });
});

describe("moderation", () => {
  it("is refused to anyone who does not manage the programme", async () => {
    for (const jar of [jars.contributor, jars.firm]) {
      expect((await get(jar, "/admin/board")).status).toBe(403);
      expect((await send(jar, "/admin/board", { intent: "approve", postId: ids.need })).status).toBe(403);
    }
    expect((await boardPost(ids.need)).status).toBe("PENDING");
  });

  it("approving makes a post public, audited", async () => {
    const queue = visible((await get(jars.organizer, "/admin/board")).html);
    expect(queue).toContain(need.title);
    expect(queue).toContain("图神经网络反欺诈引擎");
    expect((await send(jars.organizer, "/admin/board", { intent: "approve", postId: ids.need })).status).toBe(200);
    expect(await boardPost(ids.need)).toMatchObject({ status: "APPROVED" });
    expect((await boardPost(ids.need)).publishedAt).not.toBeNull();
    expect(visible((await get(null, "/matchmaking")).html)).toContain(need.title);
    expect((await get(null, `/matchmaking/${ids.need}`)).status).toBe(200);
    expect(await (await prisma()).auditLog.count({ where: { action: "board.post_approved", targetId: ids.need } })).toBe(1);
    // A second decision on a post that is no longer pending is refused.
    expect((await send(jars.organizer, "/admin/board", { intent: "reject", postId: ids.need, reason: "太晚了" })).status).toBe(409);
  });

  it("rejecting needs a reason and mails it to the author in their language", async () => {
    const from = smtp.messages.length;
    expect((await send(jars.organizer, "/admin/board", { intent: "reject", postId: ids.offer, reason: "" })).status).toBe(422);
    expect((await boardPost(ids.offer)).status).toBe("PENDING");
    expect((await send(jars.organizer, "/admin/board", { intent: "reject", postId: ids.offer, reason: "请补充已上线案例的具体成效。" })).status).toBe(200);
    expect(await boardPost(ids.offer)).toMatchObject({ status: "REJECTED", rejectionReason: "请补充已上线案例的具体成效。" });
    const mails = (await deliver(from)).filter((mail) => addressOf(mail).includes(accounts.firm.email));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain("未通过审核");
    expect(mails[0].text).toContain("请补充已上线案例的具体成效。");
    expect(await (await prisma()).auditLog.count({ where: { action: "board.post_rejected", targetId: ids.offer } })).toBe(1);
    expect(visible((await get(null, "/matchmaking")).html)).not.toContain("图神经网络反欺诈引擎");
  });

  it("an edit by its author puts the post back in review; nobody else may edit it", async () => {
    expect((await get(jars.contributor, `/matchmaking/${ids.offer}/edit`)).status).toBe(404);
    const edited = {
      side: "OFFER",
      firmId: ids.firm,
      organizationName: "云枢智能",
      title: "图神经网络反欺诈引擎",
      description: "基于交易图谱识别团伙欺诈，误报率降低四成。",
      industry: "finance",
      scenario: "risk-control",
      tags: "反欺诈",
      contactName: "钱立",
      contactEmail: contacts.offer,
    };
    expect((await send(jars.contributor, `/matchmaking/${ids.offer}/edit`, edited)).status).toBe(404);
    expect((await send(jars.firm, `/matchmaking/${ids.offer}/edit`, edited)).status).toBe(302);
    expect(await boardPost(ids.offer)).toMatchObject({ status: "PENDING", rejectionReason: "", description: edited.description });
    expect((await send(jars.organizer, "/admin/board", { intent: "approve", postId: ids.offer })).status).toBe(200);
    expect((await boardPost(ids.offer)).status).toBe("APPROVED");
  });
});

describe("contact requests", () => {
  const leaks = (html: string) => [contacts.need, contacts.offer].filter((address) => html.includes(address));

  it("hides both contacts before a request is accepted, in the page and its route data", async () => {
    for (const path of [`/matchmaking/${ids.need}`, `/matchmaking/${ids.offer}`]) expect(leaks((await get(null, path)).html)).toEqual([]);
    expect(leaks((await get(jars.contributor, `/matchmaking/${ids.offer}`)).html)).toEqual([]);
    expect(leaks((await get(jars.firm, `/matchmaking/${ids.need}`)).html)).toEqual([]);
    expect(leaks((await get(jars.organizer, `/matchmaking/${ids.need}`)).html)).toEqual([]);
  });

  it("a request needs a message and one of the reader's public posts; bad ones store nothing", async () => {
    const db = await prisma();
    expect((await send(jars.contributor, `/matchmaking/${ids.offer}`, { intent: "contact", fromPostId: ids.need, message: "" })).status).toBe(422);
    expect((await send(jars.contributor, `/matchmaking/${ids.offer}`, { intent: "contact", fromPostId: ids.offer, message: "你好" })).status).toBe(422);
    expect((await send(jars.firm, `/matchmaking/${ids.offer}`, { intent: "contact", fromPostId: ids.offer, message: "自己" })).status).toBe(422);
    expect(await db.boardContactRequest.count()).toBe(0);
  });

  it("the author is mailed a request and answers it from My posts; then each side sees the other's contact", async () => {
    const from = (await deliver(0)).length;
    const asked = await send(jars.contributor, `/matchmaking/${ids.offer}`, { intent: "contact", fromPostId: ids.need, message: "想了解本地部署的方案与报价。" });
    expect(asked.status).toBe(200);
    expect(visible(await asked.text())).toContain("Request sent.");
    const request = await (await prisma()).boardContactRequest.findFirstOrThrow({ where: { fromPostId: ids.need, toPostId: ids.offer } });
    ids.request = request.id;
    expect(request.status).toBe("PENDING");
    expect((await send(jars.contributor, `/matchmaking/${ids.offer}`, { intent: "contact", fromPostId: ids.need, message: "再问一次" })).status).toBe(409);
    const toAuthor = (await deliver(from)).filter((mail) => addressOf(mail).includes(accounts.firm.email));
    expect(toAuthor).toHaveLength(1);
    expect(toAuthor[0].text).toContain("想了解本地部署的方案与报价。");
    // Still pending: nothing shows yet.
    expect(leaks((await get(jars.contributor, `/matchmaking/${ids.offer}`)).html)).toEqual([]);
    expect(leaks((await get(jars.firm, `/matchmaking/${ids.need}`)).html)).toEqual([]);

    // Only the author of the post asked about answers.
    expect((await send(jars.contributor, "/matchmaking/mine", { intent: "accept", requestId: ids.request })).status).toBe(404);
    const mine = visible((await get(jars.firm, "/matchmaking/mine")).html);
    expect(mine).toContain("想了解本地部署的方案与报价。");
    const afterRequest = smtp.messages.length;
    expect((await send(jars.firm, "/matchmaking/mine", { intent: "accept", requestId: ids.request })).status).toBe(200);
    expect((await (await prisma()).boardContactRequest.findUniqueOrThrow({ where: { id: ids.request } })).status).toBe("ACCEPTED");
    const toAsker = (await deliver(afterRequest)).filter((mail) => addressOf(mail).includes(accounts.contributor.email));
    expect(toAsker).toHaveLength(1);
    expect(toAsker[0].subject).toContain("Contact request accepted");

    expect(visible((await get(jars.contributor, `/matchmaking/${ids.offer}`)).html)).toContain(contacts.offer);
    expect(visible((await get(jars.firm, `/matchmaking/${ids.need}`)).html)).toContain(contacts.need);
    // Nobody else: not a visitor, not an organizer reading the board.
    for (const path of [`/matchmaking/${ids.need}`, `/matchmaking/${ids.offer}`]) {
      expect(leaks((await get(null, path)).html)).toEqual([]);
      expect(leaks((await get(jars.organizer, path)).html)).toEqual([]);
    }
    expect(await (await prisma()).auditLog.count({ where: { action: { in: ["board.contact_requested", "board.contact_accepted"] } } })).toBe(2);
  });
});
