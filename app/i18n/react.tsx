import { useMemo } from "react";
import { useRouteLoaderData } from "@remix-run/react";
import { defaultLocale, localized, translatorOf, type Locale, type Messages } from "./index";

/** What the root loader hands every page: the reader's language and that language's messages only. */
type RootI18n = { locale: Locale; messages: Messages };

function useRootI18n() {
  return useRouteLoaderData("root") as RootI18n | undefined;
}

export function useLocale(): Locale {
  return useRootI18n()?.locale ?? defaultLocale;
}

/** The translate function for the current page's locale. */
export function useT() {
  const messages = useRootI18n()?.messages;
  return useMemo(() => translatorOf(messages), [messages]);
}

export function useLocalized() {
  const locale = useLocale();
  return (zh: string, en: string | null | undefined) => localized(locale, zh, en);
}
