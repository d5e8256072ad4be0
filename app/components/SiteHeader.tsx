import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import { locales } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import type { RootData } from "~/root";

const navClass = ({ isActive }: { isActive: boolean }) => `rounded px-2 py-2 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:text-brand-700"}`;

export function SiteHeader() {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const data = useRouteLoaderData("root") as RootData | undefined;
  const user = data?.user;
  const navigation = data?.navigation ?? [];
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        {t("nav.skipToContent")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
        <Link to="/" className="mr-auto py-2 text-base font-bold text-brand-800">
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
              <button type="submit" className="rounded px-2 py-2 text-sm text-slate-700 hover:text-brand-700">
                {t("nav.logout")}
              </button>
            </Form>
          ) : (
            <NavLink to="/login" className={navClass}>
              {t("nav.login")}
            </NavLink>
          )}
          <Form method="post" action="/language" className="flex items-center gap-1">
            <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
            <label htmlFor="language-select" className="sr-only">
              {t("language.label")}
            </label>
            <select
              id="language-select"
              name="locale"
              defaultValue={locale}
              className="min-h-11 rounded border border-slate-300 bg-white px-2 text-sm"
              onChange={(event) => event.currentTarget.form?.requestSubmit()}
            >
              {locales.map((code) => (
                <option key={code} value={code}>
                  {t(`language.${code}`)}
                </option>
              ))}
            </select>
            <noscript>
              <button type="submit" className="btn-secondary">
                {t("action.change")}
              </button>
            </noscript>
          </Form>
        </nav>
      </div>
    </header>
  );
}
