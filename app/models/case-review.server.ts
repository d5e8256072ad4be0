import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import CaseDecisionEmail from "@emails/case-decision";
import FirmContactInvitationEmail from "@emails/firm-contact-invitation";
import { renderEmail } from "@emails/render";
import type { CaseDecision } from "~/generated/prisma/client";
import { isLocale, localized, translator, type Locale } from "~/i18n";
import { audit } from "~/models/audit.server";
import { accountByEmail, insertInvitedAccount, renewSetupLink } from "~/models/store/account-store.server";
import { changeDecision, markReviewComplete, setReviewComment, upsertScore } from "~/models/store/case-review-store.server";
import { prisma, sqlDate, writeTransaction } from "~/models/store/connection.server";
import { DomainError } from "~/utils/domain-error";
import { env } from "~/utils/env.server";
import { hashSecret, randomSecret } from "~/utils/secrets.server";
import { isConflicted, planAssignments, type AssignableCase, type AssignableReviewer } from "./case-assignment";
import { aggregateCases, rankCases } from "./case-scores";
import { setupLinkLifetimeMs, setupUrl, uploadsDirectory } from "./firm.server";
import { enqueueEmailInTransaction } from "./outbox.server";
import { emailSchema } from "./user.server";

/**
 * The review of a case call (issue 17 §3): reviewers and their conflicts, assignment, the reviewer's view of a
 * case, scores, the organizer's progress and ranking, shortlist and decisions. Who may call what is decided by
 * the routes' guards; the reviewer functions here also check that the assignment is the user's own.
 */

function notFound(): DomainError {
  return new DomainError("not_found", "not_found", "error.notFound.body");
}

