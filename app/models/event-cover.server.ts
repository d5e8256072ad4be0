import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { prisma } from "~/models/store/connection.server";
import { uploadsDirectory } from "~/models/firm.server";
import { DomainError } from "~/utils/domain-error";
import { ImageRejected, responsiveRenditions, type ResponsiveImageRules } from "~/utils/image.server";

export const maxCoverBytes = 8 * 1024 * 1024;
export const coverWidths = [640, 1280, 1920] as const;
const coverRules: ResponsiveImageRules = { accept: ["jpeg", "png", "webp"], maxSide: 8000, minSide: 320, maxPixels: 40_000_000, widths: coverWidths };
const coverTypes = { webp: "image/webp", avif: "image/avif" } as const;
const coverFileName = /^([A-Za-z0-9]{1,40}-[a-f0-9]{16})-([0-9]{2,4})\.(webp|avif)$/;

function coversDirectory() {
  return resolve(uploadsDirectory(), "covers");
}

export type CoverImage = { key: string; widths: number[]; width: number; height: number };

/** The public addresses of a cover's files: one `srcset` per format, and the widest WebP as the fallback. */
export function coverSources(cover: CoverImage) {
  const url = (width: number, format: keyof typeof coverTypes) => `/uploads/covers/${cover.key}-${width}.${format}`;
  const srcSet = (format: keyof typeof coverTypes) => cover.widths.map((width) => `${url(width, format)} ${width}w`).join(", ");
  return { avif: srcSet("avif"), webp: srcSet("webp"), fallback: url(cover.widths[cover.widths.length - 1]!, "webp"), width: cover.width, height: cover.height };
}

export type CoverSources = ReturnType<typeof coverSources>;

export async function eventCover(eventId: string): Promise<CoverImage | null> {
  const row = await (await prisma()).eventCover.findUnique({ where: { eventId } });
  return row ? { key: row.key, widths: JSON.parse(row.widths) as number[], width: row.width, height: row.height } : null;
}

/**
 * Stores an event's cover as WebP and AVIF in each width of `coverWidths` (utils/image.server.ts decodes the
 * upload and writes it anew, so nothing but its pixels survives). File names carry the hash of the pixels
 * written, so they can be cached forever; the previous cover's files are removed once the new one is in place.
 */
export async function saveEventCover(eventId: string, bytes: Uint8Array): Promise<CoverImage> {
  if (bytes.byteLength === 0) throw coverRefused("event.cover.missing");
  if (bytes.byteLength > maxCoverBytes) throw new DomainError("too_large", "cover_too_large", "event.cover.tooLarge", { max: maxCoverBytes / 1024 / 1024 }, { cover: "event.cover.tooLarge" });
  let renditions;
  try {
    renditions = await responsiveRenditions(bytes, coverRules);
  } catch (error) {
    if (!(error instanceof ImageRejected)) throw error;
    if (error.reason === "dimensions") throw coverRefused("event.cover.dimensions");
    throw new DomainError("unsupported", "cover_not_image", "event.cover.notImage", undefined, { cover: "event.cover.notImage" });
  }
  const hash = createHash("sha256");
  for (const rendition of renditions) hash.update(rendition.bytes);
  const key = `${eventId}-${hash.digest("hex").slice(0, 16)}`;
  const directory = coversDirectory();
  mkdirSync(directory, { recursive: true });
  for (const rendition of renditions) {
    // Write then rename, so a reader never sees half a file.
    const temporary = resolve(directory, `.${randomUUID()}.tmp`);
    writeFileSync(temporary, rendition.bytes);
    renameSync(temporary, resolve(directory, `${key}-${rendition.width}.${rendition.format}`));
  }
  const widest = renditions[renditions.length - 1]!;
  const cover: CoverImage = { key, widths: [...new Set(renditions.map((rendition) => rendition.width))], width: widest.width, height: widest.height };
  const data = { key, widths: JSON.stringify(cover.widths), width: cover.width, height: cover.height };
  await (await prisma()).eventCover.upsert({ where: { eventId }, update: data, create: { eventId, ...data } });
  removeCoverFiles(eventId, key);
  return cover;
}

export async function removeEventCover(eventId: string) {
  await (await prisma()).eventCover.deleteMany({ where: { eventId } });
  removeCoverFiles(eventId, null);
}

// The files of the event's other covers (all of them when `keep` is null).
function removeCoverFiles(eventId: string, keep: string | null) {
  let names: string[];
  try {
    names = readdirSync(coversDirectory());
  } catch {
    return;
  }
  for (const name of names) {
    const key = coverFileName.exec(name)?.[1];
    if (key && key.startsWith(`${eventId}-`) && key !== keep) rmSync(resolve(coversDirectory(), name), { force: true });
  }
}

/** Reads a stored cover file by its public name; null for anything that is not exactly one of our files. */
export function readCoverFile(fileName: string): { body: Buffer; contentType: string } | null {
  const match = coverFileName.exec(fileName);
  if (!match) return null;
  try {
    return { body: readFileSync(resolve(coversDirectory(), fileName)), contentType: coverTypes[match[3] as keyof typeof coverTypes] };
  } catch {
    return null;
  }
}

function coverRefused(key: "event.cover.missing" | "event.cover.dimensions") {
  return new DomainError("invalid", "cover_invalid", key, undefined, { cover: key });
}
