import { kysely, prepare } from "./query.server";

/** Published agenda versions (app/models/agenda-version.server.ts) and speaker invitations. */

/** The guarded version bump: a concurrent publish of the same event finds the number moved and changes nothing. */
export const bumpPublishedVersion = prepare((args: { eventId: string; from: number; to: number; at: string }) =>
  kysely.updateTable("Event").set({ publishedVersion: args.to, updatedAt: args.at }).where("id", "=", args.eventId).where("publishedVersion", "=", args.from),
);

/** Publishes a draft event in the agenda's transaction ("publish the event too"); a non-draft event is left as it is. */
export const publishDraftEvent = prepare((args: { eventId: string; at: string }) =>
  kysely.updateTable("Event").set({ status: "PUBLISHED", publishedAt: args.at, updatedAt: args.at }).where("id", "=", args.eventId).where("status", "=", "DRAFT"),
);

export const insertAgendaVersion = prepare((args: { id: string; eventId: string; version: number; snapshot: string; changeSummary: string; publishedAt: string; publishedById: string | null }) =>
  kysely.insertInto("AgendaVersion").values({
    id: args.id,
    eventId: args.eventId,
    version: args.version,
    snapshot: args.snapshot,
    changeSummary: args.changeSummary,
    publishedAt: args.publishedAt,
    publishedById: args.publishedById,
  }),
);

/** Stores the hash of a speaker's response link, once: a role already invited keeps its link. */
export const markSpeakerInvited = prepare((args: { id: string; responseTokenHash: string; at: string }) =>
  kysely.updateTable("SessionSpeaker").set({ responseTokenHash: args.responseTokenHash, invitedAt: args.at }).where("id", "=", args.id).where("invitedAt", "is", null),
);
