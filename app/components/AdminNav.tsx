import { NavLink } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";

/** The back office's side navigation: the links the signed-in user may open (app/auth/navigation.server.ts). */
export function AdminNav({ links }: { links: { to: string; label: MessageKey }[] }) {
  const t = useT();
  return (
    <nav aria-label={t("admin.nav.label")} className="no-print">
      <ul className="relative -mx-1 flex gap-1 overflow-x-auto px-1 pb-1 md:mx-0 md:flex-col md:px-0">
        {links.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.to === "/admin"}
              className={({ isActive }) =>
                `flex min-h-11 items-center whitespace-nowrap rounded-md px-3 text-sm font-medium ${isActive ? "bg-brand-700 text-white shadow-card" : "text-ink hover:bg-subtle"}`
              }
            >
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
