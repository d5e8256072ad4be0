import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import { locales } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import type { RootData } from "~/root";
import { Button } from "~/components/ui/Button";

const navClass = ({ isActive }: { isActive: boolean }) =>
  `inline-flex min-h-11 items-center rounded-md px-2.5 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-800" : "text-muted hover:bg-subtle hover:text-ink"}`;

export function SiteHeader() {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const data = useRouteLoaderData("root") as RootData | undefined;
  const user = data?.user;
  const navigation = data?.navigation ?? [];
  return (
    <header className="no-print border-b border-line bg-surface/95">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2">
        {t("nav.skipToContent")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
        <Link to="/" className="mr-auto flex min-h-11 items-center gap-2 text-base font-bold text-brand-800">
          <span aria-hidden="true" className="flex h-8 w-8 items-center justify-center rounded-md bg-brand-700 text-sm text-white">
            智
          </span>
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.menu")} className="flex flex-wrap items-center gap-1">
          {navigation.map((link) => (
            <NavLink key={link.to} to={link.to} end={link.to === "/"} className={navClass}>
              {t(link.label)}
            </NavLink>
          ))}
          {user ? (
            <Form method="post" action="/logout">
              <button type="submit" className="inline-flex min-h-11 items-center rounded-md px-2.5 text-sm text-muted hover:bg-subtle hover:text-ink">
                {t("nav.logout")}
              </button>
            </Form>
          ) : (
            <NavLink to="/login" className={navClass}>
              {t("nav.login")}
            </NavLink>
          )}
          {/* A whole page load: the new language's messages come with the page (app/i18n/loaded.ts). */}
          <Form method="post" action="/language" reloadDocument className="flex items-center gap-1">
            <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
            <label htmlFor="language-select" className="sr-only">
              {t("language.label")}
            </label>
            <select
              id="language-select"
              name="locale"
              defaultValue={locale}
              className="min-h-11 rounded-md border border-line-strong bg-surface px-2 text-sm"
              onChange={(event) => event.currentTarget.form?.requestSubmit()}
            >
              {locales.map((code) => (
                <option key={code} value={code}>
                  {t(`language.${code}`)}
                </option>
              ))}
            </select>
            <noscript>
              <Button type="submit" variant="secondary">
                {t("action.change")}
              </Button>
            </noscript>
          </Form>
        </nav>
      </div>
    </header>
  );
}
