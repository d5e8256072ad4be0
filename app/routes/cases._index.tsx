import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FilterBar, FilterSearch, FilterSelect } from "~/components/ui/FilterBar";
import { ErrorPage } from "~/components/ErrorPage";
import { CaseCard } from "~/components/cases/CaseCard";
import { EmptyState } from "~/components/ui/EmptyState";
import { Pagination } from "~/components/ui/Pagination";
import { titled } from "~/i18n/meta";
import { useLocalized, useT } from "~/i18n/react";
import { caseFacets, searchCases } from "~/models/case-library.server";
import { parseCaseFilter } from "~/utils/case-search";
import { listingQuery, parsePage } from "~/utils/event-listing";
import { page } from "~/utils/route.server";

export const meta = titled("title.cases-index");

const casesPerPage = 12;

export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    const params = new URL(request.url).searchParams;
    const filter = parseCaseFilter(params);
    const [listed, facets] = await Promise.all([searchCases(filter, parsePage(params.get("page")), casesPerPage), caseFacets()]);
    return { filter, facets, ...listed };
  });
}

export default function CaseLibraryPage() {
  const { filter, facets, cases, page: current, pageCount, total } = useLoaderData<typeof loader>();
  const t = useT();
  const localized = useLocalized();
  const filtered = Object.values(filter).some(Boolean);
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold text-ink">{t("caseLibrary.heading")}</h1>
        <Link to="/cases/panorama" className="font-medium text-brand-700 hover:underline">
          {t("caseLibrary.panoramaLink")} →
        </Link>
      </div>
      <p className="mt-2 max-w-3xl text-muted">{t("caseLibrary.intro")}</p>
      <FilterBar
        label={t("caseLibrary.filter.label")}
        apply={t("caseLibrary.filter.apply")}
        reset={t("caseLibrary.filter.reset")}
        resetTo="/cases"
        filtered={filtered}
        className="mt-6 sm:grid-cols-2 lg:grid-cols-3"
      >
        <FilterSearch id="cases-q" label={t("caseLibrary.search.label")} value={filter.q} placeholder={t("caseLibrary.search.placeholder")} className="sm:col-span-2 lg:col-span-3" />
        {(
          [
            ["industry", facets.industries.map((term) => ({ value: term.code, label: localized(term.name, term.nameEn) }))],
            ["scenario", facets.scenarios.map((term) => ({ value: term.code, label: localized(term.name, term.nameEn) }))],
            ["firm", facets.firms.map((firm) => ({ value: firm.id, label: localized(firm.name, firm.nameEn) }))],
            ["year", facets.years.map((year) => ({ value: String(year), label: String(year) }))],
            ["call", facets.calls.map((call) => ({ value: call.slug, label: localized(call.title, call.titleEn) }))],
          ] as const
        ).map(([name, options]) => (
          <FilterSelect key={name} id={`cases-${name}`} name={name} label={t(`caseLibrary.filter.${name}`)} value={filter[name]} all={t("caseLibrary.filter.all")} options={options} />
        ))}
      </FilterBar>
      <div className="mt-4 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted" role="status">
          {t("caseLibrary.count", { count: total })}
        </p>
        {filter.call && total ? (
          <Link to={`/cases/booklet/${filter.call}`} className="text-sm font-medium text-brand-700 hover:underline">
            {t("caseLibrary.booklet.open")} →
          </Link>
        ) : null}
      </div>
      {cases.length === 0 ? (
        <div className="mt-3">
          <EmptyState title={t("caseLibrary.none")}>{t("caseLibrary.noneHint")}</EmptyState>
        </div>
      ) : (
        <ul className="mt-3 grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {cases.map((item) => (
            <li key={item.id}>
              <CaseCard item={item} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={current} pageCount={pageCount} href={(target) => `/cases${listingQuery({ ...filter, page: current }, { page: target })}`} />
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
