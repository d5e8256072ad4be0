import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUser, grantRole } from "~/models/user.server";
import { addAttachment } from "~/models/case-submission.server";
import { prisma } from "~/models/store/connection.server";
import { caseFiles } from "../support/case-files";
import { CookieJar, startTestServer } from "../support/server";
import { signIn } from "../support/staff";
import { withoutScripts } from "../support/html";

// Sign-ins run scrypt; on a busy 2-core machine these need more than 30 s.
vi.setConfig({ testTimeout: 120_000 });

const secret = {
  lead: "甲秘密科技有限公司",
  co: "乙隐名数据股份公司",
  organization: "丙组织名称研究院",
  contactName: "赵联系人",
  contactEmail: "hidden.contact@submitter.example.org",
  submitterName: "钱申报人",
};

let server: Awaited<ReturnType<typeof startTestServer>>;
const ids = {} as Record<"call" | "otherCall" | "s1" | "s2" | "r1" | "r2" | "r3" | "firmA" | "firmB" | "c1" | "c2", string>;
let admin: CookieJar;
let reviewer1: CookieJar;
let reviewer2: CookieJar;
let reviewer3: CookieJar;

beforeAll(async () => {
  const db = await prisma();
  const programme = await db.programme.create({ data: { slug: "review-test", name: "评审测试计划", launchedAt: new Date() } });
  const firmA = await db.firm.create({ data: { programmeId: programme.id, name: secret.lead } });
  const firmB = await db.firm.create({ data: { programmeId: programme.id, name: secret.co } });
  const firmC = await db.firm.create({ data: { programmeId: programme.id, name: "丁另一家企业" } });
  Object.assign(ids, { firmA: firmA.id, firmB: firmB.id });
  const call = await db.caseCall.create({
    data: {
      slug: "review-call",
      title: "评审测试征集",
      timeZone: "Asia/Shanghai",
      opensAt: new Date("2026-01-01T00:00:00Z"),
      closesAt: new Date("2026-02-01T00:00:00Z"),
      blindReview: true,
      reviewersPerCase: 2,
      criteria: {
        create: [
          { key: "innovation", name: "创新性", weight: 2, position: 0 },
          { key: "impact", name: "应用成效", weight: 1, position: 1 },
        ],
      },
    },
    include: { criteria: true },
  });
  ids.call = call.id;
  [ids.c1, ids.c2] = call.criteria.sort((a, b) => a.position - b.position).map((criterion) => criterion.id) as [string, string];
  ids.otherCall = (await db.caseCall.create({ data: { slug: "other-call", title: "另一次征集", timeZone: "Asia/Shanghai", opensAt: new Date(), closesAt: new Date() } })).id;
  const submitter = await createUser({ email: "submitter@submitter.example.org", name: secret.submitterName, password: "submitter-pass-1" });
  const common = {
    callId: call.id,
    status: "SUBMITTED" as const,
    submittedAt: new Date(),
    submitterUserId: submitter.id,
    organizationName: secret.organization,
    contactName: secret.contactName,
    contactEmail: secret.contactEmail,
    locale: "en",
    summary: "智能风控案例简介",
    figures: JSON.stringify([{ label: "审批时效", labelEn: "", value: "提升 60%" }]),
  };
  ids.s1 = (await db.caseSubmission.create({ data: { ...common, firmId: firmA.id, title: "智能风控平台", coSubmitters: { create: [{ firmId: firmB.id, name: secret.co }] } } })).id;
  ids.s2 = (await db.caseSubmission.create({ data: { ...common, firmId: firmC.id, title: "政务问答助手", contactEmail: "other.contact@submitter.example.org" } })).id;

  await createUser({ email: "admin@review.example.org", name: "管理员", password: "admin-pass-123" });
  await grantRole({ email: "admin@review.example.org", role: "ADMIN", scope: {} });
  // Reviewer 1 is a contact of the lead firm: adding them records it as their own firm.
  ids.r1 = (await createUser({ email: "r1@review.example.org", name: "评审一", password: "reviewer-pass-1" })).id;
  await grantRole({ email: "r1@review.example.org", role: "FIRM_CONTACT", scope: { firmId: firmA.id } });
  ids.r2 = (await createUser({ email: "r2@review.example.org", name: "评审二", password: "reviewer-pass-2" })).id;
  ids.r3 = (await createUser({ email: "r3@review.example.org", name: "评审三", password: "reviewer-pass-3" })).id;
  await db.roleAssignment.create({ data: { userId: ids.r3, role: "REVIEWER", callId: ids.otherCall } });

  server = await startTestServer();
  admin = await signIn(server.baseUrl, "admin@review.example.org", "admin-pass-123");
});
afterAll(() => server?.close());