export async function getReviewCall(callId: string) {
  const call = await (
    await prisma()
  ).caseCall.findUnique({
    where: { id: callId },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
  if (!call) throw notFound();
  return call;
}

// ───────────────────────────── Reviewers and conflicts ─────────────────────────────

export async function listCallReviewers(callId: string) {
  const db = await prisma();
  const [grants, conflicts, assignments] = await Promise.all([
    db.roleAssignment.findMany({ where: { callId, role: "REVIEWER" }, include: { user: { select: { id: true, name: true, email: true, passwordHash: true } } }, orderBy: { createdAt: "asc" } }),
    db.caseConflict.findMany({ where: { callId }, include: { firm: { select: { id: true, name: true, nameEn: true } } }, orderBy: { createdAt: "asc" } }),
    db.caseReviewAssignment.findMany({ where: { submission: { callId } }, select: { reviewerUserId: true, completedAt: true } }),
  ]);
  return grants.map(({ user }) => ({
    userId: user.id,
    name: user.name,
    email: user.email,
    active: Boolean(user.passwordHash),
    conflicts: conflicts.filter((conflict) => conflict.userId === user.id).map((conflict) => ({ id: conflict.id, kind: conflict.kind, note: conflict.note, firm: conflict.firm })),
    assigned: assignments.filter((assignment) => assignment.reviewerUserId === user.id).length,
    completed: assignments.filter((assignment) => assignment.reviewerUserId === user.id && assignment.completedAt).length,
  }));
}

/**
 * Adds a reviewer to a call: an existing account, or a new one invited by e-mail with a set-password link.
 * The firms the person is a contact of are recorded as their own firms (OWN_FIRM conflicts).
 */
export async function addReviewer({ callId, email, name, locale, actorUserId, now = new Date() }: { callId: string; email: string; name: string; locale: string; actorUserId: string; now?: Date }) {
  const call = await getReviewCall(callId);
  const address = emailSchema.parse(email);
  const db = await prisma();
  const existing = await db.user.findUnique({ where: { email: address }, include: { roles: true } });
  if (existing?.roles.some((grant) => grant.role === "REVIEWER" && grant.callId === callId)) {
    throw new DomainError("conflict", "already_reviewer", "caseReview.reviewers.already", undefined, { email: "caseReview.reviewers.already" });
  }
  const language: Locale = isLocale(existing?.locale) ? (existing!.locale as Locale) : isLocale(locale) ? locale : "zh-CN";
  const t = translator(language);
  const setupToken = randomSecret(32);
  const hasPassword = Boolean(existing?.passwordHash);
  const callTitle = localized(language, call.title, call.titleEn);
  const message = await renderEmail(
    t("caseReview.email.invite.subject", { call: callTitle }),
    FirmContactInvitationEmail({
      lang: language,
      heading: t("caseReview.email.invite.heading", { call: callTitle }),
      greeting: t("programme.email.greeting", { name: existing?.name ?? name }),
      intro: t("caseReview.email.invite.intro", { call: callTitle }),
      actionUrl: hasPassword ? `${env().APP_URL}/login?redirectTo=%2Freview` : setupUrl(setupToken),
      actionLabel: t(hasPassword ? "programme.email.invite.signIn" : "programme.email.invite.setPassword"),
      expiryNote: hasPassword ? null : t("programme.email.invite.expiry", { days: setupLinkLifetimeMs / 86_400_000 }),
      footer: t("programme.email.footer"),
    }),
  );
  const ownFirmIds = existing?.roles.flatMap((grant) => (grant.role === "FIRM_CONTACT" && grant.firmId ? [grant.firmId] : [])) ?? [];
  const userId = await writeTransaction((sql) => {
    const account = accountByEmail.get(sql, { email: address });
    const id = account?.id ?? randomUUID();
    const setupTokenHash = hashSecret(setupToken);
    const setupTokenExpiresAt = sqlDate(new Date(now.getTime() + setupLinkLifetimeMs));
    if (!account) insertInvitedAccount.run(sql, { id, email: address, name, locale: language, at: sqlDate(now), setupTokenHash, setupTokenExpiresAt });
    else if (!account.passwordHash) renewSetupLink.run(sql, { id, setupTokenHash, setupTokenExpiresAt, at: sqlDate(now) });
    sql.run(`INSERT INTO "RoleAssignment" ("id", "userId", "role", "callId", "createdAt", "createdById") VALUES (?, ?, 'REVIEWER', ?, ?, ?)`, randomUUID(), id, callId, sqlDate(now), actorUserId);
    for (const firmId of ownFirmIds) {
      sql.run(
        `INSERT INTO "CaseConflict" ("id", "callId", "userId", "firmId", "kind", "note", "createdAt") VALUES (?, ?, ?, ?, 'OWN_FIRM', '', ?) ON CONFLICT DO NOTHING`,
        randomUUID(),
        callId,
        id,
        firmId,
        sqlDate(now),
      );
    }
    enqueueEmailInTransaction(sql, { kind: "case-reviewer-invitation", to: address, ...message, dedupeKey: `case-reviewer:${callId}:${id}` }, now);
    return id;
  });
  await audit({ action: "case.reviewer_added", actorUserId, targetType: "user", targetId: userId, details: { callId, role: "REVIEWER", ownFirmIds } });
  return { userId };
}

async function requireCallReviewer(callId: string, userId: string) {
  const grant = await (await prisma()).roleAssignment.findFirst({ where: { callId, userId, role: "REVIEWER" } });
  if (!grant) throw notFound();
}

/** Records a firm the reviewer must never score: their own (OWN_FIRM) or one they declared (DECLARED, with a note). */
export async function recordConflict({
  callId,
  userId,
  firmId,
  kind,
  note,
  actorUserId,
}: {
  callId: string;
  userId: string;
  firmId: string;
  kind: "OWN_FIRM" | "DECLARED";
  note: string;
  actorUserId: string;
}) {
  await requireCallReviewer(callId, userId);
  const db = await prisma();
  if (!(await db.firm.findUnique({ where: { id: firmId }, select: { id: true } }))) throw notFound();
  const assigned = await db.caseReviewAssignment.findFirst({
    where: { reviewerUserId: userId, submission: { callId, OR: [{ firmId }, { coSubmitters: { some: { firmId } } }] } },
    select: { id: true },
  });
  if (assigned) throw new DomainError("conflict", "assigned_to_firm", "caseReview.conflicts.alreadyAssigned", undefined, { firmId: "caseReview.conflicts.alreadyAssigned" });
  await db.caseConflict.upsert({ where: { callId_userId_firmId: { callId, userId, firmId } }, create: { callId, userId, firmId, kind, note }, update: { kind, note } });
  await audit({ action: "case.conflict_recorded", actorUserId, targetType: "user", targetId: userId, details: { callId, firmId, kind } });
}

export async function removeConflict({ callId, conflictId, actorUserId }: { callId: string; conflictId: string; actorUserId: string }) {
  const { count } = await (await prisma()).caseConflict.deleteMany({ where: { id: conflictId, callId } });
  if (count === 0) throw notFound();
  await audit({ action: "case.conflict_removed", actorUserId, targetType: "casecall", targetId: callId, details: { conflictId } });
}

// ───────────────────────────── Assignment ─────────────────────────────

async function assignmentInputs(callId: string) {
  const db = await prisma();
  const [submissions, reviewers, conflicts, existing] = await Promise.all([
    db.caseSubmission.findMany({ where: { callId, status: "SUBMITTED" }, select: { id: true, firmId: true, coSubmitters: { select: { firmId: true } } }, orderBy: { id: "asc" } }),
    db.roleAssignment.findMany({ where: { callId, role: "REVIEWER" }, select: { userId: true } }),
    db.caseConflict.findMany({ where: { callId }, select: { userId: true, firmId: true } }),
    db.caseReviewAssignment.findMany({ where: { submission: { callId, status: "SUBMITTED" } }, select: { submissionId: true, reviewerUserId: true } }),
  ]);
  const cases: AssignableCase[] = submissions.map((submission) => ({
    id: submission.id,
    firmIds: [submission.firmId, ...submission.coSubmitters.map((co) => co.firmId)].filter((id): id is string => Boolean(id)),
  }));
  const reviewerList: AssignableReviewer[] = [...new Set(reviewers.map((grant) => grant.userId))].map((id) => ({
    id,
    conflictFirmIds: conflicts.filter((conflict) => conflict.userId === id).map((conflict) => conflict.firmId),
  }));
  return { cases, reviewers: reviewerList, existing: existing.map((row) => ({ caseId: row.submissionId, reviewerId: row.reviewerUserId })) };
}

/** The organizer gives one case to one reviewer; a conflicted pair is refused, never written. */
export async function assignByHand({ callId, submissionId, reviewerUserId, actorUserId }: { callId: string; submissionId: string; reviewerUserId: string; actorUserId: string }) {
  const { cases, reviewers } = await assignmentInputs(callId);
  const kase = cases.find((candidate) => candidate.id === submissionId);
  const reviewer = reviewers.find((candidate) => candidate.id === reviewerUserId);
  if (!kase || !reviewer) throw notFound();
  if (isConflicted(reviewer, kase)) throw new DomainError("conflict", "conflict_of_interest", "caseReview.assign.conflicted", undefined, { reviewerUserId: "caseReview.assign.conflicted" });
  const db = await prisma();
  const created = await db.caseReviewAssignment.createMany({ data: [{ submissionId, reviewerUserId, createdById: actorUserId }] }).catch(() => ({ count: 0 }));
  if (created.count === 0) throw new DomainError("conflict", "already_assigned", "caseReview.assign.already", undefined, { reviewerUserId: "caseReview.assign.already" });
  await audit({ action: "case.assigned", actorUserId, targetType: "user", targetId: reviewerUserId, details: { callId, submissionId } });
}

/** Removes an assignment not yet scored (scores once given stay with their review). */
export async function unassign({ callId, assignmentId, actorUserId }: { callId: string; assignmentId: string; actorUserId: string }) {
  const db = await prisma();
  const { count } = await db.caseReviewAssignment.deleteMany({ where: { id: assignmentId, submission: { callId }, scores: { none: {} } } });
  if (count === 0) throw new DomainError("conflict", "has_scores", "caseReview.assign.cannotRemove");
  await audit({ action: "case.unassigned", actorUserId, targetType: "casecall", targetId: callId, details: { assignmentId } });
}

/** Fills every submitted case up to the call's reviewers per case with the balanced, conflict-free plan. */
export async function assignAutomatically({ callId, actorUserId }: { callId: string; actorUserId: string }) {
  const call = await getReviewCall(callId);
  const inputs = await assignmentInputs(callId);
  const plan = planAssignments({ ...inputs, perCase: call.reviewersPerCase });
  const now = sqlDate(new Date());
  await writeTransaction((sql) => {
    for (const pair of plan.added) {
      sql.run(
        `INSERT INTO "CaseReviewAssignment" ("id", "submissionId", "reviewerUserId", "comment", "createdAt", "createdById") VALUES (?, ?, ?, '', ?, ?) ON CONFLICT DO NOTHING`,
        randomUUID(),
        pair.caseId,
        pair.reviewerId,
        now,
        actorUserId,
      );
    }
  });
  await audit({ action: "case.auto_assigned", actorUserId, targetType: "casecall", targetId: callId, details: { added: plan.added.length, underAssigned: plan.underAssigned.length } });
  return plan;
}

// ───────────────────────────── The reviewer's side ─────────────────────────────

/** The calls a reviewer reviews with their assigned cases: titles only, never who submitted. */
export async function reviewerWorklist(userId: string, callIds: string[]) {
  const db = await prisma();
  const calls = await db.caseCall.findMany({ where: { id: { in: callIds } }, select: { id: true, title: true, titleEn: true, closesAt: true }, orderBy: { closesAt: "desc" } });
  const assignments = await db.caseReviewAssignment.findMany({
    where: { reviewerUserId: userId, submission: { callId: { in: callIds }, status: "SUBMITTED" } },
    select: { id: true, completedAt: true, submission: { select: { callId: true, title: true, titleEn: true, decision: true } } },
    orderBy: { createdAt: "asc" },
  });
  return calls.map((call) => ({
    ...call,
    cases: assignments
      .filter((assignment) => assignment.submission.callId === call.id)
      .map((assignment) => ({
        assignmentId: assignment.id,
        title: assignment.submission.title,
        titleEn: assignment.submission.titleEn,
        completed: Boolean(assignment.completedAt),
        closed: assignment.submission.decision !== null,
      })),
  }));
}

type Figure = { label: string; labelEn: string; value: string };

function figuresOf(json: string): Figure[] {
  try {
    const value = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.map((figure) => ({ label: String(figure?.label ?? ""), labelEn: String(figure?.labelEn ?? ""), value: String(figure?.value ?? "") }));
  } catch {
    return [];
  }
}

function answersOf(json: string): Record<string, string> {
  try {
    const value = JSON.parse(json);
    return value && typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([key, answer]) => [key, Array.isArray(answer) ? answer.join(", ") : String(answer ?? "")])) : {};
  } catch {
    return {};
  }
}

