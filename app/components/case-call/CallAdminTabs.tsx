import { NavLink } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";

// Sections of one case call in the back office; each capability owns the routes under its path segment
// (review and the library add their tab here, one line each).
const tabs: { segment: string; label: MessageKey }[] = [
  { segment: "", label: "cases.admin.tabs.overview" },
  { segment: "form", label: "cases.admin.tabs.form" },
  { segment: "rubric", label: "cases.admin.tabs.rubric" },
  { segment: "submissions", label: "cases.admin.tabs.submissions" },
];

export function CallAdminTabs({ callId }: { callId: string }) {
  const t = useT();
  return (
    <nav aria-label={t("cases.admin.tabs.label")} className="no-print mb-4 border-b border-slate-200">
      <ul className="relative flex gap-1 overflow-x-auto">
        {tabs.map((tab) => (
          <li key={tab.segment}>
            <NavLink
              to={`/admin/calls/${callId}${tab.segment ? `/${tab.segment}` : ""}`}
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
