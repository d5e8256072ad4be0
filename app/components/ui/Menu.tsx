import * as RadixMenu from "@radix-ui/react-dropdown-menu";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export type MenuItem = { key: string; label: ReactNode } & ({ to: string } | { onSelect: () => void });

/** A button that opens a list of actions or links (arrow keys, typeahead and Escape from Radix). */
export function Menu({ label, items, align = "end" }: { label: ReactNode; items: MenuItem[]; align?: "start" | "end" }) {
  const itemClass = "block min-h-11 cursor-pointer rounded px-3 py-2 text-sm text-ink outline-none data-[highlighted]:bg-brand-50 data-[highlighted]:text-brand-800";
  return (
    <RadixMenu.Root>
      <RadixMenu.Trigger className="btn-secondary btn-sm">{label}</RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content align={align} sideOffset={4} className="z-50 min-w-48 rounded-lg border border-line bg-surface p-1 shadow-raised">
          {items.map((item) =>
            "to" in item ? (
              <RadixMenu.Item key={item.key} asChild className={itemClass}>
                <Link to={item.to}>{item.label}</Link>
              </RadixMenu.Item>
            ) : (
              <RadixMenu.Item key={item.key} onSelect={item.onSelect} className={itemClass}>
                {item.label}
              </RadixMenu.Item>
            ),
          )}
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  );
}
