import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { isLocale, translator, type Locale } from "~/i18n";
import { prisma, sqlDate, writeTransaction, type Sql } from "~/models/store/connection.server";
import { activeStepIds, ensureChecklistRow, markReminded, storeStepCompletion } from "~/models/store/onboarding-store.server";
import { env } from "~/utils/env.server";
import { DomainError } from "~/utils/domain-error";
import { renderEmail } from "@emails/render";
import OnboardingReminderEmail from "@emails/onboarding-reminder";
import { audit } from "~/models/audit.server";
import { currentProgramme } from "./firm.server";
import { enqueueEmailInTransaction } from "./outbox.server";
import { programmeZone } from "~/utils/time";

/** The checklist every new member starts with (issue 6); organizers can edit, add and archive steps. */
export const defaultOnboardingSteps = [
  { key: "charter", title: "签署成员章程", titleEn: "Sign the programme charter", dueDays: 14 },
  { key: "profile", title: "完善企业资料并上传标志", titleEn: "Complete the firm profile with a logo", dueDays: 21 },
  { key: "contacts", title: "提名企业联络人", titleEn: "Nominate the firm's contacts", dueDays: 30 },
  { key: "representative", title: "提名下一场活动的参会代表", titleEn: "Nominate a representative for the next event", dueDays: 45 },
  { key: "first_case", title: "提交首个应用案例", titleEn: "Submit a first application case", dueDays: 90 },
] as const;

// A firm hears about the same overdue steps at most once a week.
export const reminderIntervalDays = 7;
const dayMs = 86_400_000;

export async function ensureDefaultSteps(programmeId: string) {
  const db = await prisma();
  for (const [position, step] of defaultOnboardingSteps.entries()) {
    await db.onboardingStep.upsert({
      where: { programmeId_key: { programmeId, key: step.key } },
      update: {},
      create: { programmeId, ...step, position },
    });
  }
}

export async function listSteps({ includeArchived = false }: { includeArchived?: boolean } = {}) {
  const programme = await currentProgramme();
  return (await prisma()).onboardingStep.findMany({
    where: { programmeId: programme.id, ...(includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ position: "asc" }, { key: "asc" }],
  });
}

export type StepInput = { title: string; titleEn: string; dueDays: number | null; position: number };

export async function createStep({ input, actorUserId }: { input: StepInput & { key: string }; actorUserId?: string }) {
  const programme = await currentProgramme();
  const db = await prisma();
  if (await db.onboardingStep.findUnique({ where: { programmeId_key: { programmeId: programme.id, key: input.key } } })) {
    throw new DomainError("conflict", "duplicate_key", "programme.onboarding.duplicateKey", undefined, { key: "programme.onboarding.duplicateKey" });
  }
  const step = await db.onboardingStep.create({ data: { programmeId: programme.id, ...input } });
  await audit({ action: "onboarding.step_created", actorUserId, targetType: "onboardingStep", targetId: step.id });
  return step;
}

export async function updateStep({ stepId, input, actorUserId }: { stepId: string; input: StepInput; actorUserId?: string }) {
  const db = await prisma();
  const existing = await db.onboardingStep.findUnique({ where: { id: stepId } });
  if (!existing) throw new DomainError("not_found", "not_found", "error.notFound.body");
  const step = await db.onboardingStep.update({ where: { id: stepId }, data: input });
  await audit({ action: "onboarding.step_updated", actorUserId, targetType: "onboardingStep", targetId: stepId });
  return step;
}

export async function setStepArchived({ stepId, archived, actorUserId }: { stepId: string; archived: boolean; actorUserId?: string }) {
  const db = await prisma();
  const { count } = await db.onboardingStep.updateMany({ where: { id: stepId }, data: { archivedAt: archived ? new Date() : null } });
  if (count === 0) throw new DomainError("not_found", "not_found", "error.notFound.body");
  await audit({ action: archived ? "onboarding.step_archived" : "onboarding.step_restored", actorUserId, targetType: "onboardingStep", targetId: stepId });
}

/** Inside a write transaction: one checklist row per active step for a new member (existing rows kept). */
export function createChecklistInTransaction(sql: Sql, { firmId, programmeId }: { firmId: string; programmeId: string }) {
  const steps = activeStepIds.all(sql, { programmeId });
  for (const step of steps) ensureChecklistRow.run(sql, { firmId, stepId: step.id });
  return steps.length;
}

