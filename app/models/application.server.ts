import { randomUUID } from "node:crypto";
import type { ApplicationStatus, Prisma } from "~/generated/prisma/client";
import { isLocale, translator, type Locale, type Translate } from "~/i18n";
import {
  applyAmendment,
  appendReviewerNote,
  firstApplicationWith,
  insertApplication,
  linkApplicationsToFirm,
  moveApplication,
  openApplicationOf,
  type ReviewEffects,
} from "~/models/store/application-store.server";
import { prisma, sqlDate, writeTransaction, type Sql } from "~/models/store/connection.server";
import { firmWithCreditCode, insertMemberFirm } from "~/models/store/firm-store.server";
import { env } from "~/utils/env.server";
import { DomainError } from "~/utils/domain-error";
import { hashSecret, randomSecret } from "~/utils/secrets.server";
import { normalizeText } from "~/utils/text";
import { renderEmail } from "@emails/render";
import ApplicationDecisionEmail from "@emails/application-decision";
import ApplicationNeedsInfoEmail from "@emails/application-needs-info";
import ApplicationReceivedEmail from "@emails/application-received";
import { applicationStatuses, type ApplicationDetails, type ApplicationInput } from "~/schemas/application";
import { audit } from "~/models/audit.server";
import { openApplicationStatuses, reviewStep, reviewSteps } from "./application-review";
import { addFirmContactInTransaction, assertFirmNameFree, currentProgramme, prepareContactInvitation } from "./firm.server";
import { firmNameKey } from "./firm-name";
import { createChecklistInTransaction, ensureDefaultSteps } from "./onboarding.server";
import { enqueueEmailInTransaction } from "./outbox.server";
import { enqueueApplicationWebhook } from "./webhook.server";

/**
 * Applications to join the programme and their review (issue 6). The review is a state machine, one table
 * in application-review.ts; every change is one guarded UPDATE (`WHERE status = <the state the reviewer
 * saw>`) in a write transaction together with the e-mails it causes, so a refused or raced transition
 * changes nothing and sends nothing.
 */
// Submissions per client address: generous for a shared office network, tight enough to stop a script.
export const applyRateLimit = { limit: 5, windowMs: 10 * 60 * 1000 };

function localeOf(value: string | null | undefined): Locale {
  return isLocale(value) ? value : "zh-CN";
}

function footer(t: Translate) {
  return t("programme.email.footer");
}

async function receivedEmail(input: ApplicationDetails & { creditCode: string; charterVersion: string }, locale: Locale, linked: boolean) {
  const t = translator(locale);
  return renderEmail(
    t("programme.email.received.subject", { firm: input.firmName }),
    ApplicationReceivedEmail({
      lang: locale,
      heading: t("programme.email.received.heading"),
      greeting: t("programme.email.greeting", { name: input.contactName }),
      intro: t("programme.email.received.intro", { firm: input.firmName }),
      linkedNote: linked ? t("programme.email.received.linked") : null,
      summary: [
        { label: t("programme.field.firmName"), value: input.firmName },
        { label: t("programme.field.creditCode"), value: input.creditCode },
        { label: t("programme.field.industry"), value: input.industry },
        { label: t("programme.field.city"), value: input.city },
        { label: t("programme.field.contactPhone"), value: input.contactPhone },
      ],
      charterNote: t("programme.email.received.charter", { version: input.charterVersion }),
      footer: footer(t),
    }),
  );
}

export type SubmitOutcome = "created" | "linked" | "repeat";

/**
 * Stores an application with the accepted charter version and queues the confirmation e-mail, atomically.
 * - The same firm and contact re-sending while their application is open: nothing new is stored ("repeat").
 * - Another application with the same credit code: stored, linked to the first one (`duplicateOf`), so
 *   reviewers see them together ("linked").
 */
