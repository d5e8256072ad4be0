import { prisma } from "~/models/store/connection.server";
import { audit } from "~/models/audit.server";
import { DomainError } from "~/utils/domain-error";
import { slugFromTitles } from "~/utils/slug.server";
import type { CallFacts } from "~/schemas/case-call";
import { callPhase, type CallPhase } from "./case-deadline";

/**
 * Typical-case calls (征集) as organizers set them up: facts, window, the submission form's custom questions,
 * attachment limits, the weighted rubric and the review settings. Review, scoring and the library build on
 * `getCall`; submissions live in case-submission.server.ts.
 */

/** Every new call starts with this rubric (weight 1 each); organizers edit, add and remove criteria. */
export const defaultCriteria = [
  { key: "innovation", name: "创新性", nameEn: "Innovation" },
  { key: "impact", name: "应用成效", nameEn: "Results achieved" },
  { key: "replicability", name: "可复制推广性", nameEn: "Replicability" },
  { key: "technology", name: "技术先进性", nameEn: "Technical advancement" },
  { key: "trust", name: "安全可信", nameEn: "Safety and trustworthiness" },
] as const;

export type QuestionOption = { value: string; label: string; labelEn?: string };

const parseCodes = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
};

function callRow(row: Awaited<ReturnType<typeof loadCall>>) {
  if (!row) return null;
  return {
    ...row,
    industryCodes: parseCodes(row.industryCodes),
    scenarioCodes: parseCodes(row.scenarioCodes),
    questions: row.questions.map((question) => ({ ...question, options: JSON.parse(question.options) as QuestionOption[] })),
  };
}

async function loadCall(where: { id: string } | { slug: string }) {
  return (await prisma()).caseCall.findUnique({
    where,
    include: { questions: { orderBy: [{ position: "asc" }, { key: "asc" }] }, criteria: { orderBy: [{ position: "asc" }, { key: "asc" }] } },
  });
}

/** A call with its questions and criteria in order (codes and options parsed), or null. */
export async function getCall(callId: string) {
  return callRow(await loadCall({ id: callId }));
}

export async function getCallBySlug(slug: string) {
  return callRow(await loadCall({ slug }));
}

export type CaseCall = NonNullable<Awaited<ReturnType<typeof getCall>>>;

export async function requireCall(callId: string): Promise<CaseCall> {
  const call = await getCall(callId);
  if (!call) throw new DomainError("not_found", "not_found", "error.notFound.body");
  return call;
}

/** The public page's call: published ones only. */
export async function getPublishedCall(slug: string): Promise<CaseCall> {
  const call = await getCallBySlug(slug);
  if (!call || !call.publishedAt) throw new DomainError("not_found", "not_found", "error.notFound.body");
  return call;
}

/** Every call for the back office, newest closing first, with submission counts by status. */
export async function listCalls() {
  const db = await prisma();
  const [calls, counts] = await Promise.all([
    db.caseCall.findMany({ orderBy: [{ closesAt: "desc" }, { id: "asc" }] }),
    db.caseSubmission.groupBy({ by: ["callId", "status"], _count: { _all: true } }),
  ]);
  return calls.map((call) => ({
    ...call,
    submitted: counts.filter((row) => row.callId === call.id && row.status === "SUBMITTED").reduce((sum, row) => sum + row._count._all, 0),
    drafts: counts.filter((row) => row.callId === call.id && row.status === "DRAFT").reduce((sum, row) => sum + row._count._all, 0),
  }));
}

/** Published calls, open ones first, then by closing time; with their phase at `now`. */
export async function listPublishedCalls(now = new Date()) {
  const calls = await (await prisma()).caseCall.findMany({ where: { publishedAt: { not: null } }, orderBy: [{ closesAt: "desc" }, { id: "asc" }] });
  const order: Record<CallPhase, number> = { open: 0, upcoming: 1, closed: 2 };
  return calls.map((call) => ({ ...call, phase: callPhase(call, now) })).sort((a, b) => order[a.phase] - order[b.phase]);
}

