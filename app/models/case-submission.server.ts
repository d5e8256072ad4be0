import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { isLocale, localized, translator, type Locale } from "~/i18n";
import { prisma } from "~/models/store/connection.server";
import { audit } from "~/models/audit.server";
import { DomainError } from "~/utils/domain-error";
import { env } from "~/utils/env.server";
import { caseFileTypes, nameMatchesType, sniffCaseFile } from "~/utils/file-type";
import { inZone, zonedStamp } from "~/utils/time";
import { renderEmail } from "@emails/render";
import CaseSubmissionEmail from "@emails/case-submission";
import { requiredCaseFields, type CaseDraft } from "~/schemas/case-call";
import { getCall, requireCall, type CaseCall } from "./case-call.server";
import { callPhase } from "./case-deadline";
import { uploadsDirectory } from "./firm.server";
import { completeStepByKey } from "./onboarding.server";
import { enqueueEmail } from "./outbox.server";

/**
 * Cases submitted to a typical-case call: drafts, submission, withdrawal, attachments. Every write checks the
 * call's window on the server to the second (case-deadline.ts); after closing a case is locked. Who may
 * read or edit is decided by the guards (app/auth/permissions.server.ts `canReadSubmission`), never here.
 */

export type Figure = { label: string; labelEn: string; value: string };
export type Answers = Record<string, string | string[] | boolean>;

function closedError(call: Pick<CaseCall, "closesAt" | "timeZone" | "opensAt">, now: Date) {
  const phase = callPhase(call, now);
  // Written the same in both languages ("2026-12-31 23:59:59 Asia/Shanghai"): the message around it is translated.
  const stamp = (instant: Date) => `${inZone(instant, call.timeZone).toFormat("yyyy-MM-dd HH:mm:ss")} ${call.timeZone}`;
  if (phase === "upcoming") return new DomainError("locked", "call_not_open", "cases.submission.notOpen", { opens: stamp(call.opensAt) });
  return new DomainError("locked", "call_closed", "cases.submission.closed", { deadline: stamp(call.closesAt) });
}

/** Throws the "closed" refusal unless the call takes submissions at `now`. */
export function assertCallOpen(call: Pick<CaseCall, "opensAt" | "closesAt" | "timeZone">, now: Date) {
  if (callPhase(call, now) !== "open") throw closedError(call, now);
}

const submissionInclude = {
  call: {
    select: {
      id: true,
      slug: true,
      title: true,
      titleEn: true,
      timeZone: true,
      opensAt: true,
      closesAt: true,
      blindReview: true,
      maxAttachments: true,
      maxAttachmentBytes: true,
      licenceVersion: true,
    },
  },
  firm: { select: { id: true, name: true, nameEn: true } },
  submitter: { select: { id: true, name: true, email: true } },
  industry: { select: { id: true, code: true, name: true, nameEn: true } },
  scenario: { select: { id: true, code: true, name: true, nameEn: true } },
  coSubmitters: { orderBy: { position: "asc" }, include: { firm: { select: { id: true, name: true, nameEn: true } } } },
  attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, contentType: true, size: true, createdAt: true } },
} as const;

/** A case with its call, firms, taxonomy terms, co-submitters and attachments (figures and answers parsed), or null. */
export async function getSubmission(submissionId: string) {
  const row = await (await prisma()).caseSubmission.findUnique({ where: { id: submissionId }, include: submissionInclude });
  if (!row) return null;
  return { ...row, figures: JSON.parse(row.figures) as Figure[], answers: JSON.parse(row.answers) as Answers };
}

export type CaseSubmissionView = NonNullable<Awaited<ReturnType<typeof getSubmission>>>;

export async function requireSubmission(submissionId: string): Promise<CaseSubmissionView> {
  const submission = await getSubmission(submissionId);
  if (!submission) throw new DomainError("not_found", "not_found", "error.notFound.body");
  return submission;
}

export type SubmissionFilters = { status?: "DRAFT" | "SUBMITTED" | "WITHDRAWN"; industry?: string; scenario?: string; firmId?: string };

