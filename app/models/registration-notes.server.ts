import { prisma } from "~/models/store/connection.server";
import { DomainError } from "~/utils/domain-error";
import { audit } from "./audit.server";

/**
 * Organizers' notes on one registration: each kept with its author and time, newest first. Adding and deleting
 * are audited; only the author deletes a note (the audit keeps that it existed, never its text).
 */
export async function listRegistrationNotes(registrationId: string) {
  const db = await prisma();
  const notes = await db.registrationNote.findMany({ where: { registrationId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const authors = await db.user.findMany({ where: { id: { in: [...new Set(notes.map((note) => note.authorUserId))] } }, select: { id: true, name: true, email: true } });
  const nameOf = new Map(authors.map((author) => [author.id, author.name || author.email]));
  return notes.map((note) => ({ ...note, authorName: nameOf.get(note.authorUserId) ?? "" }));
}

export async function addRegistrationNote({ eventId, registrationId, body, authorUserId }: { eventId: string; registrationId: string; body: string; authorUserId: string }) {
  const db = await prisma();
  const registration = await db.registration.findFirst({ where: { id: registrationId, eventId }, select: { id: true } });
  if (!registration) throw new DomainError("not_found", "not_found", "error.notFound.body");
  const note = await db.registrationNote.create({ data: { registrationId, body, authorUserId } });
  await audit({ action: "registration.note_added", actorUserId: authorUserId, targetType: "Registration", targetId: registrationId, eventId, details: { noteId: note.id } });
  return note;
}

export async function deleteRegistrationNote({ eventId, registrationId, noteId, actorUserId }: { eventId: string; registrationId: string; noteId: string; actorUserId: string }) {
  const db = await prisma();
  const { count } = await db.registrationNote.deleteMany({ where: { id: noteId, registrationId, authorUserId: actorUserId, registration: { eventId } } });
  if (count === 0) throw new DomainError("not_found", "note_not_found", "registrations.note.notFound");
  await audit({ action: "registration.note_deleted", actorUserId, targetType: "Registration", targetId: registrationId, eventId, details: { noteId } });
}
