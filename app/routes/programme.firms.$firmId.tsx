import { Localized } from "~/components/Localized";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPage } from "~/components/ErrorPage";
import { localized } from "~/i18n";
import { FirmLogo } from "~/components/FirmLogo";
import { Badge } from "~/components/ui/Badge";
import { Card } from "~/components/ui/Card";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { firmPublishedCases } from "~/models/case-library.server";
import { firmEvents, getPublicFirm, logoUrl } from "~/models/firm.server";
import { notFound } from "~/utils/http.server";
import { socialMeta } from "~/route-helpers/social-meta";
import { dateBadge, longDate } from "~/utils/event-listing";
import { programmeZone } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = (args) => {
  const firm = args.data?.firm;
  if (!firm) return [];
  return socialMeta(args, (t, locale) => {
    const name = localized(locale, firm.name, firm.nameEn);
    return { title: name, description: firm.description || t("share.firm.description", { firm: name }) };
  });
};

export async function loader({ params }: LoaderFunctionArgs) {
  const firm = await getPublicFirm(params.firmId ?? "");
  if (!firm) notFound();
  return {
    firm: {
      id: firm.id,
      name: firm.name,
      nameEn: firm.nameEn,
      founding: firm.founding,
      industry: firm.industry,
      industryEn: firm.industryEn,
      city: firm.city,
      cityEn: firm.cityEn,
      website: firm.website,
      description: firm.description,
      descriptionEn: firm.descriptionEn,
      offers: firm.offers,
      needs: firm.needs,
      memberSince: firm.memberSince?.toISOString() ?? null,
      logo: logoUrl(firm.logoPath),
    },
    events: await firmEvents(firm.id),
    cases: await firmPublishedCases(firm.id),
  };
}

/** One titled block of the profile; a block with nothing to say is left out rather than shown empty. */
function ProfileSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card as="section" aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold text-ink">
        {title}
      </h2>
      <div className="mt-2">{children}</div>
    </Card>
  );
}

type FirmEvent = Awaited<ReturnType<typeof firmEvents>>["attended"][number];

/** A firm's events as dated lines, each linking to its page. */
function FirmEventList({ events }: { events: FirmEvent[] }) {
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <ul className="divide-y divide-line">
      {events.map((event) => {
        const badge = dateBadge(event.startsAt, event.timeZone, locale);
        return (
          <li key={event.slug} className="flex items-center gap-3 py-2">
            <span aria-hidden="true" className="flex w-11 shrink-0 flex-col items-center rounded-md bg-brand-50 py-1 text-brand-800">
              <span className="text-xs">{badge.month}</span>
              <span className="text-lg font-bold leading-tight">{badge.day}</span>
            </span>
            <span className="min-w-0">
              <Link to={`/events/${event.slug}`} className="font-medium text-ink hover:text-brand-700 hover:underline">
                {localized(event.title, event.titleEn)}
              </Link>
              <span className="block text-sm text-muted">
                <time dateTime={event.startsAt}>{longDate(event.startsAt, event.timeZone, locale)}</time> · {localized(event.city, event.cityEn)}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export default function FirmProfilePage() {
  const { firm, events, cases } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const name = localized(firm.name, firm.nameEn);
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <Link to="/programme" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("programme.profile.back")}
      </Link>
      <header className="mt-4 flex items-start gap-4">
        <FirmLogo firm={firm} size="lg" />
        <div className="min-w-0">
          <h1 className="text-2xl font-bold text-ink md:text-3xl">{name}</h1>
          <p className="mt-1 text-muted">
            <Localized zh={firm.industry} en={firm.industryEn} /> · <Localized zh={firm.city} en={firm.cityEn} />
          </p>
          <p className="mt-2 flex flex-wrap items-center gap-2">
            {firm.founding ? <Badge tone="warning">{t("programme.founding.badge")}</Badge> : null}
            {firm.memberSince ? <span className="text-sm text-muted">{t("programme.directory.memberSince", { date: longDate(firm.memberSince, programmeZone, locale) })}</span> : null}
          </p>
        </div>
      </header>

      <div className="mt-6 grid gap-4 md:grid-cols-[3fr_2fr] md:items-start">
        <div className="grid gap-4">
          {firm.description ? (
            <ProfileSection id="about-heading" title={t("site.firm.about")}>
              <p className="whitespace-pre-line text-ink">
                <Localized zh={firm.description} en={firm.descriptionEn} />
              </p>
            </ProfileSection>
          ) : null}
          {firm.offers ? (
            <ProfileSection id="offers-heading" title={t("programme.profile.offers")}>
              <p className="whitespace-pre-line text-ink">{firm.offers}</p>
            </ProfileSection>
          ) : null}
          {firm.needs ? (
            <ProfileSection id="needs-heading" title={t("programme.profile.needs")}>
              <p className="whitespace-pre-line text-ink">{firm.needs}</p>
            </ProfileSection>
          ) : null}
          {cases.length ? (
            <ProfileSection id="cases-heading" title={t("caseLibrary.firm.heading")}>
              <ul className="divide-y divide-line">
                {cases.map((item) => (
                  <li key={item.id} className="py-2">
                    <Link to={`/cases/${item.id}`} className="font-medium text-ink hover:text-brand-700 hover:underline">
                      {localized(item.title, item.titleEn)}
                    </Link>
                    <span className="mt-1 flex flex-wrap items-center gap-1.5 text-sm text-muted">
                      <Badge tone={item.decision === "typical" ? "brand" : "success"}>{t(`caseLibrary.decision.${item.decision}`)}</Badge>
                      <span>{[...[item.industry, item.scenario].flatMap((term) => (term ? [localized(term.name, term.nameEn)] : [])), item.year].join(" · ")}</span>
                    </span>
                  </li>
                ))}
              </ul>
              <Link to={`/cases?firm=${encodeURIComponent(firm.id)}`} className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">
                {t("caseLibrary.firm.all")} →
              </Link>
            </ProfileSection>
          ) : null}
        </div>
        <div className="grid gap-4">
          {events.upcoming.length ? (
            <ProfileSection id="upcoming-events-heading" title={t("site.firm.eventsUpcoming")}>
              <FirmEventList events={events.upcoming} />
            </ProfileSection>
          ) : null}
          {events.attended.length || !events.upcoming.length ? (
            <ProfileSection id="events-heading" title={t("site.firm.eventsAttended")}>
              {events.attended.length ? <FirmEventList events={events.attended} /> : <p className="text-sm text-muted">{t("site.firm.noEvents")}</p>}
            </ProfileSection>
          ) : null}

          {firm.website ? (
            <ProfileSection id="website-heading" title={t("programme.profile.website")}>
              <a href={firm.website} rel="noopener noreferrer nofollow" className="break-all text-brand-700 underline">
                {firm.website}
              </a>
            </ProfileSection>
          ) : null}
        </div>
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
