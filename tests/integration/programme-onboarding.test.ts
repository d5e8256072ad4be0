import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { useDemoDatabase } from "../support/demo-database";
import { foundingFirms } from "../../prisma/seed/programme";
import { createStep, firmProgress, progressMatrix, sendOverdueReminders, setStepCompletion } from "~/models/onboarding.server";
import { isValidCreditCode } from "~/models/credit-code";
import { prisma } from "~/models/store/connection.server";

const dayMs = 86_400_000;

beforeAll(async () => {
  await useDemoDatabase();
});

async function counts() {
  const db = await prisma();
  return {
    firms: await db.firm.count(),
    applications: await db.firmApplication.count(),
    steps: await db.onboardingStep.count(),
    checklist: await db.firmOnboardingStep.count(),
    done: await db.firmOnboardingStep.count({ where: { completedAt: { not: null } } }),
    users: await db.user.count(),
    emails: await db.emailMessage.count(),
  };
}

describe("demo programme", () => {
  it("seeds 11 founding firms with valid fictional credit codes at different onboarding stages, plus pending applications", async () => {
    const { rows, steps } = await progressMatrix();
    expect(steps).toHaveLength(5);
    const founding = rows.filter((row) => row.firm.founding);
    expect(founding).toHaveLength(11);
    expect(new Set(founding.map((row) => row.done)).size).toBeGreaterThanOrEqual(5);
    const db = await prisma();
    const firms = await db.firm.findMany({ where: { founding: true } });
    expect(firms.every((firm) => firm.creditCode && isValidCreditCode(firm.creditCode))).toBe(true);
    expect(firms.every((firm) => firm.name.includes("演示"))).toBe(true);
    const pending = await db.firmApplication.findMany({ where: { status: { in: ["SUBMITTED", "UNDER_REVIEW"] } } });
    expect(pending.length).toBeGreaterThanOrEqual(2);
    expect(pending.some((application) => application.duplicateOfId === null && application.firmId !== null)).toBe(true);
  });

  it("running the seed again changes nothing", async () => {
    const before = await counts();
    await seedDemo();
    expect(await counts()).toEqual(before);
  });
});

describe("checklist progress and reminders", () => {
  it("reports progress and overdue steps per firm, and marking a step done moves the firm on", async () => {
    const db = await prisma();
    const firm = await db.firm.findFirstOrThrow({ where: { name: foundingFirms[0].name } });
    const before = await firmProgress(firm.id);
    expect(before.done).toBe(2);
    expect(before.total).toBe(5);
    const next = before.steps.find((step) => !step.completedAt)!;
    expect(next.overdue).toBe(true);
    await setStepCompletion({ firmId: firm.id, stepId: next.stepId, done: true });
    const after = await firmProgress(firm.id);
    expect(after.done).toBe(3);
    const { rows } = await progressMatrix();
    const row = rows.find((candidate) => candidate.firm.id === firm.id)!;
    expect(row.stuckAt?.key).toBe(after.steps.find((step) => !step.completedAt)!.key);
    await setStepCompletion({ firmId: firm.id, stepId: next.stepId, done: false });
    expect((await firmProgress(firm.id)).done).toBe(2);
  });

  it("e-mails each contact of a firm with overdue steps once per interval, in their language, through the outbox", async () => {
    const db = await prisma();
    const now = new Date();
    const first = await sendOverdueReminders({ now });
    expect(first.emails).toBeGreaterThan(0);
    const demoContact = await db.emailMessage.findMany({ where: { kind: "onboarding-reminder", toAddress: "firm@demo.example.org" } });
    expect(demoContact).toHaveLength(1);
    expect(demoContact[0].subject).toMatch(/入会清单有 \d 项已逾期/);
    expect(demoContact[0].text).toContain("/firm");
    // A firm with every step done gets nothing.
    const complete = await db.firm.findFirstOrThrow({ where: { name: foundingFirms[1].name } });
    const contacts = await db.roleAssignment.findMany({ where: { firmId: complete.id }, include: { user: true } });
    expect(contacts.length).toBeGreaterThan(0);
    for (const contact of contacts) {
      expect(await db.emailMessage.count({ where: { kind: "onboarding-reminder", toAddress: contact.user.email } })).toBe(0);
    }

    const again = await sendOverdueReminders({ now: new Date(now.getTime() + 60_000) });
    expect(again).toEqual({ firms: 0, emails: 0 });
    const nextWeek = await sendOverdueReminders({ now: new Date(now.getTime() + 8 * dayMs) });
    expect(nextWeek.emails).toBe(first.emails);
  });

  it("a new step configured by organizers appears in every firm's checklist with its own deadline", async () => {
    const db = await prisma();
    await createStep({ input: { key: "security_review", title: "完成安全评估", titleEn: "Complete the security review", dueDays: 10_000, position: 9 } });
    const firm = await db.firm.findFirstOrThrow({ where: { name: foundingFirms[1].name } });
    const progress = await firmProgress(firm.id);
    expect(progress.total).toBe(6);
    const step = progress.steps.find((candidate) => candidate.key === "security_review")!;
    expect(step.overdue).toBe(false);
    expect(step.dueAt!.getTime() - firm.memberSince!.getTime()).toBe(10_000 * dayMs);
  });
});
