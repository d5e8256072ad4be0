import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedTaxonomy } from "../../prisma/seed/taxonomy";
import { publishCase } from "~/models/case-library.server";
import { prisma } from "~/models/store/connection.server";
import { listTaxonomy } from "~/models/taxonomy.server";
import { startTestServer } from "../support/server";
import { withoutScripts } from "../support/html";

// The panorama check asks the API once per cell: far more requests than one reader would send.
process.env.RATE_LIMIT = "off";
vi.setConfig({ testTimeout: 60_000 });

/**
 * The public case library over HTTP: search (Chinese substrings), filters and pagination on /cases and the
 * API, what stays hidden, the calls' dates, a call's booklet, the panorama against the library, and a firm's
 * directory page. The rows are made here (a fresh database per file), so every count is exact.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
const unique = randomBytes(4).toString("hex");
const slugs = { past: `lib-past-${unique}`, earlier: `lib-earlier-${unique}`, open: `lib-open-${unique}`, draft: `lib-draft-${unique}` };
const firms = { bank: "", factory: "", gone: "" };
const cases = { riskControl: "", inspection: "", customerService: "", notPublished: "", noConsent: "", ofGoneFirm: "" };
const titles = {
  riskControl: "信贷审批智能风控助手",
  inspection: "产线质检智能体",
  customerService: "银行远程客服智能体",
  notPublished: "尚未发布的反欺诈风控案例",
  noConsent: "撤回授权的风控案例",
};
const fillers = 12;
const day = 86_400_000;

const visible = (html: string) => withoutScripts(html);
const get = (path: string, init?: RequestInit) => fetch(server.baseUrl + path, init);
const page = async (path: string, init?: RequestInit) => {
  const response = await get(path, init);
  return { status: response.status, html: visible(await response.text()) };
};
const api = async (path: string) => {
  const response = await get(path);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { cases: { id: string; title: string }[]; total: number; page: number; pageCount: number } };
};
const listedIds = (html: string) => [...html.matchAll(/href="\/cases\/([a-z0-9]{20,})"/g)].map((match) => match[1]);

beforeAll(async () => {
  await seedTaxonomy();
  const db = await prisma();
  const { industries, scenarios } = await listTaxonomy();
  const industry = (code: string) => industries.find((term) => term.code === code)!.id;
  const scenario = (code: string) => scenarios.find((term) => term.code === code)!.id;
  const programme = await db.programme.create({ data: { slug: `lib-${unique}`, name: "案例库测试计划", launchedAt: new Date() } });
  firms.bank = (await db.firm.create({ data: { programmeId: programme.id, name: `晨星银行${unique}`, nameEn: "Morning Star Bank" } })).id;
  firms.factory = (await db.firm.create({ data: { programmeId: programme.id, name: `远山制造${unique}`, nameEn: "Far Hill Manufacturing" } })).id;
  firms.gone = (await db.firm.create({ data: { programmeId: programme.id, name: `已退出企业${unique}`, status: "SUSPENDED" } })).id;
  const actor = await db.user.create({ data: { email: `library-${unique}@example.org`, name: "案例库管理员" } });

  const call = (slug: string, title: string, opensAt: Date, closesAt: Date, published = true) =>
    db.caseCall.create({ data: { slug, title, titleEn: `${title} (en)`, timeZone: "Asia/Shanghai", opensAt, closesAt, publishedAt: published ? new Date() : null } });
  const past = await call(slugs.past, "2025 智能体场景应用典型案例征集", new Date("2025-03-01T00:00:00Z"), new Date("2025-06-30T15:59:59Z"));
  const earlier = await call(slugs.earlier, "2024 人工智能应用案例征集", new Date("2024-03-01T00:00:00Z"), new Date("2024-06-30T15:59:59Z"));
  await call(slugs.open, "2026 智能体案例征集", new Date(Date.now() - day), new Date(Date.now() + 30 * day));
  await call(slugs.draft, "尚未发布的征集", new Date(Date.now() - day), new Date(Date.now() + 30 * day), false);

  type Row = { callId: string; firmId: string; title: string; industry: string; scenario: string; decision?: "TYPICAL" | "EXCELLENT"; consent?: boolean };
  const submit = async (row: Row) =>
    (
      await db.caseSubmission.create({
        data: {
          callId: row.callId,
          firmId: row.firmId,
          status: "SUBMITTED",
          submittedAt: new Date(),
          title: row.title,
          titleEn: `${row.title} (en)`,
          industryId: industry(row.industry),
          scenarioId: scenario(row.scenario),
          summary: `${row.title}的概述`,
          problem: `${row.title}要解决的问题`,
          solution: `${row.title}的解决方案`,
          results: `${row.title}的应用成效`,
          figures: JSON.stringify([{ label: "审批时效", labelEn: "Approval time", value: "缩短 60%" }]),
          decision: row.decision ?? "TYPICAL",
          publicationConsent: row.consent ?? true,
        },
      })
    ).id;
  const publish = (submissionId: string, callId: string) => publishCase({ callId, submissionId, actorUserId: actor.id });

  cases.riskControl = await submit({ callId: past.id, firmId: firms.bank, title: titles.riskControl, industry: "finance", scenario: "risk-control" });
  await db.caseCoSubmitter.create({ data: { submissionId: cases.riskControl, firmId: firms.factory, position: 1 } });
  await publish(cases.riskControl, past.id);
  cases.inspection = await submit({ callId: past.id, firmId: firms.factory, title: titles.inspection, industry: "manufacturing", scenario: "production", decision: "EXCELLENT" });
  await publish(cases.inspection, past.id);
  cases.customerService = await submit({ callId: earlier.id, firmId: firms.bank, title: titles.customerService, industry: "finance", scenario: "customer-service" });
  await publish(cases.customerService, earlier.id);
  // Selected and consented, never published.
  cases.notPublished = await submit({ callId: past.id, firmId: firms.bank, title: titles.notPublished, industry: "finance", scenario: "risk-control" });
  // Published once, then the consent was withdrawn: the library must hide it although publishedAt is still set.
  cases.noConsent = await submit({ callId: past.id, firmId: firms.bank, title: titles.noConsent, industry: "finance", scenario: "risk-control" });
  await publish(cases.noConsent, past.id);
  await db.caseSubmission.update({ where: { id: cases.noConsent }, data: { publicationConsent: false } });
  cases.ofGoneFirm = await submit({ callId: earlier.id, firmId: firms.gone, title: "已退出企业的能源案例", industry: "energy", scenario: "maintenance" });
  await publish(cases.ofGoneFirm, earlier.id);
  for (let n = 1; n <= fillers; n += 1) {
    const id = await submit({ callId: earlier.id, firmId: firms.factory, title: `设备巡检案例${n}`, industry: "energy", scenario: "maintenance" });
    await publish(id, earlier.id);
  }
  server = await startTestServer();
});
afterAll(() => server?.close());

describe("search", () => {
  it("finds a case by a two-character Chinese substring, on the page and in the API", async () => {
    const { html } = await page(`/cases?q=${encodeURIComponent("风控")}`);
    expect(html).toContain(titles.riskControl);
    expect(html).not.toContain(titles.inspection);
    expect(html).not.toContain(titles.notPublished);
    expect(html).not.toContain(titles.noConsent);
    expect(listedIds(html)).toEqual([cases.riskControl]);

    const { body } = await api(`/api/v1/cases?q=${encodeURIComponent("风控")}`);
    expect(body.total).toBe(1);
    expect(body.cases.map((item) => item.id)).toEqual([cases.riskControl]);
    expect((await api(`/api/v1/cases?q=${encodeURIComponent("质检")}`)).body.cases.map((item) => item.id)).toEqual([cases.inspection]);
  });

  it("matches every term, and firm names and English text too", async () => {
    expect((await api(`/api/v1/cases?q=${encodeURIComponent("智能体 银行")}`)).body.cases.map((item) => item.id)).toEqual([cases.customerService]);
    expect((await api(`/api/v1/cases?q=${encodeURIComponent(`晨星银行${unique}`)}`)).body.cases.map((item) => item.id).sort()).toEqual([cases.riskControl, cases.customerService].sort());
    expect((await api("/api/v1/cases?q=APPROVAL%20time")).body.total).toBe(4 + fillers);
    expect((await api(`/api/v1/cases?q=${encodeURIComponent("没有这个词")}`)).body.total).toBe(0);
  });
});

describe("filters and pagination", () => {
  const filters: [string, () => string[]][] = [
    ["industry=finance", () => [cases.riskControl, cases.customerService]],
    ["scenario=production", () => [cases.inspection]],
    ["industry=finance&scenario=risk-control", () => [cases.riskControl]],
    ["year=2025", () => [cases.riskControl, cases.inspection]],
    [`call=${slugs.past}`, () => [cases.riskControl, cases.inspection]],
    [`call=${slugs.past}&industry=manufacturing`, () => [cases.inspection]],
  ];

  for (const [query, expected] of filters) {
    it(`filters by ${query}, the page and the API alike`, async () => {
      const { body } = await api(`/api/v1/cases?${query}`);
      expect(body.cases.map((item) => item.id).sort()).toEqual(expected().sort());
      expect(body.total).toBe(expected().length);
      const { html } = await page(`/cases?${query}`);
      expect(listedIds(html).sort()).toEqual(expected().sort());
    });
  }

  it("filters by firm, lead or co-submitter", async () => {
    expect((await api(`/api/v1/cases?firm=${firms.bank}`)).body.cases.map((item) => item.id).sort()).toEqual([cases.riskControl, cases.customerService].sort());
    const factory = await api(`/api/v1/cases?firm=${firms.factory}&perPage=100`);
    expect(factory.body.total).toBe(2 + fillers);
    expect(factory.body.cases.map((item) => item.id)).toContain(cases.riskControl);
    expect(listedIds((await page(`/cases?firm=${firms.bank}`)).html).sort()).toEqual([cases.riskControl, cases.customerService].sort());
  });

  it("pages through the API without losing or repeating a case", async () => {
    const all = (await api("/api/v1/cases?perPage=100")).body;
    expect(all.total).toBe(4 + fillers);
    const seen: string[] = [];
    for (let current = 1; current <= 4; current += 1) {
      const { body } = await api(`/api/v1/cases?perPage=5&page=${current}`);
      expect(body).toMatchObject({ page: current, pageCount: 4, perPage: 5, total: all.total });
      seen.push(...body.cases.map((item) => item.id));
    }
    expect(seen).toHaveLength(all.total);
    expect(new Set(seen)).toEqual(new Set(all.cases.map((item) => item.id)));
    expect((await get("/api/v1/cases?perPage=1000")).status).toBe(422);
    const invalid = (await (await get("/api/v1/cases?page=0")).json()) as { error: { code: string } };
    expect(invalid.error.code).toBe("invalid_input");
  });

  it("pages through the library page, twelve cases a page", async () => {
    const first = await page(`/cases?call=${slugs.earlier}`);
    const second = await page(`/cases?call=${slugs.earlier}&page=2`);
    expect(listedIds(first.html)).toHaveLength(12);
    expect(listedIds(second.html)).toHaveLength(fillers + 2 - 12);
    expect(new Set([...listedIds(first.html), ...listedIds(second.html)]).size).toBe(fillers + 2);
    expect(first.html).toContain(`href="/cases?call=${slugs.earlier}&amp;page=2"`);
  });

  it("links a call's filtered library to its booklet, and the call's page too", async () => {
    expect((await page(`/cases?call=${slugs.past}`)).html).toContain(`href="/cases/booklet/${slugs.past}"`);
    expect((await page("/cases")).html).not.toContain("/cases/booklet/");
    expect((await page(`/calls/${slugs.past}`)).html).toContain(`href="/cases/booklet/${slugs.past}"`);
    expect((await page(`/calls/${slugs.open}`)).html).not.toContain(`href="/cases/booklet/`);
  });
});

describe("what stays hidden", () => {
  for (const which of ["notPublished", "noConsent"] as const) {
    it(`answers 404 for a case that is ${which === "notPublished" ? "not published" : "published without consent"}, on the page and in the API`, async () => {
      const shown = await page(`/cases/${cases[which]}`);
      expect(shown.status).toBe(404);
      expect(shown.html).not.toContain(titles[which]);
      const response = await get(`/api/v1/cases/${cases[which]}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found", message: expect.any(String) } });
    });
  }

  it("answers a public case in full, linked to its member firms' pages", async () => {
    const { body } = await api(`/api/v1/cases/${cases.riskControl}`);
    expect(body.case).toMatchObject({
      id: cases.riskControl,
      title: titles.riskControl,
      year: 2025,
      industry: { code: "finance" },
      scenario: { code: "risk-control" },
      figures: [{ label: "审批时效", value: "缩短 60%" }],
      organisations: [{ firmId: firms.bank }, { firmId: firms.factory }],
      call: { slug: slugs.past },
    });
    const { status, html } = await page(`/cases/${cases.riskControl}`);
    expect(status).toBe(200);
    expect(html).toContain(`href="/programme/firms/${firms.bank}"`);
    expect(html).toContain(`href="/programme/firms/${firms.factory}"`);
    expect(html).toContain(`${titles.riskControl}的解决方案`);
    // A firm that left the programme keeps its name on the case, without a link to a page it no longer has.
    const gone = await page(`/cases/${cases.ofGoneFirm}`);
    expect(gone.html).toContain(`已退出企业${unique}`);
    expect(gone.html).not.toContain(`/programme/firms/${firms.gone}`);
  });
});

describe("calls", () => {
  it("lists published calls with their dates, the open one first", async () => {
    const response = await get("/api/v1/case-calls");
    expect(response.status).toBe(200);
    const { calls } = (await response.json()) as { calls: { slug: string; opensAt: string; closesAt: string; phase: string; timeZone: string; bookletUrl: string }[] };
    expect(calls.map((call) => call.slug)).toEqual([slugs.open, slugs.past, slugs.earlier]);
    expect(calls[1]).toMatchObject({
      opensAt: "2025-03-01T00:00:00.000Z",
      closesAt: "2025-06-30T15:59:59.000Z",
      phase: "closed",
      timeZone: "Asia/Shanghai",
      bookletUrl: `/cases/booklet/${slugs.past}`,
    });
    expect(calls[0]!.phase).toBe("open");
  });
});

describe("the booklet", () => {
  it("holds each public case of the call once, after a contents list linking to each", async () => {
    const { status, html } = await page(`/cases/booklet/${slugs.past}`);
    expect(status).toBe(200);
    const articles = [...html.matchAll(/<article id="case-([a-z0-9]+)"/g)].map((match) => match[1]);
    expect(articles.sort()).toEqual([cases.riskControl, cases.inspection].sort());
    const contents = html.slice(html.indexOf('id="booklet-contents"'), html.indexOf("</nav>", html.indexOf('id="booklet-contents"')));
    const entries = [...contents.matchAll(/href="#case-([a-z0-9]+)"/g)].map((match) => match[1]);
    expect(entries.sort()).toEqual(articles.sort());
    // Typical cases come before excellent ones, in the contents as on the pages.
    expect(entries).toEqual([cases.riskControl, cases.inspection]);
    for (const title of [titles.riskControl, titles.inspection]) expect(html.split(title).length - 1).toBeGreaterThanOrEqual(2);
    for (const part of ["的概述", "要解决的问题", "的解决方案", "的应用成效"]) expect(html).toContain(`${titles.riskControl}${part}`);
    expect(html).toContain("缩短 60%");
    expect(html).toContain("break-before: page");
    expect(html).toContain("@page");
    for (const hidden of [titles.notPublished, titles.noConsent, titles.customerService]) expect(html).not.toContain(hidden);
  });

  it("reads in English for an English reader", async () => {
    const { html } = await page(`/cases/booklet/${slugs.past}`, { headers: { "Accept-Language": "en" } });
    expect(html).toContain("Contents");
    expect(html).toContain(`${titles.riskControl} (en)`);
    expect(html).toContain("Print or save as PDF");
  });

  it("is empty for a call without public cases, and missing for an unknown or unpublished call", async () => {
    const empty = await page(`/cases/booklet/${slugs.open}`);
    expect(empty.status).toBe(200);
    expect(empty.html).toContain("本次征集还没有公开的案例。");
    expect((await get(`/cases/booklet/${slugs.draft}`)).status).toBe(404);
    expect((await get("/cases/booklet/no-such-call")).status).toBe(404);
  });
});

describe("the panorama", () => {
  it("counts in each cell what the library lists for that cell, and links each cell to it", async () => {
    const { html } = await page("/cases/panorama");
    const cells = [...html.matchAll(/<a [^>]*data-cases="\d+"[^>]*>/g)].map(([tag]) => {
      const [, industry, scenario] = /href="\/cases\?industry=([a-z-]+)&(?:amp;)?scenario=([a-z-]+)"/.exec(tag) ?? [];
      return { industry: industry ?? "", scenario: scenario ?? "", cases: Number(/data-cases="(\d+)"/.exec(tag)![1]) };
    });
    const { industries, scenarios } = await listTaxonomy();
    expect(cells).toHaveLength(industries.length * scenarios.length);
    expect(cells.every((cell) => cell.industry && cell.scenario)).toBe(true);
    for (const cell of cells) {
      const { body } = await api(`/api/v1/cases?industry=${cell.industry}&scenario=${cell.scenario}&perPage=1`);
      expect(body.total, `${cell.industry} × ${cell.scenario}`).toBe(cell.cases);
    }
    expect(cells.find((cell) => cell.industry === "energy" && cell.scenario === "maintenance")?.cases).toBe(fillers + 1);
    expect(cells.find((cell) => cell.industry === "finance" && cell.scenario === "risk-control")?.cases).toBe(1);
    const filtered = await page("/cases?industry=energy&scenario=maintenance");
    expect(filtered.html).toContain(`共 ${fillers + 1} 个案例`);
  });
});

describe("a firm's directory page", () => {
  it("lists the firm's public cases, as lead or co-submitter, and no other", async () => {
    const bank = await page(`/programme/firms/${firms.bank}`);
    expect(bank.status).toBe(200);
    expect(bank.html).toContain("入选案例");
    expect(listedIds(bank.html).sort()).toEqual([cases.riskControl, cases.customerService].sort());
    for (const hidden of [titles.notPublished, titles.noConsent, titles.inspection]) expect(bank.html).not.toContain(hidden);
    expect(bank.html).toContain(`href="/cases?firm=${firms.bank}"`);

    const factory = await page(`/programme/firms/${firms.factory}`);
    expect(listedIds(factory.html)).toContain(cases.riskControl);
    expect(listedIds(factory.html)).toContain(cases.inspection);
  });

  it("says nothing of cases for a firm without any", async () => {
    const db = await prisma();
    const firm = await db.firm.create({ data: { programmeId: (await db.firm.findUniqueOrThrow({ where: { id: firms.bank } })).programmeId, name: `无案例企业${unique}` } });
    const { status, html } = await page(`/programme/firms/${firm.id}`);
    expect(status).toBe(200);
    expect(html).not.toContain("入选案例");
  });
});
