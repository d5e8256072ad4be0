import { endAllSessions, setPasswordByLink } from "~/models/store/account-store.server";
import { prisma, sqlDate, writeTransaction } from "~/models/store/connection.server";
import { DomainError } from "~/utils/domain-error";
import { hashPassword } from "~/utils/password.server";
import { hashSecret } from "~/utils/secrets.server";
import { passwordSchema } from "./user.server";
import { audit } from "~/models/audit.server";

/** The account behind a "set your password" link, or null when it is unknown, used or expired. */
export async function findSetupAccount(token: string, now = new Date()) {
  if (!token || token.length > 200) return null;
  const user = await (
    await prisma()
  ).user.findUnique({
    where: { setupTokenHash: hashSecret(token) },
    select: { id: true, email: true, name: true, setupTokenExpiresAt: true, disabledAt: true },
  });
  if (!user || user.disabledAt || !user.setupTokenExpiresAt || user.setupTokenExpiresAt <= now) return null;
  return user;
}

/** Sets the password through the link; the link works once (guarded UPDATE), other sessions end. */
export async function completeAccountSetup({ token, password, now = new Date() }: { token: string; password: string; now?: Date }) {
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) throw new DomainError("invalid", "weak_password", "programme.setup.weakPassword", undefined, { password: "programme.setup.weakPassword" });
  const account = await findSetupAccount(token, now);
  if (!account) throw new DomainError("gone", "stale_link", "programme.setup.stale");
  const passwordHash = await hashPassword(parsed.data);
  await writeTransaction((sql) => {
    const { changes } = setPasswordByLink.run(sql, { id: account.id, setupTokenHash: hashSecret(token), passwordHash, at: sqlDate(now) });
    if (changes !== 1) throw new DomainError("gone", "stale_link", "programme.setup.stale");
    endAllSessions.run(sql, { userId: account.id });
  });
  await audit({ action: "auth.password_changed", actorUserId: account.id, targetType: "user", targetId: account.id, details: { via: "setup_link" } });
  return account;
}