async function ownAssignment(assignmentId: string, userId: string, reviewedCallIds: string[]) {
  const assignment = await (
    await prisma()
  ).caseReviewAssignment.findUnique({
    where: { id: assignmentId },
    include: { submission: { select: { id: true, callId: true, status: true, decision: true } }, scores: true },
  });
  // Someone else's assignment, or one of a call the user no longer reviews, does not exist for them.
  if (!assignment || assignment.reviewerUserId !== userId || !reviewedCallIds.includes(assignment.submission.callId) || assignment.submission.status !== "SUBMITTED") throw notFound();
  return assignment;
}

/**
 * What a reviewer sees of a case, built field by field from an allow-list (never the whole row): the case's
 * own text. Under blind review no firm, organisation, contact or submitter appears, and attachments are named
 * by their number, not by the name they were uploaded under.
 */
export async function reviewerCase(assignmentId: string, userId: string, reviewedCallIds: string[]) {
  const assignment = await ownAssignment(assignmentId, userId, reviewedCallIds);
  const db = await prisma();
  const submission = await db.caseSubmission.findUniqueOrThrow({
    where: { id: assignment.submission.id },
    select: {
      title: true,
      titleEn: true,
      summary: true,
      summaryEn: true,
      problem: true,
      problemEn: true,
      solution: true,
      solutionEn: true,
      results: true,
      resultsEn: true,
      figures: true,
      answers: true,
      industry: { select: { name: true, nameEn: true } },
      scenario: { select: { name: true, nameEn: true } },
      attachments: { select: { id: true, fileName: true, contentType: true, size: true }, orderBy: { createdAt: "asc" } },
      call: {
        select: {
          id: true,
          title: true,
          titleEn: true,
          blindReview: true,
          criteria: { orderBy: { position: "asc" }, select: { id: true, name: true, nameEn: true, description: true, descriptionEn: true, weight: true } },
          questions: { orderBy: { position: "asc" }, select: { key: true, label: true, labelEn: true } },
        },
      },
    },
  });
  const blind = submission.call.blindReview;
  const answers = answersOf(submission.answers);
  const submitters = blind
    ? null
    : await db.caseSubmission.findUniqueOrThrow({
        where: { id: assignment.submission.id },
        select: {
          organizationName: true,
          organizationNameEn: true,
          firm: { select: { name: true, nameEn: true } },
          coSubmitters: { select: { name: true, nameEn: true, firm: { select: { name: true, nameEn: true } } }, orderBy: { position: "asc" } },
        },
      });
  return {
    assignmentId: assignment.id,
    completedAt: assignment.completedAt,
    comment: assignment.comment,
    closed: assignment.submission.decision !== null,
    scores: assignment.scores.map((score) => ({ criterionId: score.criterionId, score: score.score, comment: score.comment })),
    call: { id: submission.call.id, title: submission.call.title, titleEn: submission.call.titleEn, blindReview: blind },
    criteria: submission.call.criteria,
    case: {
      title: submission.title,
      titleEn: submission.titleEn,
      industry: submission.industry,
      scenario: submission.scenario,
      summary: submission.summary,
      summaryEn: submission.summaryEn,
      problem: submission.problem,
      problemEn: submission.problemEn,
      solution: submission.solution,
      solutionEn: submission.solutionEn,
      results: submission.results,
      resultsEn: submission.resultsEn,
      figures: figuresOf(submission.figures),
      answers: submission.call.questions.map((question) => ({ key: question.key, label: question.label, labelEn: question.labelEn, answer: answers[question.key] ?? "" })),
      attachments: submission.attachments.map((attachment, index) => ({
        id: attachment.id,
        name: blind ? attachmentNumberName(index, attachment.contentType) : attachment.fileName,
        size: attachment.size,
      })),
    },
    submitters: submitters
      ? {
          lead: submitters.firm ?? { name: submitters.organizationName, nameEn: submitters.organizationNameEn },
          coSubmitters: submitters.coSubmitters.map((co) => co.firm ?? { name: co.name, nameEn: co.nameEn }),
        }
      : null,
  };
}

