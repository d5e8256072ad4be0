import { useRouteLoaderData } from "@remix-run/react";
import { defaultLocale, localized, translator, type Locale } from "./index";

type RootI18n = { locale: Locale };

export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as RootI18n | undefined;
  return data?.locale ?? defaultLocale;
}

/** The translate function for the current page's locale. */
export function useT() {
  return translator(useLocale());
}

export function useLocalized() {
  const locale = useLocale();
  return (zh: string, en: string | null | undefined) => localized(locale, zh, en);
}
