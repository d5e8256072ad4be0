import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { Localized } from "~/components/Localized";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { getPublicFirm, logoUrl } from "~/models/firm.server";
import { notFound } from "~/utils/http.server";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.firm.name ?? "" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const firm = await getPublicFirm(params.firmId ?? "");
  if (!firm) notFound();
  return {
    firm: {
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
  };
}

export default function FirmProfilePage() {
  const { firm } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const name = localized(firm.name, firm.nameEn);
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-6">
      <Link to="/programme" className="text-sm text-brand-700 hover:underline">
        ← {t("programme.profile.back")}
      </Link>
      <div className="mt-3 flex items-center gap-4">
        {firm.logo ? <img src={firm.logo} alt={t("programme.directory.logoAlt", { firm: name })} className="h-16 w-16 rounded object-contain" /> : null}
        <div>
          <h1 className="text-2xl font-bold">{name}</h1>
          <p className="text-slate-700">
            <Localized zh={firm.industry} en={firm.industryEn} /> · <Localized zh={firm.city} en={firm.cityEn} />
            {firm.founding ? ` · ${t("programme.founding.badge")}` : ""}
          </p>
          {firm.memberSince ? <p className="text-sm text-slate-600">{t("programme.directory.memberSince", { date: formatDate(firm.memberSince, "Asia/Shanghai", locale) })}</p> : null}
        </div>
      </div>
      {firm.description ? (
        <p className="mt-4 whitespace-pre-line">
          <Localized zh={firm.description} en={firm.descriptionEn} />
        </p>
      ) : null}
      <dl className="card mt-4 grid gap-3">
        {firm.offers ? (
          <div>
            <dt className="text-sm font-medium text-slate-600">{t("programme.profile.offers")}</dt>
            <dd className="whitespace-pre-line">{firm.offers}</dd>
          </div>
        ) : null}
        {firm.needs ? (
          <div>
            <dt className="text-sm font-medium text-slate-600">{t("programme.profile.needs")}</dt>
            <dd className="whitespace-pre-line">{firm.needs}</dd>
          </div>
        ) : null}
        {firm.website ? (
          <div>
            <dt className="text-sm font-medium text-slate-600">{t("programme.profile.website")}</dt>
            <dd>
              <a href={firm.website} rel="noopener noreferrer nofollow" className="text-brand-700 underline">
                {firm.website}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
