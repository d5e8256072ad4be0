import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { foundingFirms } from "../../prisma/seed/programme";
import { withCheckCharacter } from "~/models/credit-code";
import { prisma } from "~/models/store/connection.server";
import { CookieJar, startTestServer } from "../support/server";
import { demo, signIn } from "../support/staff";

let server: Awaited<ReturnType<typeof startTestServer>>;
let charterVersion = "";

beforeAll(async () => {
  await useDemoDatabase();
  charterVersion = (await (await prisma()).programme.findFirstOrThrow()).charterVersion;
  server = await startTestServer();
});
afterAll(() => server?.close());

const validCode = withCheckCharacter("91330106MA2HTTP01".replace(/[IOSVZ]/g, "0"));
const wrongCheck = validCode.slice(0, 17) + (validCode[17] === "1" ? "2" : "1");

function applicationBody(overrides: Record<string, unknown> = {}) {
  return {
    firmName: "HTTP 测试企业（演示）",
    creditCode: validCode,
    industry: "电信",
    city: "杭州",
    size: "1-49",
    contactName: "测试者",
    contactEmail: "http.applicant@example.org",
    contactPhone: "13800000000",
    charterVersion,
    charterAccepted: true,
    ...overrides,
  };
}

const json = (body: unknown, language = "zh-CN") => ({
  method: "POST",
  headers: { "Content-Type": "application/json", "Accept-Language": language },
  body: JSON.stringify(body),
});

