import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPage } from "~/components/ErrorPage";
import { Badge } from "~/components/ui/Badge";
import { Button } from "~/components/ui/Button";
import { localized } from "~/i18n";
import { localeOf, translatorIn } from "~/i18n/meta";
import { useLocalized, useT } from "~/i18n/react";
import { caseBooklet, type PublicCase } from "~/models/case-library.server";
import { notFound } from "~/utils/http.server";
import { page } from "~/utils/route.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: translatorIn(matches)("caseLibrary.booklet.title", { call: localized(localeOf(matches), data.call.title, data.call.titleEn) }) }] : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const booklet = await caseBooklet(params.callSlug ?? "");
    if (!booklet) notFound();
    const { slug, title, titleEn, description, descriptionEn, year } = booklet.call;
    return { call: { slug, title, titleEn, description, descriptionEn, year }, cases: booklet.cases };
  });
}

// A4 with room for binding; on paper the cover and the contents stand alone and every case starts a new page.
const printCss = `
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { background: #fff; }
  .booklet a { color: inherit; text-decoration: none; }
  .booklet-sheet { box-shadow: none !important; border: none !important; padding: 0 !important; margin: 0 !important; }
  .booklet-case { break-before: page; }
  .booklet-case section, .booklet-figures li { break-inside: avoid; }
}
`;

const anchorOf = (item: PublicCase) => `case-${item.id}`;

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mt-5">
      <h3 className="text-base font-semibold text-brand-800">{title}</h3>
      <div className="mt-1 whitespace-pre-line leading-relaxed text-ink">{children}</div>
    </section>
  );
}

function BookletCase({ item, number }: { item: PublicCase; number: number }) {
  const t = useT();
  const text = useLocalized();
  return (
    <article id={anchorOf(item)} aria-labelledby={`${anchorOf(item)}-title`} className="booklet-case booklet-sheet card mt-8 break-before-page p-8" data-case={item.id}>
      <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
        <span>{t("caseLibrary.booklet.caseNumber", { number })}</span>
        <Badge tone={item.decision === "typical" ? "brand" : "success"}>{t(`caseLibrary.decision.${item.decision}`)}</Badge>
      </p>
      <h2 id={`${anchorOf(item)}-title`} className="mt-2 text-2xl font-bold text-ink">
        <Link to={`/cases/${item.id}`}>{text(item.title, item.titleEn)}</Link>
      </h2>
      <dl className="mt-4 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div className="sm:col-span-2">
          <dt className="inline text-muted">{t("caseLibrary.case.firms")}: </dt>
          <dd className="inline">
            {item.organisations.map((entry, index) => (
              <span key={`${entry.firmId}-${entry.name}`}>
                {index ? " · " : ""}
                {entry.firmId ? <Link to={`/programme/firms/${entry.firmId}`}>{text(entry.name, entry.nameEn)}</Link> : text(entry.name, entry.nameEn)}
              </span>
            ))}
          </dd>
        </div>
        {item.industry ? (
          <div>
            <dt className="inline text-muted">{t("caseLibrary.case.industry")}: </dt>
            <dd className="inline">{text(item.industry.name, item.industry.nameEn)}</dd>
          </div>
        ) : null}
        {item.scenario ? (
          <div>
            <dt className="inline text-muted">{t("caseLibrary.case.scenario")}: </dt>
            <dd className="inline">{text(item.scenario.name, item.scenario.nameEn)}</dd>
          </div>
        ) : null}
        <div>
          <dt className="inline text-muted">{t("caseLibrary.case.year")}: </dt>
          <dd className="inline">{item.year}</dd>
        </div>
      </dl>
      {item.summary ? <Part title={t("caseLibrary.case.summary")}>{text(item.summary, item.summaryEn)}</Part> : null}
      {item.problem ? <Part title={t("caseLibrary.case.problem")}>{text(item.problem, item.problemEn)}</Part> : null}
      {item.solution ? <Part title={t("caseLibrary.case.solution")}>{text(item.solution, item.solutionEn)}</Part> : null}
      {item.results || item.figures.length ? (
        <Part title={t("caseLibrary.case.results")}>
          {item.figures.length ? (
            <ul className="booklet-figures mb-3 grid grid-cols-2 gap-2 sm:grid-cols-3" aria-label={t("caseLibrary.case.figures")}>
              {item.figures.map((figure) => (
                <li key={figure.label} className="rounded-md border border-line p-2 text-center">
                  <span className="block text-xl font-bold text-brand-800">{figure.value}</span>
                  <span className="block text-xs text-muted">{text(figure.label, figure.labelEn)}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {item.results ? text(item.results, item.resultsEn) : null}
        </Part>
      ) : null}
    </article>
  );
}

export default function CaseBookletPage() {
  const { call, cases } = useLoaderData<typeof loader>();
  const t = useT();
  const text = useLocalized();
  const callTitle = text(call.title, call.titleEn);
  return (
    <main id="main" className="booklet mx-auto max-w-4xl px-4 py-8">
      <style>{printCss}</style>
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <Link to={`/cases?call=${call.slug}`} className="text-sm font-medium text-brand-700 hover:underline">
          ← {t("caseLibrary.booklet.back")}
        </Link>
        {cases.length ? <Button onClick={() => window.print()}>{t("caseLibrary.booklet.print")}</Button> : null}
      </div>
      <header className="booklet-sheet card mt-4 flex min-h-[60vh] flex-col justify-center p-10 text-center print:min-h-[240mm]">
        <p className="text-lg text-muted">{call.year}</p>
        <h1 className="mt-3 text-3xl font-bold text-ink md:text-4xl">{t("caseLibrary.booklet.title", { call: callTitle })}</h1>
        <p className="mt-4 text-muted">{t("caseLibrary.booklet.subtitle", { count: cases.length })}</p>
        {call.description ? <p className="mx-auto mt-6 max-w-2xl whitespace-pre-line text-left text-ink">{text(call.description, call.descriptionEn)}</p> : null}
      </header>
      {cases.length === 0 ? (
        <p className="mt-6 text-center text-muted">{t("caseLibrary.booklet.none")}</p>
      ) : (
        <>
          <nav aria-labelledby="booklet-contents" className="booklet-sheet card mt-8 break-before-page p-8">
            <h2 id="booklet-contents" className="text-2xl font-bold text-ink">
              {t("caseLibrary.booklet.contents")}
            </h2>
            <ol className="mt-4 divide-y divide-line">
              {cases.map((item, index) => (
                <li key={item.id} className="flex items-baseline gap-3 py-2">
                  <span className="w-16 shrink-0 text-sm text-muted">{t("caseLibrary.booklet.caseNumber", { number: index + 1 })}</span>
                  <span className="min-w-0">
                    <a href={`#${anchorOf(item)}`} className="font-medium text-ink hover:text-brand-700 hover:underline">
                      {text(item.title, item.titleEn)}
                    </a>
                    <span className="block text-sm text-muted">
                      {[item.organisations.map((entry) => text(entry.name, entry.nameEn)).join(" · "), item.industry ? text(item.industry.name, item.industry.nameEn) : ""].filter(Boolean).join(" | ")}
                    </span>
                  </span>
                </li>
              ))}
            </ol>
          </nav>
          {cases.map((item, index) => (
            <BookletCase key={item.id} item={item} number={index + 1} />
          ))}
        </>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
