import { createEvent, type DateArray } from "ics";
import BulkMessageEmail from "@emails/bulk-message";
import RegistrationDecisionEmail from "@emails/registration-decision";
import RegistrationReceivedEmail from "@emails/registration-received";
import ReminderEmail from "@emails/reminder";
import TicketEmail from "@emails/ticket";
import WaitlistPromotedEmail from "@emails/waitlist-promoted";
import { renderEmail } from "@emails/render";
import { isLocale, localized, translator, type Locale } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { qrPng } from "~/utils/qrcode.server";
import { formatDate, formatTime, describeZone } from "~/utils/time";
import type { EmailAttachment } from "./outbox.server";
import { manageUrlFor } from "./ticket.server";

/** Kinds of e-mail rendered by the sender from the registration's current state. */
export const lazyEmailKinds = ["ticket", "waitlist-promoted", "registration-pending", "registration-waitlisted", "registration-rejected", "reminder"] as const;

export const qrCid = "ticket-qr@events";

export function mapUrl(address: string, venue: string): string {
  return `https://uri.amap.com/search?keyword=${encodeURIComponent(`${address} ${venue}`.trim())}`;
}

function utcParts(date: Date): DateArray {
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()];
}

type EventForEmail = {
  id: string;
  slug: string;
  title: string;
  titleEn: string;
  venue: string;
  venueEn: string;
  address: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  description: string;
};

export function icsFor(event: EventForEmail, locale: Locale, manageUrl: string): string {
  const result = createEvent({
    uid: `${event.id}@events`,
    title: localized(locale, event.title, event.titleEn),
    start: utcParts(event.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    end: utcParts(event.endsAt),
    endInputType: "utc",
    endOutputType: "utc",
    location: `${localized(locale, event.venue, event.venueEn)} ${event.address}`.trim(),
    url: manageUrl,
    description: event.description,
    productId: "agent-programme-events",
  });
  if (result.error || !result.value) throw result.error ?? new Error("ics failed");
  return result.value;
}

function factsFor(event: EventForEmail, locale: Locale, category: string | null) {
  const t = translator(locale);
  return {
    labels: { when: t("registration.email.when"), where: t("registration.email.where"), map: t("registration.email.map"), category: t("registration.email.category") },
    when: `${formatDate(event.startsAt, event.timeZone, locale)} ${formatTime(event.startsAt, event.timeZone)}–${formatTime(event.endsAt, event.timeZone)} (${describeZone(event.timeZone, event.startsAt)})`,
    venue: localized(locale, event.venue, event.venueEn),
    address: event.address,
    mapUrl: mapUrl(event.address, event.venue),
    category,
  };
}

// Per-recipient values are filled into a template rendered once per event, locale, kind and category:
// rendering React Email (and its plain-text pass) for each of thousands of tickets is the sender's bottleneck.
const nameToken = "__REGISTRANT_NAME__";
const manageToken = "__REGISTRANT_MANAGE_URL__";
const templateCache = new Map<string, Promise<{ subject: string; html: string; text: string }>>();

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[char]!);
}

function cachedTemplate(key: string, render: () => Promise<{ subject: string; html: string; text: string }>) {
  let cached = templateCache.get(key);
  if (!cached) {
    if (templateCache.size > 500) templateCache.clear();
    cached = render();
    cached.catch(() => templateCache.delete(key));
    templateCache.set(key, cached);
  }
  return cached;
}

function personalise(template: { subject: string; html: string; text: string }, name: string, manageUrl: string) {
  return {
    subject: template.subject,
    html: template.html.replaceAll(nameToken, escapeHtml(name)).replaceAll(manageToken, escapeHtml(manageUrl)),
    text: template.text.replaceAll(nameToken, name).replaceAll(manageToken, manageUrl),
  };
}

export type RenderedMessage = { subject: string; html: string; text: string; attachments: EmailAttachment[] };

