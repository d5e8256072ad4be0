import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { prisma } from "~/models/store/connection.server";
import { createRegistrationEvent, person } from "../support/registration-fixtures";
import { CookieJar, startTestServer } from "../support/server";
import { demo, signIn } from "../support/staff";
import { withoutScripts } from "../support/html";

/**
 * Issue 15 §2 and issue 14 §9: the public event page (cover, hosts, map links, ticket panel), the register
 * button's words when full, invite-only tickets only with a valid code, and POST → redirect → confirmation.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
});
afterAll(() => server?.close());

const visibleText = (html: string) => withoutScripts(html);

async function page(path: string, init: RequestInit = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, { ...init, redirect: "manual" });
  return { status: response.status, html: visibleText(await response.text()) };
}

function buttonText(html: string, testId: string): string[] {
  return [...html.matchAll(new RegExp(`<(?:a|button)[^>]*data-testid="${testId}"[^>]*>([^<]*)<`, "g"))].map((match) => match[1]!);
}

function postForm(path: string, fields: Record<string, unknown>) {
  const body = new URLSearchParams(Object.entries(fields).map(([name, value]) => [name, value === true ? "on" : String(value)]));
  return fetch(`${server.baseUrl}${path}`, { method: "POST", body, headers: { Origin: server.baseUrl }, redirect: "manual" });
}

async function filled(slug: string, seats: number) {
  await (await prisma()).event.update({ where: { slug }, data: { confirmedCount: seats } });
}

describe("the register button", () => {
  it("says register while open, join the waitlist when full with one, and sold out (disabled) when full without", async () => {
    const open = await createRegistrationEvent({ capacity: 10 });
    const waitlist = await createRegistrationEvent({ capacity: 2, waitlistEnabled: true });
    const soldOut = await createRegistrationEvent({ capacity: 2 });
    await filled(waitlist.slug, 2);
    await filled(soldOut.slug, 2);

    const openPage = (await page(`/events/${open.slug}`)).html;
    expect(buttonText(openPage, "register-button")).toEqual(["立即报名", "立即报名"]);
    expect(openPage).toContain("剩余 10 席");

    const waitlistPage = (await page(`/events/${waitlist.slug}`)).html;
    expect(buttonText(waitlistPage, "register-button")).toEqual(["加入候补名单", "加入候补名单"]);
    expect(waitlistPage).not.toContain("立即报名");
    expect(buttonText((await page(`/events/${waitlist.slug}/register`)).html, "register-submit")).toEqual(["加入候补名单"]);

    const soldOutPage = (await page(`/events/${soldOut.slug}`)).html;
    expect(buttonText(soldOutPage, "register-button")).toEqual(["已满", "已满"]);
    expect(soldOutPage).toMatch(/<button[^>]*disabled=""[^>]*data-testid="register-button"/);
    expect(soldOutPage).not.toContain("立即报名");
    expect((await page(`/events/${soldOut.slug}/register`)).html).toMatch(/<button[^>]*disabled=""[^>]*data-testid="register-submit"[^>]*>已满</);
  });

  it("shows the approval hint only where approval applies", async () => {
    const { slug } = await createRegistrationEvent({
      capacity: 10,
      categories: [
        { code: "public", name: "公众" },
        { code: "press", name: "媒体", requiresApproval: true },
      ],
    });
    const html = (await page(`/events/${slug}`)).html;
    expect(html.match(/需审核/g)).toHaveLength(1);
    expect(html).not.toContain("报名提交后需经主办方审核");
    const approved = await createRegistrationEvent({ capacity: 10, requiresApproval: true });
    expect((await page(`/events/${approved.slug}`)).html).toContain("报名提交后需经主办方审核");
  });
});

describe("invite-only categories", () => {
  it("appear only with a valid code, and a crafted POST without one is refused", async () => {
    const { event, slug, categories } = await createRegistrationEvent({
      capacity: 20,
      categories: [
        { code: "public", name: "公众" },
        { code: "vip", name: "特邀嘉宾", inviteOnly: true },
      ],
    });
    const db = await prisma();
    await db.inviteCode.create({ data: { eventId: event.id, code: "VIP-2026", categoryId: categories[1]!.id, maxUses: 5 } });

    expect((await page(`/events/${slug}`)).html).not.toContain("特邀嘉宾");
    expect((await page(`/events/${slug}/register`)).html).not.toContain("特邀嘉宾");
    const refused = (await page(`/events/${slug}/register?code=NOPE`)).html;
    expect(refused).not.toContain("特邀嘉宾");
    expect(refused).toContain("该邀请码无效、已过期或已用完");
    const invited = (await page(`/events/${slug}/register?code=VIP-2026`)).html;
    expect(invited).toContain("特邀嘉宾");
    expect(invited).toContain('name="inviteCode" value="VIP-2026"');

    const crafted = await postForm(`/events/${slug}/register`, person(1, { category: "vip" }));
    expect(crafted.status).toBe(422);
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);
    const withCode = await postForm(`/events/${slug}/register`, person(2, { category: "vip", inviteCode: "VIP-2026" }));
    expect(withCode.status).toBe(303);
    expect((await db.registration.findFirstOrThrow({ where: { eventId: event.id } })).categoryId).toBe(categories[1]!.id);
  });
});

describe("after submit", () => {
  it("redirects to a confirmation page with the outcome, date, place, address and manage link; a refresh does not register again", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 5 });
    const email = "prg.visitor@example.org";
    const answer = await postForm(`/events/${slug}/register`, person(3, { email }));
    expect(answer.status).toBe(303);
    const location = answer.headers.get("Location")!;
    expect(location).toBe(`/events/${slug}/registered`);
    const cookie = answer.headers
      .getSetCookie()
      .map((header) => header.split(";")[0])
      .join("; ");
    expect(cookie).not.toContain("prg.visitor");

    for (let visit = 0; visit < 2; visit++) {
      const confirmation = await page(location, { headers: { Cookie: cookie } });
      expect(confirmation.status).toBe(200);
      expect(confirmation.html).toContain('data-status="confirmed"');
      expect(confirmation.html).toContain("报名成功");
      expect(confirmation.html).toContain("pr***@example.org");
      expect(confirmation.html).toContain("示例会场");
      expect(confirmation.html).toMatch(/data-testid="manage-link"[^>]*href="\/r\/[^"]+"/);
      expect(confirmation.html).toContain(`/events/${slug}/calendar.ics`);
      expect(confirmation.html).toMatch(/\d+月\d+日/);
    }
    expect(await (await prisma()).registration.count({ where: { eventId: event.id } })).toBe(1);

    const stranger = await page(location);
    expect(stranger.html).not.toContain("pr***@example.org");
    expect(stranger.html).toContain("报名结果页已过期");

    const ics = await fetch(`${server.baseUrl}/events/${slug}/calendar.ics`);
    expect(ics.headers.get("Content-Type")).toContain("text/calendar");
    expect(await ics.text()).toContain("BEGIN:VEVENT");
  });

  it("says waitlisted and awaiting approval in words", async () => {
    const waitlist = await createRegistrationEvent({ capacity: 1, waitlistEnabled: true });
    await filled(waitlist.slug, 1);
    const approval = await createRegistrationEvent({ capacity: 5, requiresApproval: true });
    for (const [slug, status, words] of [
      [waitlist.slug, "waitlisted", "已进入候补名单"],
      [approval.slug, "pending_approval", "等待审核"],
    ] as const) {
      const answer = await postForm(`/events/${slug}/register`, person(4));
      const cookie = answer.headers
        .getSetCookie()
        .map((header) => header.split(";")[0])
        .join("; ");
      const html = (await page(answer.headers.get("Location")!, { headers: { Cookie: cookie } })).html;
      expect(html).toContain(`data-status="${status}"`);
      expect(html).toContain(words);
    }
  });
});

describe("the event page", () => {
  it("shows the seeded cover with srcset, the hosts by role and the map links", async () => {
    const { html } = await page("/events/deep-dive-finance-shanghai");
    expect(html).toContain("主办单位");
    expect(html).toContain("承办单位");
    expect(html).toContain("支持单位");
    expect(html).toContain("锦程金融智能（演示）");
    expect(html).toContain("https://uri.amap.com/search?keyword=");
    expect(html).toContain("https://map.baidu.com/search/");
    expect(html).toMatch(/<source type="image\/avif" srcSet="\/uploads\/covers\/[^"]+-640\.avif 640w, \/uploads\/covers\/[^"]+-1280\.avif 1280w"/);
    expect(html).toMatch(/<img[^>]*width="1280"[^>]*height="560"/);
    const avif = /\/uploads\/covers\/[^" ]+-640\.avif/.exec(html)![0];
    const served = await fetch(`${server.baseUrl}${avif}`);
    expect(served.headers.get("Content-Type")).toBe("image/avif");
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(640);
    expect(html).toContain('data-testid="ticket-panel"');
    expect(html).toContain('data-testid="sticky-register"');
  });
});

describe("the cover upload", () => {
  let jar: CookieJar;
  let eventId = "";
  beforeAll(async () => {
    jar = await signIn(server.baseUrl, demo.admin.email, demo.admin.password);
    eventId = (await createRegistrationEvent()).event.id;
  });

  function upload(bytes: Uint8Array, name: string, type: string) {
    const form = new FormData();
    form.append("intent", "cover");
    form.append("cover", new Blob([new Uint8Array(bytes)], { type }), name);
    return jar.fetch(`${server.baseUrl}/admin/events/${eventId}/page`, { method: "POST", body: form, headers: { Origin: server.baseUrl } });
  }

  it("re-encodes a photo to WebP and AVIF in each width", async () => {
    const png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: "#336699" } })
      .png()
      .toBuffer();
    const response = await upload(png, "cover.png", "image/png");
    expect(response.status).toBe(200);
    const cover = await (await prisma()).eventCover.findUniqueOrThrow({ where: { eventId } });
    expect(JSON.parse(cover.widths)).toEqual([640, 1280, 1920]);
    expect([cover.width, cover.height]).toEqual([1920, 960]);
    for (const width of [640, 1280, 1920]) {
      for (const format of ["webp", "avif"] as const) {
        const served = await fetch(`${server.baseUrl}/uploads/covers/${cover.key}-${width}.${format}`);
        expect(served.status).toBe(200);
        expect(served.headers.get("Content-Type")).toBe(`image/${format}`);
        const metadata = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
        expect([metadata.format === "heif" ? "avif" : metadata.format, metadata.width]).toEqual([format, width]);
      }
    }
  });

  it("refuses a file that is not an image with a clear 4xx", async () => {
    const before = await (await prisma()).eventCover.findUnique({ where: { eventId } });
    const response = await upload(new TextEncoder().encode("<script>alert(1)</script>"), "cover.png", "image/png");
    expect(response.status).toBe(415);
    expect(visibleText(await response.text())).toContain("文件不是 PNG、JPEG 或 WebP 图片");
    expect(await (await prisma()).eventCover.findUnique({ where: { eventId } })).toEqual(before);
  });
});

describe("the public agenda in English", () => {
  it("marks a room with no English name as Chinese shown in its place, and shows English names plainly", async () => {
    const db = await prisma();
    const event = await db.event.findUniqueOrThrow({ where: { slug: "deep-dive-finance-shanghai" }, include: { rooms: true } });
    const [untranslated, translated] = event.rooms;
    await db.room.update({ where: { id: untranslated!.id }, data: { nameEn: "" } });
    if (translated) await db.room.update({ where: { id: translated.id }, data: { nameEn: "Hall B (English)" } });
    const { publishAgenda } = await import("~/models/agenda-version.server");
    await publishAgenda(event.id, { overrideConflicts: true });
    const html = await (await fetch(`${server.baseUrl}/events/${event.slug}`, { headers: { "Accept-Language": "en" } })).text();
    const body = withoutScripts(html);
    const sessionsInRoom = await db.session.count({ where: { eventId: event.id, roomId: untranslated!.id, plenary: false } });
    if (sessionsInRoom > 0) expect(body).toMatch(new RegExp(`<span lang="zh-CN" data-fallback="zh-CN">${untranslated!.name} <span[^>]*>`));
    expect(body).not.toMatch(new RegExp(`data-fallback="zh-CN">Hall B \\(English\\)`));
  });
});
