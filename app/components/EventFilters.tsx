import type { ReactNode } from "react";
import { FilterBar, FilterSelect } from "~/components/ui/FilterBar";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import type { EventFilter } from "~/utils/event-listing";
import { monthLabel } from "~/utils/event-listing";

type Facets = { series: { slug: string; title: string; titleEn: string | null }[]; cities: string[]; months: string[] };

/** The series / city / month filters of an event list (children add fields of one list, before these). */
export function EventFilters({ filter, facets, resetTo, idPrefix, children }: { filter: EventFilter; facets: Facets; resetTo: string; idPrefix: string; children?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const filtered = Boolean(filter.series || filter.city || filter.month);
  return (
    <FilterBar
      label={t("site.filter.label")}
      apply={t("site.filter.apply")}
      reset={t("site.filter.reset")}
      resetTo={resetTo}
      filtered={filtered}
      className="sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]"
    >
      {children}
      <FilterSelect
        id={`${idPrefix}-series`}
        name="series"
        label={t("site.filter.series")}
        value={filter.series}
        all={t("site.filter.all")}
        options={facets.series.map((series) => ({ value: series.slug, label: localized(series.title, series.titleEn) }))}
      />
      <FilterSelect
        id={`${idPrefix}-city`}
        name="city"
        label={t("site.filter.city")}
        value={filter.city}
        all={t("site.filter.all")}
        options={facets.cities.map((city) => ({ value: city, label: city }))}
      />
      <FilterSelect
        id={`${idPrefix}-month`}
        name="month"
        label={t("site.filter.month")}
        value={filter.month}
        all={t("site.filter.all")}
        options={facets.months.map((month) => ({ value: month, label: monthLabel(month, locale) }))}
      />
    </FilterBar>
  );
}