async function uniqueSlug(proposed: string | null, facts: Pick<CallFacts, "title" | "titleEn">, exceptId?: string) {
  const db = await prisma();
  const base = proposed ?? slugFromTitles(facts) ?? "call";
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const slug = attempt === 0 ? base : `${base}-${attempt + 1}`;
    const taken = await db.caseCall.findUnique({ where: { slug }, select: { id: true } });
    if (!taken || taken.id === exceptId) return slug;
    if (proposed) throw new DomainError("conflict", "slug_taken", "agenda.validation.slugTaken", undefined, { slug: "agenda.validation.slugTaken" });
  }
  throw new DomainError("conflict", "slug_taken", "agenda.validation.slugTaken", undefined, { slug: "agenda.validation.slugTaken" });
}

function factsData(facts: CallFacts) {
  const { slug: _slug, industryCodes, scenarioCodes, ...rest } = facts;
  return { ...rest, industryCodes: JSON.stringify(industryCodes), scenarioCodes: JSON.stringify(scenarioCodes) };
}

/** A new draft call with the default rubric. */
export async function createCall({ facts, actorUserId }: { facts: CallFacts; actorUserId: string }) {
  const slug = await uniqueSlug(facts.slug, facts);
  const call = await (
    await prisma()
  ).caseCall.create({
    data: { ...factsData(facts), slug, criteria: { create: defaultCriteria.map((criterion, position) => ({ ...criterion, weight: 1, position })) } },
  });
  await audit({ action: "case_call.created", actorUserId, targetType: "caseCall", targetId: call.id, details: { slug } });
  return call;
}

export async function updateCall({ callId, facts, actorUserId }: { callId: string; facts: CallFacts; actorUserId: string }) {
  const call = await requireCall(callId);
  const slug = facts.slug && facts.slug !== call.slug ? await uniqueSlug(facts.slug, facts, callId) : call.slug;
  await (await prisma()).caseCall.update({ where: { id: callId }, data: { ...factsData(facts), slug } });
  await audit({ action: "case_call.updated", actorUserId, targetType: "caseCall", targetId: callId });
}

export async function setCallPublished({ callId, published, actorUserId, now = new Date() }: { callId: string; published: boolean; actorUserId: string; now?: Date }) {
  await requireCall(callId);
  await (await prisma()).caseCall.update({ where: { id: callId }, data: { publishedAt: published ? now : null } });
  await audit({ action: published ? "case_call.published" : "case_call.unpublished", actorUserId, targetType: "caseCall", targetId: callId });
}

export type QuestionInput = { label: string; labelEn: string; kind: CaseCall["questions"][number]["kind"]; required: boolean; options: QuestionOption[] };

export async function addQuestion({ callId, key, input, actorUserId }: { callId: string; key: string; input: QuestionInput; actorUserId: string }) {
  const call = await requireCall(callId);
  if (call.questions.some((question) => question.key === key)) throw new DomainError("conflict", "key_taken", "cases.admin.keyTaken", undefined, { key: "cases.admin.keyTaken" });
  await (await prisma()).caseQuestion.create({ data: { callId, key, ...input, options: JSON.stringify(input.options), position: call.questions.length } });
  await audit({ action: "case_call.form_updated", actorUserId, targetType: "caseCall", targetId: callId, details: { question: key } });
}

/** Edits a question; a choice keeps its stored value when its label stays, so earlier answers still read. */
export async function updateQuestion({ callId, questionId, input, actorUserId }: { callId: string; questionId: string; input: QuestionInput; actorUserId: string }) {
  const call = await requireCall(callId);
  const existing = call.questions.find((question) => question.id === questionId);
  if (!existing) throw new DomainError("not_found", "not_found", "error.notFound.body");
  const used = new Set(existing.options.map((option) => option.value));
  let next = existing.options.length + 1;
  const options = input.options.map((option) => {
    const kept = existing.options.find((old) => old.label === option.label);
    if (kept) return kept;
    while (used.has(`o${next}`)) next += 1;
    used.add(`o${next}`);
    return { value: `o${next}`, label: option.label };
  });
  await (await prisma()).caseQuestion.update({ where: { id: questionId }, data: { ...input, options: JSON.stringify(options) } });
  await audit({ action: "case_call.form_updated", actorUserId, targetType: "caseCall", targetId: callId, details: { question: existing.key } });
}

