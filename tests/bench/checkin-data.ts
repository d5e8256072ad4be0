import { createHash, randomBytes, randomUUID } from "node:crypto";
import Database from "better-sqlite3";

/**
 * Bench data written straight into a migrated SQLite file before the server starts: one event, its default
 * check-in list, `registrations` confirmed tickets (128-bit random codes) and one check-in token.
 */
export function prepareCheckinDatabase(file: string, { registrations = 20_000 }: { registrations?: number } = {}) {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");
  const now = new Date();
  const eventId = randomUUID();
  const slug = `bench-checkin-${randomBytes(3).toString("hex")}`;
  const listId = randomUUID();
  const token = `evt_${randomBytes(24).toString("base64url")}`;
  const codes: string[] = [];
  db.transaction(() => {
    db.prepare("INSERT INTO Event (id, slug, kind, status, title, timeZone, startsAt, endsAt, createdAt, updatedAt) VALUES (?, ?, 'DEEP_DIVE', 'PUBLISHED', ?, 'Asia/Shanghai', ?, ?, ?, ?)").run(
      eventId,
      slug,
      "签到压测",
      iso(new Date(now.getTime() - 3_600_000)),
      iso(new Date(now.getTime() + 8 * 3_600_000)),
      iso(now),
      iso(now),
    );
    db.prepare("INSERT INTO CheckInList (id, eventId, name, nameEn, isDefault) VALUES (?, ?, '主入口', 'Main entrance', 1)").run(listId, eventId);
    db.prepare("INSERT INTO ApiToken (id, name, tokenHash, prefix, eventId, role, createdAt) VALUES (?, 'bench', ?, ?, ?, 'CHECKIN', ?)").run(
      randomUUID(),
      createHash("sha256").update(token).digest("hex"),
      token.slice(0, 10),
      eventId,
      iso(now),
    );
    const insert = db.prepare(
      "INSERT INTO Registration (id, eventId, status, name, email, emailNormalized, organization, ticketCode, manageTokenHash, consentAt, consentNoticeVersion, createdAt, updatedAt) VALUES (?, ?, 'CONFIRMED', ?, ?, ?, '压测科技', ?, ?, ?, '1', ?, ?)",
    );
    for (let i = 0; i < registrations; i++) {
      const code = randomBytes(16).toString("base64url");
      codes.push(code);
      const email = `bench${i}@example.org`;
      insert.run(randomUUID(), eventId, `参会人${i}`, email, email, code, randomBytes(16).toString("hex"), iso(now), iso(now), iso(now));
    }
  })();
  db.close();
  return { eventId, slug, listId, token, codes };
}