export async function submitApplication({ input, locale, now = new Date() }: { input: ApplicationInput; locale: string; now?: Date }) {
  const programme = await currentProgramme();
  if (input.charterVersion !== programme.charterVersion) {
    throw new DomainError("conflict", "charter_changed", "programme.error.charterChanged", undefined, { charterAccepted: "programme.error.charterChanged" });
  }
  const language = localeOf(locale);
  const { nickname: _honeypot, charterAccepted: _accepted, ...facts } = input;
  const [fresh, linked] = await Promise.all([receivedEmail(facts, language, false), receivedEmail(facts, language, true)]);
  const result = await writeTransaction((sql) => {
    const open = openApplicationOf(sql, { creditCode: facts.creditCode, contactEmail: facts.contactEmail, statuses: openApplicationStatuses });
    if (open) return { outcome: "repeat" as SubmitOutcome, id: open.id };
    const first = firstApplicationWith.get(sql, { creditCode: facts.creditCode });
    const member = firmWithCreditCode.get(sql, { creditCode: facts.creditCode });
    const id = randomUUID();
    insertApplication.run(sql, {
      id,
      programmeId: programme.id,
      firmName: facts.firmName,
      creditCode: facts.creditCode,
      industry: facts.industry,
      city: facts.city,
      website: facts.website ?? null,
      size: facts.size,
      offers: facts.offers,
      needs: facts.needs,
      contactName: facts.contactName,
      contactEmail: facts.contactEmail,
      contactPhone: facts.contactPhone,
      locale: language,
      charterVersion: facts.charterVersion,
      firmId: member?.id ?? null,
      duplicateOfId: first?.id ?? null,
      at: sqlDate(now),
    });
    const email = first || member ? linked : fresh;
    enqueueEmailInTransaction(sql, { kind: "application-received", to: facts.contactEmail, ...email, dedupeKey: `application-received:${id}` }, now);
    enqueueApplicationWebhook(sql, "application.submitted", id, now);
    return { outcome: (first || member ? "linked" : "created") as SubmitOutcome, id };
  });
  const application = await (await prisma()).firmApplication.findUniqueOrThrow({ where: { id: result.id } });
  if (result.outcome !== "repeat") {
    await audit({ action: "application.submitted", targetType: "application", targetId: result.id, details: { outcome: result.outcome, duplicateOf: application.duplicateOfId } });
  }
  return { outcome: result.outcome, application };
}