const extensions: Record<string, string> = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
  "image/png": "png",
  "image/jpeg": "jpg",
};

function attachmentNumberName(index: number, contentType: string): string {
  return `attachment-${index + 1}.${extensions[contentType] ?? "bin"}`;
}

/** An attachment of the reviewer's own case, its bytes as uploaded; under blind review named by number. */
export async function reviewerAttachment(assignmentId: string, attachmentId: string, userId: string, reviewedCallIds: string[]) {
  const assignment = await ownAssignment(assignmentId, userId, reviewedCallIds);
  const db = await prisma();
  const attachments = await db.caseAttachment.findMany({ where: { submissionId: assignment.submission.id }, orderBy: { createdAt: "asc" } });
  const index = attachments.findIndex((attachment) => attachment.id === attachmentId);
  if (index < 0) throw notFound();
  const attachment = attachments[index]!;
  const call = await db.caseCall.findUniqueOrThrow({ where: { id: assignment.submission.callId }, select: { blindReview: true } });
  let body: Buffer;
  try {
    body = readFileSync(resolve(uploadsDirectory(), "cases", attachment.storageKey));
  } catch {
    throw notFound();
  }
  return { body, contentType: attachment.contentType, fileName: call.blindReview ? attachmentNumberName(index, attachment.contentType) : attachment.fileName };
}

