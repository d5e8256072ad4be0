import { NavLink } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";

// Sections of one event in the back office. Each capability owns the routes under its path segment:
// agenda (agendas), registration-settings / registrations / emails (registration), checkin (check-in),
// access (staff accounts and API tokens).
const tabs: { segment: string; label: MessageKey }[] = [
  { segment: "", label: "admin.eventTabs.overview" },
  { segment: "page", label: "eventPage.admin.tab" },
  { segment: "agenda", label: "admin.eventTabs.agenda" },
  { segment: "registration-settings", label: "admin.eventTabs.registrationSettings" },
  { segment: "registrations", label: "admin.eventTabs.registrations" },
  { segment: "checkin", label: "admin.eventTabs.checkin" },
  { segment: "emails", label: "admin.eventTabs.emails" },
  { segment: "access", label: "admin.eventTabs.access" },
];

export function EventAdminTabs({ eventId }: { eventId: string }) {
  const t = useT();
  return (
    <nav aria-label={t("admin.eventTabs.label")} className="no-print mb-4 border-b border-slate-200">
      <ul className="flex gap-1 relative overflow-x-auto">
        {tabs.map((tab) => (
          <li key={tab.segment}>
            <NavLink
              to={`/admin/events/${eventId}${tab.segment ? `/${tab.segment}` : ""}`}
              end={tab.segment === ""}
              className={({ isActive }) =>
                `block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${isActive ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:text-brand-700"}`
              }
            >
              {t(tab.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
