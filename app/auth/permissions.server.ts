import { redirect } from "@remix-run/node";
import type { Role, TokenRole } from "~/generated/prisma/client";
import { tokenFromRequest, type TokenPrincipal } from "./bearer-token.server";
import { prisma } from "~/models/store/connection.server";
import { HttpError } from "~/utils/http.server";
import { sessionUser, type SessionUser } from "./session.server";

/**
 * Every permission decision of the product lives here and runs on the server (DESIGN.md §4.7, §7).
 * Scopes: ADMIN everything; ORGANIZER one event, one series, or all events (no scope); CHECKIN one event;
 * FIRM_CONTACT one firm; REVIEWER one case call.
 */
type Grant = SessionUser["roles"][number];
type EventScope = { id: string; seriesId: string | null };

const has = (user: Pick<SessionUser, "roles">, role: Role) => user.roles.some((grant) => grant.role === role);

export function isAdmin(user: Pick<SessionUser, "roles">): boolean {
  return has(user, "ADMIN");
}

function organizesEvent(grant: Grant, event: EventScope): boolean {
  if (grant.role !== "ORGANIZER") return false;
  if (grant.eventId) return grant.eventId === event.id;
  if (grant.seriesId) return grant.seriesId === event.seriesId;
  return true;
}

export function canManageEvent(user: Pick<SessionUser, "roles">, event: EventScope): boolean {
  return isAdmin(user) || user.roles.some((grant) => organizesEvent(grant, event));
}

/** May create new events and series, and manage the programme: admins and organizers of all events. */
export function canManageProgramme(user: Pick<SessionUser, "roles">): boolean {
  return isAdmin(user) || user.roles.some((grant) => grant.role === "ORGANIZER" && !grant.eventId && !grant.seriesId);
}

/** Webhook endpoints: an event's for those who manage it, endpoints for every event (scope null) for admins only. */
export function canManageWebhooks(user: Pick<SessionUser, "roles">, scope: EventScope | null): boolean {
  return scope ? canManageEvent(user, scope) : isAdmin(user);
}

export function canCheckIn(user: Pick<SessionUser, "roles">, event: EventScope): boolean {
  return canManageEvent(user, event) || user.roles.some((grant) => grant.role === "CHECKIN" && grant.eventId === event.id);
}

export function canManageFirm(user: Pick<SessionUser, "roles">, firmId: string): boolean {
  return canManageProgramme(user) || user.roles.some((grant) => grant.role === "FIRM_CONTACT" && grant.firmId === firmId);
}

/** Case calls, their reviewers, assignments and decisions belong to whoever manages the programme. */
export const canManageCaseCalls = canManageProgramme;

/** The calls whose cases this user reviews (REVIEWER grants). */
export function reviewedCallIds(user: Pick<SessionUser, "roles">): string[] {
  return user.roles.flatMap((grant) => (grant.role === "REVIEWER" && grant.callId ? [grant.callId] : []));
}

export function reviewsCall(user: Pick<SessionUser, "roles">, callId: string): boolean {
  return reviewedCallIds(user).includes(callId);
}

/** Where a person of the speaker directory appears, and who added them. */
export type SpeakerScope = { createdById: string | null; events: EventScope[] };

/**
 * A speaker's contact details and every change to the person (edit, photo) belong to the organizers of an
 * event the person appears at, and to whoever added the person; organizers of all events and admins reach
 * everyone. Names, organizations and photos stay visible to every organizer, to pick people for an agenda.
 * (Invitations are sent per event, so they only ever reach people of an event its organizer manages.)
 */
export function canManageSpeaker(user: Pick<SessionUser, "id" | "roles">, speaker: SpeakerScope): boolean {
  if (canManageProgramme(user)) return true;
  if (!isBackOfficeUser(user)) return false;
  return speaker.createdById === user.id || speaker.events.some((event) => canManageEvent(user, event));
}

export function isBackOfficeUser(user: Pick<SessionUser, "roles">): boolean {
  return user.roles.some((grant) => grant.role === "ADMIN" || grant.role === "ORGANIZER");
}

export function firmIdsOf(user: Pick<SessionUser, "roles">): string[] {
  return user.roles.flatMap((grant) => (grant.role === "FIRM_CONTACT" && grant.firmId ? [grant.firmId] : []));
}

/** The firms whose contact is signed in on this request (none when nobody is): their reserved seats apply. */
export async function signedInContactFirmIds(request: Request): Promise<string[]> {
  if (!request.headers.get("Cookie")) return [];
  const user = await sessionUser(request);
  return user ? firmIdsOf(user) : [];
}

/** Signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await sessionUser(request);
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

function forbidden(): HttpError {
  return new HttpError(403, "forbidden", "error.forbidden.body");
}

export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!isAdmin(user)) throw forbidden();
  return user;
}

export async function requireBackOffice(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!isBackOfficeUser(user) && !user.roles.some((grant) => grant.role === "CHECKIN")) throw forbidden();
  return user;
}

/** Organizers (of any scope) and admins, not check-in staff or firm contacts; each page narrows by scope. */
export async function requireOrganizerOrAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!isBackOfficeUser(user)) throw forbidden();
  return user;
}

/** The people directory is for organizers and admins (not check-in staff). */
export const requireSpeakerEditor = requireOrganizerOrAdmin;

