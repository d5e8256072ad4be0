import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPage } from "~/components/ErrorPage";
import { Badge } from "~/components/ui/Badge";
import { Card } from "~/components/ui/Card";
import { localized } from "~/i18n";
import { localeOf } from "~/i18n/meta";
import { useLocalized, useT } from "~/i18n/react";
import { getPublicCase } from "~/models/case-library.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => (data ? [{ title: localized(localeOf(matches), data.item.title, data.item.titleEn) }] : []);

export async function loader({ params }: LoaderFunctionArgs) {
  const item = await getPublicCase(params.caseId ?? "");
  if (!item) notFound();
  return { item };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card as="section" aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold text-ink">
        {title}
      </h2>
      <div className="mt-2">{children}</div>
    </Card>
  );
}

export default function CasePage() {
  const { item } = useLoaderData<typeof loader>();
  const t = useT();
  const text = useLocalized();
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <Link to="/cases" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("caseLibrary.case.back")}
      </Link>
      <header className="mt-4">
        <p className="flex flex-wrap gap-1.5">
          <Badge tone={item.decision === "typical" ? "brand" : "success"}>{t(`caseLibrary.decision.${item.decision}`)}</Badge>
        </p>
        <h1 className="mt-2 text-2xl font-bold text-ink md:text-3xl">{text(item.title, item.titleEn)}</h1>
        <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-muted">{t("caseLibrary.case.firms")}</dt>
            <dd>
              <ul className="flex flex-wrap gap-x-3">
                {item.organisations.map((entry) => (
                  <li key={`${entry.firmId}-${entry.name}`}>
                    {entry.firmId ? (
                      <Link to={`/programme/firms/${entry.firmId}`} className="font-medium text-brand-700 underline">
                        {text(entry.name, entry.nameEn)}
                      </Link>
                    ) : (
                      text(entry.name, entry.nameEn)
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          {item.industry ? (
            <div>
              <dt className="text-muted">{t("caseLibrary.case.industry")}</dt>
              <dd>
                <Link to={`/cases?industry=${item.industry.code}`} className="text-brand-700 underline">
                  {text(item.industry.name, item.industry.nameEn)}
                </Link>
              </dd>
            </div>
          ) : null}
          {item.scenario ? (
            <div>
              <dt className="text-muted">{t("caseLibrary.case.scenario")}</dt>
              <dd>
                <Link to={`/cases?scenario=${item.scenario.code}`} className="text-brand-700 underline">
                  {text(item.scenario.name, item.scenario.nameEn)}
                </Link>
              </dd>
            </div>
          ) : null}
          <div>
            <dt className="text-muted">{t("caseLibrary.case.year")}</dt>
            <dd>{item.year}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-muted">{t("caseLibrary.case.call")}</dt>
            <dd>
              {text(item.call.title, item.call.titleEn)} ·{" "}
              <Link to={`/cases/booklet/${item.call.slug}`} className="text-brand-700 underline">
                {t("caseLibrary.case.booklet")}
              </Link>
            </dd>
          </div>
        </dl>
      </header>
      {item.figures.length ? (
        <section aria-labelledby="case-figures" className="mt-6">
          <h2 id="case-figures" className="sr-only">
            {t("caseLibrary.case.figures")}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {item.figures.map((figure) => (
              <Card key={figure.label} as="li" className="text-center">
                <p className="text-2xl font-bold text-brand-800">{figure.value}</p>
                <p className="mt-1 text-sm text-muted">{text(figure.label, figure.labelEn)}</p>
              </Card>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="mt-6 grid gap-4">
        {(
          [
            ["summary", item.summary, item.summaryEn],
            ["problem", item.problem, item.problemEn],
            ["solution", item.solution, item.solutionEn],
            ["results", item.results, item.resultsEn],
          ] as const
        ).map(([key, zh, en]) =>
          zh ? (
            <Section key={key} id={`case-${key}`} title={t(`caseLibrary.case.${key}`)}>
              <p className="whitespace-pre-line text-ink">{text(zh, en)}</p>
            </Section>
          ) : null,
        )}
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
