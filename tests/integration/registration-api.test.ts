import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { prisma } from "~/models/store/connection.server";
import { createRegistrationEvent, person } from "../support/registration-fixtures";
import { startTestServer } from "../support/server";

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
});
afterAll(() => server?.close());

function post(slug: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function rows(eventId: string) {
  const db = await prisma();
  return {
    registrations: await db.registration.count({ where: { eventId } }),
    emails: await db.emailMessage.count({ where: { eventId } }),
  };
}

describe("POST /api/v1/events/:slug/registrations", () => {
  it("answers 201 with id, status and manage URL", async () => {
    const { slug } = await createRegistrationEvent({ capacity: 5 });
    const response = await post(slug, person(1));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.registration).toEqual({ id: expect.any(String), status: "confirmed", manageUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1\/r\/[A-Za-z0-9_-]{40,}$/) });
  });

  it("replays the first answer for the same Idempotency-Key: one row, one ticket e-mail", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 5 });
    const headers = { "Idempotency-Key": "retry-abc-123" };
    const answers = await Promise.all([post(slug, person(2), headers), post(slug, person(2), headers), post(slug, person(2), headers)]);
    const bodies = await Promise.all(answers.map((response) => response.json()));
    expect(answers.map((response) => response.status)).toEqual([201, 201, 201]);
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(bodies[0].registration.manageUrl).toBeTruthy();
    expect(await rows(event.id)).toEqual({ registrations: 1, emails: 1 });
    // The same key for somebody else is a client bug, not a replay.
    const conflict = await post(slug, person(3), headers);
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error.code).toBe("idempotency_conflict");
  });

  it("answers a second submit with the same e-mail neutrally (202, no state), and sends no second ticket within minutes", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 5 });
    expect((await post(slug, person(4, { email: "Same.Person@Example.org" }))).status).toBe(201);
    const again = await post(slug, person(4, { email: "same.person@example.org ", name: "冒名者" }));
    expect(again.status).toBe(202);
    const body = await again.json();
    expect(body).toEqual({ result: "resent_if_registered", message: expect.stringContaining("如果该邮箱已报名此活动") });
    expect(JSON.stringify(body)).not.toContain("测试者");
    expect(await rows(event.id)).toEqual({ registrations: 1, emails: 1 });
    const db = await prisma();
    expect((await db.registration.findFirstOrThrow({ where: { eventId: event.id } })).name).toBe("测试者4");
  });

  it("refuses bad input with 422 and field messages in Chinese by default and in English on request; nothing stored", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 5 });
    const bad = { name: "", email: "not-an-email", organization: "x".repeat(300), phone: "abc", consent: false };
    const zh = await post(slug, bad);
    expect(zh.status).toBe(422);
    const zhBody = await zh.json();
    expect(zhBody.error.code).toBe("invalid_input");
    expect(zhBody.error.fields).toEqual({
      name: "请填写此项。",
      email: "请输入有效的电子邮箱地址。",
      organization: "内容过长（最多 200 个字符）。",
      phone: expect.stringContaining("电话号码"),
      consent: expect.stringContaining("隐私说明"),
    });
    const en = await post(slug, bad, { "Accept-Language": "en-US,en;q=0.9" });
    const enBody = await en.json();
    expect(enBody.error.fields.email).toBe("Enter a valid e-mail address.");
    expect(enBody.error.fields.consent).toMatch(/privacy notice/);
    const missing = await post(slug, {}, { "Accept-Language": "en" });
    expect(Object.keys((await missing.json()).error.fields).sort()).toEqual(["consent", "email", "name", "organization"]);
    expect(await rows(event.id)).toEqual({ registrations: 0, emails: 0 });
  });

  it("checks custom questions for the chosen category", async () => {
    const { event, slug, categories } = await createRegistrationEvent({
      capacity: 5,
      categories: [
        { code: "public", name: "公众" },
        { code: "media", name: "媒体" },
      ],
    });
    const db = await prisma();
    await db.registrationQuestion.create({
      data: { eventId: event.id, key: "outlet", label: "媒体名称", labelEn: "Media outlet", kind: "TEXT", required: true, categoryIds: JSON.stringify([categories[1].id]) },
    });
    await db.registrationQuestion.create({
      data: {
        eventId: event.id,
        key: "topics",
        label: "关注方向",
        kind: "MULTIPLE_CHOICE",
        options: JSON.stringify([
          { value: "gov", label: "政务" },
          { value: "fin", label: "金融" },
        ]),
      },
    });
    const media = await post(slug, person(5, { category: "media", answers: { topics: ["gov", "nope"] } }));
    expect(media.status).toBe(422);
    expect((await media.json()).error.fields).toEqual({ "answers.outlet": "请填写此项。", "answers.topics": "请从给出的选项中选择。" });
    const ok = await post(slug, person(5, { category: "public", answers: { topics: ["fin"] } }));
    expect(ok.status).toBe(201);
  });

  it("answers 404 for an unknown event, 409 when closed or not yet open, 413 for an oversized body, 400 for broken JSON", async () => {
    expect((await post("no-such-event", person(6))).status).toBe(404);
    expect((await post("no-such-event", { broken: true })).status).toBe(404);
    const notYet = await createRegistrationEvent({ opensInDays: 2 });
    const early = await post(notYet.slug, person(6));
    expect(early.status).toBe(409);
    expect((await early.json()).error.code).toBe("not_yet_open");
    const db = await prisma();
    const closed = await createRegistrationEvent();
    await db.event.update({ where: { id: closed.event.id }, data: { registrationClosesAt: new Date(Date.now() - 1000) } });
    const late = await post(closed.slug, person(6), { "Accept-Language": "en" });
    expect(late.status).toBe(409);
    expect((await late.json()).error).toEqual({ code: "closed", message: "Registration for this event is closed." });
    const open = await createRegistrationEvent();
    expect((await post(open.slug, { ...person(6), name: "x".repeat(70_000) })).status).toBe(413);
    expect((await post(open.slug, "{not json")).status).toBe(400);
    expect((await post(open.slug, { ...person(6), website: "http://spam.example" })).status).toBe(400);
    expect(await rows(open.event.id)).toEqual({ registrations: 0, emails: 0 });
  });

  it("rate limits one client address with 429 and Retry-After", async () => {
    const { slug } = await createRegistrationEvent();
    const codes: number[] = [];
    let retryAfter: string | null = null;
    for (let index = 0; index < 70; index++) {
      const response = await post(slug, person(1000 + index));
      codes.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("Retry-After");
    }
    expect(codes.filter((code) => code === 429).length).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
