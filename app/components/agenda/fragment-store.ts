/**
 * Server-rendered agenda HTML by cache key, filled by the page's loader on the server. A document request
 * renders the fragment from here instead of also sending it in the hydration data (halving a 200-session
 * page); the browser keeps the server's DOM, and client navigations get the HTML in their loader data.
 * On the client this map stays empty.
 */
const fragments = new Map<string, string>();

export function rememberFragment(key: string, html: string) {
  if (fragments.size > 500) fragments.clear();
  fragments.set(key, html);
}

export function recallFragment(key: string | null): string | undefined {
  return key ? fragments.get(key) : undefined;
}