describe("GET /api/v1/programme", () => {
  it("has exactly the shape of DESIGN.md §5", async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/programme`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { name: string; launchedAt: string; firms: Record<string, unknown>[] };
    expect(Object.keys(body).sort()).toEqual(["firms", "launchedAt", "name"]);
    expect(body.name).toBe("智能体创新推进计划");
    expect(body.launchedAt).toBe("2025-07-23T01:00:00.000Z");
    expect(body.firms.filter((firm) => firm.founding)).toHaveLength(11);
    for (const firm of body.firms) {
      for (const key of Object.keys(firm)) expect(["name", "founding", "industry", "city", "memberSince", "website"]).toContain(key);
      expect(typeof firm.name).toBe("string");
      expect(typeof firm.founding).toBe("boolean");
      expect(typeof firm.memberSince).toBe("string");
    }
  });
});

describe("public programme page", () => {
  it("filters the directory by industry and search through the query string (no JavaScript needed)", async () => {
    const all = await (await fetch(`${server.baseUrl}/programme`)).text();
    for (const firm of foundingFirms) expect(all).toContain(firm.name);
    expect(all).toContain('href="/programme/apply"');
    const finance = await (await fetch(`${server.baseUrl}/programme?industry=${encodeURIComponent("金融")}`)).text();
    expect(finance).toContain("锦程金融智能（演示）");
    expect(finance).toContain("共 1 家成员企业");
    const search = await (await fetch(`${server.baseUrl}/programme?q=${encodeURIComponent("检索")}`)).text();
    expect(search).toContain("知微检索科技（演示）");
    expect(search).toContain("共 1 家成员企业");
    const none = await (await fetch(`${server.baseUrl}/programme?city=${encodeURIComponent("拉萨")}&kind=founding`)).text();
    expect(none).toContain("没有符合条件的成员企业。");
  });
});

describe("applying", () => {
  it("refuses a wrong check character with a clear message in Chinese and in English, storing nothing", async () => {
    const zh = await fetch(`${server.baseUrl}/api/v1/programme/applications`, json(applicationBody({ creditCode: wrongCheck })));
    expect(zh.status).toBe(422);
    const zhBody = (await zh.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(zhBody.error.code).toBe("invalid_input");
    expect(zhBody.error.fields.creditCode).toBe("统一社会信用代码校验位不正确，请核对后重新输入。");
    const en = await fetch(`${server.baseUrl}/api/v1/programme/applications`, json(applicationBody({ creditCode: wrongCheck, charterAccepted: false }), "en"));
    const enBody = (await en.json()) as { error: { fields: Record<string, string> } };
    expect(enBody.error.fields.creditCode).toMatch(/check character .* is wrong/);
    expect(enBody.error.fields.charterAccepted).toBe("Please read and accept the programme charter.");
    expect(await (await prisma()).firmApplication.count({ where: { creditCode: wrongCheck } })).toBe(0);
  });

  it("accepts the HTML form, and a repeated submit neither duplicates the application nor the e-mail", async () => {
    const form = new URLSearchParams({ ...applicationBody(), charterAccepted: "on" } as unknown as Record<string, string>);
    const first = await fetch(`${server.baseUrl}/programme/apply`, { method: "POST", body: form });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("申请已提交，确认邮件已发送至 http.applicant@example.org");
    const again = await fetch(`${server.baseUrl}/programme/apply`, { method: "POST", body: form });
    expect(await again.text()).toContain("无需重复提交");
    const db = await prisma();
    expect(await db.firmApplication.count({ where: { creditCode: validCode } })).toBe(1);
    expect(await db.emailMessage.count({ where: { toAddress: "http.applicant@example.org" } })).toBe(1);
  });

  it("quietly drops a submission whose honeypot is filled in", async () => {
    const form = new URLSearchParams({ ...applicationBody({ contactEmail: "bot@example.org" }), charterAccepted: "on", nickname: "bot" } as unknown as Record<string, string>);
    const response = await fetch(`${server.baseUrl}/programme/apply`, { method: "POST", body: form });
    expect(response.status).toBe(200);
    expect(await (await prisma()).firmApplication.count({ where: { contactEmail: "bot@example.org" } })).toBe(0);
  });

  it("rate-limits submissions from one address", async () => {
    let last = 0;
    for (let attempt = 0; attempt < 6; attempt += 1) {
      last = (await fetch(`${server.baseUrl}/api/v1/programme/applications`, json({}))).status;
    }
    expect(last).toBe(429);
  });
});

async function firmByName(name: string) {
  return (await prisma()).firm.findFirstOrThrow({ where: { name } });
}

describe("firm portal permissions", () => {
  let jar: CookieJar;
  beforeAll(async () => {
    jar = await signIn(server.baseUrl, demo.firm.email, demo.firm.password);
  });

  it("shows a contact their own firm, and answers 403 for another firm's id (IDOR)", async () => {
    const own = await firmByName(foundingFirms[0].name);
    const other = await firmByName(foundingFirms[1].name);
    const page = await jar.fetch(`${server.baseUrl}/firm`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(own.name);
    expect(html).toContain("入会清单");
    expect((await jar.fetch(`${server.baseUrl}/firm?firm=${other.id}`)).status).toBe(403);
    const attempt = await jar.fetch(`${server.baseUrl}/firm?firm=${other.id}`, {
      method: "POST",
      body: new URLSearchParams({ intent: "profile", name: "Hijacked", industry: "x", city: "y", size: "1-49" }),
    });
    expect(attempt.status).toBe(403);
    expect((await firmByName(foundingFirms[1].name)).name).toBe(foundingFirms[1].name);
    const invite = await jar.fetch(`${server.baseUrl}/firm?firm=${other.id}`, { method: "POST", body: new URLSearchParams({ intent: "invite", name: "Mallory", email: "mallory@example.org" }) });
    expect(invite.status).toBe(403);
    expect(await (await prisma()).user.count({ where: { email: "mallory@example.org" } })).toBe(0);
  });

  it("lets the contact edit the profile and invite a colleague, who gets a set-password e-mail", async () => {
    const own = await firmByName(foundingFirms[0].name);
    const saved = await jar.fetch(`${server.baseUrl}/firm?firm=${own.id}`, {
      method: "POST",
      body: new URLSearchParams({ intent: "profile", name: own.name, industry: own.industry, city: own.city, size: "1000+", description: "新的简介", website: "galaxy.demo.example.org" }),
    });
    expect(saved.status).toBe(200);
    const updated = await firmByName(own.name);
    expect(updated.description).toBe("新的简介");
    expect(updated.website).toBe("https://galaxy.demo.example.org");

    const invited = await jar.fetch(`${server.baseUrl}/firm?firm=${own.id}`, { method: "POST", body: new URLSearchParams({ intent: "invite", name: "同事甲", email: "Colleague.A@example.org" }) });
    expect(await invited.text()).toContain("邀请邮件已发送至 colleague.a@example.org");
    const db = await prisma();
    const colleague = await db.user.findUniqueOrThrow({ where: { email: "colleague.a@example.org" }, include: { roles: true } });
    expect(colleague.roles).toEqual([expect.objectContaining({ role: "FIRM_CONTACT", firmId: own.id })]);
    const email = await db.emailMessage.findFirstOrThrow({ where: { toAddress: "colleague.a@example.org", kind: "firm-contact-invitation" } });
    expect(email.text).toMatch(/\/account\/setup\/[A-Za-z0-9_-]{20,}/);
    const again = await jar.fetch(`${server.baseUrl}/firm?firm=${own.id}`, { method: "POST", body: new URLSearchParams({ intent: "invite", name: "同事甲", email: "colleague.a@example.org" }) });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("此人已是本企业的联络人");

    const removed = await jar.fetch(`${server.baseUrl}/firm?firm=${own.id}`, { method: "POST", body: new URLSearchParams({ intent: "remove", userId: colleague.id }) });
    expect(removed.status).toBe(200);
    expect(await db.roleAssignment.count({ where: { userId: colleague.id } })).toBe(0);
  });

  it("refuses non-images and oversized logos with clear messages and stores a valid PNG", async () => {
    const own = await firmByName(foundingFirms[0].name);
    const upload = (bytes: Uint8Array<ArrayBuffer>, name: string, type: string, language = "zh-CN") => {
      const form = new FormData();
      form.append("logo", new Blob([new Uint8Array(bytes)], { type }), name);
      return jar.fetch(`${server.baseUrl}/firm?firm=${own.id}`, { method: "POST", body: form, headers: { "Accept-Language": language } });
    };
    const text = await upload(new TextEncoder().encode("<svg onload=alert(1)>"), "logo.png", "image/png");
    expect(text.status).toBe(415);
    expect(await text.text()).toContain("文件不是 PNG、JPEG 或 WebP 图片。");

    const png = new PNG({ width: 40, height: 40 });
    png.data.fill(200);
    const valid = PNG.sync.write(png);
    const huge = new Uint8Array(600 * 1024);
    huge.set(valid);
    const tooLarge = await upload(huge, "big.png", "image/png", "en");
    expect(tooLarge.status).toBe(413);
    const db = await prisma();
    expect((await db.firm.findUniqueOrThrow({ where: { id: own.id } })).logoPath).toBeNull();

    const ok = await upload(new Uint8Array(valid), "logo.png", "image/png");
    expect(ok.status).toBe(200);
    const { logoPath } = await db.firm.findUniqueOrThrow({ where: { id: own.id } });
    expect(logoPath).toMatch(/^logos\/.+\.png$/);
    const served = await fetch(`${server.baseUrl}/uploads/${logoPath}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/png");
    // Re-encoded from the decoded pixels (issue 12 §11): the same picture, not necessarily the same bytes.
    expect(PNG.sync.read(Buffer.from(await served.arrayBuffer())).data.equals(png.data)).toBe(true);
    expect(await (await fetch(`${server.baseUrl}/programme`)).text()).toContain(`/uploads/${logoPath}`);
    expect((await fetch(`${server.baseUrl}/uploads/logos/..%2F..%2Fapp.db`)).status).toBe(404);
  });
});

