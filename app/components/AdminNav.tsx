import { NavLink } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";

type Item = { to: string; label: MessageKey; programmeManager?: boolean; admin?: boolean };

// The back office's sections; capabilities add their pages under these paths.
const items: Item[] = [
  { to: "/admin", label: "admin.nav.dashboard" },
  { to: "/admin/events", label: "admin.nav.events" },
  { to: "/admin/series", label: "admin.nav.series", programmeManager: true },
  { to: "/admin/speakers", label: "admin.nav.speakers" },
  { to: "/admin/firms", label: "admin.nav.programme", programmeManager: true },
  { to: "/admin/applications", label: "admin.nav.applications", programmeManager: true },
  { to: "/admin/onboarding", label: "admin.nav.onboarding", programmeManager: true },
  { to: "/admin/emails", label: "admin.nav.emails" },
  { to: "/admin/webhooks", label: "admin.nav.webhooks" },
  { to: "/admin/audit", label: "admin.nav.audit", admin: true },
  { to: "/admin/access", label: "admin.nav.access", programmeManager: true },
  { to: "/admin/account", label: "admin.nav.account" },
];

export function AdminNav({ isAdmin, isProgrammeManager }: { isAdmin: boolean; isProgrammeManager: boolean }) {
  const t = useT();
  const visible = items.filter((item) => (!item.admin || isAdmin) && (!item.programmeManager || isProgrammeManager));
  return (
    <nav aria-label={t("admin.nav.label")} className="no-print">
      <ul className="flex gap-1 overflow-x-auto md:flex-col">
        {visible.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.to === "/admin"}
              className={({ isActive }) => `block whitespace-nowrap rounded px-3 py-2 text-sm font-medium ${isActive ? "bg-brand-700 text-white" : "text-slate-800 hover:bg-slate-200"}`}
            >
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
