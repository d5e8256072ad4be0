import type { MetaDescriptor } from "@remix-run/node";
import { defaultLocale, isLocale, translatorOf, type Locale, type MessageKey } from "./index";
import { loadedCatalog } from "./loaded";

type Matches = readonly ({ id: string; data?: unknown } | undefined)[];

/** The reader's locale inside a meta function: the root loader's choice. */
export function localeOf(matches: Matches): Locale {
  const root = matches.find((match) => match?.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : defaultLocale;
}

/** The translate function inside a meta function, which also runs in the browser. */
export function translatorIn(matches: Matches) {
  return translatorOf(loadedCatalog(localeOf(matches)));
}

/** A meta function whose page title is one message, in the reader's language only (never "中文 · English"). */
export function titled(key: MessageKey, ...more: MetaDescriptor[]) {
  return ({ matches }: { matches: Matches }): MetaDescriptor[] => [{ title: translatorIn(matches)(key) }, ...more];
}
