import type { LoaderFunctionArgs } from "@remix-run/node";
import { catalogScript } from "~/i18n/catalog-script.server";
import { isLocale } from "~/i18n";

/**
 * `/i18n/<locale>.<version>.js`: the reader's messages, loaded by every page before it hydrates (root.tsx).
 * The versioned address is immutable; the bare `/i18n/<locale>.js` (an error page whose root loader failed)
 * and an outdated version are answered with today's messages, revalidated on every use.
 */
export function loader({ params }: LoaderFunctionArgs) {
  const [locale, version, extension] = (params.file ?? "").split(".");
  const wanted = extension === undefined ? `/i18n/${locale}.js` : `/i18n/${locale}.${version}.${extension}`;
  if (!isLocale(locale) || !wanted.endsWith(".js")) return new Response("Not found", { status: 404 });
  const script = catalogScript(locale);
  return new Response(script.body, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": wanted === script.path ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
