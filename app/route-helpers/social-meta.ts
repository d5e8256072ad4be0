import type { MetaDescriptor } from "@remix-run/node";
import { defaultLocale, type Locale, type Translate } from "~/i18n";
import { translatorIn } from "~/i18n/meta";

/**
 * Open Graph and Twitter card tags for a public page, so a link pasted into a chat or a feed shows a title,
 * a description and a picture. Crawlers want absolute URLs: they are built from APP_URL, which the root
 * loader hands down as `appUrl` (the request's own host may be an internal one behind a proxy).
 */
type MetaArgs = { matches: readonly ({ id: string; data?: unknown } | undefined)[]; location: { pathname: string } };
type RootMeta = { appUrl?: string; locale?: Locale };

export type SharedPage = {
  title: string;
  description: string;
  /** A path on this site answering with a 1200 × 630 PNG; the site card when omitted. */
  image?: string;
  type?: "website" | "article";
};

export function socialMeta({ matches, location }: MetaArgs, describe: (t: Translate, locale: Locale) => SharedPage): MetaDescriptor[] {
  const root = (matches.find((match) => match?.id === "root")?.data ?? {}) as RootMeta;
  const locale = root.locale ?? defaultLocale;
  const t = translatorIn(matches);
  const page = describe(t, locale);
  const base = root.appUrl ?? "";
  const description = clip(page.description, 160);
  const image = `${base}${page.image ?? "/og.png"}`;
  return [
    { title: page.title },
    { name: "description", content: description },
    { property: "og:site_name", content: t("app.name") },
    { property: "og:type", content: page.type ?? "website" },
    { property: "og:title", content: page.title },
    { property: "og:description", content: description },
    { property: "og:url", content: `${base}${location.pathname}` },
    { property: "og:image", content: image },
    { property: "og:image:width", content: "1200" },
    { property: "og:image:height", content: "630" },
    { property: "og:locale", content: locale === "en" ? "en_US" : "zh_CN" },
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:title", content: page.title },
    { name: "twitter:description", content: description },
    { name: "twitter:image", content: image },
  ];
}

// Link previews show two or three lines; a long event description is cut at a word or character boundary.
function clip(text: string, length: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}
