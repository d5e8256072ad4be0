import { z } from "zod";

/**
 * The answers of the check-in API, for the OpenAPI document. The scan answer mirrors `ScanAnswer`
 * (app/schemas/checkin.ts), which the decision code and the scanner page share; the document module checks
 * at compile time that the two agree.
 */
const listRefSchema = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });
const categoryRefSchema = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });

export const scanAnswerSchema = z.object({
  id: z.string(),
  result: z.enum(["ok", "already_checked_in", "invalid", "cancelled", "not_approved", "wrong_list"]),
  direction: z.enum(["entry", "exit"]),
  scannedAt: z.string().datetime(),
  list: listRefSchema,
  offline: z.boolean(),
  conflict: z.boolean(),
  attendee: z.object({ registrationId: z.string(), name: z.string(), organization: z.string(), category: categoryRefSchema.nullable() }).optional(),
  firstCheckIn: z.object({ at: z.string().datetime(), list: listRefSchema, deviceId: z.string() }).optional(),
  wasInside: z.boolean().optional(),
  replayed: z.boolean().optional(),
});

/** One answer per scan, in the order sent: the decision, or why this scan could not be decided. */
export const batchAnswerSchema = z.object({
  results: z.array(z.union([scanAnswerSchema.extend({ nonce: z.string() }), z.object({ nonce: z.string(), error: z.object({ status: z.number().int(), code: z.string(), message: z.string() }) })])),
});

export const checkInStatsSchema = z.object({
  registered: z.number().int(),
  checkedIn: z.number().int(),
  inside: z.number().int(),
  byList: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string(), checkedIn: z.number().int(), inside: z.number().int(), scans: z.number().int() })),
  byCategory: z.array(z.object({ id: z.string().nullable(), name: z.string(), nameEn: z.string(), registered: z.number().int(), checkedIn: z.number().int() })),
  byQuarterHour: z.array(z.object({ start: z.string(), count: z.number().int() })),
  conflicts: z.number().int(),
});

/** The offline ticket index: `k` truncated SHA-256 of a ticket code, `s` v valid / c cancelled / p not approved, `n` masked name. */
export const offlineIndexSchema = z.object({
  event: z.object({ slug: z.string(), title: z.string(), titleEn: z.string() }),
  eventId: z.string(),
  generatedAt: z.string().datetime(),
  lists: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string(), mode: z.string(), allowReentry: z.boolean(), allowedCategoryIds: z.array(z.string()) })),
  categories: z.array(categoryRefSchema),
  tickets: z.array(z.object({ k: z.string(), s: z.enum(["v", "c", "p"]), c: z.string().nullable(), n: z.string(), o: z.string(), e: z.array(z.string()) })),
});

export const attendeeSearchSchema = z.object({
  attendees: z.array(
    z.object({
      registrationId: z.string(),
      name: z.string(),
      organization: z.string(),
      phone: z.string(),
      status: z.string(),
      category: categoryRefSchema.nullable(),
      enteredListIds: z.array(z.string()),
    }),
  ),
});
