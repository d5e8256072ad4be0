import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import type { Locale, Messages } from "~/i18n";
import { provideCatalogs } from "~/i18n/loaded";

declare global {
  interface Window {
    /** Set by the page's catalogue script (routes/i18n.$file.ts), a deferred script in the head (root.tsx). */
    __messages?: Partial<Record<Locale, Messages>>;
  }
}

provideCatalogs((locale) => window.__messages?.[locale]);

/**
 * Remix's module script is async, so it can run before the deferred catalogue script has: hydrating then
 * would render message keys. Wait for that script when its messages are not there yet (a failed load
 * hydrates anyway: the server's HTML stays, and the keys show where React re-renders).
 */
function messagesLoaded(): Promise<void> {
  const script = document.querySelector<HTMLScriptElement>("script[data-messages]");
  if (window.__messages || !script) return Promise.resolve();
  return new Promise((resolve) => {
    script.addEventListener("load", () => resolve(), { once: true });
    script.addEventListener("error", () => resolve(), { once: true });
  });
}

void messagesLoaded().then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