/** A call's cases for the back office (and review), newest first; drafts included unless a status is asked for. */
export async function listCallSubmissions(callId: string, filters: SubmissionFilters = {}) {
  return (await prisma()).caseSubmission.findMany({
    where: {
      callId,
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.industry ? { industry: { code: filters.industry } } : {}),
      ...(filters.scenario ? { scenario: { code: filters.scenario } } : {}),
      ...(filters.firmId ? { OR: [{ firmId: filters.firmId }, { coSubmitters: { some: { firmId: filters.firmId } } }] } : {}),
    },
    include: {
      firm: { select: { id: true, name: true, nameEn: true } },
      industry: { select: { code: true, name: true, nameEn: true } },
      scenario: { select: { code: true, name: true, nameEn: true } },
      _count: { select: { attachments: true } },
    },
    orderBy: [{ submittedAt: "desc" }, { updatedAt: "desc" }],
  });
}

/** The cases a person may edit: those they started and those of their firms. */
export async function listOwnSubmissions({ userId, firmIds, callId }: { userId: string; firmIds: string[]; callId?: string }) {
  return (await prisma()).caseSubmission.findMany({
    where: { ...(callId ? { callId } : {}), OR: [{ submitterUserId: userId }, ...(firmIds.length ? [{ firmId: { in: firmIds } }] : [])] },
    include: { call: { select: { slug: true, title: true, titleEn: true, closesAt: true, timeZone: true } }, firm: { select: { name: true, nameEn: true } } },
    orderBy: { updatedAt: "desc" },
  });
}

/**
 * A new draft for a published, open call: a member firm's (its contact submits for it) or a contributor's
 * own (the organisation they named). The contact fields start with the person's.
 */
export async function startSubmission({
  callId,
  user,
  firmId,
  organizationName = "",
  now = new Date(),
}: {
  callId: string;
  user: { id: string; name: string; email: string; locale: string };
  firmId: string | null;
  organizationName?: string;
  now?: Date;
}) {
  const call = await requireCall(callId);
  if (!call.publishedAt) throw new DomainError("not_found", "not_found", "error.notFound.body");
  assertCallOpen(call, now);
  const db = await prisma();
  const firm = firmId ? await db.firm.findUnique({ where: { id: firmId }, select: { name: true, nameEn: true } }) : null;
  return db.caseSubmission.create({
    data: {
      callId,
      firmId: firm ? firmId : null,
      submitterUserId: user.id,
      organizationName: firm?.name ?? organizationName,
      organizationNameEn: firm?.nameEn ?? "",
      contactName: user.name,
      contactEmail: user.email,
      locale: isLocale(user.locale) ? user.locale : "zh-CN",
    },
  });
}

function editableOrThrow(submission: CaseSubmissionView, call: CaseCall, now: Date) {
  assertCallOpen(call, now);
  if (submission.status === "WITHDRAWN") throw new DomainError("conflict", "withdrawn", "cases.submission.withdrawnLocked");
}

/** The custom answers from the posted form (`q_<key>` fields), with a message per field that is not valid. */
export function readAnswers(form: FormData, call: Pick<CaseCall, "questions">): { answers: Answers; errors: Record<string, string> } {
  const answers: Answers = {};
  const errors: Record<string, string> = {};
  for (const question of call.questions) {
    const name = `q_${question.key}`;
    const values = form
      .getAll(name)
      .filter((value): value is string => typeof value === "string")
      .map((value) => value.trim());
    const allowed = new Set(question.options.map((option) => option.value));
    switch (question.kind) {
      case "CHECKBOX":
        answers[question.key] = values.includes("on") || values.includes("true");
        break;
      case "MULTIPLE_CHOICE":
        if (values.some((value) => !allowed.has(value))) errors[name] = "validation.invalid";
        else answers[question.key] = values;
        break;
      case "SINGLE_CHOICE":
        if (values[0] && !allowed.has(values[0])) errors[name] = "validation.invalid";
        else answers[question.key] = values[0] ?? "";
        break;
      default: {
        const max = question.kind === "LONG_TEXT" ? 5000 : question.kind === "PHONE" ? 40 : 500;
        const value = values[0] ?? "";
        if (value.length > max) errors[name] = `validation.tooLong|${max}`;
        else if (question.kind === "PHONE" && value && !/^[+0-9 ()-]{5,40}$/.test(value)) errors[name] = "validation.invalid";
        else answers[question.key] = value;
      }
    }
  }
  return { answers, errors };
}

