import { createCookie } from "@remix-run/node";
import { env } from "./env.server";
import { seal, unseal } from "./sealed-secret.server";

/**
 * What the confirmation page after a registration shows, carried from the form's POST to the page it
 * redirects to (POST → redirect → GET: a refresh re-reads the page, never re-submits). It travels in a
 * short-lived, HttpOnly cookie sealed under SESSION_SECRET, so the URL carries no personal data and the
 * manage link reaches nobody but the browser that registered.
 */
export type RegistrationFlash = { slug: string; status: string; managePath: string | null; maskedEmail: string };

const lifetimeSeconds = 30 * 60;
const purpose = "registration-flash";

function flashCookie() {
  return createCookie("registered", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production" && env().APP_URL.startsWith("https://"),
    path: "/events",
    maxAge: lifetimeSeconds,
  });
}

export async function registrationFlashCookie(flash: RegistrationFlash): Promise<string> {
  return flashCookie().serialize(seal(purpose, JSON.stringify(flash)));
}

/** The flash for this event, or null (none, expired, sealed under another secret, or another event's). */
export async function readRegistrationFlash(request: Request, slug: string): Promise<RegistrationFlash | null> {
  const sealed: unknown = await flashCookie().parse(request.headers.get("Cookie"));
  if (typeof sealed !== "string") return null;
  const opened = unseal(purpose, sealed);
  if (!opened) return null;
  const flash = JSON.parse(opened) as RegistrationFlash;
  return flash.slug === slug ? flash : null;
}

/** "li***@example.com": enough for the person to recognise their address, not enough to read it over a shoulder. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  const local = email.slice(0, at);
  const shown = local.length <= 2 ? local.slice(0, 1) : local.slice(0, 2);
  return `${shown}***${email.slice(at)}`;
}
