import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import type { EventFilter } from "~/utils/event-listing";
import { monthLabel } from "~/utils/event-listing";

type Facets = { series: { slug: string; title: string; titleEn: string | null }[]; cities: string[]; months: string[] };

/** The series / city / month filters of an event list: a GET form, so it works without JavaScript and each filtered list has its own URL. */
export function EventFilters({ filter, facets, resetTo, idPrefix, children }: { filter: EventFilter; facets: Facets; resetTo: string; idPrefix: string; children?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const filtered = Boolean(filter.series || filter.city || filter.month);
  return (
    <Form method="get" role="search" aria-label={t("site.filter.label")} className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end">
      {children}
      <div>
        <label htmlFor={`${idPrefix}-series`} className="field-label">
          {t("site.filter.series")}
        </label>
        <select id={`${idPrefix}-series`} name="series" defaultValue={filter.series} className="field-input">
          <option value="">{t("site.filter.all")}</option>
          {facets.series.map((series) => (
            <option key={series.slug} value={series.slug}>
              {localized(series.title, series.titleEn)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-city`} className="field-label">
          {t("site.filter.city")}
        </label>
        <select id={`${idPrefix}-city`} name="city" defaultValue={filter.city} className="field-input">
          <option value="">{t("site.filter.all")}</option>
          {facets.cities.map((city) => (
            <option key={city} value={city}>
              {city}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-month`} className="field-label">
          {t("site.filter.month")}
        </label>
        <select id={`${idPrefix}-month`} name="month" defaultValue={filter.month} className="field-input">
          <option value="">{t("site.filter.all")}</option>
          {facets.months.map((month) => (
            <option key={month} value={month}>
              {monthLabel(month, locale)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
        <button type="submit" className="btn flex-1 lg:flex-none">
          {t("site.filter.apply")}
        </button>
        {filtered ? (
          <Link to={resetTo} className="btn-secondary flex-1 lg:flex-none">
            {t("site.filter.reset")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
