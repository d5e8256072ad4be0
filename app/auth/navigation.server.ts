import type { MessageKey } from "~/i18n";
import { canManageProgramme, firmIdsOf, isAdmin, isBackOfficeUser, reviewedCallIds } from "./permissions.server";
import type { SessionUser } from "./session.server";

/**
 * Every link of the site's header and of the back office's side navigation, each with the rule that
 * decides who may open its page. Links are shown only to whom their rule admits, so what is shown is what
 * opens; the same rules decide whether a `redirectTo` after sign-in may be followed. A page added to the
 * navigation is one row here (the rule must match the page's own guard in permissions.server.ts).
 */
type Viewer = Pick<SessionUser, "roles"> | null;
type Place = "header" | "admin";
type NavigationLink = { to: string; label: MessageKey; place: Place; mayOpen: (viewer: Viewer) => boolean };

const signedIn = (viewer: Viewer) => viewer !== null;
const hasRole = (viewer: Viewer, role: SessionUser["roles"][number]["role"]) => Boolean(viewer?.roles.some((grant) => grant.role === role));
const backOffice = (viewer: Viewer) => viewer !== null && isBackOfficeUser(viewer);
const programmeManager = (viewer: Viewer) => viewer !== null && canManageProgramme(viewer);
const admin = (viewer: Viewer) => viewer !== null && isAdmin(viewer);
const scanner = (viewer: Viewer) => backOffice(viewer) || hasRole(viewer, "CHECKIN");
const firmPortal = (viewer: Viewer) => viewer !== null && firmIdsOf(viewer).length > 0;
const reviewer = (viewer: Viewer) => viewer !== null && reviewedCallIds(viewer).length > 0;

const links: NavigationLink[] = [
  { to: "/", label: "nav.home", place: "header", mayOpen: () => true },
  { to: "/programme", label: "nav.programme", place: "header", mayOpen: () => true },
  { to: "/cases", label: "nav.cases", place: "header", mayOpen: () => true },
  { to: "/admin", label: "nav.admin", place: "header", mayOpen: backOffice },
  { to: "/checkin", label: "nav.checkin", place: "header", mayOpen: scanner },
  { to: "/firm", label: "nav.firm", place: "header", mayOpen: firmPortal },
  { to: "/review", label: "nav.review", place: "header", mayOpen: reviewer },
  { to: "/account", label: "nav.account", place: "header", mayOpen: signedIn },

  { to: "/admin", label: "admin.nav.dashboard", place: "admin", mayOpen: backOffice },
  { to: "/admin/events", label: "admin.nav.events", place: "admin", mayOpen: backOffice },
  { to: "/admin/series", label: "admin.nav.series", place: "admin", mayOpen: programmeManager },
  { to: "/admin/speakers", label: "admin.nav.speakers", place: "admin", mayOpen: backOffice },
  { to: "/admin/firms", label: "admin.nav.programme", place: "admin", mayOpen: programmeManager },
  { to: "/admin/applications", label: "admin.nav.applications", place: "admin", mayOpen: programmeManager },
  { to: "/admin/board", label: "admin.nav.board", place: "admin", mayOpen: programmeManager },
  { to: "/admin/onboarding", label: "admin.nav.onboarding", place: "admin", mayOpen: programmeManager },
  { to: "/admin/calls", label: "admin.nav.calls", place: "admin", mayOpen: programmeManager },
  // Organizers read their events' messages (route-helpers/email-log.server.ts scopes the list).
  { to: "/admin/emails", label: "admin.nav.emails", place: "admin", mayOpen: backOffice },
  { to: "/admin/webhooks", label: "admin.nav.webhooks", place: "admin", mayOpen: backOffice },
  { to: "/admin/audit", label: "admin.nav.audit", place: "admin", mayOpen: admin },
  { to: "/admin/access", label: "admin.nav.access", place: "admin", mayOpen: programmeManager },
];

export type VisibleLink = { to: string; label: MessageKey };

/** The links of one navigation the viewer may open, in their table order. */
export function navigationFor(viewer: Viewer, place: Place): VisibleLink[] {
  return links.filter((link) => link.place === place && link.mayOpen(viewer)).map(({ to, label }) => ({ to, label }));
}

function isUnder(path: string, prefix: string): boolean {
  return prefix === "/" || path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * Whether the viewer may open a path, by the rule of the navigation entry that covers it most closely
 * ("/admin/events/…" by "/admin/events"). The page's own guard still decides on the object in the URL;
 * this only keeps sign-in from sending anyone to a section that is not theirs.
 */
export function mayOpenPath(viewer: Viewer, path: string): boolean {
  const pathname = new URL(path, "http://path.invalid").pathname;
  const covering = links.filter((link) => isUnder(pathname, link.to)).sort((a, b) => b.to.length - a.to.length);
  const closest = covering.filter((link) => link.to === covering[0]?.to);
  return closest.length === 0 || closest.some((link) => link.mayOpen(viewer));
}

/**
 * Where a role lands after sign-in: the back office, else the scanner, else the review of their calls (work
 * with a deadline, before a reviewer's own firm portal), else the firm portal, else (contributors) the calls.
 */
export function homeOf(viewer: Pick<SessionUser, "roles">): string {
  if (backOffice(viewer)) return "/admin";
  if (hasRole(viewer, "CHECKIN")) return "/checkin";
  if (reviewer(viewer)) return "/review";
  if (firmPortal(viewer)) return "/firm";
  if (hasRole(viewer, "CONTRIBUTOR")) return "/calls";
  return "/account";
}

/** After sign-in: the requested same-site path when the viewer may open it, else their home. */
export function landingAfterSignIn(viewer: Pick<SessionUser, "roles">, requested: string | null): string {
  return requested && mayOpenPath(viewer, requested) ? requested : homeOf(viewer);
}
