import { Localized } from "~/components/Localized";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { FirmLogo } from "~/components/FirmLogo";
import { Badge } from "~/components/ui/Badge";
import { EmptyState } from "~/components/ui/EmptyState";
import { FilterBar, FilterSearch, FilterSelect } from "~/components/ui/FilterBar";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { listMembers, logoUrl, programmeFigures } from "~/models/firm.server";
import { page } from "~/utils/route.server";
import { socialMeta } from "~/route-helpers/social-meta";
import { longDate } from "~/utils/event-listing";
import { programmeZone } from "~/utils/time";
import { ButtonLink } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export const meta: MetaFunction = (args) => socialMeta(args, (t) => ({ title: t("programme.title"), description: t("share.programme.description") }));

export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    const params = new URL(request.url).searchParams;
    const kind = params.get("kind");
    const filter = {
      q: (params.get("q") ?? "").slice(0, 100),
      industry: (params.get("industry") ?? "").slice(0, 50),
      city: (params.get("city") ?? "").slice(0, 50),
      founding: kind === "founding" ? true : kind === "new" ? false : undefined,
    };
    const [{ programme, firms, industries, cities }, figures] = await Promise.all([listMembers(filter), programmeFigures()]);
    const card = (firm: (typeof firms)[number]) => ({
      id: firm.id,
      name: firm.name,
      nameEn: firm.nameEn,
      founding: firm.founding,
      industry: firm.industry,
      industryEn: firm.industryEn,
      city: firm.city,
      cityEn: firm.cityEn,
      description: firm.description,
      descriptionEn: firm.descriptionEn,
      memberSince: firm.memberSince?.toISOString() ?? null,
      logo: logoUrl(firm.logoPath),
    });
    return {
      programme: {
        name: programme.name,
        nameEn: programme.nameEn,
        description: programme.description,
        descriptionEn: programme.descriptionEn,
        launchedAt: programme.launchedAt.toISOString(),
      },
      figures: { founding: figures.founding, members: figures.members },
      firms: firms.map(card),
      industries,
      cities,
      filter: { q: filter.q, industry: filter.industry, city: filter.city, kind: kind === "founding" || kind === "new" ? kind : "" },
    };
  });
}

export default function ProgrammePage() {
  const { programme, figures, firms, industries, cities, filter } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const filtered = Boolean(filter.q || filter.industry || filter.city || filter.kind);
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-3xl font-bold text-ink">{localized(programme.name, programme.nameEn)}</h1>
      <p className="mt-1 text-sm text-muted">{t("programme.launchedOn", { date: longDate(programme.launchedAt, programmeZone, locale) })}</p>
      <p className="mt-3 max-w-3xl text-ink">
        <Localized zh={programme.description} en={programme.descriptionEn} />
      </p>
      <ul className="mt-4 flex flex-wrap gap-2 text-sm">
        <li>
          <Badge tone="warning">{t("site.directory.foundingSummary", { count: figures.founding })}</Badge>
        </li>
        <li>
          <Badge tone="brand">{t("site.directory.membersSummary", { count: figures.members })}</Badge>
        </li>
      </ul>

      <section aria-labelledby="directory-heading" className="mt-8">
        <h2 id="directory-heading" className="text-2xl font-bold text-ink">
          {t("programme.directory.heading")}
        </h2>
        <FilterBar
          label={t("programme.directory.filterLabel")}
          apply={t("programme.directory.apply")}
          reset={t("programme.directory.reset")}
          resetTo="/programme"
          filtered={filtered}
          className="mt-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]"
        >
          <FilterSearch id="directory-q" label={t("programme.directory.search")} value={filter.q} className="sm:col-span-2 lg:col-span-1" />
          <FilterSelect
            id="directory-industry"
            name="industry"
            label={t("programme.directory.industry")}
            value={filter.industry}
            all={t("programme.directory.all")}
            options={industries.map((industry) => ({ value: industry, label: industry }))}
          />
          <FilterSelect
            id="directory-city"
            name="city"
            label={t("programme.directory.city")}
            value={filter.city}
            all={t("programme.directory.all")}
            options={cities.map((city) => ({ value: city, label: city }))}
          />
          <FilterSelect
            id="directory-kind"
            name="kind"
            label={t("programme.directory.kind")}
            value={filter.kind}
            all={t("programme.directory.all")}
            options={[
              { value: "founding", label: t("programme.directory.foundingOnly") },
              { value: "new", label: t("programme.directory.othersOnly") },
            ]}
          />
        </FilterBar>
        <p className="mt-4 text-sm text-muted" role="status">
          {t("programme.directory.count", { count: firms.length })}
        </p>
        {firms.length === 0 ? (
          <div className="mt-3">
            <EmptyState title={t("programme.directory.none")} />
          </div>
        ) : null}
        <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {firms.map((firm) => (
            <Card key={firm.id} as="li" className="relative flex gap-4 transition-shadow focus-within:shadow-raised hover:shadow-raised" data-firm={firm.id}>
              <FirmLogo firm={firm} />
              <div className="min-w-0 flex-1">
                <h3 className="font-semibold text-ink">
                  <Link to={`/programme/firms/${firm.id}`} className="after:absolute after:inset-0 after:rounded-lg hover:underline">
                    {localized(firm.name, firm.nameEn)}
                  </Link>
                </h3>
                <p className="mt-0.5 text-sm text-muted">
                  <Localized zh={firm.industry} en={firm.industryEn} /> · <Localized zh={firm.city} en={firm.cityEn} />
                </p>
                {firm.founding ? (
                  <p className="mt-1">
                    <Badge tone="warning">{t("programme.founding.badge")}</Badge>
                  </p>
                ) : null}
                {firm.description ? (
                  <p className="mt-2 line-clamp-3 text-sm text-ink">
                    <Localized zh={firm.description} en={firm.descriptionEn} />
                  </p>
                ) : null}
                {firm.memberSince ? <p className="mt-2 text-xs text-muted">{t("programme.directory.memberSince", { date: longDate(firm.memberSince, programmeZone, locale) })}</p> : null}
              </div>
            </Card>
          ))}
        </ul>
      </section>

      <Card aria-labelledby="join-heading" as="section" className="mt-10 bg-brand-50">
        <h2 id="join-heading" className="text-xl font-semibold text-ink">
          {t("programme.join.heading")}
        </h2>
        <ol className="mt-2 list-decimal space-y-1 pl-6 text-ink">
          <li>{t("programme.join.step1")}</li>
          <li>{t("programme.join.step2")}</li>
          <li>{t("programme.join.step3")}</li>
        </ol>
        <ButtonLink to="/programme/apply" className="mt-4">
          {t("programme.join.cta")}
        </ButtonLink>
      </Card>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
