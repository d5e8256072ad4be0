import { randomUUID } from "node:crypto";
import CaseSubmissionEmail from "@emails/case-submission";
import { renderEmail } from "@emails/render";
import { isLocale, localized, translator, type Locale } from "~/i18n";
import type { BoardPostInput } from "~/schemas/board";
import { prisma, rawSql, sqlDate, writeTransaction } from "~/models/store/connection.server";
import {
  approvePost,
  contactRequestById,
  decideContactRequest,
  industryIdByCode,
  insertContactRequest,
  insertPost,
  postWithAuthor,
  rejectPost,
  scenarioIdByCode,
  updateOwnPost,
} from "~/models/store/board-store.server";
import { DomainError } from "~/utils/domain-error";
import { env } from "~/utils/env.server";
import { audit } from "./audit.server";
import { storedTags, tagsOf } from "./board.server";
import { enqueueEmail } from "./outbox.server";

/**
 * Writing to the scenario board (issue 18 §1): authors post needs and offers, organizers approve or reject
 * them, readers ask an author for contact and the author accepts or declines. A new or edited post waits for
 * review; the contact of a post reaches another person only through an accepted request (board.server.ts).
 */

/** Who writes: a signed-in account, with the member firms it is a contact of (an offer speaks for one). */
export type BoardAuthor = { id: string; firmIds: string[] };

function notFound(): DomainError {
  return new DomainError("not_found", "not_found", "error.notFound.body");
}

function postFields(author: BoardAuthor, input: BoardPostInput) {
  if (input.firmId && !author.firmIds.includes(input.firmId)) throw new DomainError("forbidden", "not_your_firm", "board.error.notYourFirm", undefined, { firmId: "board.error.notYourFirm" });
  return (sql: Parameters<typeof industryIdByCode.get>[0]) => {
    const industryId = input.industry ? industryIdByCode.get(sql, { code: input.industry })?.id : null;
    const scenarioId = input.scenario ? scenarioIdByCode.get(sql, { code: input.scenario })?.id : null;
    if (industryId === undefined) throw new DomainError("invalid", "unknown_industry", "validation.invalid", undefined, { industry: "validation.invalid" });
    if (scenarioId === undefined) throw new DomainError("invalid", "unknown_scenario", "validation.invalid", undefined, { scenario: "validation.invalid" });
    return {
      side: input.side,
      firmId: input.firmId || null,
      organizationName: input.organizationName,
      organizationNameEn: input.organizationNameEn,
      title: input.title,
      titleEn: input.titleEn,
      industryId,
      scenarioId,
      tags: storedTags(input.tags),
      description: input.description,
      descriptionEn: input.descriptionEn,
      // An offer has no budget: what it costs is for the conversation after contact.
      details: input.details,
      detailsEn: input.detailsEn,
      budgetMin: input.side === "NEED" ? (input.budgetMin ?? null) : null,
      budgetMax: input.side === "NEED" ? (input.budgetMax ?? null) : null,
      contactName: input.contactName,
      contactEmail: input.contactEmail,
      contactPhone: input.contactPhone,
    };
  };
}

/** A new need or offer, pending review. Answers its id. */
export async function createBoardPost(author: BoardAuthor, input: BoardPostInput, now = new Date()): Promise<string> {
  if (input.side === "OFFER" && author.firmIds.length === 0) throw new DomainError("forbidden", "offer_needs_firm", "board.error.offerNeedsFirm");
  const fields = postFields(author, input);
  const id = randomUUID();
  await writeTransaction((sql) => insertPost.run(sql, { ...fields(sql), id, authorUserId: author.id, now: sqlDate(now) }));
  return id;
}

/** The author's edit: the post goes back to review and off the board until approved again. */
export async function updateBoardPost(author: BoardAuthor, postId: string, input: BoardPostInput, now = new Date()): Promise<void> {
  if (postWithAuthor.get(await rawSql(), { id: postId })?.authorUserId !== author.id) throw notFound();
  if (input.side === "OFFER" && author.firmIds.length === 0) throw new DomainError("forbidden", "offer_needs_firm", "board.error.offerNeedsFirm");
  const fields = postFields(author, input);
  const changed = await writeTransaction((sql) => updateOwnPost.run(sql, { ...fields(sql), id: postId, authorUserId: author.id, now: sqlDate(now) }).changes);
  if (changed === 0) throw notFound();
}

/** The author's post as the edit form starts from it; null when it is not theirs. */
export async function ownPostForEditing(authorUserId: string, postId: string) {
  const row = await (
    await prisma()
  ).boardPost.findFirst({
    where: { id: postId, authorUserId },
    include: { industry: { select: { code: true } }, scenario: { select: { code: true } } },
  });
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    side: row.side,
    firmId: row.firmId ?? "",
    organizationName: row.organizationName,
    organizationNameEn: row.organizationNameEn,
    title: row.title,
    titleEn: row.titleEn,
    industry: row.industry?.code ?? "",
    scenario: row.scenario?.code ?? "",
    description: row.description,
    descriptionEn: row.descriptionEn,
    details: row.details,
    detailsEn: row.detailsEn,
    budgetMin: row.budgetMin?.toString() ?? "",
    budgetMax: row.budgetMax?.toString() ?? "",
    tags: tagsOf(row.tags).join(", "),
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
  };
}