const isEmptyAnswer = (value: Answers[string] | undefined) => value === undefined || value === "" || value === false || (Array.isArray(value) && value.length === 0);

/** What `submit` still misses: the fixed fields, the required custom questions and consent, by field name. */
export function missingForSubmission(draft: CaseDraft, answers: Answers, call: Pick<CaseCall, "questions">): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const name of requiredCaseFields) if (!draft[name]) missing[name] = "validation.required";
  for (const question of call.questions) if (question.required && isEmptyAnswer(answers[question.key])) missing[`q_${question.key}`] = "validation.required";
  if (!draft.publicationConsent) missing.publicationConsent = "cases.submission.consentRequired";
  return missing;
}

async function draftData(draft: CaseDraft, answers: Answers, call: CaseCall) {
  const db = await prisma();
  const [industry, scenario] = await Promise.all([
    draft.industry ? db.industry.findUnique({ where: { code: draft.industry }, select: { id: true } }) : null,
    draft.scenario ? db.scenario.findUnique({ where: { code: draft.scenario }, select: { id: true } }) : null,
  ]);
  const fields: Record<string, string> = {};
  if (draft.industry && !industry) fields.industry = "validation.invalid";
  if (draft.scenario && !scenario) fields.scenario = "validation.invalid";
  const firmIds = draft.coSubmitters.flatMap((row) => (row.firmId ? [row.firmId] : []));
  const firms = firmIds.length ? await db.firm.findMany({ where: { id: { in: firmIds } }, select: { id: true } }) : [];
  if (firms.length !== new Set(firmIds).size) fields.coSubmitters = "validation.invalid";
  if (Object.keys(fields).length) throw new DomainError("invalid", "invalid_case", "cases.submission.invalid", undefined, fields);
  return {
    row: {
      title: draft.title,
      titleEn: draft.titleEn,
      industryId: industry?.id ?? null,
      scenarioId: scenario?.id ?? null,
      summary: draft.summary,
      problem: draft.problem,
      solution: draft.solution,
      results: draft.results,
      figures: JSON.stringify(draft.figures.map((figure) => ({ label: figure.label, labelEn: figure.labelEn, value: figure.value }))),
      answers: JSON.stringify(answers),
      contactName: draft.contactName,
      contactEmail: draft.contactEmail,
      contactPhone: draft.contactPhone,
      publicationConsent: draft.publicationConsent,
    },
    coSubmitters: draft.coSubmitters.map((row, position) => ({ firmId: row.firmId || null, name: row.firmId ? "" : row.name, position })),
    callId: call.id,
  };
}

/**
 * Saves the case (`submit` also moves a draft to SUBMITTED): refused as a whole after the deadline, so what
 * was saved before stays as it was. A submitted case stays complete: its edits are checked as a submission.
 */
export async function saveSubmission({
  submissionId,
  draft,
  answers,
  submit,
  actorUserId,
  now = new Date(),
}: {
  submissionId: string;
  draft: CaseDraft;
  answers: Answers;
  submit: boolean;
  actorUserId: string;
  now?: Date;
}) {
  const submission = await requireSubmission(submissionId);
  const call = await requireCall(submission.callId);
  editableOrThrow(submission, call, now);
  const submitting = submit && submission.status === "DRAFT";
  if (submit || submission.status === "SUBMITTED") {
    const missing = missingForSubmission(draft, answers, call);
    if (Object.keys(missing).length) throw new DomainError("invalid", "incomplete_case", "cases.submission.incomplete", undefined, missing);
  }
  const { row, coSubmitters } = await draftData(draft, answers, call);
  const consentChanged = draft.publicationConsent && (!submission.publicationConsent || submission.licenceVersion !== call.licenceVersion);
  const db = await prisma();
  await db.caseSubmission.update({
    where: { id: submissionId },
    data: {
      ...row,
      ...(consentChanged ? { consentAt: now, licenceVersion: call.licenceVersion } : {}),
      ...(draft.publicationConsent ? {} : { consentAt: null, licenceVersion: null }),
      ...(submitting ? { status: "SUBMITTED", submittedAt: now } : {}),
      coSubmitters: { deleteMany: {}, create: coSubmitters },
    },
  });
  if (!submitting) return { submitted: false };
  await audit({ action: "case_submission.submitted", actorUserId, targetType: "caseSubmission", targetId: submissionId, details: { callId: call.id } });
  await queueConfirmation(submissionId, now);
  if (submission.firmId) await completeStepByKey({ firmId: submission.firmId, key: "first_case", actorUserId, now });
  return { submitted: true };
}

