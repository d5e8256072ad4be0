import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import Database from "better-sqlite3";

/**
 * DESIGN.md §6: 1,000 concurrent submits for 100 seats → exactly 100 confirmed, the rest waitlisted,
 * 0 answers 5xx, ≥ 300 registrations/s. Event written straight into the migrated file before the server starts.
 */
export function prepareStormEvent(file: string, { capacity = 100 }: { capacity?: number } = {}) {
  const db = new Database(file);
  const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");
  const now = Date.now();
  const id = `bench-storm-${randomBytes(4).toString("hex")}`;
  const slug = id;
  db.prepare(
    `INSERT INTO Event (id, slug, kind, status, title, timeZone, startsAt, endsAt, registrationOpensAt, registrationClosesAt, capacity, waitlistEnabled, createdAt, updatedAt)
     VALUES (?, ?, 'DEEP_DIVE', 'PUBLISHED', '报名压测', 'Asia/Shanghai', ?, ?, ?, ?, ?, 1, ?, ?)`,
  ).run(
    id,
    slug,
    iso(new Date(now + 10 * 86_400_000)),
    iso(new Date(now + 10 * 86_400_000 + 8 * 3_600_000)),
    iso(new Date(now - 86_400_000)),
    iso(new Date(now + 9 * 86_400_000)),
    capacity,
    iso(new Date(now)),
    iso(new Date(now)),
  );
  db.close();
  return { eventId: id, slug, capacity };
}

export type StormResult = {
  submits: number;
  seconds: number;
  perSecond: number;
  statuses: Record<string, number>;
  confirmed: number;
  waitlisted: number;
  server5xx: number;
  errors: number;
};

export async function benchRegistrationStorm({ baseUrl, slug, submits = 1000, connections = 1000 }: { baseUrl: string; slug: string; submits?: number; connections?: number }): Promise<StormResult> {
  const statuses: Record<string, number> = {};
  let confirmed = 0;
  let waitlisted = 0;
  let n = 0;
  const started = performance.now();
  const result = await autocannon({
    url: baseUrl,
    connections: Math.min(connections, submits),
    amount: submits,
    timeout: 60,
    requests: [
      {
        method: "POST",
        path: `/api/v1/events/${slug}/registrations`,
        headers: { "Content-Type": "application/json" },
        setupRequest: (request) => {
          const i = n++;
          return { ...request, body: JSON.stringify({ name: `压测者${i}`, email: `storm${i}@example.org`, organization: "压测单位", consent: true }) };
        },
        onResponse: (status, body) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          try {
            const state = (JSON.parse(body) as { registration?: { status?: string } }).registration?.status;
            if (state === "confirmed") confirmed += 1;
            else if (state === "waitlisted") waitlisted += 1;
          } catch {
            // A reply that is not JSON (a 429 or 5xx page) counts as neither.
          }
        },
      },
    ],
  });
  const seconds = (performance.now() - started) / 1000;
  const server5xx = Object.entries(statuses).reduce((sum, [status, count]) => sum + (Number(status) >= 500 ? count : 0), 0);
  return { submits, seconds, perSecond: result.requests.total / seconds, statuses, confirmed, waitlisted, server5xx, errors: result.errors + result.timeouts };
}

/** What the database says after the storm: rows and the counters that must equal them. */
export function stormDatabaseCounts(file: string, eventId: string) {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare(`SELECT status, COUNT(*) AS n FROM Registration WHERE eventId = ? GROUP BY status`).all(eventId) as { status: string; n: number }[];
    const counters = db.prepare(`SELECT confirmedCount, waitlistedCount FROM Event WHERE id = ?`).get(eventId) as { confirmedCount: number; waitlistedCount: number };
    const count = (status: string) => rows.find((row) => row.status === status)?.n ?? 0;
    return { confirmedRows: count("CONFIRMED"), waitlistedRows: count("WAITLISTED"), ...counters };
  } finally {
    db.close();
  }
}
