import { beforeAll, describe, expect, it } from "vitest";
import { seedProgramme } from "../../prisma/seed/programme";
import { applicationInputSchema, type ApplicationInput } from "~/schemas/application";
import { amendApplication, findAmendableApplication, reviewApplication, submitApplication } from "~/models/application.server";
import { completeAccountSetup, findSetupAccount } from "~/models/account-setup.server";
import { withCheckCharacter } from "~/models/credit-code";
import { firmProgress } from "~/models/onboarding.server";
import { prisma } from "~/models/store/connection.server";
import { HttpError } from "~/utils/http.server";
import { verifyPassword } from "~/utils/password.server";

let charterVersion = "";
let reviewer: { id: string; name: string };
let serial = 0;

function fictionalCode() {
  serial += 1;
  return withCheckCharacter(`91310115MA${String(serial).padStart(6, "0")}X`);
}

function input(overrides: Partial<Record<keyof ApplicationInput, unknown>> = {}): ApplicationInput {
  return applicationInputSchema.parse({
    firmName: "示例测试科技（演示）",
    creditCode: fictionalCode(),
    industry: "智能制造",
    city: "苏州",
    website: "example.org",
    size: "50-199",
    offers: "工业质检智能体",
    needs: "场景合作",
    contactName: "测试联络人",
    contactEmail: `applicant${serial}@example.org`,
    contactPhone: "+86 138 0000 0000",
    charterVersion,
    charterAccepted: "on",
    ...overrides,
  });
}

async function emailsTo(address: string) {
  return (await prisma()).emailMessage.findMany({ where: { toAddress: address }, orderBy: { createdAt: "asc" } });
}

async function expectHttpError(promise: Promise<unknown>, status: number, code: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HttpError);
  expect((error as HttpError).status).toBe(status);
  expect((error as HttpError).code).toBe(code);
}

beforeAll(async () => {
  const { programme } = await seedProgramme();
  charterVersion = programme.charterVersion;
  const db = await prisma();
  const user = await db.user.create({ data: { email: "reviewer@example.org", name: "审核员" } });
  reviewer = { id: user.id, name: user.name };
});

describe("submitting an application", () => {
  it("stores the charter version with the acceptance time and queues a confirmation e-mail in the applicant's language", async () => {
    const data = input();
    const { outcome, application } = await submitApplication({ input: data, locale: "en" });
    expect(outcome).toBe("created");
    expect(application).toMatchObject({ status: "SUBMITTED", charterVersion, creditCode: data.creditCode, locale: "en", website: "https://example.org", duplicateOfId: null });
    expect(application.charterAcceptedAt).toBeInstanceOf(Date);
    const [email] = await emailsTo(data.contactEmail);
    expect(email.kind).toBe("application-received");
    expect(email.subject).toContain("received");
    expect(email.text).toContain(data.creditCode);
    expect(email.text).toContain(`version ${charterVersion}`);
  });

  it("treats a repeated submit of the same firm and contact as one application and one e-mail", async () => {
    const data = input();
    const first = await submitApplication({ input: data, locale: "zh-CN" });
    const again = await submitApplication({ input: data, locale: "zh-CN" });
    expect(again.outcome).toBe("repeat");
    expect(again.application.id).toBe(first.application.id);
    const db = await prisma();
    expect(await db.firmApplication.count({ where: { creditCode: data.creditCode } })).toBe(1);
    expect(await emailsTo(data.contactEmail)).toHaveLength(1);
  });

  it("links a second application with the same credit code to the first instead of duplicating it", async () => {
    const data = input();
    const first = await submitApplication({ input: data, locale: "zh-CN" });
    const second = await submitApplication({ input: { ...data, contactEmail: "another.person@example.org", contactName: "另一位" }, locale: "zh-CN" });
    expect(second.outcome).toBe("linked");
    expect(second.application.duplicateOfId).toBe(first.application.id);
    const [email] = await emailsTo("another.person@example.org");
    expect(email.text).toContain("已将本次申请与之关联");
  });

  it("refuses a credit code with a wrong check character, naming the problem in both languages", () => {
    const valid = fictionalCode();
    const wrong = valid.slice(0, 17) + (valid[17] === "0" ? "1" : "0");
    const result = applicationInputSchema.safeParse({ ...input(), creditCode: wrong });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((issue) => issue.path[0] === "creditCode")?.message).toBe("programme.creditCode.checkDigit");
  });

  it("refuses a submission against an outdated charter version and stores nothing", async () => {
    const data = { ...input(), charterVersion: "0-old" };
    await expectHttpError(submitApplication({ input: data, locale: "zh-CN" }), 409, "charter_changed");
    expect(await (await prisma()).firmApplication.count({ where: { creditCode: data.creditCode } })).toBe(0);
    expect(await emailsTo(data.contactEmail)).toHaveLength(0);
  });
});