type StepRow = { id: string; key: string; title: string; titleEn: string; position: number; dueDays: number | null };
type CompletionRow = { stepId: string; completedAt: Date | null; lastReminderAt: Date | null };

export type StepState = {
  stepId: string;
  key: string;
  title: string;
  titleEn: string;
  dueAt: Date | null;
  completedAt: Date | null;
  overdue: boolean;
  lastReminderAt: Date | null;
};

function stepStates(steps: StepRow[], completions: CompletionRow[], memberSince: Date | null, now: Date): StepState[] {
  const byStep = new Map(completions.map((row) => [row.stepId, row]));
  return steps.map((step) => {
    const row = byStep.get(step.id);
    const dueAt = memberSince && step.dueDays !== null ? new Date(memberSince.getTime() + step.dueDays * dayMs) : null;
    const completedAt = row?.completedAt ?? null;
    return {
      stepId: step.id,
      key: step.key,
      title: step.title,
      titleEn: step.titleEn,
      dueAt,
      completedAt,
      overdue: !completedAt && dueAt !== null && dueAt < now,
      lastReminderAt: row?.lastReminderAt ?? null,
    };
  });
}

function summary(states: StepState[]) {
  const done = states.filter((state) => state.completedAt).length;
  return { done, total: states.length, overdue: states.filter((state) => state.overdue).length, percent: states.length ? Math.round((done / states.length) * 100) : 100 };
}

/** One firm's checklist with due dates and progress, for the firm portal. */
export async function firmProgress(firmId: string, now = new Date()) {
  const db = await prisma();
  const firm = await db.firm.findUnique({ where: { id: firmId }, select: { id: true, memberSince: true, programmeId: true } });
  if (!firm) throw new DomainError("not_found", "not_found", "error.notFound.body");
  const [steps, completions] = await Promise.all([
    db.onboardingStep.findMany({ where: { programmeId: firm.programmeId, archivedAt: null }, orderBy: [{ position: "asc" }, { key: "asc" }] }),
    db.firmOnboardingStep.findMany({ where: { firmId } }),
  ]);
  const states = stepStates(steps, completions, firm.memberSince, now);
  return { steps: states, ...summary(states) };
}

/** Firms × steps at a glance for organizers: who is stuck where. */
export async function progressMatrix(now = new Date()) {
  const db = await prisma();
  const programme = await currentProgramme();
  const [steps, firms] = await Promise.all([
    db.onboardingStep.findMany({ where: { programmeId: programme.id, archivedAt: null }, orderBy: [{ position: "asc" }, { key: "asc" }] }),
    db.firm.findMany({
      where: { programmeId: programme.id, status: "ACTIVE" },
      include: { onboarding: true, _count: { select: { roles: true } } },
      orderBy: [{ founding: "desc" }, { memberSince: "asc" }, { name: "asc" }],
    }),
  ]);
  const rows = firms.map((firm) => {
    const states = stepStates(steps, firm.onboarding, firm.memberSince, now);
    const stuckAt = states.find((state) => !state.completedAt) ?? null;
    return {
      firm: { id: firm.id, name: firm.name, nameEn: firm.nameEn, founding: firm.founding, memberSince: firm.memberSince, contacts: firm._count.roles },
      steps: states,
      stuckAt,
      ...summary(states),
    };
  });
  return { steps, rows };
}

export async function setStepCompletion({
  firmId,
  stepId,
  done,
  actorUserId,
  note,
  now = new Date(),
}: {
  firmId: string;
  stepId: string;
  done: boolean;
  actorUserId?: string | null;
  note?: string;
  now?: Date;
}) {
  const db = await prisma();
  const step = await db.onboardingStep.findUnique({ where: { id: stepId } });
  const firm = await db.firm.findUnique({ where: { id: firmId }, select: { programmeId: true } });
  if (!step || !firm || step.programmeId !== firm.programmeId || step.archivedAt) throw new DomainError("not_found", "not_found", "programme.onboarding.unknownStep");
  await writeTransaction((sql) => {
    ensureChecklistRow.run(sql, { firmId, stepId });
    storeStepCompletion.run(sql, { firmId, stepId, completedAt: done ? sqlDate(now) : null, completedById: done ? (actorUserId ?? null) : null, note: note ?? null });
  });
  await audit({ action: done ? "onboarding.step_done" : "onboarding.step_reopened", actorUserId, targetType: "firm", targetId: firmId, details: { step: step.key } });
}