export type ScoreInput = { criterionId: string; score?: number; comment?: string };

/**
 * Saves a reviewer's scores and overall comment; `complete` marks the review complete once every criterion
 * has a score. Scoring closes when the organizer records a decision on the case.
 */
export async function saveReview({
  assignmentId,
  userId,
  reviewedCallIds,
  scores,
  comment,
  complete,
  now = new Date(),
}: {
  assignmentId: string;
  userId: string;
  reviewedCallIds: string[];
  scores: ScoreInput[];
  comment: string;
  complete: boolean;
  now?: Date;
}) {
  const assignment = await ownAssignment(assignmentId, userId, reviewedCallIds);
  if (assignment.submission.decision !== null) throw new DomainError("locked", "review_closed", "caseReview.score.closed");
  const criteria = await (await prisma()).caseCriterion.findMany({ where: { callId: assignment.submission.callId }, select: { id: true } });
  const known = new Set(criteria.map((criterion) => criterion.id));
  const given = scores.filter((entry) => known.has(entry.criterionId) && entry.score !== undefined);
  const scored = new Set([...assignment.scores.map((score) => score.criterionId), ...given.map((entry) => entry.criterionId)]);
  if (complete && criteria.some((criterion) => !scored.has(criterion.id))) throw new DomainError("invalid", "incomplete", "caseReview.score.incomplete");
  await writeTransaction((sql) => {
    for (const entry of given) upsertScore.run(sql, { id: randomUUID(), assignmentId, criterionId: entry.criterionId, score: entry.score!, comment: entry.comment ?? "", at: sqlDate(now) });
    setReviewComment.run(sql, { id: assignmentId, comment });
    if (complete) markReviewComplete.run(sql, { id: assignmentId, at: sqlDate(now) });
  });
  if (complete) await audit({ action: "case.review_completed", actorUserId: userId, targetType: "casesubmission", targetId: assignment.submission.id, details: { assignmentId } });
}

