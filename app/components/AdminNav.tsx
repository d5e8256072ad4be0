import { NavLink } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";

/** The back office's side navigation: the links the signed-in user may open (app/auth/navigation.server.ts). */
export function AdminNav({ links }: { links: { to: string; label: MessageKey }[] }) {
  const t = useT();
  return (
    <nav aria-label={t("admin.nav.label")} className="no-print">
      <ul className="flex gap-1 relative overflow-x-auto md:flex-col">
        {links.map((item) => (
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
