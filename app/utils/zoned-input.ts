import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { isCalendarDay, parseLocalDateTime, type TypedTimeFailure } from "./time";

/**
 * Zod pieces for every form field where someone types a date or a time. They all read it with the one strict
 * parser of time.ts in the event's zone, so a date that does not exist is a 422 at its field, never a silent
 * "no limit".
 */
export function dateTimeIssue(reason: TypedTimeFailure): MessageKey {
  return reason === "nonexistent" ? "agenda.validation.nonexistentTime" : reason === "invalid_zone" ? "agenda.validation.timeZone" : "agenda.validation.dateTime";
}

/** A `datetime-local` field in `zone`: the UTC instant, or null when left empty (which means "no limit"). */
export function optionalZonedDateTime(zone: string) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const parsed = parseLocalDateTime(value, zone);
      if (parsed.ok) return parsed.instant;
      ctx.addIssue({ code: "custom", message: dateTimeIssue(parsed.reason) });
      return z.NEVER;
    });
}

/** A `date` field (yyyy-MM-dd) that names a real day. */
export const calendarDay = z.string().trim().refine(isCalendarDay, "agenda.validation.dateTime");

/**
 * Refuses `later` before `earlier` when both are set, with `message` at `later`'s field; for `superRefine`
 * on an object whose fields came from `optionalZonedDateTime`.
 */
export function notBefore<K extends string>(earlier: K, later: K, message: MessageKey) {
  return (values: { [name in K]: Date | null }, ctx: z.RefinementCtx) => {
    const from = values[earlier];
    const to = values[later];
    if (from && to && to < from) ctx.addIssue({ code: "custom", path: [later], message });
  };
}
