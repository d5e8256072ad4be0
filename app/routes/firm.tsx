import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ContactsPanel, EmailDomainsPanel, LogoForm, OnboardingPanel, ProfileForm } from "~/components/FirmPanels";
import { ErrorPage } from "~/components/ErrorPage";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { firmEventActivity, getFirm } from "~/models/firm.server";
import { firmPageData, isLogoUpload, runFirmForm, uploadFirmLogo } from "~/route-helpers/firm-actions.server";
import { firmIdsOf, requireFirmManager, requireUser } from "~/auth/permissions.server";
import { firmForms } from "~/schemas/firm";
import { notFound } from "~/utils/http.server";
import { handleSubmission, page } from "~/utils/route.server";
import { formatDate, programmeZone } from "~/utils/time";
import { titled } from "~/i18n/meta";
import { RegistrationStatusBadge } from "~/components/registrations/RegistrationStatusBadge";
import { Table, Td, Th, Tr } from "~/components/ui/Table";
import { Card } from "~/components/ui/Card";

export const meta = titled("title.firm");

/** The firm in the URL (`?firm=`), else the user's first firm; the guard decides whether it is theirs. */
async function scopedFirm(request: Request) {
  const user = await requireUser(request);
  const requested = new URL(request.url).searchParams.get("firm");
  const firmId = requested ?? firmIdsOf(user)[0] ?? null;
  if (!firmId) return { user, firmId: null };
  return { user: await requireFirmManager(request, firmId), firmId };
}

export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    const { user, firmId } = await scopedFirm(request);
    if (!firmId) return { page: null, activity: null, myFirms: [] };
    const [page, activity, myFirms] = await Promise.all([firmPageData(firmId), firmEventActivity(firmId), Promise.all(firmIdsOf(user).map(async (id) => ({ id, name: (await getFirm(id)).name })))]);
    return {
      page,
      myFirms,
      activity: {
        registrations: activity.registrations.map((registration) => ({
          id: registration.id,
          name: registration.name,
          status: registration.status,
          event: {
            title: registration.event.title,
            titleEn: registration.event.titleEn,
            slug: registration.event.slug,
            startsAt: registration.event.startsAt.toISOString(),
            timeZone: registration.event.timeZone,
          },
        })),
        quotas: activity.quotas.map((quota) => ({
          id: quota.id,
          quota: quota.quota,
          used: quota.confirmedCount,
          event: { title: quota.event.title, titleEn: quota.event.titleEn, slug: quota.event.slug, startsAt: quota.event.startsAt.toISOString(), timeZone: quota.event.timeZone },
        })),
        inviteCodes: activity.inviteCodes.map((code) => ({
          id: code.id,
          code: code.code,
          label: code.label,
          maxUses: code.maxUses,
          used: code.usedCount,
          expiresAt: code.expiresAt?.toISOString() ?? null,
          revoked: Boolean(code.revokedAt),
          event: { title: code.event.title, titleEn: code.event.titleEn, slug: code.event.slug },
        })),
      },
    };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, firmId } = await page(request, () => scopedFirm(request));
  if (!firmId) notFound();
  if (isLogoUpload(request)) return uploadFirmLogo(request, firmId, user);
  return handleSubmission(request, firmForms, async (form) => runFirmForm(request, firmId, user, form));
}