/** Withdrawn until the deadline (a draft too); a withdrawn case is no longer reviewed nor editable. */
export async function withdrawSubmission({ submissionId, actorUserId, now = new Date() }: { submissionId: string; actorUserId: string; now?: Date }) {
  const submission = await requireSubmission(submissionId);
  const call = await requireCall(submission.callId);
  editableOrThrow(submission, call, now);
  await (await prisma()).caseSubmission.update({ where: { id: submissionId }, data: { status: "WITHDRAWN", withdrawnAt: now } });
  await audit({ action: "case_submission.withdrawn", actorUserId, targetType: "caseSubmission", targetId: submissionId, details: { callId: call.id } });
}

/** The "received" e-mail in the submitter's language, to the case's contact (and the account that submitted it). */
async function queueConfirmation(submissionId: string, now: Date) {
  const submission = await requireSubmission(submissionId);
  const user = submission.submitterUserId ? await (await prisma()).user.findUnique({ where: { id: submission.submitterUserId }, select: { locale: true, name: true, email: true } }) : null;
  const locale: Locale = isLocale(user?.locale) ? (user!.locale as Locale) : isLocale(submission.locale) ? (submission.locale as Locale) : "zh-CN";
  const t = translator(locale);
  const callTitle = localized(locale, submission.call.title, submission.call.titleEn);
  const recipients = [...new Set([submission.contactEmail, user?.email].filter((address): address is string => Boolean(address)))];
  const rendered = await renderEmail(
    t("cases.email.received.subject", { call: callTitle }),
    CaseSubmissionEmail({
      lang: locale,
      heading: t("cases.email.received.heading"),
      greeting: t("cases.email.greeting", { name: submission.contactName || user?.name || "" }),
      intro: t("cases.email.received.intro", { title: submission.title, call: callTitle }),
      lines: [t("cases.email.received.deadline", { deadline: zonedStamp(submission.call.closesAt, submission.call.timeZone, locale) })],
      actionUrl: `${env().APP_URL}/submissions/${submission.id}`,
      actionLabel: t("cases.email.received.open"),
      footer: t("cases.email.footer"),
    }),
  );
  for (const to of recipients) {
    await enqueueEmail({ kind: "case-submission-received", to, ...rendered, dedupeKey: `case-received:${submission.id}:${to}` }, now);
  }
}

// ───────────────────────────── Attachments ─────────────────────────────

const storageKeyPattern = /^[a-f0-9]{32}$/;

function attachmentsDirectory() {
  return resolve(uploadsDirectory(), "cases");
}

/** A file name safe to show and to send back in Content-Disposition: no path, no control characters. */
function cleanFileName(name: string, type: keyof typeof caseFileTypes): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = [...base]
    .filter((character) => character.charCodeAt(0) >= 0x20 && character.charCodeAt(0) !== 0x7f && character !== '"')
    .join("")
    .trim()
    .slice(0, 150);
  return cleaned || `attachment.${type === "jpeg" ? "jpg" : type}`;
}

/**
 * Stores one attachment under uploads/cases with a random key, after checking the call's window, the case's
 * state, the call's count and size limits, and the type its bytes show (PDF, DOCX, PPTX, PNG, JPEG).
 */
