import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";

/** Previous / next links with "page n of m"; `href(page)` builds each page's URL, so paging works without JavaScript. */
export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  const t = useT();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("ui.pagination")} className="mt-6 flex items-center justify-between gap-3">
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev" className="btn-secondary">
          ← {t("ui.previous")}
        </Link>
      ) : (
        <span />
      )}
      <p className="text-sm text-muted" aria-current="page">
        {t("ui.pageOf", { page, pages: pageCount })}
      </p>
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next" className="btn-secondary">
          {t("ui.next")} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