describe("back-office permissions", () => {
  it("an organizer of one event cannot see or review applications; a programme organizer can", async () => {
    const db = await prisma();
    const application = await db.firmApplication.findFirstOrThrow({ where: { status: "SUBMITTED" } });
    const scoped = await signIn(server.baseUrl, demo.shanghaiOrganizer.email, demo.shanghaiOrganizer.password);
    expect((await scoped.fetch(`${server.baseUrl}/admin/applications`)).status).toBe(403);
    expect((await scoped.fetch(`${server.baseUrl}/admin/onboarding`)).status).toBe(403);
    const attempt = await scoped.fetch(`${server.baseUrl}/admin/applications/${application.id}`, { method: "POST", body: new URLSearchParams({ intent: "review", to: "UNDER_REVIEW" }) });
    expect(attempt.status).toBe(403);
    expect((await db.firmApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("SUBMITTED");

    const firmContact = await signIn(server.baseUrl, demo.firm.email, demo.firm.password);
    expect([302, 403]).toContain((await firmContact.fetch(`${server.baseUrl}/admin/applications`)).status);

    const organizer = await signIn(server.baseUrl, demo.organizer.email, demo.organizer.password);
    const queue = await organizer.fetch(`${server.baseUrl}/admin/applications`);
    expect(queue.status).toBe(200);
    expect(await queue.text()).toContain(application.firmName);
    const illegal = await organizer.fetch(`${server.baseUrl}/admin/applications/${application.id}`, { method: "POST", body: new URLSearchParams({ intent: "review", to: "APPROVED" }) });
    expect(illegal.status).toBe(409);
    expect(await illegal.text()).toContain("申请当前为“已提交”，不能改为“已通过”");
    expect((await db.firmApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("SUBMITTED");
    const legal = await organizer.fetch(`${server.baseUrl}/admin/applications/${application.id}`, { method: "POST", body: new URLSearchParams({ intent: "review", to: "UNDER_REVIEW" }) });
    expect(legal.status).toBe(200);
    expect((await db.firmApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("UNDER_REVIEW");
    const matrix = await organizer.fetch(`${server.baseUrl}/admin/onboarding`);
    expect(matrix.status).toBe(200);
    expect((await matrix.text()).match(/data-state="done"/g)?.length).toBeGreaterThan(10);
  });
});

describe("links from e-mails", () => {
  it("the amend link works once through the page, then answers 410 with a clear message", async () => {
    const db = await prisma();
    const organizer = await signIn(server.baseUrl, demo.organizer.email, demo.organizer.password);
    const application = await db.firmApplication.findFirstOrThrow({ where: { contactEmail: "http.applicant@example.org" } });
    const asked = await organizer.fetch(`${server.baseUrl}/admin/applications/${application.id}`, {
      method: "POST",
      body: new URLSearchParams({ intent: "review", to: "NEEDS_MORE_INFO", message: "请补充企业网站" }),
    });
    expect(asked.status).toBe(200);
    const email = await db.emailMessage.findFirstOrThrow({ where: { toAddress: "http.applicant@example.org", kind: "application-needs-info" } });
    expect(email.text).toContain("请补充企业网站");
    const path = /(\/programme\/apply\/[A-Za-z0-9_-]{20,})/.exec(email.text)![1];
    const page = await fetch(`${server.baseUrl}${path}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(application.creditCode);

    const bad = await fetch(`${server.baseUrl}${path}`, { method: "POST", body: new URLSearchParams({ ...applicationBody(), website: "not a url" } as unknown as Record<string, string>) });
    expect(bad.status).toBe(422);
    expect((await db.firmApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("NEEDS_MORE_INFO");

    const amended = await fetch(`${server.baseUrl}${path}`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ ...applicationBody(), website: "https://http-test.example.org" } as unknown as Record<string, string>),
    });
    expect(amended.status).toBe(302);
    expect(amended.headers.get("Location")).toBe("/programme/apply/amended");
    expect(await (await fetch(`${server.baseUrl}/programme/apply/amended`)).text()).toContain("修改已提交");
    const after = await db.firmApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(after).toMatchObject({ status: "SUBMITTED", website: "https://http-test.example.org" });

    const stale = await fetch(`${server.baseUrl}${path}`, { headers: { "Accept-Language": "en" } });
    expect(stale.status).toBe(410);
    expect(await stale.text()).toContain("This link is no longer valid");
  });

  it("an unknown set-password link answers 410 in the reader's language", async () => {
    const response = await fetch(`${server.baseUrl}/account/setup/not-a-real-token-0123456789`);
    expect(response.status).toBe(410);
    expect(await response.text()).toContain("此链接已失效");
  });
});
