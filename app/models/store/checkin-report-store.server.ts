import { sql } from "kysely";
import { kysely, prepare } from "./query.server";

/** What the organizers' dashboard, the stats endpoint and the scanner's offline index read about check-in. */

export const confirmedCount = prepare((args: { eventId: string }) =>
  kysely
    .selectFrom("Registration")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("eventId", "=", args.eventId)
    .where("status", "=", "CONFIRMED"),
);

const peopleOnLists = (args: { eventId: string }) =>
  kysely
    .selectFrom("CheckInPresence as p")
    .innerJoin("CheckInList as l", "l.id", "p.listId")
    .select((eb) => eb.fn.count<number>("p.registrationId").distinct().as("n"))
    .where("l.eventId", "=", args.eventId);

/** People who entered through at least one list of the event. */
export const checkedInCount = prepare((args: { eventId: string }) => peopleOnLists(args).where("p.entries", ">", 0));
/** People inside through at least one list of the event. */
export const insideCount = prepare((args: { eventId: string }) => peopleOnLists(args).where("p.inside", "=", 1));

export const conflictCount = prepare((args: { eventId: string }) =>
  kysely
    .selectFrom("CheckIn")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("eventId", "=", args.eventId)
    .where("conflict", "=", 1),
);

export const countsByList = prepare((args: { eventId: string }) =>
  kysely
    .selectFrom("CheckInList as l")
    .select((eb) => [
      "l.id",
      "l.name",
      "l.nameEn",
      eb
        .selectFrom("CheckInPresence as p")
        .select((sub) => sub.fn.countAll<number>().as("n"))
        .whereRef("p.listId", "=", "l.id")
        .where("p.entries", ">", 0)
        .$asScalar()
        .as("checkedIn"),
      eb
        .selectFrom("CheckInPresence as p")
        .select((sub) => sub.fn.countAll<number>().as("n"))
        .whereRef("p.listId", "=", "l.id")
        .where("p.inside", "=", 1)
        .$asScalar()
        .as("inside"),
      eb
        .selectFrom("CheckIn as c")
        .select((sub) => sub.fn.countAll<number>().as("n"))
        .whereRef("c.listId", "=", "l.id")
        .$asScalar()
        .as("scans"),
    ])
    .where("l.eventId", "=", args.eventId)
    .orderBy("l.position")
    .orderBy("l.name"),
);

export const countsByCategory = prepare((args: { eventId: string }) =>
  kysely
    .selectFrom("Registration as r")
    .leftJoin("TicketCategory as c", "c.id", "r.categoryId")
    .select((eb) => [
      "r.categoryId as id",
      eb.fn.coalesce("c.name", sql.lit("")).as("name"),
      eb.fn.coalesce("c.nameEn", sql.lit("")).as("nameEn"),
      eb.fn.countAll<number>().as("registered"),
      eb.fn<number>("sum", [eb.exists(eb.selectFrom("CheckInPresence as p").select(sql.lit(1).as("one")).whereRef("p.registrationId", "=", "r.id").where("p.entries", ">", 0))]).as("checkedIn"),
    ])
    .where("r.eventId", "=", args.eventId)
    .where("r.status", "=", "CONFIRMED")
    .groupBy("r.categoryId")
    .orderBy("c.position")
    .orderBy("c.name"),
);

/** Admissions per quarter hour, as "YYYY-MM-DDTHH:MM" (UTC) of the quarter's start. */
export const admissionsByQuarterHour = prepare((args: { eventId: string }) =>
  kysely
    .selectFrom("CheckIn")
    .select((eb) => [
      sql<string>`substr(${eb.ref("scannedAt")}, 1, 14) || printf('%02d', (CAST(substr(${eb.ref("scannedAt")}, 15, 2) AS INTEGER) / 15) * 15)`.as("bucket"),
      eb.fn.countAll<number>().as("count"),
    ])
    .where("eventId", "=", args.eventId)
    .where("direction", "=", "ENTRY")
    .where("result", "=", "OK")
    .where("undoneAt", "is", null)
    .groupBy(sql.ref("bucket"))
    .orderBy(sql.ref("bucket")),
);

/** Every ticket of the event with the ids of the lists it has entered (comma-separated), for the offline index. */
export const offlineTickets = prepare((args: { eventId: string }) =>
  kysely
    .selectFrom("Registration as r")
    .select((eb) => [
      "r.ticketCode",
      "r.status",
      "r.categoryId",
      "r.name",
      "r.organization",
      eb
        .selectFrom("CheckInPresence as p")
        .select((sub) => sub.fn<string>("group_concat", ["p.listId"]).as("ids"))
        .whereRef("p.registrationId", "=", "r.id")
        .where("p.entries", ">", 0)
        .$asScalar()
        .as("entered"),
    ])
    .where("r.eventId", "=", args.eventId),
);
