import { kysely, prepare } from "./query.server";

/** A member firm's onboarding checklist (app/models/onboarding.server.ts): one row per firm and step. */

export const activeStepIds = prepare((args: { programmeId: string }) => kysely.selectFrom("OnboardingStep").select("id").where("programmeId", "=", args.programmeId).where("archivedAt", "is", null));

/** The firm's row for the step, created open if it has none; an existing row is kept as it is. */
export const ensureChecklistRow = prepare((args: { firmId: string; stepId: string }) =>
  kysely.insertInto("FirmOnboardingStep").orIgnore().values({ firmId: args.firmId, stepId: args.stepId, note: "" }),
);

/** Done (with who and when) or open again (both null); a null note keeps the one stored. */
export const storeStepCompletion = prepare((args: { firmId: string; stepId: string; completedAt: string | null; completedById: string | null; note: string | null }) =>
  kysely
    .updateTable("FirmOnboardingStep")
    .set((eb) => ({ completedAt: args.completedAt, completedById: args.completedById, note: eb.fn.coalesce(eb.val(args.note), eb.ref("note")) }))
    .where("firmId", "=", args.firmId)
    .where("stepId", "=", args.stepId),
);

export const markReminded = prepare((args: { firmId: string; stepId: string; at: string }) =>
  kysely.updateTable("FirmOnboardingStep").set({ lastReminderAt: args.at }).where("firmId", "=", args.firmId).where("stepId", "=", args.stepId),
);
