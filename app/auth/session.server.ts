import { createCookie, redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/client";
import { prisma } from "~/models/store/connection.server";
import { env } from "~/utils/env.server";
import { hashSecret, randomSecret } from "~/utils/secrets.server";

export const sessionLifetimeMs = 12 * 60 * 60 * 1000;
export const staffIdleLimitMs = 30 * 60 * 1000;
// Back-office roles get the short idle limit of DESIGN.md §7; firm contacts only the 12 h lifetime.
const staffRoles: Role[] = ["ADMIN", "ORGANIZER", "CHECKIN"];

function sessionCookie() {
  return createCookie("sid", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production" && env().APP_URL.startsWith("https://"),
    path: "/",
    secrets: [env().SESSION_SECRET],
  });
}

/** Starts a new session (a fresh id at every sign-in: rotation) and returns the Set-Cookie header. */
export async function startSession(userId: string, request: Request): Promise<string> {
  const secret = randomSecret(32);
  const db = await prisma();
  await db.authSession.create({
    data: {
      id: hashSecret(secret),
      userId,
      expiresAt: new Date(Date.now() + sessionLifetimeMs),
      ip: request.headers.get("X-Client-Address") ?? "",
      userAgent: (request.headers.get("User-Agent") ?? "").slice(0, 300),
    },
  });
  return sessionCookie().serialize(secret, { maxAge: sessionLifetimeMs / 1000 });
}

async function sessionSecret(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  locale: string;
  // callId scopes a REVIEWER grant; optional so grants written without it (tests, fixtures) still type.
  roles: { role: Role; eventId: string | null; seriesId: string | null; firmId: string | null; callId?: string | null }[];
  sessionId: string;
};

/** The signed-in user, or null when there is no session, it expired, or it sat idle too long. */
export async function sessionUser(request: Request, now = new Date()): Promise<SessionUser | null> {
  const secret = await sessionSecret(request);
  if (!secret) return null;
  const db = await prisma();
  const session = await db.authSession.findUnique({
    where: { id: hashSecret(secret) },
    include: { user: { include: { roles: true } } },
  });
  if (!session || session.user.disabledAt) return null;
  const isStaff = session.user.roles.some((grant) => staffRoles.includes(grant.role));
  const idleTooLong = isStaff && now.getTime() - session.lastSeenAt.getTime() > staffIdleLimitMs;
  if (session.expiresAt <= now || idleTooLong) {
    await db.authSession.deleteMany({ where: { id: session.id } });
    return null;
  }
  // Touch at most once a minute to keep reads cheap on busy pages.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await db.authSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    roles: user.roles.map(({ role, eventId, seriesId, firmId, callId }) => ({ role, eventId, seriesId, firmId, callId })),
    sessionId: session.id,
  };
}

export async function endSession(request: Request): Promise<string> {
  const secret = await sessionSecret(request);
  if (secret) await (await prisma()).authSession.deleteMany({ where: { id: hashSecret(secret) } });
  return sessionCookie().serialize("", { maxAge: 0 });
}

export async function logoutRedirect(request: Request, to = "/") {
  return redirect(to, { headers: { "Set-Cookie": await endSession(request) } });
}

export type AccountSession = { id: string; createdAt: Date; lastSeenAt: Date; ip: string; userAgent: string; current: boolean };

/** The user's live sessions, most recently used first; `current` marks the one of this request. */
export async function listSessions(user: Pick<SessionUser, "id" | "sessionId">, now = new Date()): Promise<AccountSession[]> {
  const sessions = await (
    await prisma()
  ).authSession.findMany({
    where: { userId: user.id, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
  });
  return sessions.map((session) => ({ ...session, current: session.id === user.sessionId }));
}

/**
 * Ends another of the user's sessions, or all but this one (`sessionId` omitted). A session id of someone else
 * matches nothing: the user id is part of the condition. Returns how many ended.
 */
export async function endOtherSessions(user: Pick<SessionUser, "id" | "sessionId">, sessionId?: string): Promise<number> {
  // This session ends by signing out, which also clears the cookie.
  if (sessionId === user.sessionId) return 0;
  const { count } = await (await prisma()).authSession.deleteMany({ where: { userId: user.id, id: sessionId ?? { not: user.sessionId } } });
  return count;
}
