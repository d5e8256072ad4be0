import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import type { Event, Series } from "~/generated/prisma/client";
import { localized, translator, type Locale } from "~/i18n";
import { describeEventZone, formatDayRange } from "~/utils/date-range";
import { dataDirectory, env } from "~/utils/env.server";
import { qrPng } from "~/utils/qrcode.server";
import { coverDataUrl, node, renderSharePng, type ShareNode } from "~/utils/share-image.server";
import { formatTime } from "~/utils/time";

/**
 * The share images of an event: the portrait poster (海报) people forward to group chats, with a QR code of
 * the event page, and the 1200 × 630 card link previews show. Both are rendered once per event version and
 * locale and kept in a small in-process cache; the version is the event's `updatedAt` plus its published
 * agenda version, so an edit or a new agenda draws a new image and the old one ages out.
 */
export type ShareEvent = Event & { series: Series | null; coverPath?: string | null };
export type ShareImageKind = "poster" | "card";

const sizes = { poster: { width: 1080, height: 1920 }, card: { width: 1200, height: 630 } } as const;

export function eventPageUrl(slug: string): string {
  return `${env().APP_URL}/events/${encodeURIComponent(slug)}`;
}

/** The image's identity, known before anything is drawn: a request whose ETag matches is answered 304. */
export function shareImageTag(event: ShareEvent, kind: ShareImageKind, locale: Locale): string {
  const version = [kind, event.slug, locale, event.updatedAt.toISOString(), event.publishedVersion, event.coverPath ?? "", env().APP_URL].join("|");
  return `"${kind}-${createHash("sha256").update(version).digest("base64url").slice(0, 22)}"`;
}

// Twenty-four images of at most 400 KB: under 10 MB however many events are shared at once.
const cacheLimit = 24;
const cache = new Map<string, Promise<Buffer>>();

export function shareImagePng(event: ShareEvent, kind: ShareImageKind, locale: Locale): Promise<Buffer> {
  const tag = shareImageTag(event, kind, locale);
  const cached = cache.get(tag);
  if (cached) {
    cache.delete(tag);
    cache.set(tag, cached);
    return cached;
  }
  // The promise is cached, so a burst of first requests draws the image once.
  const drawing = draw(event, kind, locale);
  cache.set(tag, drawing);
  drawing.catch(() => cache.delete(tag));
  if (cache.size > cacheLimit) cache.delete(cache.keys().next().value!);
  return drawing;
}

type PosterText = {
  labels: { when: string; where: string };
  eyebrow: string;
  title: string;
  theme: string;
  when: string;
  zone: string;
  venue: string;
  place: string;
  host: string;
  scan: string;
  url: string;
};

function posterText(event: ShareEvent, locale: Locale): PosterText {
  const t = translator(locale);
  const series = event.series ? localized(locale, event.series.title, event.series.titleEn) : "";
  return {
    eyebrow: [t(`event.kind.${event.kind}`), series].filter(Boolean).join(" · "),
    title: localized(locale, event.title, event.titleEn),
    theme: localized(locale, event.theme, event.themeEn),
    when: `${formatDayRange(event.startsAt, event.endsAt, event.timeZone, locale, t)} ${formatTime(event.startsAt, event.timeZone)}–${formatTime(event.endsAt, event.timeZone)}`,
    zone: describeEventZone(event.startsAt, event.endsAt, event.timeZone, locale, t),
    venue: localized(locale, event.venue, event.venueEn),
    place: [localized(locale, event.city, event.cityEn), event.address].filter(Boolean).join(" · "),
    host: t("share.poster.hostedBy", { host: t("programme.title") }),
    labels: { when: t("event.when"), where: t("event.where") },
    scan: t("share.poster.scan"),
    url: eventPageUrl(event.slug),
  };
}

async function draw(event: ShareEvent, kind: ShareImageKind, locale: Locale): Promise<Buffer> {
  const text = posterText(event, locale);
  const size = sizes[kind];
  const coverBox = kind === "poster" ? { width: size.width, height: 720 } : { width: 480, height: size.height };
  const cover = await coverImage(event.coverPath, coverBox);
  return renderSharePng(kind === "poster" ? poster(text, cover) : card(text, cover), size);
}

