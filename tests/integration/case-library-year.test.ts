import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishCase } from "~/models/case-library.server";
import { prisma } from "~/models/store/connection.server";
import { startTestServer } from "../support/server";
import { withoutScripts } from "../support/html";

/**
 * A case's year is the year its call closed in the call's own time zone, as the organizer typed it and the
 * submitters read it, not in UTC. Two calls closing around New Year's midnight: Beijing's is already in 2026
 * while UTC is still in 2025; Los Angeles's is still in 2025 while UTC is in 2026.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
const unique = randomBytes(4).toString("hex");
const cases = { beijing: "", losAngeles: "" };

beforeAll(async () => {
  const db = await prisma();
  const programme = await db.programme.create({ data: { slug: `year-${unique}`, name: "案例年份测试计划", launchedAt: new Date() } });
  const firm = await db.firm.create({ data: { programmeId: programme.id, name: `跨年科技${unique}`, nameEn: "New Year Tech" } });
  const actor = await db.user.create({ data: { email: `year-${unique}@example.org`, name: "案例年份管理员" } });
  const callClosing = async (timeZone: string, closesAt: string) =>
    db.caseCall.create({
      data: {
        slug: `year-${timeZone.replace("/", "-").toLowerCase()}-${unique}`,
        title: `${timeZone} 跨年征集`,
        titleEn: `${timeZone} call`,
        timeZone,
        opensAt: new Date("2025-09-01T00:00:00Z"),
        closesAt: new Date(closesAt),
        publishedAt: new Date(),
      },
    });
  const publishedCase = async (callId: string, title: string) => {
    const submission = await db.caseSubmission.create({
      data: { callId, firmId: firm.id, status: "SUBMITTED", submittedAt: new Date(), title, titleEn: `${title} (en)`, summary: `${title}的概述`, decision: "TYPICAL", publicationConsent: true },
    });
    await publishCase({ callId, submissionId: submission.id, actorUserId: actor.id });
    return submission.id;
  };
  // 2026-01-01 00:30 in Beijing (UTC+8) is 2025-12-31 16:30 UTC.
  const beijing = await callClosing("Asia/Shanghai", "2025-12-31T16:30:00Z");
  // 2025-12-31 21:00 in Los Angeles (UTC−8) is 2026-01-01 05:00 UTC.
  const losAngeles = await callClosing("America/Los_Angeles", "2026-01-01T05:00:00Z");
  cases.beijing = await publishedCase(beijing.id, "北京跨年案例");
  cases.losAngeles = await publishedCase(losAngeles.id, "洛杉矶跨年案例");
  server = await startTestServer();
});
afterAll(() => server?.close());

const api = async (path: string) => (await (await fetch(server.baseUrl + path)).json()) as { cases: { id: string; year: number }[]; case: { year: number } };
const listedIds = (html: string) => [...html.matchAll(/href="\/cases\/([a-z0-9]{20,})"/g)].map((match) => match[1]);

describe("a case's year", () => {
  it("is the year its call closed in the call's zone, in the list and on the case", async () => {
    const listed = new Map((await api("/api/v1/cases?perPage=100")).cases.map((item) => [item.id, item.year]));
    expect(listed.get(cases.beijing)).toBe(2026);
    expect(listed.get(cases.losAngeles)).toBe(2025);
    expect((await api(`/api/v1/cases/${cases.beijing}`)).case.year).toBe(2026);
  });

  it("filters the API and the library page by that year", async () => {
    expect((await api("/api/v1/cases?year=2026")).cases.map((item) => item.id)).toEqual([cases.beijing]);
    expect((await api("/api/v1/cases?year=2025")).cases.map((item) => item.id)).toEqual([cases.losAngeles]);
    const html = withoutScripts(await (await fetch(`${server.baseUrl}/cases?year=2026`)).text());
    expect(listedIds(html)).toEqual([cases.beijing]);
  });
});
