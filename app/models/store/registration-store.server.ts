import type { RegistrationStatus } from "../../generated/kysely/database";
import { kysely, prepare } from "./query.server";

/**
 * Registration rows (DESIGN.md §4.1–§4.3): every status transition is guarded by the status it leaves, so two
 * transitions of one registration cannot both happen.
 */
const stateColumns = ["id", "eventId", "status", "categoryId", "firmId", "email", "ticketCode"] as const;

export const registrationState = prepare((args: { id: string }) => kysely.selectFrom("Registration").select(stateColumns).where("id", "=", args.id));

export const registrationStateByEmail = prepare((args: { eventId: string; emailNormalized: string }) =>
  kysely.selectFrom("Registration").select(stateColumns).where("eventId", "=", args.eventId).where("emailNormalized", "=", args.emailNormalized),
);

/** The waitlist in the order it moves up: first come, first served. */
export const waitlistOf = prepare((args: { eventId: string }) =>
  kysely.selectFrom("Registration").select(stateColumns).where("eventId", "=", args.eventId).where("status", "=", "WAITLISTED").orderBy("waitlistedAt").orderBy("createdAt").orderBy("id").limit(1000),
);

/** What one submit writes: the whole row, for a new registration and for a cancelled one registering again. */
export type RegistrationValues = {
  categoryId: string | null;
  firmId: string | null;
  inviteCodeId: string | null;
  status: RegistrationStatus;
  name: string;
  email: string;
  organization: string;
  phone: string | null;
  jobTitle: string | null;
  answers: string;
  locale: string;
  ticketCode: string;
  consentAt: string;
  consentNoticeVersion: string;
  waitlistedAt: string | null;
  ticketSentAt: string | null;
  holdExpiresAt: string | null;
  confirmTokenHash: string | null;
  updatedAt: string;
};

function submitted(args: RegistrationValues) {
  return {
    categoryId: args.categoryId,
    firmId: args.firmId,
    inviteCodeId: args.inviteCodeId,
    status: args.status,
    name: args.name,
    email: args.email,
    organization: args.organization,
    phone: args.phone,
    jobTitle: args.jobTitle,
    answers: args.answers,
    locale: args.locale,
    ticketCode: args.ticketCode,
    consentAt: args.consentAt,
    consentNoticeVersion: args.consentNoticeVersion,
    waitlistedAt: args.waitlistedAt,
    ticketSentAt: args.ticketSentAt,
    holdExpiresAt: args.holdExpiresAt,
    confirmTokenHash: args.confirmTokenHash,
    updatedAt: args.updatedAt,
  };
}

export const insertRegistration = prepare((args: RegistrationValues & { id: string; eventId: string; emailNormalized: string; manageTokenHash: string; createdAt: string }) =>
  kysely.insertInto("Registration").values({
    id: args.id,
    eventId: args.eventId,
    emailNormalized: args.emailNormalized,
    manageTokenHash: args.manageTokenHash,
    createdAt: args.createdAt,
    ...submitted(args),
  }),
);

export const registerAgain = prepare((args: RegistrationValues & { id: string }) =>
  kysely
    .updateTable("Registration")
    .set({ ...submitted(args), cancelledAt: null, decidedAt: null })
    .where("id", "=", args.id)
    .where("status", "=", "CANCELLED"),
);

export const confirmFromWaitlist = prepare((args: { id: string; now: string }) =>
  kysely.updateTable("Registration").set({ status: "CONFIRMED", ticketSentAt: args.now, updatedAt: args.now }).where("id", "=", args.id).where("status", "=", "WAITLISTED"),
);

/** Cancelling kills the ticket code: the caller passes a new one. */
export const markCancelled = prepare((args: { id: string; from: RegistrationStatus; ticketCode: string; now: string }) =>
  kysely.updateTable("Registration").set({ status: "CANCELLED", ticketCode: args.ticketCode, cancelledAt: args.now, updatedAt: args.now }).where("id", "=", args.id).where("status", "=", args.from),
);

export const markApproved = prepare((args: { id: string; status: RegistrationStatus; now: string; waitlistedAt: string | null }) =>
  kysely
    .updateTable("Registration")
    .set({ status: args.status, decidedAt: args.now, ticketSentAt: args.now, waitlistedAt: args.waitlistedAt, updatedAt: args.now })
    .where("id", "=", args.id)
    .where("status", "=", "PENDING_APPROVAL"),
);

export const markRejected = prepare((args: { id: string; from: RegistrationStatus; ticketCode: string; now: string }) =>
  kysely.updateTable("Registration").set({ status: "REJECTED", ticketCode: args.ticketCode, decidedAt: args.now, updatedAt: args.now }).where("id", "=", args.id).where("status", "=", args.from),
);

/** Claims the right to re-send the registration's e-mail: changes nothing when one went out after `sentBefore`. */
export const claimResend = prepare((args: { id: string; now: string; sentBefore: string }) =>
  kysely
    .updateTable("Registration")
    .set({ ticketSentAt: args.now })
    .where("id", "=", args.id)
    .where((eb) => eb.or([eb("ticketSentAt", "is", null), eb("ticketSentAt", "<=", args.sentBefore)])),
);