/** The organizer's cover, read from the uploads folder; null (a gradient is drawn) when absent or unreadable. */
async function coverImage(coverPath: string | null | undefined, box: { width: number; height: number }): Promise<string | null> {
  if (!coverPath) return null;
  const uploads = resolve(dataDirectory(env().DATABASE_URL), "uploads");
  const file = resolve(uploads, coverPath.replace(/^\/?uploads\//, ""));
  if (relative(uploads, file).startsWith("..")) return null;
  try {
    return await coverDataUrl(await readFile(file), box);
  } catch {
    return null;
  }
}

const ink = "#0f172a";
const muted = "#475569";
const brand = "#1e40af";
const gradient = "linear-gradient(150deg, #1e3a8a 0%, #1e40af 45%, #0e7490 100%)";

function coverBlock(cover: string | null, box: { width: number; height: number }, eyebrow: string): ShareNode {
  if (cover) return node("img", { width: box.width, height: box.height, objectFit: "cover" }, undefined, { src: cover, width: box.width, height: box.height });
  return node("div", { display: "flex", alignItems: "flex-end", width: box.width, height: box.height, backgroundImage: gradient, padding: 72, boxSizing: "border-box" }, [
    node("div", { color: "white", fontSize: 44, fontWeight: 700, opacity: 0.9 }, eyebrow),
  ]);
}

function poster(text: PosterText, cover: string | null): ShareNode {
  const qr = qrPng(text.url, 320, 2);
  const qrSide = qr.readUInt32BE(16);
  const row = (label: string, lines: string[]) =>
    node("div", { display: "flex", flexDirection: "column", marginTop: 28 }, [
      node("div", { fontSize: 28, color: muted }, label),
      ...lines.filter(Boolean).map((line, index) => node("div", { fontSize: index === 0 ? 38 : 30, color: index === 0 ? ink : muted, marginTop: 6 }, line)),
    ]);
  return node("div", { display: "flex", flexDirection: "column", width: 1080, height: 1920, backgroundColor: "#f8fafc", fontFamily: "Noto Sans SC" }, [
    coverBlock(cover, { width: 1080, height: 720 }, text.eyebrow),
    node("div", { display: "flex", flexDirection: "column", flexGrow: 1, padding: "56px 72px 0", boxSizing: "border-box" }, [
      cover ? node("div", { fontSize: 32, fontWeight: 700, color: brand }, text.eyebrow) : null,
      node("div", { fontSize: 68, fontWeight: 700, color: ink, lineHeight: 1.25, marginTop: 12, maxHeight: 255, overflow: "hidden" }, text.title),
      text.theme ? node("div", { fontSize: 36, color: muted, marginTop: 12 }, text.theme) : null,
      row(text.labels.when, [text.when, text.zone]),
      row(text.labels.where, [text.venue, text.place]),
    ]),
    node("div", { display: "flex", alignItems: "center", padding: "40px 72px", backgroundColor: "white", borderTop: "2px solid #e2e8f0" }, [
      node("img", { width: qrSide, height: qrSide }, undefined, { src: `data:image/png;base64,${qr.toString("base64")}`, width: qrSide, height: qrSide }),
      node("div", { display: "flex", flexDirection: "column", marginLeft: 40, flexShrink: 1 }, [
        node("div", { fontSize: 36, fontWeight: 700, color: ink }, text.scan),
        node("div", { fontSize: 26, color: muted, marginTop: 12, wordBreak: "break-all" }, text.url),
        node("div", { fontSize: 28, color: brand, marginTop: 24 }, text.host),
      ]),
    ]),
  ]);
}

function card(text: PosterText, cover: string | null): ShareNode {
  return node("div", { display: "flex", width: 1200, height: 630, backgroundColor: "#f8fafc", fontFamily: "Noto Sans SC" }, [
    node("div", { display: "flex", flexDirection: "column", justifyContent: "center", width: 720, padding: "0 56px", boxSizing: "border-box" }, [
      node("div", { fontSize: 28, fontWeight: 700, color: brand }, text.eyebrow),
      node("div", { fontSize: 52, fontWeight: 700, color: ink, lineHeight: 1.25, marginTop: 16, maxHeight: 195, overflow: "hidden" }, text.title),
      node("div", { fontSize: 28, color: ink, marginTop: 28 }, text.when),
      node("div", { fontSize: 26, color: muted, marginTop: 8 }, [text.venue, text.place].filter(Boolean).join(" · ")),
    ]),
    coverBlock(cover, { width: 480, height: 630 }, ""),
  ]);
}

/** The link-preview card of pages that are not an event: the programme's name on the house gradient. */
export function siteCardPng(locale: Locale): Promise<Buffer> {
  const tag = `site|${locale}`;
  const cached = cache.get(tag);
  if (cached) return cached;
  const t = translator(locale);
  const drawing = renderSharePng(
    node(
      "div",
      {
        display: "flex",
        flexDirection: "column",
        justifyContent: "center",
        width: 1200,
        height: 630,
        padding: "0 80px",
        boxSizing: "border-box",
        backgroundImage: gradient,
        color: "white",
        fontFamily: "Noto Sans SC",
      },
      [node("div", { fontSize: 72, fontWeight: 700 }, t("programme.title")), node("div", { fontSize: 40, marginTop: 24, opacity: 0.9 }, t("share.site.tagline"))],
    ),
    sizes.card,
  );
  cache.set(tag, drawing);
  drawing.catch(() => cache.delete(tag));
  return drawing;
}
