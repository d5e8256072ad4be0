import { getPublishedEventBySlug } from "~/models/event.server";
import { eventPageUrl, shareImagePng, shareImageTag, siteCardPng, type ShareImageKind } from "~/models/poster.server";
import { localeFromRequest } from "~/utils/i18n.server";
import { qrPng } from "~/utils/qrcode.server";

/**
 * Answers for the share images. Each carries an ETag naming the event version it was drawn from, so a chat
 * app or browser that asks again gets a 304 without a drawing; ten minutes of freshness keeps a share storm
 * from revalidating on every view, and an edited event shows its new poster within that time.
 */
function pngResponse(request: Request, tag: string, png: () => Promise<Buffer>): Promise<Response> | Response {
  const headers = {
    "Cache-Control": "public, max-age=600",
    ETag: tag,
    // The text is in the reader's language (cookie, else Accept-Language).
    Vary: "Accept-Language, Cookie",
  };
  if (request.headers.get("If-None-Match") === tag) return new Response(null, { status: 304, headers });
  return png().then((bytes) => new Response(new Uint8Array(bytes), { headers: { ...headers, "Content-Type": "image/png", "Content-Length": String(bytes.byteLength) } }));
}

const notFoundAnswer = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function eventShareImage(request: Request, slug: string, kind: ShareImageKind): Promise<Response> {
  const event = await getPublishedEventBySlug(slug);
  if (!event) return notFoundAnswer();
  const locale = localeFromRequest(request);
  return pngResponse(request, shareImageTag(event, kind, locale), () => shareImagePng(event, kind, locale));
}

export function siteShareImage(request: Request): Promise<Response> | Response {
  const locale = localeFromRequest(request);
  return pngResponse(request, `"site-${locale}-1"`, () => siteCardPng(locale));
}

/** The page's QR code at twice its 120 px display size; its URL never changes, so neither does the image. */
export async function eventQrCode(slug: string): Promise<Response> {
  if (!(await getPublishedEventBySlug(slug))) return notFoundAnswer();
  const png = qrPng(eventPageUrl(slug), 240, 2);
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png", "Content-Length": String(png.byteLength), "Cache-Control": "public, max-age=86400" } });
}
