import type { Locale, Messages } from "./index";

type CatalogSource = (locale: Locale) => Partial<Messages> | undefined;

let source: CatalogSource = () => undefined;

/**
 * Where a component's messages come from. The server hands in every catalogue (entry.server.tsx); the
 * browser hands in the one its page loaded as a cacheable script (entry.client.tsx, routes/i18n.$file.ts), so
 * the bundles carry no messages and a page's HTML carries none either.
 */
export function provideCatalogs(next: CatalogSource) {
  source = next;
}

export function loadedCatalog(locale: Locale): Partial<Messages> | undefined {
  return source(locale);
}