/** Webhook endpoints are for organizers and admins (not check-in staff); each endpoint is checked with `canManageWebhooks`. */
export const requireWebhookManager = requireOrganizerOrAdmin;

/** A reviewer of at least one call; each case is checked against the user's own assignment and grant. */
export async function requireReviewer(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (reviewedCallIds(user).length === 0) throw forbidden();
  return user;
}

export const requireCaseCallManager = requireProgrammeManager;

export async function requireProgrammeManager(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!canManageProgramme(user)) throw forbidden();
  return user;
}

async function eventScope(eventId: string): Promise<EventScope> {
  const event = await (await prisma()).event.findUnique({ where: { id: eventId }, select: { id: true, seriesId: true } });
  if (!event) throw new HttpError(404, "not_found", "error.notFound.body");
  return event;
}

/** The user may manage this event; the event id comes from the URL, so this is the IDOR guard. */
export async function requireEventManager(request: Request, eventId: string): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!canManageEvent(user, await eventScope(eventId))) throw forbidden();
  return user;
}

async function speakerScope(speakerId: string): Promise<SpeakerScope> {
  const speaker = await (
    await prisma()
  ).speaker.findUnique({
    where: { id: speakerId },
    select: { createdById: true, sessions: { select: { session: { select: { event: { select: { id: true, seriesId: true } } } } } } },
  });
  if (!speaker) throw new HttpError(404, "not_found", "error.notFound.body");
  return { createdById: speaker.createdById, events: speaker.sessions.map((row) => row.session.event) };
}

/** The user may see this speaker's contact details and change them; the speaker id comes from the URL. */
export async function requireSpeakerManager(request: Request, speakerId: string): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!isBackOfficeUser(user)) throw forbidden();
  if (!canManageSpeaker(user, await speakerScope(speakerId))) throw forbidden();
  return user;
}

export async function requireCheckInStaff(request: Request, eventId: string): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!canCheckIn(user, await eventScope(eventId))) throw forbidden();
  return user;
}

export async function requireFirmManager(request: Request, firmId: string): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!canManageFirm(user, firmId)) throw forbidden();
  return user;
}

/**
 * The bearer token of the request (`Authorization: Bearer evt_…`) may act on this event in this role.
 * For the JSON API of scanners and scripts, which have no session; `tokenFromRequest` is the one token check
 * of every token API, and the scan endpoints, which learn their event from the body, apply `tokenMayAct` after it. A token is scoped to ONE event: a
 * token of event A is refused for event B (403), as is a revoked or unknown token (401). An organizer
 * token also passes where a check-in token is required; a check-in token never passes for organizer work.
 * Throws HttpError (401 `unauthorized`, 403 `forbidden`); API routes answer it with `error.toResponse(t)`.
 */
export async function requireEventToken(request: Request, eventId: string, role: TokenRole): Promise<TokenPrincipal> {
  const token = await tokenFromRequest(request);
  if (!token) throw new HttpError(401, "unauthorized", "error.unauthorized");
  if (!tokenMayAct(token, eventId, role)) throw forbidden();
  return token;
}

/** The pure rule behind `requireEventToken`. */
export function tokenMayAct(token: Pick<TokenPrincipal, "eventId" | "role">, eventId: string, role: TokenRole): boolean {
  if (token.eventId !== eventId) return false;
  return token.role === role || (role === "CHECKIN" && token.role === "ORGANIZER");
}

/** Typical-case calls are set up and followed by those who manage the programme: admins and organizers of all events. */
export function canManageCalls(user: Pick<SessionUser, "roles">): boolean {
  return canManageProgramme(user);
}

export async function requireCallManager(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!canManageCalls(user)) throw forbidden();
  return user;
}

export function isContributor(user: Pick<SessionUser, "roles">): boolean {
  return has(user, "CONTRIBUTOR");
}

/** Who a case submission belongs to: its call, its lead firm and the account that started it. */
export type SubmissionScope = { callId: string; firmId: string | null; submitterUserId: string | null };

/** The submitter and every contact of the lead firm edit a case (the deadline and its status permitting). */
export function canEditSubmission(user: Pick<SessionUser, "id" | "roles">, submission: SubmissionScope): boolean {
  return submission.submitterUserId === user.id || (submission.firmId !== null && firmIdsOf(user).includes(submission.firmId));
}

/**
 * Who may open a case and download its attachments: those who may edit it and the call's organizers.
 * Reviewers are added here (scoped to their call and their assignments), and nowhere else.
 */
export function canReadSubmission(user: Pick<SessionUser, "id" | "roles">, submission: SubmissionScope): boolean {
  return canEditSubmission(user, submission) || canManageCalls(user);
}

async function submissionScope(submissionId: string): Promise<SubmissionScope> {
  const submission = await (await prisma()).caseSubmission.findUnique({ where: { id: submissionId }, select: { callId: true, firmId: true, submitterUserId: true } });
  if (!submission) throw new HttpError(404, "not_found", "error.notFound.body");
  return submission;
}

/** The user may open this case (the id comes from the URL: the IDOR guard of submissions and their files). */
export async function requireSubmissionReader(request: Request, submissionId: string): Promise<{ user: SessionUser; mayEdit: boolean }> {
  const user = await requireUser(request);
  const scope = await submissionScope(submissionId);
  if (!canReadSubmission(user, scope)) throw forbidden();
  return { user, mayEdit: canEditSubmission(user, scope) };
}
