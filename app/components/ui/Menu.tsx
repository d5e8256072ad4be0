import * as RadixMenu from "@radix-ui/react-dropdown-menu";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { buttonClass } from "./Button";

/**
 * One entry of a Menu: `to` is a page of this app (a client-side Link), `href` a file to download (a plain
 * <a href download>, so the browser saves the server's answer), `onSelect` an action run in the page.
 */
export type MenuItem = { key: string; label: ReactNode } & ({ to: string } | { href: string } | { onSelect: () => void });

/**
 * A button that opens a list of actions or links (Enter, Space or ↓ open it; arrow keys, typeahead and Escape
 * from Radix). Not modal: the page stays in the accessibility tree (a modal menu hides it with aria-hidden
 * around focusable elements); Escape or a click outside closes it. `size="md"` matches a toolbar's buttons.
 */
export function Menu({ label, items, align = "end", size = "sm" }: { label: ReactNode; items: MenuItem[]; align?: "start" | "end"; size?: "sm" | "md" }) {
  const itemClass = "block min-h-11 cursor-pointer rounded px-3 py-2 text-sm text-ink outline-none data-[highlighted]:bg-brand-50 data-[highlighted]:text-brand-800";
  return (
    <RadixMenu.Root modal={false}>
      <RadixMenu.Trigger className={buttonClass({ variant: "secondary", size })}>
        {label}
        <span aria-hidden="true" className="ml-1">
          ▾
        </span>
      </RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content align={align} sideOffset={4} className="z-50 min-w-48 rounded-lg border border-line bg-surface p-1 shadow-raised">
          {items.map((item) =>
            "to" in item ? (
              <RadixMenu.Item key={item.key} asChild className={itemClass}>
                <Link to={item.to}>{item.label}</Link>
              </RadixMenu.Item>
            ) : "href" in item ? (
              <RadixMenu.Item key={item.key} asChild className={itemClass}>
                <a href={item.href} download>
                  {item.label}
                </a>
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