export async function deleteQuestion({ callId, questionId, actorUserId }: { callId: string; questionId: string; actorUserId: string }) {
  const { count } = await (await prisma()).caseQuestion.deleteMany({ where: { id: questionId, callId } });
  if (count === 0) throw new DomainError("not_found", "not_found", "error.notFound.body");
  await audit({ action: "case_call.form_updated", actorUserId, targetType: "caseCall", targetId: callId, details: { deletedQuestion: questionId } });
}

export async function setAttachmentLimits({ callId, maxAttachments, maxAttachmentMb, actorUserId }: { callId: string; maxAttachments: number; maxAttachmentMb: number; actorUserId: string }) {
  await requireCall(callId);
  await (await prisma()).caseCall.update({ where: { id: callId }, data: { maxAttachments, maxAttachmentBytes: maxAttachmentMb * 1024 * 1024 } });
  await audit({ action: "case_call.form_updated", actorUserId, targetType: "caseCall", targetId: callId, details: { maxAttachments, maxAttachmentMb } });
}

export type CriterionInput = { name: string; nameEn: string; description: string; descriptionEn: string; weight: number };

export async function addCriterion({ callId, input, actorUserId }: { callId: string; input: CriterionInput; actorUserId: string }) {
  const call = await requireCall(callId);
  const keys = new Set(call.criteria.map((criterion) => criterion.key));
  let index = call.criteria.length + 1;
  while (keys.has(`c${index}`)) index += 1;
  await (await prisma()).caseCriterion.create({ data: { callId, key: `c${index}`, ...input, position: call.criteria.length } });
  await audit({ action: "case_call.rubric_updated", actorUserId, targetType: "caseCall", targetId: callId });
}

export async function updateCriterion({ callId, criterionId, input, actorUserId }: { callId: string; criterionId: string; input: CriterionInput; actorUserId: string }) {
  const { count } = await (await prisma()).caseCriterion.updateMany({ where: { id: criterionId, callId }, data: input });
  if (count === 0) throw new DomainError("not_found", "not_found", "error.notFound.body");
  await audit({ action: "case_call.rubric_updated", actorUserId, targetType: "caseCall", targetId: callId });
}

/** A criterion that already has scores stays: removing it would change reviews already given. */
export async function deleteCriterion({ callId, criterionId, actorUserId }: { callId: string; criterionId: string; actorUserId: string }) {
  const db = await prisma();
  const criterion = await db.caseCriterion.findFirst({ where: { id: criterionId, callId }, include: { _count: { select: { scores: true } } } });
  if (!criterion) throw new DomainError("not_found", "not_found", "error.notFound.body");
  if (criterion._count.scores > 0) throw new DomainError("conflict", "criterion_scored", "cases.admin.criterionScored");
  await db.caseCriterion.delete({ where: { id: criterionId } });
  await audit({ action: "case_call.rubric_updated", actorUserId, targetType: "caseCall", targetId: callId });
}

export async function setReviewSettings({
  callId,
  settings,
  actorUserId,
}: {
  callId: string;
  settings: { blindReview: boolean; normaliseScores: boolean; reviewersPerCase: number };
  actorUserId: string;
}) {
  await requireCall(callId);
  await (await prisma()).caseCall.update({ where: { id: callId }, data: settings });
  await audit({ action: "case_call.rubric_updated", actorUserId, targetType: "caseCall", targetId: callId, details: settings });
}
