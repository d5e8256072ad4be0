import type { LoaderFunctionArgs } from "@remix-run/node";
import { catalogScript } from "~/i18n/catalog-script.server";
import { isLocale } from "~/i18n";
import { acceptedEncoding, compressed } from "~/server/compression";

const packed = new Map<string, Buffer>();

/**
 * `/i18n/<locale>.<version>.js`: the reader's messages, loaded by every page before it hydrates (root.tsx).
 * The versioned address is immutable; the bare `/i18n/<locale>.js` (an error page whose root loader failed)
 * and an outdated version are answered with today's messages, revalidated on every use. Compressed once at
 * the best ratio, as the built assets are: it is the largest script a first visit loads.
 */
export function loader({ params, request }: LoaderFunctionArgs) {
  const [locale, version, extension] = (params.file ?? "").split(".");
  const wanted = extension === undefined ? `/i18n/${locale}.js` : `/i18n/${locale}.${version}.${extension}`;
  if (!isLocale(locale) || !wanted.endsWith(".js")) return new Response("Not found", { status: 404 });
  const script = catalogScript(locale);
  const headers = new Headers({
    "Content-Type": "text/javascript; charset=utf-8",
    "Cache-Control": wanted === script.path ? "public, max-age=31536000, immutable" : "no-cache",
    Vary: "Accept-Encoding",
  });
  const encoding = acceptedEncoding(request.headers.get("Accept-Encoding") ?? undefined);
  if (!encoding) return new Response(script.body, { headers });
  const key = `${script.path} ${encoding}`;
  const bytes = packed.get(key) ?? compressed(Buffer.from(script.body), encoding, "max");
  packed.set(key, bytes);
  headers.set("Content-Encoding", encoding);
  return new Response(new Uint8Array(bytes), { headers });
}
