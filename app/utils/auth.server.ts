import { audit } from "~/models/audit.server";
import { prisma } from "./db.server";
import { decoyPasswordHash, verifyPassword } from "./password.server";
import { hitRateLimit } from "./rate-limit.server";

// Stricter than DESIGN.md §7's ceiling of 100 failures per account per hour.
export const maxFailuresPerAccount = 10;
export const failureWindowMs = 60 * 60 * 1000;

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid_credentials" | "locked" | "rate_limited"; retryAfterSeconds?: number };

/**
 * Checks e-mail + password. Unknown e-mails and wrong passwords give the same answer and take the same
 * time; an account with too many recent failures is locked for the rest of the window whatever is typed.
 */
export async function attemptLogin({ email, password, ip }: { email: string; password: string; ip: string }): Promise<LoginResult> {
  const normalized = email.trim().toLowerCase();
  const perAddress = hitRateLimit(`login-ip:${ip}`, 30, 60_000);
  if (!perAddress.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: perAddress.retryAfterSeconds };

  const db = await prisma();
  const since = new Date(Date.now() - failureWindowMs);
  const recentFailures = await db.loginAttempt.count({ where: { email: normalized, ok: false, at: { gte: since } } });
  if (recentFailures >= maxFailuresPerAccount) {
    await db.loginAttempt.create({ data: { email: normalized, ip, ok: false } });
    return { ok: false, reason: "locked" };
  }

  const user = await db.user.findUnique({ where: { email: normalized } });
  const valid =
    user && !user.disabledAt && user.passwordHash
      ? await verifyPassword(password, user.passwordHash)
      : (await verifyPassword(password, await decoyPasswordHash()), false);

  await db.loginAttempt.create({ data: { email: normalized, ip, ok: valid, userId: user?.id ?? null } });
  await audit({
    action: valid ? "auth.login" : "auth.login_failed",
    actorUserId: user?.id ?? null,
    ip,
    details: valid ? {} : { email: normalized },
  });
  if (!valid || !user) return { ok: false, reason: "invalid_credentials" };
  return { ok: true, userId: user.id };
}