const requestSummary = {
  id: true,
  status: true,
  message: true,
  createdAt: true,
} as const;
const postSummary = { select: { id: true, side: true, title: true, titleEn: true, organizationName: true, organizationNameEn: true } } as const;

/** "My posts": every post of the author with its state, and the contact requests it received and sent. */
export async function listOwnPosts(authorUserId: string) {
  const rows = await (
    await prisma()
  ).boardPost.findMany({
    where: { authorUserId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      side: true,
      status: true,
      title: true,
      titleEn: true,
      rejectionReason: true,
      updatedAt: true,
      requestsReceived: { select: { ...requestSummary, fromPost: postSummary }, orderBy: { createdAt: "desc" } },
      requestsSent: { select: { ...requestSummary, toPost: postSummary }, orderBy: { createdAt: "desc" } },
    },
  });
  return rows.map((row) => ({
    ...row,
    updatedAt: row.updatedAt.toISOString(),
    requestsReceived: row.requestsReceived.map((request) => ({ ...request, createdAt: request.createdAt.toISOString() })),
    requestsSent: row.requestsSent.map((request) => ({ ...request, createdAt: request.createdAt.toISOString() })),
  }));
}

/**
 * What a reader may ask for contact about this post from: their approved posts (the author sees who asks) that
 * have not asked it yet, and whether one already has.
 */
export async function contactRequestChoices(readerUserId: string, toPostId: string) {
  const own = await (
    await prisma()
  ).boardPost.findMany({
    where: { authorUserId: readerUserId, status: "APPROVED", id: { not: toPostId } },
    orderBy: { publishedAt: "desc" },
    select: { ...postSummary.select, requestsSent: { where: { toPostId }, select: { status: true } } },
  });
  return {
    askFrom: own.filter((post) => post.requestsSent.length === 0).map(({ requestsSent: _sent, ...post }) => post),
    asked: own.flatMap((post) => post.requestsSent.map((request) => request.status)),
  };
}

