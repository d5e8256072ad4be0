import * as RadixTabs from "@radix-ui/react-tabs";
import { NavLink } from "@remix-run/react";
import type { ReactNode } from "react";

export type TabItem = { value: string; label: ReactNode; content: ReactNode };

const listClass = "flex gap-1 overflow-x-auto border-b border-line";
const tabClass = "-mb-px block min-h-11 whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium";
const idle = "border-transparent text-muted hover:text-ink";
const current = "border-brand-700 text-brand-800";

/**
 * Tabs that switch panels on the same page (arrow keys move between tabs, Radix wires the roles). For tabs
 * that are separate pages, use `TabLinks`: they look the same, and stay links.
 */
export function Tabs({ items, label, defaultValue }: { items: TabItem[]; label: string; defaultValue?: string }) {
  return (
    <RadixTabs.Root defaultValue={defaultValue ?? items[0]?.value}>
      <RadixTabs.List aria-label={label} className={listClass}>
        {items.map((item) => (
          <RadixTabs.Trigger key={item.value} value={item.value} className={`${tabClass} ${idle} data-[state=active]:border-brand-700 data-[state=active]:text-brand-800`}>
            {item.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {items.map((item) => (
        <RadixTabs.Content key={item.value} value={item.value} className="pt-4">
          {item.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}

export type TabLink = { to: string; label: ReactNode; end?: boolean };

/**
 * Tabs that are separate pages: a navigation of links drawn like `Tabs`, the current page marked with
 * aria-current. Links work without JavaScript, open in a new tab and keep their URL.
 */
export function TabLinks({ items, label, className = "" }: { items: TabLink[]; label: string; className?: string }) {
  return (
    <nav aria-label={label} className={className}>
      <ul className={listClass}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className={({ isActive }) => `${tabClass} ${isActive ? current : idle}`}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
