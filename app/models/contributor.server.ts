import { isLocale, localized, translator, type Locale } from "~/i18n";
import { prisma } from "~/models/store/connection.server";
import { audit } from "~/models/audit.server";
import { env } from "~/utils/env.server";
import { hashSecret, randomSecret } from "~/utils/secrets.server";
import { renderEmail } from "@emails/render";
import CaseSubmissionEmail from "@emails/case-submission";
import { assertCallOpen } from "./case-submission.server";
import { getPublishedCall } from "./case-call.server";
import { setupLinkLifetimeMs, setupUrl } from "./firm.server";
import { enqueueEmail } from "./outbox.server";

/**
 * A person outside the member firms asks to submit to a call: a CONTRIBUTOR account without a password, a
 * first draft for the organisation they named, and the e-mailed "set your password" link (the firm contacts'
 * set-up link: account-setup.server.ts). The answer never tells whether the address had an account: an
 * existing one gets a sign-in link instead, and nothing else changes.
 */
export async function requestContributorAccount({
  callSlug,
  name,
  email,
  organization,
  locale,
  now = new Date(),
}: {
  callSlug: string;
  name: string;
  email: string;
  organization: string;
  locale: Locale;
  now?: Date;
}) {
  const call = await getPublishedCall(callSlug);
  assertCallOpen(call, now);
  const db = await prisma();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, name: true, locale: true, passwordHash: true } });
  const language: Locale = existing && isLocale(existing.locale) ? existing.locale : locale;
  const t = translator(language);
  const callTitle = localized(language, call.title, call.titleEn);
  const token = randomSecret(32);
  const setupTokenExpiresAt = new Date(now.getTime() + setupLinkLifetimeMs);
  let userId = existing?.id ?? null;
  if (!existing) {
    const user = await db.user.create({
      data: {
        email,
        name,
        locale: language,
        setupTokenHash: hashSecret(token),
        setupTokenExpiresAt,
        roles: { create: { role: "CONTRIBUTOR" } },
        caseSubmissions: { create: { callId: call.id, organizationName: organization, contactName: name, contactEmail: email, locale: language } },
      },
    });
    userId = user.id;
  } else if (!existing.passwordHash) {
    await db.user.update({ where: { id: existing.id }, data: { setupTokenHash: hashSecret(token), setupTokenExpiresAt } });
  }
  const needsPassword = !existing?.passwordHash;
  const rendered = await renderEmail(
    t("cases.email.contributor.subject", { call: callTitle }),
    CaseSubmissionEmail({
      lang: language,
      heading: t("cases.email.contributor.heading"),
      greeting: t("cases.email.greeting", { name: existing?.name ?? name }),
      intro: t(needsPassword ? "cases.email.contributor.intro" : "cases.email.contributor.existing", { call: callTitle }),
      lines: [],
      actionUrl: needsPassword ? setupUrl(token) : `${env().APP_URL}/login?redirectTo=${encodeURIComponent(`/calls/${call.slug}`)}`,
      actionLabel: t(needsPassword ? "cases.email.contributor.setPassword" : "cases.email.contributor.signIn"),
      footer: t("cases.email.footer"),
    }),
  );
  await enqueueEmail({ kind: "case-contributor-account", to: email, ...rendered, dedupeKey: `case-contributor:${email}:${now.getTime()}` }, now);
  await audit({ action: "contributor.signed_up", actorUserId: userId, targetType: "user", targetId: userId ?? "", details: { callId: call.id, existing: Boolean(existing) } });
}
