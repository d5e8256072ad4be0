import { z } from "zod";
import { isAdmin, canManageProgramme, requireEventManager, requireOrganizerOrAdmin } from "~/auth/permissions.server";
import { localized } from "~/i18n";
import { listManageableEvents } from "~/models/event.server";
import { emailKinds, getEmail, listEmails, resendEmail, type EmailLogScope } from "~/models/outbox.server";
import { lazyEmailSubject } from "~/models/registration-emails.server";
import { env } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { programmeZone, zonedStamp } from "~/utils/time";

/**
 * The e-mail log (the global page and each event's tab): who may read which messages, the filters, and
 * each row as a reader sees it — the subject it was (or will be) sent with, times in the event's zone.
 * Admins see everything; organizers their events' messages, and the programme's own when they run it.
 */
async function readerScope(request: Request, eventId?: string): Promise<EmailLogScope> {
  if (eventId !== undefined) {
    await requireEventManager(request, eventId);
    return { all: false, eventIds: [eventId], programme: false };
  }
  const user = await requireOrganizerOrAdmin(request);
  if (isAdmin(user)) return { all: true };
  return { all: false, eventIds: (await listManageableEvents(user)).map((event) => event.id), programme: canManageProgramme(user) };
}

/** The log of one event (or all the reader may see), or of the messages to one registration of that event. */
export async function emailLogPage(request: Request, eventId?: string, registrationId?: string) {
  const scope = await readerScope(request, eventId);
  const { locale } = requestTranslator(request);
  const query = new URL(request.url).searchParams;
  const filter = { eventId, registrationId, status: query.get("status"), kind: query.get("kind"), to: query.get("to") };
  const [rows, kinds] = await Promise.all([listEmails(scope, filter), emailKinds(scope)]);
  return {
    smtpConfigured: Boolean(env().SMTP_URL),
    filter: { status: filter.status ?? "", kind: filter.kind ?? "", to: filter.to ?? "" },
    kinds,
    rows: rows.map((row) => {
      const zone = row.event?.timeZone ?? programmeZone;
      return {
        id: row.id,
        kind: row.kind,
        status: row.status,
        toAddress: row.toAddress,
        subject: row.subject || (row.event ? lazyEmailSubject(row.kind, row.registration?.locale ?? locale, row.event) : null) || "",
        event: row.event && eventId === undefined ? localized(locale, row.event.title, row.event.titleEn) : null,
        attempts: row.attempts,
        lastError: row.lastError,
        queuedAt: zonedStamp(row.createdAt, zone, locale),
        sentAt: row.sentAt ? zonedStamp(row.sentAt, zone, locale) : null,
      };
    }),
  };
}

const resendSchema = z.object({ intent: z.literal("resend"), messageId: z.string().min(1).max(64) });

/** "Send again" from the list: the message must be one the reader may see. */
export async function emailLogAction(request: Request, eventId?: string) {
  const scope = await readerScope(request, eventId);
  const parsed = resendSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) notFound();
  const message = await getEmail(parsed.data.messageId);
  const visible = message && (scope.all || (message.eventId ? scope.eventIds.includes(message.eventId) : scope.programme));
  if (!message || !visible) notFound();
  return { resent: (await resendEmail(message.id)) ? message.id : null };
}

export type EmailLogData = Awaited<ReturnType<typeof emailLogPage>>;
