import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { Localized } from "~/components/Localized";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { listMembers, logoUrl } from "~/models/firm.server";
import { page } from "~/utils/route.server";
import { formatDate } from "~/utils/time";
import { titled } from "~/i18n/meta";

export const meta = titled("title.programme-index");

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
    const [{ programme, firms, industries, cities }, founders] = await Promise.all([listMembers(filter), listMembers({ founding: true })]);
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
      founders: founders.firms.map(card),
      firms: firms.map(card),
      industries,
      cities,
      filter: { q: filter.q, industry: filter.industry, city: filter.city, kind: kind === "founding" || kind === "new" ? kind : "" },
    };
  });
}

type Card = ReturnType<typeof useLoaderData<typeof loader>>["firms"][number];

function FirmLogo({ firm, size = "h-12 w-12" }: { firm: Card; size?: string }) {
  const t = useT();
  const localized = useLocalized();
  const name = localized(firm.name, firm.nameEn);
  return firm.logo ? (
    <img src={firm.logo} alt={t("programme.directory.logoAlt", { firm: name })} className={`${size} shrink-0 rounded object-contain`} />
  ) : (
    <span aria-hidden="true" className={`${size} flex shrink-0 items-center justify-center rounded bg-brand-50 text-lg font-bold text-brand-800`}>
      {name.slice(0, 1)}
    </span>
  );
}

export default function ProgrammePage() {
  const { programme, founders, firms, industries, cities, filter } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const filtered = Boolean(filter.q || filter.industry || filter.city || filter.kind);
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">{localized(programme.name, programme.nameEn)}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("programme.launchedOn", { date: formatDate(programme.launchedAt, "Asia/Shanghai", locale) })}</p>
      <p className="mt-3 max-w-3xl text-slate-800">
        <Localized zh={programme.description} en={programme.descriptionEn} />
      </p>

      <section aria-labelledby="founding-heading" className="mt-8">
        <h2 id="founding-heading" className="text-xl font-semibold">
          {t("programme.founding.heading")}
        </h2>
        <p className="mt-1 text-slate-700">{t("programme.founding.intro", { count: founders.length })}</p>
        <ul className="mt-3 flex flex-wrap gap-2">
          {founders.map((firm) => (
            <li key={firm.id}>
              <Link to={`/programme/firms/${firm.id}`} className="flex items-center gap-2 rounded border border-slate-200 bg-white px-3 py-2 text-sm hover:border-brand-600">
                <FirmLogo firm={firm} size="h-6 w-6" />
                {localized(firm.name, firm.nameEn)}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="directory-heading" className="mt-8">
        <h2 id="directory-heading" className="text-xl font-semibold">
          {t("programme.directory.heading")}
        </h2>
        <Form method="get" className="card mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" role="search">
          <div className="lg:col-span-2">
            <label htmlFor="directory-q" className="field-label">
              {t("programme.directory.search")}
            </label>
            <input id="directory-q" name="q" type="search" defaultValue={filter.q} className="field-input" maxLength={100} />
          </div>
          <div>
            <label htmlFor="directory-industry" className="field-label">
              {t("programme.directory.industry")}
            </label>
            <select id="directory-industry" name="industry" defaultValue={filter.industry} className="field-input">
              <option value="">{t("programme.directory.all")}</option>
              {industries.map((industry) => (
                <option key={industry} value={industry}>
                  {industry}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="directory-city" className="field-label">
              {t("programme.directory.city")}
            </label>
            <select id="directory-city" name="city" defaultValue={filter.city} className="field-input">
              <option value="">{t("programme.directory.all")}</option>
              {cities.map((city) => (
                <option key={city} value={city}>
                  {city}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="directory-kind" className="field-label">
              {t("programme.directory.kind")}
            </label>
            <select id="directory-kind" name="kind" defaultValue={filter.kind} className="field-input">
              <option value="">{t("programme.directory.all")}</option>
              <option value="founding">{t("programme.directory.foundingOnly")}</option>
              <option value="new">{t("programme.directory.othersOnly")}</option>
            </select>
          </div>
          <div className="flex gap-2 lg:col-span-5">
            <button type="submit" className="btn">
              {t("programme.directory.apply")}
            </button>
            {filtered ? (
              <Link to="/programme" className="btn-secondary">
                {t("programme.directory.reset")}
              </Link>
            ) : null}
          </div>
        </Form>
        <p className="mt-3 text-sm text-slate-700" role="status">
          {t("programme.directory.count", { count: firms.length })}
        </p>
        {firms.length === 0 ? <p className="mt-2 text-slate-700">{t("programme.directory.none")}</p> : null}
        <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {firms.map((firm) => (
            <li key={firm.id} className="card flex gap-3">
              <FirmLogo firm={firm} />
              <div className="min-w-0">
                <h3 className="font-semibold">
                  <Link to={`/programme/firms/${firm.id}`} className="hover:underline">
                    {localized(firm.name, firm.nameEn)}
                  </Link>
                </h3>
                <p className="text-sm text-slate-600">
                  <Localized zh={firm.industry} en={firm.industryEn} /> · <Localized zh={firm.city} en={firm.cityEn} />
                  {firm.founding ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">{t("programme.founding.badge")}</span> : null}
                </p>
                {firm.description ? (
                  <p className="mt-1 line-clamp-3 text-sm text-slate-800">
                    <Localized zh={firm.description} en={firm.descriptionEn} />
                  </p>
                ) : null}
                {firm.memberSince ? <p className="mt-1 text-xs text-slate-600">{t("programme.directory.memberSince", { date: formatDate(firm.memberSince, "Asia/Shanghai", locale) })}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="join-heading" className="card mt-8">
        <h2 id="join-heading" className="text-xl font-semibold">
          {t("programme.join.heading")}
        </h2>
        <ol className="mt-2 list-decimal space-y-1 pl-6 text-slate-800">
          <li>{t("programme.join.step1")}</li>
          <li>{t("programme.join.step2")}</li>
          <li>{t("programme.join.step3")}</li>
        </ol>
        <Link to="/programme/apply" className="btn mt-4">
          {t("programme.join.cta")}
        </Link>
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