export async function addAttachment({ submissionId, fileName, bytes, actorUserId, now = new Date() }: { submissionId: string; fileName: string; bytes: Uint8Array; actorUserId: string; now?: Date }) {
  const submission = await requireSubmission(submissionId);
  const call = await requireCall(submission.callId);
  editableOrThrow(submission, call, now);
  if (submission.attachments.length >= call.maxAttachments)
    throw new DomainError("conflict", "too_many_attachments", "cases.attachment.tooMany", { max: call.maxAttachments }, { file: `cases.attachment.tooMany|${call.maxAttachments}` });
  if (bytes.byteLength === 0) throw new DomainError("invalid", "attachment_missing", "cases.attachment.missing", undefined, { file: "cases.attachment.missing" });
  if (bytes.byteLength > call.maxAttachmentBytes) throw attachmentTooLarge(call.maxAttachmentBytes);
  const type = sniffCaseFile(bytes);
  if (!type) throw new DomainError("unsupported", "attachment_type", "cases.attachment.type", undefined, { file: "cases.attachment.type" });
  if (!nameMatchesType(fileName, type)) throw new DomainError("unsupported", "attachment_name_mismatch", "cases.attachment.nameMismatch", undefined, { file: "cases.attachment.nameMismatch" });
  const storageKey = randomBytes(16).toString("hex");
  const directory = attachmentsDirectory();
  mkdirSync(directory, { recursive: true });
  const temporary = resolve(directory, `.${storageKey}.tmp`);
  writeFileSync(temporary, bytes);
  renameSync(temporary, resolve(directory, storageKey));
  const attachment = await (
    await prisma()
  ).caseAttachment.create({
    data: {
      submissionId,
      fileName: cleanFileName(fileName, type),
      contentType: caseFileTypes[type],
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey,
    },
  });
  await audit({
    action: "case_submission.attachment_added",
    actorUserId,
    targetType: "caseSubmission",
    targetId: submissionId,
    details: { attachmentId: attachment.id, fileName: attachment.fileName, size: attachment.size, sha256: attachment.sha256 },
  });
  return attachment;
}

export function attachmentTooLarge(maxBytes: number) {
  const max = Math.round(maxBytes / 1024 / 1024);
  return new DomainError("too_large", "attachment_too_large", "cases.attachment.tooLarge", { max }, { file: `cases.attachment.tooLarge|${max}` });
}

export async function deleteAttachment({ submissionId, attachmentId, actorUserId, now = new Date() }: { submissionId: string; attachmentId: string; actorUserId: string; now?: Date }) {
  const submission = await requireSubmission(submissionId);
  const call = await requireCall(submission.callId);
  editableOrThrow(submission, call, now);
  const db = await prisma();
  const attachment = await db.caseAttachment.findFirst({ where: { id: attachmentId, submissionId } });
  if (!attachment) throw new DomainError("not_found", "not_found", "error.notFound.body");
  await db.caseAttachment.delete({ where: { id: attachmentId } });
  if (storageKeyPattern.test(attachment.storageKey)) rmSync(resolve(attachmentsDirectory(), attachment.storageKey), { force: true });
  await audit({
    action: "case_submission.attachment_removed",
    actorUserId,
    targetType: "caseSubmission",
    targetId: submissionId,
    details: { attachmentId, fileName: attachment.fileName, sha256: attachment.sha256 },
  });
}

/** One attachment's bytes and stored facts, when it belongs to the case (the caller has checked who may read it). */
export async function readAttachment(submissionId: string, attachmentId: string) {
  const attachment = await (await prisma()).caseAttachment.findFirst({ where: { id: attachmentId, submissionId } });
  if (!attachment || !storageKeyPattern.test(attachment.storageKey)) return null;
  try {
    return { ...attachment, body: readFileSync(resolve(attachmentsDirectory(), attachment.storageKey)) };
  } catch {
    return null;
  }
}

/** The call a case belongs to, for pages that show both. */
export async function callOfSubmission(submission: Pick<CaseSubmissionView, "callId">) {
  return getCall(submission.callId);
}