export default function FirmPortal() {
  const { page, activity, myFirms } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  if (!page || !activity) {
    return (
      <main id="main" className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-2xl font-bold">{t("programme.portal.title")}</h1>
        <p className="card mt-4">{t("programme.portal.noFirm")}</p>
      </main>
    );
  }
  const action = `/firm?firm=${page.firm.id}`;
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-6">
      <p className="text-sm font-semibold text-brand-700">{t("programme.portal.title")}</p>
      <h1 className="text-2xl font-bold">{localized(page.firm.name, page.firm.nameEn)}</h1>
      <p className="mt-1 text-sm">
        <Link to="/firm/cases" className="text-brand-700 underline">
          {t("cases.firm.link")}
        </Link>
        {" · "}
        <Link to="/matchmaking/new?side=OFFER" className="text-brand-700 underline">
          {t("board.post.OFFER")}
        </Link>
        {" · "}
        <Link to="/matchmaking/mine" className="text-brand-700 underline">
          {t("board.mine.heading")}
        </Link>
      </p>
      {myFirms.length > 1 ? (
        <nav aria-label={t("programme.portal.chooseFirm")} className="mt-2 flex flex-wrap gap-2 text-sm">
          {myFirms.map((firm) => (
            <Link key={firm.id} to={`/firm?firm=${firm.id}`} className={firm.id === page.firm.id ? "font-semibold underline" : "text-brand-700 underline"}>
              {firm.name}
            </Link>
          ))}
        </nav>
      ) : null}
      <div className="mt-4 grid grid-cols-1 gap-4 lg:grid-cols-2">
        <OnboardingPanel data={page} action={action} />
        <LogoForm data={page} action={action} />
        <div className="lg:col-span-2">
          <ProfileForm data={page} action={action} />
        </div>
        <div className="lg:col-span-2">
          <ContactsPanel data={page} action={action} />
        </div>
        <div className="lg:col-span-2">
          <EmailDomainsPanel data={page} action={action} editable={false} />
        </div>
        <Card aria-labelledby="events-heading" as="section" className="lg:col-span-2">
          <h2 id="events-heading" className="text-lg font-semibold">
            {t("programme.portal.events")}
          </h2>
          <h3 className="mt-3 font-semibold">{t("programme.portal.quotas")}</h3>
          {activity.quotas.length === 0 ? <p className="text-sm text-muted">{t("programme.portal.noQuotas")}</p> : null}
          <ul className="mt-1 space-y-1 text-sm">
            {activity.quotas.map((quota) => (
              <li key={quota.id}>
                <Link to={`/events/${quota.event.slug}`} className="text-brand-700 underline">
                  {localized(quota.event.title, quota.event.titleEn)}
                </Link>{" "}
                ({formatDate(quota.event.startsAt, quota.event.timeZone, locale)}) — {t("programme.portal.quotaUsed", { used: quota.used, quota: quota.quota })}
              </li>
            ))}
          </ul>
          <h3 className="mt-4 font-semibold">{t("programme.portal.inviteCodes")}</h3>
          {activity.inviteCodes.length === 0 ? <p className="text-sm text-muted">{t("programme.portal.noInviteCodes")}</p> : null}
          <ul className="mt-1 space-y-1 text-sm">
            {activity.inviteCodes.map((code) => (
              <li key={code.id}>
                <span className="font-mono font-semibold">{code.code}</span> · {localized(code.event.title, code.event.titleEn)}
                {code.label ? ` · ${code.label}` : ""} · {t("programme.portal.codeUses", { used: code.used, max: code.maxUses })}
                {code.revoked
                  ? ` · ${t("programme.portal.codeRevoked")}`
                  : code.expiresAt
                    ? ` · ${t("programme.portal.codeExpires", { date: formatDate(code.expiresAt, programmeZone, locale) })}`
                    : ""}
              </li>
            ))}
          </ul>
          <h3 className="mt-4 font-semibold">{t("programme.portal.registrations")}</h3>
          {activity.registrations.length === 0 ? (
            <p className="text-sm text-muted">{t("programme.portal.noRegistrations")}</p>
          ) : (
            <div className="mt-1">
              <Table caption={t("programme.portal.registrationsCaption")}>
                <thead>
                  <Tr>
                    <Th>{t("programme.portal.event")}</Th>
                    <Th>{t("programme.portal.attendee")}</Th>
                    <Th>{t("programme.portal.registrationStatus")}</Th>
                  </Tr>
                </thead>
                <tbody>
                  {activity.registrations.map((registration) => (
                    <Tr key={registration.id}>
                      <Td>{localized(registration.event.title, registration.event.titleEn)}</Td>
                      <Td>{registration.name}</Td>
                      <Td>
                        <RegistrationStatusBadge status={registration.status} />
                      </Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            </div>
          )}
        </Card>
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