/** The moderation queue, oldest first, with everything a moderator must read (contact included). */
export async function listPendingPosts() {
  const rows = await (
    await prisma()
  ).boardPost.findMany({
    where: { status: "PENDING" },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    include: {
      industry: { select: { name: true, nameEn: true } },
      scenario: { select: { name: true, nameEn: true } },
      firm: { select: { name: true, nameEn: true } },
      author: { select: { name: true, email: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    side: row.side,
    title: row.title,
    titleEn: row.titleEn,
    organizationName: row.organizationName,
    organizationNameEn: row.organizationNameEn,
    description: row.description,
    descriptionEn: row.descriptionEn,
    details: row.details,
    detailsEn: row.detailsEn,
    tags: tagsOf(row.tags),
    budgetMin: row.budgetMin,
    budgetMax: row.budgetMax,
    industry: row.industry,
    scenario: row.scenario,
    firm: row.firm,
    author: row.author,
    contact: { name: row.contactName, email: row.contactEmail, phone: row.contactPhone },
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export type Moderation = { intent: "approve"; postId: string } | { intent: "reject"; postId: string; reason: string };

/** Approves or rejects a pending post; the author is told by e-mail in their language (with the reason). */
export async function moderatePost(moderatorId: string, decision: Moderation, now = new Date()): Promise<void> {
  const at = sqlDate(now);
  const changed = await writeTransaction((sql) =>
    decision.intent === "approve"
      ? approvePost.run(sql, { id: decision.postId, reviewerId: moderatorId, now: at }).changes
      : rejectPost.run(sql, { id: decision.postId, reviewerId: moderatorId, reason: decision.reason, now: at }).changes,
  );
  if (changed === 0) {
    if (!postWithAuthor.get(await rawSql(), { id: decision.postId })) throw notFound();
    throw new DomainError("conflict", "not_pending", "board.error.notPending");
  }
  await audit({
    action: decision.intent === "approve" ? "board.post_approved" : "board.post_rejected",
    actorUserId: moderatorId,
    targetType: "boardPost",
    targetId: decision.postId,
    details: decision.intent === "reject" ? { reason: decision.reason } : {},
  });
  await mailAuthor(decision.postId, now, (t, post) =>
    decision.intent === "approve"
      ? {
          kind: "board-post-approved",
          subject: t("board.email.approved.subject", { title: post }),
          intro: t("board.email.approved.intro", { title: post }),
          lines: [],
          path: `/matchmaking/${decision.postId}`,
        }
      : {
          kind: "board-post-rejected",
          subject: t("board.email.rejected.subject", { title: post }),
          intro: t("board.email.rejected.intro", { title: post }),
          lines: [t("board.email.rejected.reason", { reason: decision.reason })],
          path: `/matchmaking/${decision.postId}/edit`,
        },
  );
}

/** A reader asks the author of an approved post for contact, from one of the reader's own approved posts. */
export async function requestContact(readerId: string, input: { toPostId: string; fromPostId: string; message: string }, now = new Date()): Promise<string> {
  const sql = await rawSql();
  const to = postWithAuthor.get(sql, { id: input.toPostId });
  if (!to || to.status !== "APPROVED") throw notFound();
  if (to.authorUserId === readerId) throw new DomainError("invalid", "own_post", "board.error.ownPost");
  const from = postWithAuthor.get(sql, { id: input.fromPostId });
  if (!from || from.authorUserId !== readerId || from.status !== "APPROVED") {
    throw new DomainError("invalid", "from_post", "board.error.fromPost", undefined, { fromPostId: "board.error.fromPost" });
  }
  const id = randomUUID();
  const inserted = await writeTransaction((write) => insertContactRequest.run(write, { id, fromPostId: from.id, toPostId: to.id, message: input.message, now: sqlDate(now) }).changes);
  if (inserted === 0) throw new DomainError("conflict", "already_requested", "board.error.alreadyRequested");
  await audit({ action: "board.contact_requested", actorUserId: readerId, targetType: "boardPost", targetId: to.id, details: { requestId: id, fromPostId: from.id } });
  await mailAuthor(to.id, now, (t, title, locale) => ({
    kind: "board-contact-request",
    subject: t("board.email.request.subject", { title }),
    intro: t("board.email.request.intro", { organization: localized(locale, from.organizationName, from.organizationNameEn), title, from: localized(locale, from.title, from.titleEn) }),
    lines: [t("board.email.request.message", { message: input.message })],
    path: "/matchmaking/mine",
    dedupeKey: `board-request:${id}`,
  }));
  return id;
}

/** The author of the post a request was sent to accepts or declines it; the asker is told by e-mail. */
export async function decideContact(authorUserId: string, requestId: string, decision: "accept" | "decline", now = new Date()): Promise<void> {
  const found = contactRequestById.get(await rawSql(), { id: requestId });
  if (!found || found.toAuthorUserId !== authorUserId) throw notFound();
  const status = decision === "accept" ? "ACCEPTED" : "DECLINED";
  const changed = await writeTransaction((sql) => decideContactRequest.run(sql, { id: requestId, status, now: sqlDate(now) }).changes);
  if (changed === 0) throw new DomainError("conflict", "already_decided", "board.error.alreadyDecided");
  await audit({
    action: decision === "accept" ? "board.contact_accepted" : "board.contact_declined",
    actorUserId: authorUserId,
    targetType: "boardPost",
    targetId: found.toPostId,
    details: { requestId },
  });
  const to = postWithAuthor.get(await rawSql(), { id: found.toPostId });
  await mailAuthor(found.fromPostId, now, (t, title, locale) => {
    const theirs = to ? localized(locale, to.title, to.titleEn) : "";
    return decision === "accept"
      ? {
          kind: "board-contact-accepted",
          subject: t("board.email.accepted.subject", { title: theirs }),
          intro: t("board.email.accepted.intro", { title: theirs, own: title }),
          lines: [],
          path: `/matchmaking/${found.toPostId}`,
          dedupeKey: `board-decision:${requestId}`,
        }
      : {
          kind: "board-contact-declined",
          subject: t("board.email.declined.subject", { title: theirs }),
          intro: t("board.email.declined.intro", { title: theirs }),
          lines: [],
          path: "/matchmaking",
          dedupeKey: `board-decision:${requestId}`,
        };
  });
}

type Notice = { kind: string; subject: string; intro: string; lines: string[]; path: string; dedupeKey?: string };

/** One e-mail to a post's author (their account, else the post's contact), in the author's language. */
async function mailAuthor(postId: string, now: Date, compose: (t: ReturnType<typeof translator>, title: string, locale: Locale) => Notice) {
  const post = postWithAuthor.get(await rawSql(), { id: postId });
  const to = post?.authorEmail || post?.contactEmail;
  if (!post || !to) return;
  const locale: Locale = isLocale(post.authorLocale) ? post.authorLocale : "zh-CN";
  const t = translator(locale);
  const notice = compose(t, localized(locale, post.title, post.titleEn), locale);
  const rendered = await renderEmail(
    notice.subject,
    CaseSubmissionEmail({
      lang: locale,
      heading: t("board.title"),
      greeting: t("board.email.greeting", { name: post.authorName || post.contactName }),
      intro: notice.intro,
      lines: notice.lines,
      actionUrl: `${env().APP_URL}${notice.path}`,
      actionLabel: t("board.email.open"),
      footer: t("board.email.footer"),
    }),
  );
  await enqueueEmail({ kind: notice.kind, to, ...rendered, ...(notice.dedupeKey ? { dedupeKey: notice.dedupeKey } : {}) }, now);
}
