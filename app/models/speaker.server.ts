import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { prisma } from "~/models/store/connection.server";
import { dataDirectory, env } from "~/utils/env.server";
import { DomainError } from "~/utils/domain-error";
import { ImageRejected, reencodeImage, type ImageRules } from "~/utils/image.server";
import { speakerSchema, type SpeakerFacts } from "~/schemas/agenda";
import { invalidInput, parseOrThrow } from "./event.server";

/** A person from raw facts (the seed): checked by the directory form's schema first. */
export async function createSpeaker(input: unknown, createdById: string | null = null) {
  return addSpeaker(parseOrThrow(speakerSchema, input), createdById);
}

/** `createdById`: the organizer adding the person, who may then edit them before they are on any agenda. */
export async function addSpeaker(facts: SpeakerFacts, createdById: string | null = null) {
  return (await prisma()).speaker.create({ data: { ...facts, createdById } });
}

export async function updateSpeaker(speakerId: string, facts: SpeakerFacts) {
  await getSpeakerOrThrow(speakerId);
  return (await prisma()).speaker.update({ where: { id: speakerId }, data: facts });
}

export async function getSpeakerOrThrow(speakerId: string) {
  const speaker = await (await prisma()).speaker.findUnique({ where: { id: speakerId } });
  if (!speaker) throw new DomainError("not_found", "not_found", "error.notFound.body");
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
  const speakers = await (
    await prisma()
  ).speaker.findMany({
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
const photoRules: ImageRules = { accept: ["jpeg", "png", "webp", "gif"], maxSide: 8000, maxPixels: 40_000_000, output: "jpeg", fitWithin: 1024 };
// Photos are stored as JPEG; the other names are still served for files stored before that.
const photoTypes = { jpg: "image/jpeg", png: "image/png", webp: "image/webp", gif: "image/gif" } as const;
type PhotoType = keyof typeof photoTypes;

function uploadsDirectory() {
  return resolve(dataDirectory(env().DATABASE_URL), "uploads", "speakers");
}

/**
 * Stores a speaker's photo re-encoded as JPEG from its decoded pixels (utils/image.server.ts): upright, at
 * most 1024 px, without EXIF. Oversized or non-image files are refused with a field error.
 */
export async function saveSpeakerPhoto(speakerId: string, bytes: Uint8Array) {
  const speaker = await getSpeakerOrThrow(speakerId);
  if (bytes.byteLength === 0) throw invalidInput({ photo: "agenda.validation.photoType" });
  if (bytes.byteLength > maxPhotoBytes) throw invalidInput({ photo: "agenda.validation.photoSize" });
  let image;
  try {
    image = await reencodeImage(bytes, photoRules);
  } catch (error) {
    if (!(error instanceof ImageRejected)) throw error;
    throw invalidInput({ photo: error.reason === "dimensions" ? "agenda.validation.photoDimensions" : "agenda.validation.photoType" });
  }
  const directory = uploadsDirectory();
  mkdirSync(directory, { recursive: true });
  const fileName = `${speakerId}.${image.extension}`;
  const temporary = join(directory, `.${fileName}.${process.pid}.tmp`);
  writeFileSync(temporary, image.bytes);
  renameSync(temporary, join(directory, fileName));
  const updated = await (await prisma()).speaker.update({ where: { id: speakerId }, data: { photoPath: fileName } });
  if (speaker.photoPath && speaker.photoPath !== fileName) rmSync(join(directory, speaker.photoPath), { force: true });
  return updated;
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
