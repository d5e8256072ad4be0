import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedTaxonomy } from "../../prisma/seed/taxonomy";
import { storedTags } from "~/models/board.server";
import { prisma } from "~/models/store/connection.server";
import { createUser } from "~/models/user.server";
import { startTestServer, type CookieJar } from "../support/server";
import { signIn } from "../support/staff";
import { withoutScripts } from "../support/html";

// Sign-ins run scrypt; on a busy 2-core machine that takes a while.
vi.setConfig({ testTimeout: 120_000 });

let server: Awaited<ReturnType<typeof startTestServer>>;
const needAuthor = { email: "need.author@example.org", password: "need-author-1" };
const offerAuthor = { email: "offer.author@example.org", password: "offer-author-1" };
const jars = {} as Record<"need" | "offer", CookieJar>;
const ids = { need: "", offer: "", pending: "", unrelated: "" };
const secret = () => randomBytes(6).toString("hex");
const contacts = { need: `need-${secret()}@contact.example.org`, offer: `offer-${secret()}@contact.example.org`, pending: `pending-${secret()}@contact.example.org` };

async function post(data: {
  side: "NEED" | "OFFER";
  status: "APPROVED" | "PENDING";
  title: string;
  industry: string;
  scenario: string;
  tags: string[];
  description: string;
  authorUserId?: string;
  contactEmail: string;
}) {
  const db = await prisma();
  const { industry, scenario, tags, ...rest } = data;
  return db.boardPost.create({
    data: {
      ...rest,
      organizationName: `${data.title}单位`,
      industryId: (await db.industry.findUniqueOrThrow({ where: { code: industry } })).id,
      scenarioId: (await db.scenario.findUniqueOrThrow({ where: { code: scenario } })).id,
      tags: storedTags(tags),
      contactName: "联系人",
      contactPhone: "+86 21 5555 0101",
      publishedAt: data.status === "APPROVED" ? new Date() : null,
    },
  });
}

/** What a browser receives, route data included: contacts must not be anywhere in it. */
async function raw(jar: CookieJar | null, path: string, headers: Record<string, string> = {}) {
  const response = jar ? await jar.fetch(server.baseUrl + path, { headers }) : await fetch(server.baseUrl + path, { headers });
  return { status: response.status, html: await response.text() };
}
const visible = (html: string) => withoutScripts(html);

beforeAll(async () => {
  await seedTaxonomy();
  const needUser = await createUser({ ...needAuthor, name: "需求方" });
  const offerUser = await createUser({ ...offerAuthor, name: "方案方" });
  ids.need = (
    await post({
      side: "NEED",
      status: "APPROVED",
      title: "零售信贷反欺诈需求",
      industry: "finance",
      scenario: "risk-control",
      tags: ["反欺诈", "信贷审批"],
      description: "城商行零售信贷审批慢，需要反欺诈模型。",
      authorUserId: needUser.id,
      contactEmail: contacts.need,
    })
  ).id;
  ids.offer = (
    await post({
      side: "OFFER",
      status: "APPROVED",
      title: "信贷反欺诈智能体方案",
      industry: "finance",
      scenario: "risk-control",
      tags: ["反欺诈", "信贷审批", "大模型"],
      description: "面向城商行的信贷审批与反欺诈智能体。",
      authorUserId: offerUser.id,
      contactEmail: contacts.offer,
    })
  ).id;
  ids.unrelated = (
    await post({
      side: "OFFER",
      status: "APPROVED",
      title: "冷链调度方案",
      industry: "agriculture",
      scenario: "supply-chain",
      tags: ["冷链"],
      description: "果蔬冷链温控。",
      contactEmail: "cold@contact.example.org",
    })
  ).id;
  ids.pending = (
    await post({
      side: "OFFER",
      status: "PENDING",
      title: "待审核的风控方案",
      industry: "finance",
      scenario: "risk-control",
      tags: ["反欺诈"],
      description: "尚未审核。",
      authorUserId: offerUser.id,
      contactEmail: contacts.pending,
    })
  ).id;
  server = await startTestServer();
  jars.need = await signIn(server.baseUrl, needAuthor.email, needAuthor.password);
  jars.offer = await signIn(server.baseUrl, offerAuthor.email, offerAuthor.password);
});
afterAll(() => server?.close());