/** Marks a step done by its key if it exists and is still open (automatic completion, e.g. logo uploaded). */
export async function completeStepByKey({ firmId, key, actorUserId, now = new Date() }: { firmId: string; key: string; actorUserId?: string | null; now?: Date }) {
  const db = await prisma();
  const firm = await db.firm.findUnique({ where: { id: firmId }, select: { programmeId: true } });
  if (!firm) return;
  const step = await db.onboardingStep.findUnique({ where: { programmeId_key: { programmeId: firm.programmeId, key } } });
  if (!step || step.archivedAt) return;
  const row = await db.firmOnboardingStep.findUnique({ where: { firmId_stepId: { firmId, stepId: step.id } } });
  if (row?.completedAt) return;
  await setStepCompletion({ firmId, stepId: step.id, done: true, actorUserId, now });
}

function formatDue(date: Date, locale: Locale): string {
  return DateTime.fromJSDate(date, { zone: programmeZone }).setLocale(locale).toLocaleString(DateTime.DATE_MED);
}

/**
 * E-mails every contact of each active firm that has overdue steps not reminded about in the last
 * `reminderIntervalDays` days, through the outbox. `force` (an organizer's button) ignores the interval.
 * Returns how many firms were reminded and how many e-mails were queued.
 */
export async function sendOverdueReminders({ now = new Date(), firmIds, force = false }: { now?: Date; firmIds?: string[]; force?: boolean } = {}) {
  const db = await prisma();
  const { rows } = await progressMatrix(now);
  const cutoff = new Date(now.getTime() - reminderIntervalDays * dayMs);
  let firms = 0;
  let emails = 0;
  for (const row of rows) {
    if (firmIds && !firmIds.includes(row.firm.id)) continue;
    const due = row.steps.filter((state) => state.overdue && (force || !state.lastReminderAt || state.lastReminderAt < cutoff));
    if (due.length === 0) continue;
    const contacts = await db.roleAssignment.findMany({
      where: { firmId: row.firm.id, role: "FIRM_CONTACT", user: { disabledAt: null } },
      include: { user: { select: { id: true, email: true, name: true, locale: true } } },
    });
    if (contacts.length === 0) continue;
    const messages = await Promise.all(
      contacts.map(async ({ user }) => {
        const locale: Locale = isLocale(user.locale) ? user.locale : "zh-CN";
        const t = translator(locale);
        const firmName = locale === "en" && row.firm.nameEn ? row.firm.nameEn : row.firm.name;
        const rendered = await renderEmail(
          t("programme.email.reminder.subject", { count: due.length }),
          OnboardingReminderEmail({
            lang: locale,
            heading: t("programme.email.reminder.heading", { firm: firmName }),
            greeting: t("programme.email.greeting", { name: user.name }),
            intro: t("programme.email.reminder.intro"),
            steps: due.map((state) => ({
              title: locale === "en" && state.titleEn ? state.titleEn : state.title,
              due: t("programme.email.reminder.due", { date: formatDue(state.dueAt!, locale) }),
            })),
            portalUrl: `${env().APP_URL}/firm`,
            portalLabel: t("programme.email.reminder.open"),
            footer: t("programme.email.footer"),
          }),
        );
        return { to: user.email, userId: user.id, rendered };
      }),
    );
    const queued = await writeTransaction((sql) => {
      let count = 0;
      const day = now.toISOString().slice(0, 10);
      for (const message of messages) {
        const key = `onboarding-reminder:${row.firm.id}:${message.userId}:${day}${force ? `:${now.getTime()}` : ""}`;
        if (enqueueEmailInTransaction(sql, { kind: "onboarding-reminder", to: message.to, ...message.rendered, dedupeKey: key }, now)) count += 1;
      }
      for (const state of due) {
        ensureChecklistRow.run(sql, { firmId: row.firm.id, stepId: state.stepId });
        markReminded.run(sql, { firmId: row.firm.id, stepId: state.stepId, at: sqlDate(now) });
      }
      return count;
    });
    if (queued > 0) firms += 1;
    emails += queued;
  }
  return { firms, emails };
}

export const newStepKey = () => `step_${randomUUID().slice(0, 8)}`;
