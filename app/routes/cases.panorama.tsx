import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { titled } from "~/i18n/meta";
import { useLocalized, useT } from "~/i18n/react";
import { casePanorama } from "~/models/case-library.server";
import { cellKey } from "~/utils/case-panorama";
import { heatSteps } from "~/utils/case-search";
import { page } from "~/utils/route.server";

export const meta = titled("title.cases-panorama");

export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, () => casePanorama());
}

// One brand ramp, light to dark; text turns white where the background is dark enough (WCAG AA either way).
const heat = ["bg-subtle text-muted", "bg-brand-50 text-brand-900", "bg-brand-100 text-brand-900", "bg-brand-300 text-brand-900", "bg-brand-600 text-white", "bg-brand-800 text-white"];

export default function PanoramaPage() {
  const { industries, scenarios, cells, maxCases, totalCases } = useLoaderData<typeof loader>();
  const t = useT();
  const text = useLocalized();
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-3xl font-bold text-ink">{t("caseLibrary.panorama.heading")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("caseLibrary.panorama.intro")}</p>
      <div className="mt-4 flex flex-wrap items-center gap-3 text-sm" aria-label={t("caseLibrary.panorama.legend")} role="group">
        <span className="font-medium text-ink">{t("caseLibrary.panorama.total", { count: totalCases })}</span>
        <span className="flex items-center gap-1">
          <span aria-hidden="true" className={`inline-block h-4 w-6 rounded ${heat[0]}`} /> {t("caseLibrary.panorama.legendNone")}
        </span>
        <span className="flex items-center gap-1">
          {t("caseLibrary.panorama.legendFew")}
          {heat.slice(1).map((tone, step) => (
            <span key={tone} aria-hidden="true" className={`inline-block h-4 w-6 ${step === 0 ? "rounded-l" : ""} ${step === heatSteps - 1 ? "rounded-r" : ""} ${tone}`} />
          ))}
          {t("caseLibrary.panorama.legendMany", { count: maxCases })}
        </span>
      </div>
      <p className="mt-2 text-xs text-muted md:hidden">{t("caseLibrary.panorama.scroll")}</p>
      <div className="mt-3 max-h-[75vh] overflow-auto rounded-lg border border-line" role="region" aria-labelledby="panorama-caption">
        <table className="border-separate border-spacing-0 text-sm">
          <caption id="panorama-caption" className="sr-only">
            {t("caseLibrary.panorama.caption")}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 top-0 z-20 border-b border-r border-line bg-surface p-2 text-left">
                {t("caseLibrary.panorama.industry")}
              </th>
              {scenarios.map((scenario) => (
                <th key={scenario.id} scope="col" className="sticky top-0 z-10 min-w-24 border-b border-line bg-surface p-2 text-center font-medium">
                  <Link to={`/cases?scenario=${scenario.code}`} className="hover:underline">
                    {text(scenario.name, scenario.nameEn)}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {industries.map((industry) => (
              <tr key={industry.id}>
                <th scope="row" className="sticky left-0 z-10 whitespace-nowrap border-r border-line bg-surface p-2 text-left font-medium">
                  <Link to={`/cases?industry=${industry.code}`} className="hover:underline">
                    {text(industry.name, industry.nameEn)}
                  </Link>
                </th>
                {scenarios.map((scenario) => {
                  const cell = cells[cellKey(industry.id, scenario.id)] ?? { cases: 0, providers: 0, level: 0 };
                  const label = t("caseLibrary.panorama.cellLabel", {
                    industry: text(industry.name, industry.nameEn),
                    scenario: text(scenario.name, scenario.nameEn),
                    cases: cell.cases,
                    providers: cell.providers,
                  });
                  return (
                    <td key={scenario.id} className="p-0.5">
                      <Link
                        to={`/cases?industry=${industry.code}&scenario=${scenario.code}`}
                        title={label}
                        data-cases={cell.cases}
                        data-providers={cell.providers}
                        className={`relative flex min-h-14 flex-col items-center justify-center rounded p-1 text-center leading-tight hover:ring-2 hover:ring-brand-700 ${heat[cell.level]}`}
                      >
                        {/* Named by its sentence rather than an aria-label, which would not contain the visible figures (WCAG 2.5.3); the link is `relative` so the hidden sentence stays inside the scrolling grid. */}
                        <span className="sr-only">{label}</span>
                        <span aria-hidden="true" className="text-base font-bold">
                          {cell.cases}
                        </span>
                        <span aria-hidden="true" className="text-[0.7rem]">
                          {t("caseLibrary.panorama.providers", { count: cell.providers })}
                        </span>
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