/** Renders a render-later message for a registration, or null when it can no longer be sent. */
export async function renderLazyEmail(kind: string, registrationId: string): Promise<RenderedMessage | null> {
  const db = await prisma();
  const registration = await db.registration.findUnique({ where: { id: registrationId }, include: { event: true, category: true } });
  if (!registration || registration.anonymisedAt) return null;
  const locale: Locale = isLocale(registration.locale) ? registration.locale : "zh-CN";
  const t = translator(locale);
  const event = registration.event;
  const eventTitle = localized(locale, event.title, event.titleEn);
  const category = registration.category ? localized(locale, registration.category.name, registration.category.nameEn) : null;
  const manageUrl = manageUrlFor(registration.id);
  const common = {
    lang: locale,
    greeting: t("registration.email.greeting", { name: nameToken }),
    facts: factsFor(event, locale, category),
    manageUrl: manageToken,
    manageLabel: t("registration.email.manage"),
    footer: t("registration.email.footer"),
  };
  const cacheKey = [kind, event.id, event.updatedAt.toISOString(), locale, category ?? ""].join("|");
  if (kind === "ticket" || kind === "waitlist-promoted") {
    if (registration.status !== "CONFIRMED") return null;
    const promoted = kind === "waitlist-promoted";
    const subject = t(promoted ? "registration.email.promoted.subject" : "registration.email.ticket.subject", { event: eventTitle });
    const Template = promoted ? WaitlistPromotedEmail : TicketEmail;
    const [template, png] = await Promise.all([
      cachedTemplate(cacheKey, () =>
        renderEmail(
          subject,
          <Template
            {...common}
            heading={subject}
            intro={t(promoted ? "registration.email.promoted.intro" : "registration.email.ticket.intro")}
            qrCid={qrCid}
            qrAlt={t("registration.email.qrAlt")}
            qrHint={t("registration.email.qrHint")}
            icsNote={t("registration.email.ics")}
          />,
        ),
      ),
      qrPng(registration.ticketCode),
    ]);
    const ics = icsFor(event, locale, manageUrl);
    return {
      ...personalise(template, registration.name, manageUrl),
      attachments: [
        { filename: "ticket-qr.png", contentType: "image/png", contentBase64: png.toString("base64"), cid: qrCid },
        { filename: `${event.slug}.ics`, contentType: "text/calendar; charset=utf-8; method=PUBLISH", contentBase64: Buffer.from(ics).toString("base64") },
      ],
    };
  }
  const notices: Record<string, { subject: Parameters<typeof t>[0]; intro: Parameters<typeof t>[0]; status: string }> = {
    "registration-pending": { subject: "registration.email.pending.subject", intro: "registration.email.pending.intro", status: "PENDING_APPROVAL" },
    "registration-waitlisted": { subject: "registration.email.waitlisted.subject", intro: "registration.email.waitlisted.intro", status: "WAITLISTED" },
    "registration-rejected": { subject: "registration.email.rejected.subject", intro: "registration.email.rejected.intro", status: "REJECTED" },
    reminder: { subject: "registration.email.reminder.subject", intro: "registration.email.reminder.intro", status: "CONFIRMED" },
  };
  const notice = notices[kind];
  if (!notice || registration.status !== notice.status) return null;
  const subject = t(notice.subject, { event: eventTitle });
  const Template = kind === "registration-rejected" ? RegistrationDecisionEmail : kind === "reminder" ? ReminderEmail : RegistrationReceivedEmail;
  const template = await cachedTemplate(cacheKey, () => renderEmail(subject, <Template {...common} heading={subject} intro={t(notice.intro)} />));
  return { ...personalise(template, registration.name, manageUrl), attachments: [] };
}

/** An organizer's bulk message, rendered once per recipient at enqueue time. */
export async function renderBulkMessage({ locale, name, subject, body }: { locale: string; name: string; subject: string; body: string }) {
  const t = translator(isLocale(locale) ? locale : "zh-CN");
  return renderEmail(
    subject,
    <BulkMessageEmail lang={locale} subject={subject} greeting={t("registration.email.greeting", { name })} body={body} footer={t("registration.email.bulk.footer")} />,
  );
}
