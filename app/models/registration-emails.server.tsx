import { createEvent, type DateArray } from "ics";
import BulkMessageEmail from "@emails/bulk-message";
import EmailConfirmationEmail from "@emails/email-confirmation";
import RegistrationDecisionEmail from "@emails/registration-decision";
import RegistrationReceivedEmail from "@emails/registration-received";
import ReminderEmail from "@emails/reminder";
import TicketEmail from "@emails/ticket";
import WaitlistPromotedEmail from "@emails/waitlist-promoted";
import { renderEmail } from "@emails/render";
import { isLocale, localized, translator, type Locale } from "~/i18n";
import { prisma, rawSql } from "~/models/store/connection.server";
import { registrationForEmail } from "~/models/store/registration-store.server";
import { env } from "~/utils/env.server";
import { qrPng } from "~/utils/qrcode.server";
import { printableText } from "~/utils/text";
import { formatDate, formatTime, describeZone } from "~/utils/time";
import type { EmailAttachment, RenderedEmail } from "./outbox.server";
import { confirmUrlFor, manageUrlFor } from "./ticket.server";

/** Kinds of e-mail rendered by the sender from the registration's current state. */
export const lazyEmailKinds = ["ticket", "waitlist-promoted", "registration-pending", "registration-waitlisted", "registration-rejected", "reminder", "email-confirmation"] as const;

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

