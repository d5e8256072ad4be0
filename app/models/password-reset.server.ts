import { isLocale, translator, type Locale } from "~/i18n";
import { renewSetupLink } from "~/models/store/account-store.server";
import { prisma, sqlDate, writeTransaction } from "~/models/store/connection.server";
import { hashSecret, randomSecret } from "~/utils/secrets.server";
import { renderEmail } from "@emails/render";
import PasswordResetEmail from "@emails/password-reset";
import { audit } from "~/models/audit.server";
import { setupUrl } from "./firm.server";
import { enqueueEmailInTransaction, wakeOutboxSender } from "./outbox.server";

/** A forgotten-password link is the "set your password" link of an invitation (account-setup.server.ts), shorter-lived. */
export const resetLinkLifetimeMs = 60 * 60 * 1000;

/**
 * Sends a one-time link to choose a new password to the account with this address, if there is one that
 * may sign in. Only its hash is stored, on the account, replacing any earlier link; the e-mail row is
 * written in the same transaction. An unknown or disabled address does nothing: the caller answers the
 * same either way, and runs this after answering so the time taken says nothing either.
 */
export async function sendPasswordResetLink({ email, fallbackLocale, now = new Date() }: { email: string; fallbackLocale: Locale; now?: Date }): Promise<boolean> {
  const normalized = email.trim().toLowerCase();
  const user = await (await prisma()).user.findUnique({ where: { email: normalized }, select: { id: true, name: true, locale: true, disabledAt: true } });
  if (!user || user.disabledAt) return false;
  const locale: Locale = isLocale(user.locale) ? user.locale : fallbackLocale;
  const t = translator(locale);
  const token = randomSecret(32);
  const message = await renderEmail(
    t("account.reset.email.subject"),
    PasswordResetEmail({
      lang: locale,
      heading: t("account.reset.email.heading"),
      greeting: t("programme.email.greeting", { name: user.name }),
      intro: t("account.reset.email.intro", { email: normalized }),
      actionUrl: setupUrl(token),
      actionLabel: t("account.reset.email.action"),
      expiryNote: t("account.reset.email.expiry", { minutes: resetLinkLifetimeMs / 60_000 }),
      notYou: t("account.reset.email.notYou"),
      footer: t("account.reset.email.footer"),
    }),
  );
  await writeTransaction((sql) => {
    renewSetupLink.run(sql, { id: user.id, setupTokenHash: hashSecret(token), setupTokenExpiresAt: sqlDate(new Date(now.getTime() + resetLinkLifetimeMs)), at: sqlDate(now) });
    enqueueEmailInTransaction(sql, { kind: "password-reset", to: normalized, ...message, dedupeKey: `password-reset:${user.id}:${now.getTime()}` }, now);
  });
  wakeOutboxSender();
  await audit({ action: "auth.password_reset_requested", actorUserId: user.id, targetType: "user", targetId: user.id });
  return true;
}