export const manageTokenOf = prepare((args: { id: string }) => kysely.selectFrom("Registration").select(["manageTokenHash", "manageTokenVersion"]).where("id", "=", args.id));

export const recordReplacedManageLink = prepare((args: { tokenHash: string; registrationId: string; replacedAt: string }) =>
  kysely.insertInto("ReplacedManageLink").orIgnore().values({ tokenHash: args.tokenHash, registrationId: args.registrationId, replacedAt: args.replacedAt }),
);

export const setManageToken = prepare((args: { id: string; version: number; tokenHash: string }) =>
  kysely.updateTable("Registration").set({ manageTokenVersion: args.version, manageTokenHash: args.tokenHash }).where("id", "=", args.id),
);

/** A manage link a re-send replaced, of a registration whose data still exists. */
export const replacedManageLink = prepare((args: { tokenHash: string }) =>
  kysely
    .selectFrom("ReplacedManageLink as link")
    .innerJoin("Registration as r", "r.id", "link.registrationId")
    .select("link.registrationId")
    .where("link.tokenHash", "=", args.tokenHash)
    .where("r.anonymisedAt", "is", null),
);

export const anonymisedAtOf = prepare((args: { id: string }) => kysely.selectFrom("Registration").select("anonymisedAt").where("id", "=", args.id));

export const holdByConfirmToken = prepare((args: { tokenHash: string }) =>
  kysely.selectFrom("Registration").select(["id", "eventId", "status", "holdExpiresAt", "email", "ticketCode"]).where("confirmTokenHash", "=", args.tokenHash).where("anonymisedAt", "is", null),
);

/** The held place becomes a confirmed one, once, and only before the hold expires. */
export const confirmHold = prepare((args: { id: string; now: string }) =>
  kysely
    .updateTable("Registration")
    .set({ status: "CONFIRMED", holdExpiresAt: null, ticketSentAt: args.now, updatedAt: args.now })
    .where("id", "=", args.id)
    .where("status", "=", "HELD")
    .where("holdExpiresAt", ">", args.now),
);

export const expiredHolds = prepare((args: { now: string }) =>
  kysely.selectFrom("Registration").select("id").where("status", "=", "HELD").where("holdExpiresAt", "<=", args.now).orderBy("holdExpiresAt").limit(500),
);

/** What erasure leaves of a registration's personal data (at the attendee's request, or at the end of retention). */
export function personalDataErased(args: { placeholderEmail: string; manageTokenHash: string; now: string }) {
  return {
    name: "",
    email: args.placeholderEmail,
    emailNormalized: args.placeholderEmail,
    organization: "",
    phone: null,
    jobTitle: null,
    answers: "{}",
    organizerNote: "",
    manageTokenHash: args.manageTokenHash,
    anonymisedAt: args.now,
    updatedAt: args.now,
  };
}

/** Erases the personal data at the attendee's request; the manage link dies with a hash nobody holds the token of. */
export const eraseRegistration = prepare((args: { id: string; placeholderEmail: string; manageTokenHash: string; now: string }) =>
  kysely.updateTable("Registration").set(personalDataErased(args)).where("id", "=", args.id),
);

/** The e-mails sent to the person carry the same personal data, so erasure deletes them too. */
export const deleteEmailsOfRegistration = prepare((args: { registrationId: string }) => kysely.deleteFrom("EmailMessage").where("registrationId", "=", args.registrationId));

export const reissueTicketCode = prepare((args: { id: string; eventId: string; ticketCode: string; now: string }) =>
  kysely
    .updateTable("Registration")
    .set({ ticketCode: args.ticketCode, ticketSentAt: args.now, updatedAt: args.now })
    .where("id", "=", args.id)
    .where("eventId", "=", args.eventId)
    .where("status", "=", "CONFIRMED"),
);

export const emailOf = prepare((args: { id: string }) => kysely.selectFrom("Registration").select("email").where("id", "=", args.id));

// A prepared statement rather than Prisma with includes: this runs once per ticket of a 3,000-ticket send.
export const registrationForEmail = prepare((args: { id: string }) =>
  kysely
    .selectFrom("Registration as r")
    .innerJoin("Event as e", "e.id", "r.eventId")
    .leftJoin("TicketCategory as c", "c.id", "r.categoryId")
    .select([
      "r.id",
      "r.name",
      "r.locale",
      "r.status",
      "r.ticketCode",
      "r.manageTokenVersion",
      "r.holdExpiresAt",
      "r.anonymisedAt",
      "r.eventId",
      "e.slug as eventSlug",
      "e.timeZone as eventTimeZone",
      "e.updatedAt as eventUpdatedAt",
      "c.name as categoryName",
      "c.nameEn as categoryNameEn",
    ])
    .where("r.id", "=", args.id),
);