describe("the scenario board", () => {
  it("lists approved posts only and filters them by side, industry, scenario, tag and text", async () => {
    const all = visible((await raw(null, "/matchmaking")).html);
    expect(all).toContain("零售信贷反欺诈需求");
    expect(all).toContain("信贷反欺诈智能体方案");
    expect(all).not.toContain("待审核的风控方案");
    const needs = visible((await raw(null, "/matchmaking?side=NEED")).html);
    expect(needs).toContain("零售信贷反欺诈需求");
    expect(needs).not.toContain("信贷反欺诈智能体方案");
    const cold = visible((await raw(null, "/matchmaking?industry=agriculture")).html);
    expect(cold).toContain("冷链调度方案");
    expect(cold).not.toContain("零售信贷反欺诈需求");
    expect(visible((await raw(null, "/matchmaking?scenario=supply-chain")).html)).not.toContain("信贷反欺诈智能体方案");
    expect(visible((await raw(null, `/matchmaking?tag=${encodeURIComponent("大模型")}`)).html)).not.toContain("零售信贷反欺诈需求");
    expect(visible((await raw(null, `/matchmaking?q=${encodeURIComponent("温控")}`)).html)).toContain("冷链调度方案");
  });

  it("never shows a pending post to the public, only to its author", async () => {
    expect((await raw(null, `/matchmaking/${ids.pending}`)).status).toBe(404);
    expect((await raw(jars.need, `/matchmaking/${ids.pending}`)).status).toBe(404);
    const own = await raw(jars.offer, `/matchmaking/${ids.pending}`);
    expect(own.status).toBe(200);
    expect(visible(own.html)).toContain("待审核");
    expect((await raw(null, `/matchmaking/${ids.need}`)).html).not.toContain("待审核的风控方案");
  });

  it("ranks the offers that fit a need, with the reason, in the reader's language", async () => {
    const zh = visible((await raw(null, `/matchmaking/${ids.need}`)).html);
    expect(zh).toContain("信贷反欺诈智能体方案");
    expect(zh).toContain("同属金融·智能风控；关键词：反欺诈、信贷审批");
    expect(zh).not.toContain("冷链调度方案");
    const en = visible((await raw(null, `/matchmaking/${ids.need}`, { "Accept-Language": "en" })).html);
    expect(en).toContain("Both finance · risk control; keywords: 反欺诈, 信贷审批");
    expect(visible((await raw(null, `/matchmaking/${ids.offer}`)).html)).toContain("零售信贷反欺诈需求");
  });

  it("keeps contacts out of the page and its data until a contact request is accepted", async () => {
    for (const jar of [null, jars.offer]) {
      const { html } = await raw(jar, `/matchmaking/${ids.need}`);
      expect(html).not.toContain(contacts.need);
      expect(html).not.toContain(contacts.offer);
    }
    expect((await raw(null, "/matchmaking")).html).not.toContain("@contact.example.org");
    expect((await raw(jars.need, `/matchmaking/${ids.need}`)).html).toContain(contacts.need);

    const db = await prisma();
    const request = await db.boardContactRequest.create({ data: { fromPostId: ids.offer, toPostId: ids.need, message: "想进一步沟通" } });
    expect((await raw(jars.offer, `/matchmaking/${ids.need}`)).html).not.toContain(contacts.need);
    await db.boardContactRequest.update({ where: { id: request.id }, data: { status: "DECLINED", decidedAt: new Date() } });
    expect((await raw(jars.offer, `/matchmaking/${ids.need}`)).html).not.toContain(contacts.need);

    await db.boardContactRequest.update({ where: { id: request.id }, data: { status: "ACCEPTED", decidedAt: new Date() } });
    expect(visible((await raw(jars.offer, `/matchmaking/${ids.need}`)).html)).toContain(contacts.need);
    expect(visible((await raw(jars.need, `/matchmaking/${ids.offer}`)).html)).toContain(contacts.offer);
    expect((await raw(null, `/matchmaking/${ids.need}`)).html).not.toContain(contacts.need);
  });
});
