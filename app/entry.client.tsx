import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import type { Locale, Messages } from "~/i18n";
import { provideCatalogs } from "~/i18n/loaded";

declare global {
  interface Window {
    /** Set by the page's catalogue script (routes/i18n.$file.ts), which runs before this module. */
    __messages?: Partial<Record<Locale, Messages>>;
  }
}

provideCatalogs((locale) => window.__messages?.[locale]);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
