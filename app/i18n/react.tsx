import { useMemo } from "react";
import { useRouteLoaderData } from "@remix-run/react";
import { defaultLocale, localized, translatorOf, type Locale } from "./index";
import { loadedCatalog } from "./loaded";

export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale: Locale } | undefined;
  return data?.locale ?? defaultLocale;
}

/** The translate function for the current page's locale. */
export function useT() {
  const locale = useLocale();
  return useMemo(() => translatorOf(loadedCatalog(locale)), [locale]);
}

export function useLocalized() {
  const locale = useLocale();
  return (zh: string, en: string | null | undefined) => localized(locale, zh, en);
}