export function icsFor(event: EventForEmail, locale: Locale, url: string): string {
  const result = createEvent({
    uid: `${event.id}@events`,
    title: printableText(localized(locale, event.title, event.titleEn)),
    start: utcParts(event.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    end: utcParts(event.endsAt),
    endInputType: "utc",
    endOutputType: "utc",
    location: printableText(`${localized(locale, event.venue, event.venueEn)} ${event.address}`.trim()),
    url,
    description: printableText(event.description),
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
// rendering React Email (and its plain-text pass) and validating the .ics for each of thousands of tickets
// is the sender's bottleneck.
const nameToken = "__REGISTRANT_NAME__";
// The manage link, or in the confirmation e-mail the confirmation link.
const linkToken = "__REGISTRANT_LINK__";
const holdExpiresToken = "__REGISTRANT_HOLD_EXPIRES__";
type Template = { subject: string; html: string; text: string; ics: string | null };
const templateCache = new Map<string, Promise<Template>>();

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[char]!);
}

function cachedTemplate(key: string, render: () => Promise<Template>) {
  let cached = templateCache.get(key);
  if (!cached) {
    if (templateCache.size > 500) templateCache.clear();
    cached = render();
    cached.catch(() => templateCache.delete(key));
    templateCache.set(key, cached);
  }
  return cached;
}

function personalise(template: Template, values: { name: string; link: string; holdExpires: string }) {
  const pairs: [string, string][] = [
    [nameToken, values.name],
    [linkToken, values.link],
    [holdExpiresToken, values.holdExpires],
  ];
  return {
    subject: template.subject,
    html: pairs.reduce((html, [token, value]) => html.replaceAll(token, escapeHtml(value)), template.html),
    text: pairs.reduce((text, [token, value]) => text.replaceAll(token, value), template.text),
  };
}

type MessageKey = Parameters<ReturnType<typeof translator>>[0];

/** What each render-later kind says, and the registration status it is still true for. */
const lazyEmails: Record<(typeof lazyEmailKinds)[number], { status: string; subject: MessageKey; intro: MessageKey; ticket: boolean }> = {
  ticket: { status: "CONFIRMED", subject: "registration.email.ticket.subject", intro: "registration.email.ticket.intro", ticket: true },
  "waitlist-promoted": { status: "CONFIRMED", subject: "registration.email.promoted.subject", intro: "registration.email.promoted.intro", ticket: true },
  "registration-pending": { status: "PENDING_APPROVAL", subject: "registration.email.pending.subject", intro: "registration.email.pending.intro", ticket: false },
  "registration-waitlisted": { status: "WAITLISTED", subject: "registration.email.waitlisted.subject", intro: "registration.email.waitlisted.intro", ticket: false },
  "registration-rejected": { status: "REJECTED", subject: "registration.email.rejected.subject", intro: "registration.email.rejected.intro", ticket: false },
  reminder: { status: "CONFIRMED", subject: "registration.email.reminder.subject", intro: "registration.email.reminder.intro", ticket: false },
  "email-confirmation": { status: "HELD", subject: "registration.email.confirm.subject", intro: "registration.email.confirm.intro", ticket: false },
};

function isLazyKind(kind: string): kind is keyof typeof lazyEmails {
  return Object.hasOwn(lazyEmails, kind);
}

const templateFor = { ticket: TicketEmail, "waitlist-promoted": WaitlistPromotedEmail, "registration-rejected": RegistrationDecisionEmail, reminder: ReminderEmail };

/** One kind of message for one event, locale and category, with the recipient's name and link as tokens. */
async function renderTemplate(kind: keyof typeof lazyEmails, eventId: string, locale: Locale, category: string | null): Promise<Template> {
  const db = await prisma();
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  const t = translator(locale);
  const spec = lazyEmails[kind];
  const subject = t(spec.subject, { event: localized(locale, event.title, event.titleEn) });
  const props = {
    lang: locale,
    heading: subject,
    greeting: t("registration.email.greeting", { name: nameToken }),
    intro: t(spec.intro),
    facts: factsFor(event, locale, category),
    manageUrl: linkToken,
    manageLabel: t("registration.email.manage"),
    footer: t("registration.email.footer"),
  };
  if (kind === "ticket" || kind === "waitlist-promoted") {
    const Template = templateFor[kind];
    const rendered = await renderEmail(
      subject,
      <Template {...props} qrCid={qrCid} qrAlt={t("registration.email.qrAlt")} qrHint={t("registration.email.qrHint")} icsNote={t("registration.email.ics")} />,
    );
    // The calendar entry links to the public event page, not the personal manage link: calendars get shared.
    return { ...rendered, ics: icsFor(event, locale, `${env().APP_URL}/events/${event.slug}`) };
  }
  if (kind === "email-confirmation") {
    const rendered = await renderEmail(
      subject,
      <EmailConfirmationEmail {...props} actionUrl={linkToken} actionLabel={t("registration.email.confirm.action")} expiryNote={t("registration.email.confirm.expires", { time: holdExpiresToken })} />,
    );
    return { ...rendered, ics: null };
  }
  const Template = kind === "registration-rejected" || kind === "reminder" ? templateFor[kind] : RegistrationReceivedEmail;
  return { ...(await renderEmail(subject, <Template {...props} />)), ics: null };
}

/** Renders a render-later message for a registration, or null when it can no longer be sent. */
/** The subject a render-later message will be sent with, without rendering it (for the e-mail log). */
export function lazyEmailSubject(kind: string, locale: string, event: { title: string; titleEn: string }): string | null {
  if (!isLazyKind(kind)) return null;
  const language: Locale = isLocale(locale) ? locale : "zh-CN";
  return translator(language)(lazyEmails[kind].subject, { event: localized(language, event.title, event.titleEn) });
}

export async function renderLazyEmail(kind: string, registrationId: string): Promise<RenderedEmail | null> {
  const registration = registrationForEmail.get(await rawSql(), { id: registrationId });
  if (!registration || registration.anonymisedAt || !isLazyKind(kind) || registration.status !== lazyEmails[kind].status) return null;
  const locale: Locale = isLocale(registration.locale) ? registration.locale : "zh-CN";
  const category = registration.categoryName !== null ? localized(locale, registration.categoryName, registration.categoryNameEn ?? "") : null;
  const key = [kind, registration.eventId, registration.eventUpdatedAt, locale, category ?? ""].join("|");
  const template = await cachedTemplate(key, () => renderTemplate(kind, registration.eventId, locale, category));
  const attachments: EmailAttachment[] = [];
  if (lazyEmails[kind].ticket) {
    attachments.push({ filename: "ticket-qr.png", contentType: "image/png", contentBase64: qrPng(registration.ticketCode).toString("base64"), cid: qrCid });
  }
  if (template.ics) {
    attachments.push({
      filename: `${registration.eventSlug}.ics`,
      contentType: "text/calendar; charset=utf-8; method=PUBLISH",
      contentBase64: Buffer.from(template.ics).toString("base64"),
    });
  }
  // The confirmation e-mail carries the confirmation link; every other one the current manage link.
  const hold = kind === "email-confirmation" && registration.holdExpiresAt ? new Date(registration.holdExpiresAt) : null;
  const personal = {
    name: registration.name,
    link: hold ? confirmUrlFor(registration.id, registration.ticketCode) : manageUrlFor(registration.id, registration.manageTokenVersion),
    holdExpires: hold ? `${formatDate(hold, registration.eventTimeZone, locale)} ${formatTime(hold, registration.eventTimeZone)} (${describeZone(registration.eventTimeZone, hold)})` : "",
  };
  return { ...personalise(template, personal), attachments };
}

/** An organizer's bulk message, rendered once per recipient at enqueue time. */
export async function renderBulkMessage({ locale, name, subject, body }: { locale: string; name: string; subject: string; body: string }) {
  const t = translator(isLocale(locale) ? locale : "zh-CN");
  return renderEmail(subject, <BulkMessageEmail lang={locale} subject={subject} greeting={t("registration.email.greeting", { name })} body={body} footer={t("registration.email.bulk.footer")} />);
}
