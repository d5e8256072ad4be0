import { useT } from "~/i18n/react";

/** The XLSX and CSV download buttons of a back-office list; `query` carries the list's current filter. */
export function SheetDownloads({ href, query = {} }: { href: string; query?: Record<string, string> }) {
  const t = useT();
  const link = (format: string) => `${href}?${new URLSearchParams({ ...Object.fromEntries(Object.entries(query).filter(([, value]) => value)), format }).toString()}`;
  return (
    <span className="flex flex-wrap gap-2 text-sm">
      <a className="btn-secondary" href={link("xlsx")} download>
        {t("sheet.download.xlsx")}
      </a>
      <a className="btn-secondary" href={link("csv")} download>
        {t("sheet.download.csv")}
      </a>
    </span>
  );
}