// ───────────────────────────── The organizer's view ─────────────────────────────

/** Progress per reviewer and per case, the aggregates (completed reviews only) and the ranking. */
export async function reviewOverview(callId: string) {
  const call = await getReviewCall(callId);
  const db = await prisma();
  const [submissions, reviewers, firms] = await Promise.all([
    db.caseSubmission.findMany({
      where: { callId, status: "SUBMITTED" },
      select: {
        id: true,
        title: true,
        titleEn: true,
        organizationName: true,
        organizationNameEn: true,
        locale: true,
        shortlisted: true,
        decision: true,
        decidedAt: true,
        publicationConsent: true,
        publishedAt: true,
        firm: { select: { name: true, nameEn: true } },
        coSubmitters: { select: { name: true, nameEn: true, firm: { select: { name: true, nameEn: true } } }, orderBy: { position: "asc" } },
        assignments: { select: { id: true, reviewerUserId: true, completedAt: true, scores: { select: { criterionId: true, score: true } } } },
      },
      orderBy: { submittedAt: "asc" },
    }),
    listCallReviewers(callId),
    db.firm.findMany({ select: { id: true, name: true, nameEn: true }, orderBy: { name: "asc" } }),
  ]);
  const scores = submissions.flatMap((submission) =>
    submission.assignments
      .filter((assignment) => assignment.completedAt)
      .flatMap((assignment) => assignment.scores.map((score) => ({ caseId: submission.id, reviewerId: assignment.reviewerUserId, ...score }))),
  );
  const aggregates = aggregateCases(
    submissions.map((submission) => submission.id),
    call.criteria,
    scores,
  );
  const ranking = rankCases(aggregates, call.normaliseScores ? "normalised" : "mean");
  const nameOf = new Map(reviewers.map((reviewer) => [reviewer.userId, reviewer.name || reviewer.email]));
  const cases = ranking.map((row) => {
    const submission = submissions.find((candidate) => candidate.id === row.caseId)!;
    return {
      ...row,
      id: submission.id,
      title: submission.title,
      titleEn: submission.titleEn,
      lead: submission.firm ?? { name: submission.organizationName, nameEn: submission.organizationNameEn },
      coSubmitters: submission.coSubmitters.map((co) => co.firm ?? { name: co.name, nameEn: co.nameEn }),
      shortlisted: submission.shortlisted,
      decision: submission.decision,
      consent: submission.publicationConsent,
      published: submission.publishedAt !== null,
      assigned: submission.assignments.length,
      completed: submission.assignments.filter((assignment) => assignment.completedAt).length,
      reviewers: submission.assignments.map((assignment) => ({
        assignmentId: assignment.id,
        userId: assignment.reviewerUserId,
        name: nameOf.get(assignment.reviewerUserId) ?? "",
        completed: Boolean(assignment.completedAt),
        scored: assignment.scores.length > 0,
      })),
    };
  });
  return { call, cases, reviewers, firms };
}

