import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { imageSize } from "image-size";
import { z } from "zod";
import { prisma } from "~/utils/db.server";
import { dataDirectory, env } from "~/utils/env.server";
import { HttpError } from "~/utils/http.server";
import { invalidInput, parseOrThrow } from "./event.server";

/** The people directory, reused across events (issue 3 §3). */
export const speakerSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(100, "agenda.validation.tooLong"),
  nameEn: z.string().trim().max(100, "agenda.validation.tooLong").default(""),
  organization: z.string().trim().max(200, "agenda.validation.tooLong").default(""),
  jobTitle: z.string().trim().max(200, "agenda.validation.tooLong").default(""),
  bio: z.string().trim().max(5000, "agenda.validation.tooLong").default(""),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "agenda.validation.tooLong")
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || z.string().email().safeParse(value).success, "validation.email"),
});

/** `createdById`: the organizer adding the person, who may then edit them before they are on any agenda. */
export async function createSpeaker(input: unknown, createdById: string | null = null) {
  const facts = parseOrThrow(speakerSchema, input);
  return (await prisma()).speaker.create({ data: { ...facts, createdById } });
}

export async function updateSpeaker(speakerId: string, input: unknown) {
  const facts = parseOrThrow(speakerSchema, input);
  await getSpeakerOrThrow(speakerId);
  return (await prisma()).speaker.update({ where: { id: speakerId }, data: facts });
}

export async function getSpeakerOrThrow(speakerId: string) {
  const speaker = await (await prisma()).speaker.findUnique({ where: { id: speakerId } });
  if (!speaker) throw new HttpError(404, "not_found", "error.notFound.body");
  return speaker;
}

export async function getSpeakerWithSessions(speakerId: string) {
  return (await prisma()).speaker.findUnique({
    where: { id: speakerId },
    include: { sessions: { include: { session: { include: { event: { select: { id: true, title: true, titleEn: true, timeZone: true } } } } } } },
  });
}

/** The directory, each person with the events they appear at (the scope `canManageSpeaker` decides on). */
export async function listSpeakers({ query = "", take = 500 }: { query?: string; take?: number } = {}) {
  const q = query.trim();
  const speakers = await (await prisma()).speaker.findMany({
    where: q ? { OR: [{ name: { contains: q } }, { nameEn: { contains: q } }, { organization: { contains: q } }] } : {},
    include: { sessions: { select: { session: { select: { event: { select: { id: true, seriesId: true } } } } } } },
    orderBy: { name: "asc" },
    take,
  });
  return speakers.map(({ sessions, ...speaker }) => ({ ...speaker, events: sessions.map((row) => row.session.event) }));
}

export async function findSpeakerByName(name: string, organization = "") {
  return (await prisma()).speaker.findFirst({ where: { name, organization } });
}

// ───────────────────────────── Photos ─────────────────────────────

export const maxPhotoBytes = 2 * 1024 * 1024;
const photoTypes = { jpg: "image/jpeg", png: "image/png", webp: "image/webp", gif: "image/gif" } as const;
type PhotoType = keyof typeof photoTypes;

function uploadsDirectory() {
  return resolve(dataDirectory(env().DATABASE_URL), "uploads", "speakers");
}

/**
 * Stores a speaker's photo after checking what the bytes really are (magic numbers via image-size), not the
 * file name or the browser's claimed type. Oversized or non-image files are refused with a field error.
 */
export async function saveSpeakerPhoto(speakerId: string, bytes: Uint8Array) {
  await getSpeakerOrThrow(speakerId);
  if (bytes.byteLength === 0) throw invalidInput({ photo: "agenda.validation.photoType" });
  if (bytes.byteLength > maxPhotoBytes) throw invalidInput({ photo: "agenda.validation.photoSize" });
  let type: string | undefined;
  let width = 0;
  let height = 0;
  try {
    const size = imageSize(bytes);
    type = size.type;
    width = size.width ?? 0;
    height = size.height ?? 0;
  } catch {
    type = undefined;
  }
  if (!type || !(type in photoTypes) || width < 1 || height < 1 || width > 8000 || height > 8000) {
    throw invalidInput({ photo: "agenda.validation.photoType" });
  }
  const directory = uploadsDirectory();
  mkdirSync(directory, { recursive: true });
  const fileName = `${speakerId}.${type}`;
  const temporary = join(directory, `.${fileName}.${process.pid}.tmp`);
  writeFileSync(temporary, bytes);
  renameSync(temporary, join(directory, fileName));
  return (await prisma()).speaker.update({ where: { id: speakerId }, data: { photoPath: fileName } });
}

/** The stored photo for the resource route, or null. The path is our own file name, never user input. */
export async function readSpeakerPhoto(speakerId: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  const speaker = await (await prisma()).speaker.findUnique({ where: { id: speakerId }, select: { photoPath: true } });
  if (!speaker?.photoPath) return null;
  const type = speaker.photoPath.split(".").pop() as PhotoType;
  if (!(type in photoTypes)) return null;
  try {
    return { bytes: readFileSync(join(uploadsDirectory(), speaker.photoPath)), contentType: photoTypes[type] };
  } catch {
    return null;
  }
}

export function speakerPhotoUrl(speaker: { id: string; photoPath: string | null; updatedAt?: Date }) {
  return speaker.photoPath ? `/speakers/${speaker.id}/photo${speaker.updatedAt ? `?v=${speaker.updatedAt.getTime()}` : ""}` : null;
}