const reviewPage = () => `${server.baseUrl}/admin/calls/${ids.call}/review`;
const post = (jar: CookieJar, url: string, body: Record<string, string>, headers: Record<string, string> = {}) => jar.fetch(url, { method: "POST", body: new URLSearchParams(body), headers });

describe("reviewers, conflicts and assignment", () => {
  it("adds reviewers with their own firm as a conflict", async () => {
    for (const email of ["r1@review.example.org", "r2@review.example.org"]) expect((await post(admin, reviewPage(), { intent: "add-reviewer", email, name: "", locale: "zh-CN" })).status).toBe(200);
    const db = await prisma();
    expect(await db.caseConflict.findMany({ where: { callId: ids.call }, select: { userId: true, firmId: true, kind: true } })).toEqual([{ userId: ids.r1, firmId: ids.firmA, kind: "OWN_FIRM" }]);
    expect(await db.emailMessage.count({ where: { kind: "case-reviewer-invitation" } })).toBe(2);
  });

  it("refuses by hand a reviewer in conflict with the lead or a co-submitting firm, with a clear message", async () => {
    const refused = await post(admin, reviewPage(), { intent: "assign", submissionId: ids.s1, reviewerUserId: ids.r1 });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("利益冲突");
    // Reviewer 2 declares a conflict with the co-submitter: refused too.
    expect((await post(admin, reviewPage(), { intent: "record-conflict", userId: ids.r2, firmId: ids.firmB, kind: "DECLARED", note: "前雇主" })).status).toBe(200);
    expect((await post(admin, reviewPage(), { intent: "assign", submissionId: ids.s1, reviewerUserId: ids.r2 })).status).toBe(409);
    expect(await (await prisma()).caseReviewAssignment.count()).toBe(0);
    await post(admin, reviewPage(), { intent: "remove-conflict", conflictId: (await (await prisma()).caseConflict.findFirstOrThrow({ where: { userId: ids.r2 } })).id });
  });

  it("assigns automatically without a conflicted pair and reports the case left short", async () => {
    const response = await post(admin, reviewPage(), { intent: "auto-assign" });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("智能风控平台");
    const pairs = await (await prisma()).caseReviewAssignment.findMany({ select: { submissionId: true, reviewerUserId: true } });
    expect(pairs).not.toContainEqual({ submissionId: ids.s1, reviewerUserId: ids.r1 });
    expect(pairs.filter((pair) => pair.submissionId === ids.s1)).toHaveLength(1);
    expect(pairs.filter((pair) => pair.submissionId === ids.s2)).toHaveLength(2);
  });
});