describe("review", () => {
  it("refuses illegal transitions and changes nothing", async () => {
    const { application } = await submitApplication({ input: input(), locale: "zh-CN" });
    const before = await emailsTo(application.contactEmail);
    await expectHttpError(reviewApplication({ id: application.id, action: { to: "APPROVED" }, actor: reviewer }), 409, "illegal_transition");
    await expectHttpError(reviewApplication({ id: application.id, action: { to: "SUBMITTED" }, actor: reviewer }), 409, "illegal_transition");
    const db = await prisma();
    expect((await db.firmApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("SUBMITTED");
    expect(await db.firm.count({ where: { creditCode: application.creditCode } })).toBe(0);
    expect(await emailsTo(application.contactEmail)).toHaveLength(before.length);

    await reviewApplication({ id: application.id, action: { to: "REJECTED", message: "暂不符合条件" }, actor: reviewer });
    for (const to of ["UNDER_REVIEW", "APPROVED", "NEEDS_MORE_INFO", "REJECTED"] as const) {
      await expectHttpError(reviewApplication({ id: application.id, action: { to, message: "x" }, actor: reviewer }), 409, "illegal_transition");
    }
    const emails = await emailsTo(application.contactEmail);
    expect(emails.map((email) => email.kind)).toEqual(["application-received", "application-decision"]);
    expect(emails[1].text).toContain("暂不符合条件");
  });

  it("asks for more information with a one-time amend link that goes stale after use", async () => {
    const { application } = await submitApplication({ input: input(), locale: "en" });
    await reviewApplication({ id: application.id, action: { to: "UNDER_REVIEW" }, actor: reviewer });
    await expectHttpError(reviewApplication({ id: application.id, action: { to: "NEEDS_MORE_INFO", message: " " }, actor: reviewer }), 422, "invalid_input");
    await reviewApplication({ id: application.id, action: { to: "NEEDS_MORE_INFO", message: "Please add your website." }, actor: reviewer });
    const email = (await emailsTo(application.contactEmail)).find((message) => message.kind === "application-needs-info")!;
    expect(email.text).toContain("Please add your website.");
    const token = /\/programme\/apply\/([A-Za-z0-9_-]{20,})/.exec(email.text)![1];
    expect(await findAmendableApplication(token)).not.toBeNull();

    const { creditCode: _code, charterVersion: _version, charterAccepted: _accepted, nickname: _nick, ...details } = input();
    const amended = await amendApplication({ token, input: { ...details, firmName: "Amended Firm (demo)", contactEmail: application.contactEmail } });
    expect(amended).toMatchObject({ status: "SUBMITTED", firmName: "Amended Firm (demo)", amendTokenHash: null, creditCode: application.creditCode });
    expect(amended.reviewerNotes).toContain("NEEDS_MORE_INFO → SUBMITTED");

    expect(await findAmendableApplication(token)).toBeNull();
    await expectHttpError(amendApplication({ token, input: { ...details, firmName: "Second try" } }), 410, "stale_link");
    expect((await (await prisma()).firmApplication.findUniqueOrThrow({ where: { id: application.id } })).firmName).toBe("Amended Firm (demo)");
  });

  it("makes an unused amend link stale when the reviewer decides first", async () => {
    const { application } = await submitApplication({ input: input(), locale: "zh-CN" });
    await reviewApplication({ id: application.id, action: { to: "NEEDS_MORE_INFO", message: "请补充案例" }, actor: reviewer });
    const email = (await emailsTo(application.contactEmail)).find((message) => message.kind === "application-needs-info")!;
    const token = /\/programme\/apply\/([A-Za-z0-9_-]{20,})/.exec(email.text)![1];
    await reviewApplication({ id: application.id, action: { to: "REJECTED" }, actor: reviewer });
    expect(await findAmendableApplication(token)).toBeNull();
  });

  it("approval creates the firm, the contact's account with a FIRM_CONTACT grant, the checklist and the invitation e-mail", async () => {
    const data = input({ contactEmail: "new.member@example.org", contactName: "新成员联络人" });
    const { application } = await submitApplication({ input: data, locale: "zh-CN" });
    await reviewApplication({ id: application.id, action: { to: "UNDER_REVIEW" }, actor: reviewer });
    const approved = await reviewApplication({ id: application.id, action: { to: "APPROVED" }, actor: reviewer });
    expect(approved.status).toBe("APPROVED");
    expect(approved.decidedById).toBe(reviewer.id);

    const db = await prisma();
    const decision = await db.auditLog.findFirstOrThrow({ where: { action: "application.decided", targetId: application.id } });
    expect(decision.actorUserId).toBe(reviewer.id);
    expect(JSON.parse(decision.details)).toEqual({ from: "UNDER_REVIEW", to: "APPROVED" });
    const firm = await db.firm.findUniqueOrThrow({ where: { creditCode: data.creditCode } });
    expect(firm).toMatchObject({ name: data.firmName, founding: false, status: "ACTIVE", industry: "智能制造", city: "苏州" });
    expect(firm.memberSince).toBeInstanceOf(Date);
    expect(approved.firmId).toBe(firm.id);

    const user = await db.user.findUniqueOrThrow({ where: { email: "new.member@example.org" }, include: { roles: true } });
    expect(user.passwordHash).toBeNull();
    expect(user.roles).toEqual([expect.objectContaining({ role: "FIRM_CONTACT", firmId: firm.id })]);

    const progress = await firmProgress(firm.id);
    expect(progress.total).toBe(5);
    expect(progress.done).toBe(0);
    expect(progress.steps.map((step) => step.key)).toEqual(["charter", "profile", "contacts", "representative", "first_case"]);
    expect(await db.firmOnboardingStep.count({ where: { firmId: firm.id } })).toBe(5);

    const emails = await emailsTo("new.member@example.org");
    expect(emails.map((email) => email.kind)).toEqual(["application-received", "application-decision", "firm-contact-invitation"]);
    const token = /\/account\/setup\/([A-Za-z0-9_-]{20,})/.exec(emails[2].text)![1];
    expect((await findSetupAccount(token))?.id).toBe(user.id);
    await completeAccountSetup({ token, password: "a-new-password-123" });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("a-new-password-123", after.passwordHash!)).toBe(true);
    await expectHttpError(completeAccountSetup({ token, password: "another-password-456" }), 410, "stale_link");

    // A second approval of the same credit code (a linked duplicate) is refused and writes nothing.
    const duplicate = await submitApplication({ input: { ...data, contactEmail: "someone.else@example.org" }, locale: "zh-CN" });
    expect(duplicate.outcome).toBe("linked");
    expect(duplicate.application.firmId).toBe(firm.id);
    await reviewApplication({ id: duplicate.application.id, action: { to: "UNDER_REVIEW" }, actor: reviewer });
    await expectHttpError(reviewApplication({ id: duplicate.application.id, action: { to: "APPROVED" }, actor: reviewer }), 409, "already_member");
    expect(await db.firm.count({ where: { creditCode: data.creditCode } })).toBe(1);
    expect(await db.user.count({ where: { email: "someone.else@example.org" } })).toBe(0);
    expect((await db.firmApplication.findUniqueOrThrow({ where: { id: duplicate.application.id } })).status).toBe("UNDER_REVIEW");
  });

  it("expired setup links are refused", async () => {
    // Member names are unique, so this second approval needs a name of its own.
    const data = input({ firmName: "过期链接测试科技（演示）" });
    const { application } = await submitApplication({ input: data, locale: "zh-CN" });
    await reviewApplication({ id: application.id, action: { to: "UNDER_REVIEW" }, actor: reviewer });
    await reviewApplication({ id: application.id, action: { to: "APPROVED" }, actor: reviewer });
    const invitation = (await emailsTo(data.contactEmail)).find((email) => email.kind === "firm-contact-invitation")!;
    const token = /\/account\/setup\/([A-Za-z0-9_-]{20,})/.exec(invitation.text)![1];
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(await findSetupAccount(token, later)).toBeNull();
    await expectHttpError(completeAccountSetup({ token, password: "long-enough-password", now: later }), 410, "stale_link");
  });
});
