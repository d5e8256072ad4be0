import { TabLinks } from "~/components/ui/Tabs";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";

// Sections of one event in the back office. Each capability owns the routes under its path segment:
// agenda (agendas), registration-settings / registrations / emails (registration), checkin (check-in),
// matchmaking (1:1 meetings), access (staff accounts and API tokens).
const tabs: { segment: string; label: MessageKey }[] = [
  { segment: "", label: "admin.eventTabs.overview" },
  { segment: "page", label: "eventPage.admin.tab" },
  { segment: "agenda", label: "admin.eventTabs.agenda" },
  { segment: "registration-settings", label: "admin.eventTabs.registrationSettings" },
  { segment: "registrations", label: "admin.eventTabs.registrations" },
  { segment: "checkin", label: "admin.eventTabs.checkin" },
  { segment: "matchmaking", label: "admin.eventTabs.matchmaking" },
  { segment: "emails", label: "admin.eventTabs.emails" },
  { segment: "access", label: "admin.eventTabs.access" },
];

export function EventAdminTabs({ eventId }: { eventId: string }) {
  const t = useT();
  const items = tabs.map((tab) => ({ to: `/admin/events/${eventId}${tab.segment ? `/${tab.segment}` : ""}`, end: tab.segment === "", label: t(tab.label) }));
  return <TabLinks items={items} label={t("admin.eventTabs.label")} className="no-print mb-4" />;
}