describe("the reviewer's side", () => {
  beforeAll(async () => {
    reviewer1 = await signIn(server.baseUrl, "r1@review.example.org", "reviewer-pass-1");
    reviewer2 = await signIn(server.baseUrl, "r2@review.example.org", "reviewer-pass-2");
    reviewer3 = await signIn(server.baseUrl, "r3@review.example.org", "reviewer-pass-3");
  });

  it("leaks no submitting firm, organisation, contact or submitter on any page or file a reviewer opens (blind review)", async () => {
    const db = await prisma();
    const assignment = await db.caseReviewAssignment.findFirstOrThrow({ where: { submissionId: ids.s1 } });
    // Uploaded while the call was open, under a name that gives the firm away.
    const { submitterUserId } = await db.caseSubmission.findUniqueOrThrow({ where: { id: ids.s1 } });
    await addAttachment({
      submissionId: ids.s1,
      fileName: `${secret.lead}-${secret.submitterName}-方案.pdf`,
      bytes: caseFiles.pdf,
      actorUserId: submitterUserId!,
      now: new Date("2026-01-15T00:00:00Z"),
    });
    const jar = assignment.reviewerUserId === ids.r2 ? reviewer2 : reviewer1;
    const bodies: string[] = [];
    for (const path of ["/review", `/review/${assignment.id}`, `/review?_data=routes/review._index`, `/review/${assignment.id}?_data=routes/review.$assignmentId`]) {
      const response = await jar.fetch(server.baseUrl + path);
      expect(response.status).toBe(200);
      bodies.push(await response.text());
    }
    const attachment = await db.caseAttachment.findFirstOrThrow({ where: { submissionId: ids.s1 } });
    const download = await jar.fetch(`${server.baseUrl}/review/${assignment.id}/attachments/${attachment.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment; /);
    const served = Buffer.from(await download.arrayBuffer());
    expect(served.equals(caseFiles.pdf)).toBe(true);
    bodies.push(decodeURIComponent(JSON.stringify([...download.headers])), served.toString("latin1"));
    const everything = bodies.join("\n");
    expect(everything).toContain("智能风控平台");
    for (const leak of Object.values(secret)) expect(everything).not.toContain(leak);
  });

  it("keeps one score per reviewer and criterion under a storm of concurrent saves", async () => {
    const assignment = await (await prisma()).caseReviewAssignment.findFirstOrThrow({ where: { submissionId: ids.s2, reviewerUserId: ids.r2 } });
    const saves = Array.from({ length: 20 }, (_, index) =>
      post(reviewer2, `${server.baseUrl}/review/${assignment.id}`, {
        intent: "save",
        comment: `总体 ${index}`,
        "scores[0].criterionId": ids.c1,
        "scores[0].score": String((index % 5) + 1),
        "scores[1].criterionId": ids.c2,
        "scores[1].score": String(((index + 2) % 5) + 1),
      }),
    );
    expect((await Promise.all(saves)).map((response) => response.status)).toEqual(Array(20).fill(200));
    const scores = await (await prisma()).caseScore.findMany({ where: { assignmentId: assignment.id } });
    expect(scores.map((score) => score.criterionId).sort()).toEqual([ids.c1, ids.c2].sort());
    const complete = await post(reviewer2, `${server.baseUrl}/review/${assignment.id}`, { intent: "complete", comment: "", "scores[0].criterionId": ids.c1, "scores[0].score": "4" });
    expect(complete.status).toBe(200);
  });

  it("a reviewer of another call opens neither this call's cases nor any back-office page", async () => {
    const assignment = await (await prisma()).caseReviewAssignment.findFirstOrThrow({ where: { submissionId: ids.s2 } });
    expect((await reviewer3.fetch(`${server.baseUrl}/review/${assignment.id}`)).status).toBe(404);
    for (const path of ["/admin", `/admin/calls/${ids.call}/review`, `/admin/calls/${ids.otherCall}/review`, "/admin/events"]) expect((await reviewer3.fetch(server.baseUrl + path)).status).toBe(403);
    expect((await reviewer3.fetch(`${server.baseUrl}/review`)).status).toBe(200);
  });
});

describe("decisions", () => {
  it("queues one e-mail per decision in the submitter's language, a new one when it changes, and closes scoring", async () => {
    const db = await prisma();
    const decide = (decision: string) => post(admin, reviewPage(), { intent: "decide", submissionId: ids.s2, decision });
    expect((await decide("TYPICAL")).status).toBe(200);
    expect((await decide("TYPICAL")).status).toBe(200);
    let mails = await db.emailMessage.findMany({ where: { kind: "case-decision" }, orderBy: { createdAt: "asc" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Outcome of 评审测试征集");
    expect(mails[0]!.toAddress).toBe("other.contact@submitter.example.org");
    expect((await decide("EXCELLENT")).status).toBe(200);
    mails = await db.emailMessage.findMany({ where: { kind: "case-decision" }, orderBy: { createdAt: "asc" } });
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain("excellent case");
    expect(await db.auditLog.count({ where: { action: "case.decided" } })).toBe(2);

    const assignment = await db.caseReviewAssignment.findFirstOrThrow({ where: { submissionId: ids.s2, reviewerUserId: ids.r2 } });
    const late = await post(reviewer2, `${server.baseUrl}/review/${assignment.id}`, { intent: "save", comment: "", "scores[0].criterionId": ids.c1, "scores[0].score": "1" });
    expect(late.status).toBe(423);
  });

  it("shows the weighted mean and the per-reviewer normalised score side by side", async () => {
    await (await prisma()).caseCall.update({ where: { id: ids.call }, data: { normaliseScores: true } });
    const html = withoutScripts(await (await admin.fetch(reviewPage())).text());
    expect(html).toContain("加权平均分");
    expect(html).toContain("标准化得分");
  });

  it("audits every step of the review", async () => {
    const actions = new Set((await (await prisma()).auditLog.findMany({ select: { action: true } })).map((row) => row.action));
    for (const action of ["case.reviewer_added", "case.conflict_recorded", "case.conflict_removed", "case.auto_assigned", "case.review_completed", "case.decided"])
      expect(actions, action).toContain(action);
  });
});
