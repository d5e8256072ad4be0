import type { Event, Series } from "~/generated/prisma/client";
import { localized, translator, type Locale } from "~/i18n";
import { coverSources } from "~/models/event-cover.server";
import { eventPageExtras } from "~/models/event-page.server";
import { hostRoleOrder } from "~/models/event-host.server";
import { registrationState } from "~/models/event.server";
import { approvalApplies, categoryOffer, categorySeatsLeft, registerAction } from "~/models/registration-offer";
import { calendarLinks, mapLinks } from "~/utils/event-links";
import { formatDateTime, inZone } from "~/utils/time";

/**
 * The parts of the public event page around its agenda: cover, date badge, hosts by role, venue with map
 * links, the ticket panel and its register button, add-to-calendar and the speakers. Dates are formatted here
 * in the event's zone, so the browser needs no date library for them.
 */
export async function eventPageView(event: Event & { series: Series | null }, locale: Locale) {
  const t = translator(locale);
  const { categories, hosts, cover, people } = await eventPageExtras(event);
  const publicCategories = categories.filter((category) => !category.inviteOnly);
  const state = registrationState(event);
  const start = inZone(event.startsAt, event.timeZone).setLocale(locale === "en" ? "en" : "zh-CN");
  const title = localized(locale, event.title, event.titleEn);
  const place = [localized(locale, event.venue, event.venueEn), event.address].filter(Boolean).join(", ");
  return {
    badge: { month: start.toFormat(locale === "en" ? "LLL" : "L月"), day: start.toFormat("d"), weekday: start.toFormat("ccc") },
    cover: cover ? coverSources(cover) : null,
    hosts: hostRoleOrder
      .map((role) => ({
        role,
        label: t(`eventPage.hostRole.${role}`),
        hosts: hosts.filter((host) => host.role === role).map((host) => ({ ...host, name: localized(locale, host.name, host.nameEn) })),
      }))
      .filter((group) => group.hosts.length > 0),
    maps: event.address || event.venue ? mapLinks({ city: event.city, venue: event.venue, address: event.address }) : null,
    calendar: {
      ics: `/events/${event.slug}/calendar.ics`,
      ...calendarLinks({ title, startsAt: event.startsAt.toISOString(), endsAt: event.endsAt.toISOString(), location: place, details: localized(locale, event.theme, event.themeEn) }),
    },
    tickets: {
      action: registerAction(state, event, publicCategories),
      approval: approvalApplies(event, null) || (publicCategories.length > 0 && publicCategories.every((category) => category.requiresApproval)),
      opensAt: state === "not_yet_open" && event.registrationOpensAt ? formatDateTime(event.registrationOpensAt, event.timeZone, locale) : null,
      closesAt: state === "open" ? formatDateTime(event.registrationClosesAt ?? event.endsAt, event.timeZone, locale) : null,
      seatsLeft: event.capacity === null ? null : Math.max(0, event.capacity - event.confirmedCount),
      categories: publicCategories.map((category) => ({
        id: category.id,
        name: localized(locale, category.name, category.nameEn),
        seatsLeft: categorySeatsLeft(event, category),
        offer: categoryOffer(event, category),
        approval: approvalApplies(event, category),
      })),
    },
    people: people.map((person) => ({
      id: person.id,
      name: localized(locale, person.name, person.nameEn),
      detail: [person.organization, person.title].filter(Boolean).join(" · "),
      role: t(`agenda.role.${person.role}` as Parameters<typeof t>[0]),
      photo: person.photo,
    })),
  };
}

export type EventPageView = Awaited<ReturnType<typeof eventPageView>>;
