import { z } from "zod";

/** The answers of the programme API (`GET /api/v1/programme`, `POST /api/v1/programme/applications`). */
export const programmeDirectorySchema = z.object({
  name: z.string(),
  launchedAt: z.string().datetime(),
  firms: z.array(
    z.object({
      name: z.string(),
      founding: z.boolean(),
      industry: z.string(),
      city: z.string(),
      memberSince: z.string().datetime().nullable(),
      website: z.string().optional(),
    }),
  ),
});
export type ProgrammeDirectory = z.infer<typeof programmeDirectorySchema>;

/** `created`: a new application; `linked`: new, but the credit code applied before; `repeat`: the open one again. */
export const applicationAcceptedSchema = z.object({
  application: z.object({
    id: z.string(),
    status: z.enum(["submitted", "under_review", "needs_more_info", "approved", "rejected"]),
    outcome: z.enum(["created", "linked", "repeat"]),
    duplicateOf: z.string().nullable(),
  }),
});
export type ApplicationAccepted = z.infer<typeof applicationAcceptedSchema>;
