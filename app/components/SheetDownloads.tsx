import { Menu } from "~/components/ui/Menu";
import { useT } from "~/i18n/react";

/** The "Download ▾" menu of a back-office list: XLSX and CSV files; `query` carries the list's current filter. */
export function SheetDownloads({ href, query = {} }: { href: string; query?: Record<string, string> }) {
  const t = useT();
  const link = (format: string) => `${href}?${new URLSearchParams({ ...Object.fromEntries(Object.entries(query).filter(([, value]) => value)), format }).toString()}`;
  return (
    <div className="flex">
      <Menu
        label={t("sheet.download.menu")}
        size="md"
        items={[
          { key: "xlsx", label: t("sheet.format.xlsx"), href: link("xlsx") },
          { key: "csv", label: t("sheet.format.csv"), href: link("csv") },
        ]}
      />
    </div>
  );
}