export async function setShortlisted({ callId, submissionId, shortlisted, actorUserId }: { callId: string; submissionId: string; shortlisted: boolean; actorUserId: string }) {
  const { count } = await (await prisma()).caseSubmission.updateMany({ where: { id: submissionId, callId, status: "SUBMITTED" }, data: { shortlisted } });
  if (count === 0) throw notFound();
  await audit({ action: shortlisted ? "case.shortlisted" : "case.unshortlisted", actorUserId, targetType: "casesubmission", targetId: submissionId, details: { callId } });
}

/**
 * Records the decision (典型案例 / 优秀案例 / 未入选) and queues its e-mail in the submitter's language, in the
 * same commit. The same decision again changes nothing and sends nothing; a changed decision sends the new one.
 */
export async function decideCase({ callId, submissionId, decision, actorUserId, now = new Date() }: { callId: string; submissionId: string; decision: CaseDecision; actorUserId: string; now?: Date }) {
  const db = await prisma();
  const submission = await db.caseSubmission.findFirst({
    where: { id: submissionId, callId, status: "SUBMITTED" },
    select: {
      id: true,
      title: true,
      titleEn: true,
      locale: true,
      contactName: true,
      contactEmail: true,
      submitter: { select: { email: true, name: true } },
      call: { select: { title: true, titleEn: true } },
    },
  });
  if (!submission) throw notFound();
  const locale: Locale = isLocale(submission.locale) ? submission.locale : "zh-CN";
  const t = translator(locale);
  const to = submission.contactEmail || submission.submitter?.email || "";
  const callTitle = localized(locale, submission.call.title, submission.call.titleEn);
  const caseTitle = localized(locale, submission.title, submission.titleEn);
  const message = await renderEmail(
    t("caseReview.email.decision.subject", { call: callTitle }),
    CaseDecisionEmail({
      lang: locale,
      heading: t(`caseReview.email.decision.heading.${decision}`),
      greeting: t("programme.email.greeting", { name: submission.contactName || submission.submitter?.name || "" }),
      intro: t(`caseReview.email.decision.body.${decision}`, { call: callTitle, title: caseTitle }),
      footer: t("caseReview.email.decision.footer", { call: callTitle }),
    }),
  );
  const changed = await writeTransaction((sql) => {
    if (changeDecision.run(sql, { id: submissionId, decision, at: sqlDate(now), actorId: actorUserId }).changes !== 1) return false;
    if (to) enqueueEmailInTransaction(sql, { kind: "case-decision", to, ...message, dedupeKey: `case-decision:${submissionId}:${decision}:${now.getTime()}` }, now);
    return true;
  });
  if (changed) await audit({ action: "case.decided", actorUserId, targetType: "casesubmission", targetId: submissionId, details: { callId, decision } });
  return { changed };
}
