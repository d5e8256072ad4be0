import { ButtonLink } from "./Button";
import { useT } from "~/i18n/react";

/** Previous / next links with "page n of m"; `href(page)` builds each page's URL, so paging works without JavaScript. */
export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  const t = useT();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("ui.pagination")} className="mt-6 flex items-center justify-between gap-3">
      {page > 1 ? (
        <ButtonLink variant="secondary" to={href(page - 1)} rel="prev">
          ← {t("ui.previous")}
        </ButtonLink>
      ) : (
        <span />
      )}
      <p className="text-sm text-muted" aria-current="page">
        {t("ui.pageOf", { page, pages: pageCount })}
      </p>
      {page < pageCount ? (
        <ButtonLink variant="secondary" to={href(page + 1)} rel="next">
          {t("ui.next")} →
        </ButtonLink>
      ) : (
        <span />
      )}
    </nav>
  );
}
