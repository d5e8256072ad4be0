import { CookieJar } from "./server";

/** Signs in through the real login form action; returns the jar holding the session cookie. */
export async function signIn(baseUrl: string, email: string, password: string, jar = new CookieJar()): Promise<CookieJar> {
  const response = await jar.fetch(`${baseUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password, redirectTo: "/admin" }),
  });
  if (response.status !== 302) throw new Error(`Sign-in of ${email} failed with ${response.status}`);
  return jar;
}

/** The text of the first role=alert element of an HTML page (the form's error message, or a Flash's inside its box). */
export function alertText(html: string): string | undefined {
  return /role="alert"[^>]*>(?:<div[^>]*>)?([^<]*)</.exec(html)?.[1];
}

export const demo = {
  admin: { email: "admin@demo.example.org", password: "demo-admin-2025" },
  organizer: { email: "organizer@demo.example.org", password: "demo-organizer-2025" },
  shanghaiOrganizer: { email: "shanghai.organizer@demo.example.org", password: "demo-organizer-2025" },
  checkin: { email: "checkin@demo.example.org", password: "demo-checkin-2025" },
  firm: { email: "firm@demo.example.org", password: "demo-firm-2025" },
};
