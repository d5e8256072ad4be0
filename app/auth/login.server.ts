import { randomUUID } from "node:crypto";
import { audit } from "~/models/audit.server";
import { prisma, sqlDate, writeTransaction } from "~/models/store/connection.server";
import { failuresSince, insertFailedAttempt } from "~/models/store/login-attempt-store.server";
import { decoyPasswordHash, verifyPassword } from "~/utils/password.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import type { SessionUser } from "./session.server";

// Stricter than DESIGN.md §7's ceiling of 100 failures per account per hour.
export const maxFailuresPerAccount = 10;
export const failureWindowMs = 60 * 60 * 1000;

export type LoginResult = { ok: true; userId: string; roles: SessionUser["roles"] } | { ok: false; reason: "invalid_credentials" | "locked" | "rate_limited"; retryAfterSeconds?: number };

/**
 * Counts the account's recent failures and, below the limit, records this attempt as a failure, in one
 * synchronous transaction. Password checks run on the thread pool and interleave, so the attempt is
 * reserved before the check (and turned into a success after it): with N checks in flight, N failures are
 * already counted, and the 11th concurrent guess is refused without being checked. An attempt refused
 * because the account is locked is not recorded, so it cannot extend the lock.
 */
function reserveAttempt({ email, ip, userId }: { email: string; ip: string; userId: string | null }): Promise<string | null> {
  const now = new Date();
  return writeTransaction((sql) => {
    const { failures } = failuresSince.get(sql, { email, since: sqlDate(new Date(now.getTime() - failureWindowMs)) })!;
    if (failures >= maxFailuresPerAccount) return null;
    const id = randomUUID();
    insertFailedAttempt.run(sql, { id, userId, email, ip, at: sqlDate(now) });
    return id;
  });
}

/**
 * Checks e-mail + password. Unknown e-mails and wrong passwords give the same answer and take the same
 * time; an account with too many recent failures is locked for the rest of the window whatever is typed.
 */
export async function attemptLogin({ email, password, ip }: { email: string; password: string; ip: string }): Promise<LoginResult> {
  const normalized = email.trim().toLowerCase();
  const perAddress = hitRateLimit(`login-ip:${ip}`, 30, 60_000);
  if (!perAddress.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: perAddress.retryAfterSeconds };

  const db = await prisma();
  const user = await db.user.findUnique({ where: { email: normalized }, include: { roles: { select: { role: true, eventId: true, seriesId: true, firmId: true, callId: true } } } });
  const attemptId = await reserveAttempt({ email: normalized, ip, userId: user?.id ?? null });
  if (!attemptId) return { ok: false, reason: "locked" };

  const valid = user && !user.disabledAt && user.passwordHash ? await verifyPassword(password, user.passwordHash) : (await verifyPassword(password, await decoyPasswordHash()), false);

  if (valid) await db.loginAttempt.update({ where: { id: attemptId }, data: { ok: true } });
  await audit({
    action: valid ? "auth.login" : "auth.login_failed",
    actorUserId: user?.id ?? null,
    ip,
    details: valid ? {} : { email: normalized },
  });
  if (!valid || !user) return { ok: false, reason: "invalid_credentials" };
  return { ok: true, userId: user.id, roles: user.roles };
}
