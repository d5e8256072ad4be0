import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { startSmtp } from "../support/smtp";

/**
 * DESIGN.md §6: 3,000 ticket e-mails rendered with their QR and delivered to a loopback SMTP server in < 60 s.
 * 3,000 confirmed registrations with their queued (render-later) ticket message are written into the file the
 * way `register` writes them; then the real sender (`npm run worker`, its own process) renders and delivers.
 */
export function prepareTicketEmails(file: string, { count = 3000 }: { count?: number } = {}) {
  const db = new Database(file);
  const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");
  const now = new Date();
  const eventId = `bench-mail-${randomBytes(4).toString("hex")}`;
  db.transaction(() => {
    db.prepare(
      `INSERT INTO Event (id, slug, kind, status, title, titleEn, venue, address, timeZone, startsAt, endsAt, createdAt, updatedAt)
       VALUES (?, ?, 'DEEP_DIVE', 'PUBLISHED', '邮件压测', 'Mail bench', '示例会场', '成都市示例路 1 号', 'Asia/Shanghai', ?, ?, ?, ?)`,
    ).run(eventId, eventId, iso(new Date(now.getTime() + 10 * 86_400_000)), iso(new Date(now.getTime() + 10 * 86_400_000 + 8 * 3_600_000)), iso(now), iso(now));
    const registration = db.prepare(
      `INSERT INTO Registration (id, eventId, status, name, email, emailNormalized, organization, ticketCode, manageTokenHash, consentAt, consentNoticeVersion, ticketSentAt, createdAt, updatedAt)
       VALUES (?, ?, 'CONFIRMED', ?, ?, ?, '压测单位', ?, ?, ?, '1', ?, ?, ?)`,
    );
    const message = db.prepare(
      `INSERT INTO EmailMessage (id, kind, toAddress, subject, html, text, attachments, status, attempts, nextAttemptAt, dedupeKey, eventId, registrationId, createdAt)
       VALUES (?, 'ticket', ?, '', '', '', '[]', 'PENDING', 0, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      const email = `mail${i}@example.org`;
      const code = randomBytes(16).toString("base64url");
      registration.run(id, eventId, `收件人${i}`, email, email, code, randomBytes(16).toString("hex"), iso(now), iso(now), iso(now), iso(now));
      message.run(randomUUID(), email, iso(now), `ticket:${id}:${code}`, eventId, id, iso(now));
    }
  })();
  db.close();
  return { eventId, count };
}

export async function benchTicketEmails({ databaseUrl, count, timeoutMs = 120_000 }: { databaseUrl: string; count: number; timeoutMs?: number }) {
  const smtp = await startSmtp({ parse: false });
  const started = performance.now();
  const worker = spawn(process.execPath, ["--import", "tsx", "app/cli/worker.ts"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, SMTP_URL: smtp.url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  worker.stdout?.on("data", (chunk) => (output += chunk));
  worker.stderr?.on("data", (chunk) => (output += chunk));
  let firstAt: number | null = null;
  try {
    const deadline = Date.now() + timeoutMs;
    while (smtp.received < count && Date.now() < deadline && worker.exitCode === null) {
      if (firstAt === null && smtp.received > 0) firstAt = performance.now();
      await sleep(50);
    }
    const seconds = (performance.now() - started) / 1000;
    return { delivered: smtp.received, count, seconds, perSecond: smtp.received / seconds, startupSeconds: firstAt ? (firstAt - started) / 1000 : null, output: smtp.received < count ? output : "" };
  } finally {
    worker.kill("SIGTERM");
    await Promise.race([new Promise((resolve) => worker.once("exit", resolve)), sleep(3000)]);
    if (worker.exitCode === null) worker.kill("SIGKILL");
    await smtp.close();
  }
}