export async function listApplications({ status, q }: { status?: ApplicationStatus; q?: string } = {}) {
  const db = await prisma();
  const where: Prisma.FirmApplicationWhereInput = {
    ...(status ? { status } : {}),
    ...(q ? { OR: [{ firmName: { contains: q } }, { creditCode: { contains: q.toUpperCase() } }, { contactEmail: { contains: q.toLowerCase() } }] } : {}),
  };
  const [applications, counts] = await Promise.all([
    db.firmApplication.findMany({ where, orderBy: { submittedAt: "asc" }, include: { _count: { select: { duplicates: true } } } }),
    db.firmApplication.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  return {
    applications,
    counts: Object.fromEntries(applicationStatuses.map((value) => [value, counts.find((row) => row.status === value)?._count._all ?? 0])) as Record<ApplicationStatus, number>,
  };
}

export async function getApplication(id: string) {
  const application = await (
    await prisma()
  ).firmApplication.findUnique({
    where: { id },
    include: {
      duplicateOf: { select: { id: true, firmName: true, status: true, submittedAt: true, contactEmail: true } },
      duplicates: { select: { id: true, firmName: true, status: true, submittedAt: true, contactEmail: true }, orderBy: { submittedAt: "asc" } },
      firm: { select: { id: true, name: true } },
    },
  });
  if (!application) throw new DomainError("not_found", "not_found", "error.notFound.body");
  return application;
}

function noteLine(now: Date, actorName: string, text: string) {
  return `[${now.toISOString().slice(0, 16).replace("T", " ")} UTC · ${actorName}] ${text}`;
}

/** Appends an internal reviewer note (never shown to the applicant). */
export async function addReviewerNote({ id, note, actor, now = new Date() }: { id: string; note: string; actor: { id: string; name: string }; now?: Date }) {
  const normalized = normalizeText(note, { multiline: true });
  if ("problem" in normalized) throw new DomainError("invalid", "invalid_input", normalized.problem, undefined, { note: normalized.problem });
  const text = normalized.text;
  if (!text) throw new DomainError("invalid", "invalid_input", "validation.required", undefined, { note: "validation.required" });
  await getApplication(id);
  const line = noteLine(now, actor.name, text);
  await writeTransaction((sql) => appendReviewerNote.run(sql, { id, line, at: sqlDate(now) }));
}

export function amendUrl(token: string): string {
  return `${env().APP_URL}/programme/apply/${token}`;
}

export type ReviewAction = { to: ApplicationStatus; message?: string };

/**
 * A reviewer moves an application. NEEDS_MORE_INFO needs a message (e-mailed with a one-time amend link);
 * REJECTED may carry a reason (e-mailed); APPROVED creates the firm, its contact's account with a
 * FIRM_CONTACT grant and a set-password invitation, and the onboarding checklist.
 */
export async function reviewApplication({ id, action, actor, now = new Date() }: { id: string; action: ReviewAction; actor: { id: string; name: string }; now?: Date }) {
  const application = await getApplication(id);
  const from = application.status;
  const to = action.to;
  const step = reviewStep(from, to);
  if (!step) {
    throw new DomainError("conflict", "illegal_transition", "programme.review.illegal", { from, to });
  }
  const message = action.message?.trim() ?? "";
  if (step === "requestInfo" && !message) {
    throw new DomainError("invalid", "invalid_input", "programme.review.messageRequired", undefined, { message: "programme.review.messageRequired" });
  }
  if (message.length > 4000) throw new DomainError("invalid", "invalid_input", "validation.tooLong", { max: 4000 }, { message: "validation.tooLong" });
  const locale = localeOf(application.locale);
  const t = translator(locale);
  const history = noteLine(now, actor.name, `${from} → ${to}${message ? `: ${message}` : ""}`);
  const guard = (sql: Sql, effects: ReviewEffects) => {
    const { changes } = moveApplication(sql, { id, from, to, at: sqlDate(now), line: history, effects });
    if (changes !== 1) throw new DomainError("conflict", "changed_meanwhile", "programme.review.changedMeanwhile");
  };

  if (step === "startReview") {
    await writeTransaction((sql) => guard(sql, { amendTokenHash: null }));
  } else if (step === "requestInfo") {
    const token = randomSecret(32);
    const email = await renderEmail(
      t("programme.email.needsInfo.subject", { firm: application.firmName }),
      ApplicationNeedsInfoEmail({
        lang: locale,
        heading: t("programme.email.needsInfo.heading"),
        greeting: t("programme.email.greeting", { name: application.contactName }),
        intro: t("programme.email.needsInfo.intro", { firm: application.firmName }),
        requestLabel: t("programme.email.needsInfo.requestLabel"),
        request: message,
        amendUrl: amendUrl(token),
        amendLabel: t("programme.email.needsInfo.amend"),
        singleUseNote: t("programme.email.needsInfo.singleUse"),
        footer: footer(t),
      }),
    );
    await writeTransaction((sql) => {
      guard(sql, { amendTokenHash: hashSecret(token) });
      enqueueEmailInTransaction(sql, { kind: "application-needs-info", to: application.contactEmail, ...email, dedupeKey: `application-needs-info:${id}:${now.getTime()}` }, now);
    });
  } else if (step === "reject") {
    const email = await renderEmail(
      t("programme.email.decision.rejectedSubject", { firm: application.firmName }),
      ApplicationDecisionEmail({
        lang: locale,
        heading: t("programme.email.decision.rejectedHeading"),
        greeting: t("programme.email.greeting", { name: application.contactName }),
        body: t("programme.email.decision.rejectedBody", { firm: application.firmName }),
        reasonLabel: t("programme.email.decision.reason"),
        reason: message || null,
        next: t("programme.email.decision.rejectedNext"),
        footer: footer(t),
      }),
    );
    await writeTransaction((sql) => {
      guard(sql, { amendTokenHash: null, decidedAt: sqlDate(now), decidedById: actor.id });
      enqueueEmailInTransaction(sql, { kind: "application-decision", to: application.contactEmail, ...email, dedupeKey: `application-decision:${id}` }, now);
      enqueueApplicationWebhook(sql, "application.decided", id, now);
    });
  } else if (step === "approve") {
    await approve({ application, actor, history, now });
  }
  await audit({
    action: step === "approve" || step === "reject" ? "application.decided" : "application.status_changed",
    actorUserId: actor.id,
    targetType: "application",
    targetId: id,
    details: { from, to },
  });
  return getApplication(id);
}

async function approve({ application, actor, history, now }: { application: Awaited<ReturnType<typeof getApplication>>; actor: { id: string; name: string }; history: string; now: Date }) {
  const db = await prisma();
  if (await db.firm.findUnique({ where: { creditCode: application.creditCode } })) {
    throw new DomainError("conflict", "already_member", "programme.review.alreadyMember");
  }
  await ensureDefaultSteps(application.programmeId);
  const locale = localeOf(application.locale);
  const t = translator(locale);
  const decision = await renderEmail(
    t("programme.email.decision.approvedSubject", { firm: application.firmName }),
    ApplicationDecisionEmail({
      lang: locale,
      heading: t("programme.email.decision.approvedHeading"),
      greeting: t("programme.email.greeting", { name: application.contactName }),
      body: t("programme.email.decision.approvedBody", { firm: application.firmName }),
      next: t("programme.email.decision.approvedNext"),
      footer: footer(t),
    }),
  );
  const { invitation, email: invitationEmail } = await prepareContactInvitation({
    email: application.contactEmail,
    name: application.contactName,
    locale,
    firmName: application.firmName,
  });
  const firmId = randomUUID();
  await writeTransaction((sql) => {
    // The unique credit code also guards a concurrent approval of a linked duplicate.
    if (firmWithCreditCode.get(sql, { creditCode: application.creditCode })) {
      throw new DomainError("conflict", "already_member", "programme.review.alreadyMember");
    }
    assertFirmNameFree(sql, application.firmName);
    insertMemberFirm.run(sql, {
      id: firmId,
      programmeId: application.programmeId,
      name: application.firmName,
      nameKey: firmNameKey(application.firmName),
      creditCode: application.creditCode,
      industry: application.industry,
      city: application.city,
      website: application.website,
      size: application.size,
      offers: application.offers,
      needs: application.needs,
      at: sqlDate(now),
    });
    const { changes } = moveApplication(sql, {
      id: application.id,
      from: application.status,
      to: reviewSteps.approve.to,
      at: sqlDate(now),
      line: history,
      effects: { firmId, decidedAt: sqlDate(now), decidedById: actor.id, amendTokenHash: null },
    });
    if (changes !== 1) throw new DomainError("conflict", "changed_meanwhile", "programme.review.changedMeanwhile");
    // Earlier and later applications with this credit code now point at the member firm too.
    linkApplicationsToFirm.run(sql, { firmId, creditCode: application.creditCode });
    addFirmContactInTransaction(sql, { firmId, invitation, actorUserId: actor.id, now });
    createChecklistInTransaction(sql, { firmId, programmeId: application.programmeId });
    enqueueEmailInTransaction(sql, { kind: "application-decision", to: application.contactEmail, ...decision, dedupeKey: `application-decision:${application.id}` }, now);
    enqueueApplicationWebhook(sql, "application.decided", application.id, now);
    enqueueEmailInTransaction(sql, { kind: "firm-contact-invitation", to: invitation.email, ...invitationEmail, dedupeKey: `firm-invite:${firmId}:approval` }, now);
  });
  await audit({ action: "role.granted", actorUserId: actor.id, targetType: "firm", targetId: firmId, details: { role: "FIRM_CONTACT", email: invitation.email } });
  return firmId;
}

// ───────────────────────────── Amend link ─────────────────────────────

/** The application behind an amend link, or null when the link is unknown, used up, or no longer needed. */
export async function findAmendableApplication(token: string) {
  if (!token || token.length > 200) return null;
  const application = await (await prisma()).firmApplication.findUnique({ where: { amendTokenHash: hashSecret(token) } });
  return application && reviewStep(application.status, reviewSteps.amend.to, "applicant") ? application : null;
}

/** Applies the applicant's changes and sends the application back to the queue; the link works once. */
export async function amendApplication({ token, input, now = new Date() }: { token: string; input: ApplicationDetails; now?: Date }) {
  const application = await findAmendableApplication(token);
  if (!application) throw new DomainError("gone", "stale_link", "programme.amend.stale");
  const history = noteLine(now, application.contactName, "NEEDS_MORE_INFO → SUBMITTED (amended by the applicant)");
  const email = await receivedEmail({ ...input, creditCode: application.creditCode, charterVersion: application.charterVersion }, localeOf(application.locale), false);
  await writeTransaction((sql) => {
    const { changes } = applyAmendment.run(sql, {
      id: application.id,
      amendTokenHash: hashSecret(token),
      from: application.status,
      to: reviewSteps.amend.to,
      firmName: input.firmName,
      industry: input.industry,
      city: input.city,
      website: input.website ?? null,
      size: input.size,
      offers: input.offers,
      needs: input.needs,
      contactName: input.contactName,
      contactEmail: input.contactEmail,
      contactPhone: input.contactPhone,
      line: history,
      at: sqlDate(now),
    });
    if (changes !== 1) throw new DomainError("gone", "stale_link", "programme.amend.stale");
    enqueueEmailInTransaction(sql, { kind: "application-received", to: input.contactEmail, ...email, dedupeKey: `application-amended:${application.id}:${now.getTime()}` }, now);
  });
  await audit({ action: "application.amended", targetType: "application", targetId: application.id });
  return (await prisma()).firmApplication.findUniqueOrThrow({ where: { id: application.id } });
}
