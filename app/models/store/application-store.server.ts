import { sql as literal, type ExpressionBuilder, type Updateable } from "kysely";
import type { ApplicationStatus, DB, FirmApplication } from "../../generated/kysely/database";
import { compiled, kysely, prepare } from "./query.server";
import type { Sql } from "./statements.server";

/** Applications to join the programme (app/models/application.server.ts) and their review history. */

/** The reviewer notes with one more line: the history of an application is appended, never rewritten. */
function withNoteLine(eb: ExpressionBuilder<DB, "FirmApplication">, line: string) {
  return eb
    .case()
    .when("reviewerNotes", "=", "")
    .then(line)
    .else(eb(eb("reviewerNotes", "||", literal<string>`char(10)`), "||", line))
    .end();
}

/** The contact's own application for this credit code that still awaits a decision, if any. */
export function openApplicationOf(sql: Sql, { creditCode, contactEmail, statuses }: { creditCode: string; contactEmail: string; statuses: readonly ApplicationStatus[] }) {
  return compiled(
    kysely.selectFrom("FirmApplication").select("id").where("creditCode", "=", creditCode).where("contactEmail", "=", contactEmail).where("status", "in", statuses).orderBy("submittedAt").limit(1),
  ).get(sql);
}

/** The first application ever made with this credit code (later ones are linked to it). */
export const firstApplicationWith = prepare((args: { creditCode: string }) =>
  kysely
    .selectFrom("FirmApplication")
    .select("id")
    .where("creditCode", "=", args.creditCode)
    .orderBy("submittedAt")
    .orderBy(literal`rowid`)
    .limit(1),
);

/** What a member firm tells about itself, on its application and, once approved, on its profile. */
export type FirmProfileFacts = { industry: string; city: string; website: string | null; size: string; offers: string; needs: string };

/** What an applicant fills in and may change through the amend link. */
type ApplicationFacts = FirmProfileFacts & { firmName: string; contactName: string; contactEmail: string; contactPhone: string };

export const insertApplication = prepare(
  (args: ApplicationFacts & { id: string; programmeId: string; creditCode: string; locale: string; charterVersion: string; firmId: string | null; duplicateOfId: string | null; at: string }) =>
    kysely.insertInto("FirmApplication").values({
      id: args.id,
      programmeId: args.programmeId,
      firmName: args.firmName,
      creditCode: args.creditCode,
      industry: args.industry,
      city: args.city,
      website: args.website,
      size: args.size,
      offers: args.offers,
      needs: args.needs,
      contactName: args.contactName,
      contactEmail: args.contactEmail,
      contactPhone: args.contactPhone,
      locale: args.locale,
      charterVersion: args.charterVersion,
      charterAcceptedAt: args.at,
      status: "SUBMITTED",
      reviewerNotes: "",
      firmId: args.firmId,
      duplicateOfId: args.duplicateOfId,
      submittedAt: args.at,
      updatedAt: args.at,
    }),
);

export const appendReviewerNote = prepare((args: { id: string; line: string; at: string }) =>
  kysely
    .updateTable("FirmApplication")
    .set((eb) => ({ reviewerNotes: withNoteLine(eb, args.line), updatedAt: args.at }))
    .where("id", "=", args.id),
);

/** What a review step changes besides the status, the time and the history line. */
export type ReviewEffects = Pick<Updateable<FirmApplication>, "amendTokenHash" | "decidedAt" | "decidedById" | "firmId">;

/**
 * The guarded move of a review step: changes the application only while it is still in `from`, the status
 * the reviewer saw, so a raced or repeated step changes nothing (0 rows).
 */
export function moveApplication(sql: Sql, { id, from, to, at, line, effects }: { id: string; from: ApplicationStatus; to: ApplicationStatus; at: string; line: string; effects: ReviewEffects }) {
  return compiled(
    kysely
      .updateTable("FirmApplication")
      .set((eb) => ({ status: to, updatedAt: at, reviewerNotes: withNoteLine(eb, line), ...effects }))
      .where("id", "=", id)
      .where("status", "=", from),
  ).run(sql);
}

/** Earlier and later applications with the member's credit code point at the member firm. */
export const linkApplicationsToFirm = prepare((args: { firmId: string; creditCode: string }) =>
  kysely.updateTable("FirmApplication").set({ firmId: args.firmId }).where("creditCode", "=", args.creditCode).where("firmId", "is", null),
);

/** The applicant's changes through the amend link, which works once: the guard is the link's hash and status. */
export const applyAmendment = prepare((args: ApplicationFacts & { id: string; amendTokenHash: string; from: ApplicationStatus; to: ApplicationStatus; line: string; at: string }) =>
  kysely
    .updateTable("FirmApplication")
    .set((eb) => ({
      firmName: args.firmName,
      industry: args.industry,
      city: args.city,
      website: args.website,
      size: args.size,
      offers: args.offers,
      needs: args.needs,
      contactName: args.contactName,
      contactEmail: args.contactEmail,
      contactPhone: args.contactPhone,
      status: args.to,
      amendTokenHash: null,
      updatedAt: args.at,
      reviewerNotes: withNoteLine(eb, args.line),
    }))
    .where("id", "=", args.id)
    .where("amendTokenHash", "=", args.amendTokenHash)
    .where("status", "=", args.from),
);
