import { kysely, prepare } from "./query.server";
import { personalDataErased } from "./registration-store.server";

/** Events that ended before the cutoff and still hold personal data, with how many registrations carry it. */
export const eventsPastRetention = prepare((args: { cutoff: string }) =>
  kysely
    .selectFrom("Event as e")
    .innerJoin("Registration as r", (join) => join.onRef("r.eventId", "=", "e.id").on("r.anonymisedAt", "is", null))
    .select(["e.id", "e.slug", "e.endsAt", (eb) => eb.fn.count<number>("r.id").as("registrations")])
    .where("e.endsAt", "<", args.cutoff)
    .groupBy("e.id")
    .orderBy("e.endsAt"),
);

export const emailsToPurgeOf = prepare((args: { eventId: string }) =>
  kysely
    .selectFrom("EmailMessage")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("registrationId", "in", (eb) => eb.selectFrom("Registration").select("id").where("eventId", "=", args.eventId).where("anonymisedAt", "is", null)),
);

export const liveRegistrationsOf = prepare((args: { eventId: string }) => kysely.selectFrom("Registration").select("id").where("eventId", "=", args.eventId).where("anonymisedAt", "is", null));

/** Keeps what statistics need (status, category, firm, check-in times); the ticket code and manage link die. */
export const anonymiseRegistration = prepare((args: { id: string; placeholderEmail: string; ticketCode: string; manageTokenHash: string; now: string }) =>
  kysely
    .updateTable("Registration")
    .set({ ...personalDataErased(args), ticketCode: args.ticketCode })
    .where("id", "=", args.id),
);
