import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, basename, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { register } from "~/models/registration-write.server";
import { prisma } from "~/models/store/connection.server";
import { databasePath } from "~/utils/env.server";
import { createRegistrationEvent, person } from "../support/registration-fixtures";

/**
 * Issue 7 §6: `npm run admin -- backup --to` takes a consistent copy while the database is in use;
 * `restore --from` refuses while another process has the database open, keeps the current file aside and
 * brings back exactly what the backup held.
 */
function admin(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(resolve("node_modules/.bin/tsx"), [resolve("app/cli/admin.ts"), ...args], {
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL! },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

describe("backup and restore", () => {
  it("backs up while in use, refuses to restore under a running process, then restores exactly the backup", async () => {
    const { slug, event } = await createRegistrationEvent({ capacity: 10 });
    const first = await register({ slug, input: person(1) });
    const dir = mkdtempSync(join(tmpdir(), "backup-test-"));
    const file = join(dir, "backup.db");

    // This test process keeps its connection open: the "running server".
    const backup = await admin(["backup", "--to", file]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain("integrity ok");
    expect((await admin(["backup", "--to", file])).code).toBe(1); // never overwrites

    const second = await register({ slug, input: person(2) });
    const refused = await admin(["restore", "--from", file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/in use/);
    expect(await (await prisma()).registration.count({ where: { eventId: event.id } })).toBe(2);

    expect((await admin(["restore", "--from", join(dir, "missing.db")])).code).toBe(1);

    await (await prisma()).$disconnect();
    const restored = await admin(["restore", "--from", file]);
    expect(restored.code, restored.stderr).toBe(0);

    const live = databasePath(process.env.DATABASE_URL!);
    const check = new Database(live, { readonly: true });
    try {
      const ids = (check.prepare("SELECT id FROM Registration WHERE eventId = ?").all(event.id) as { id: string }[]).map((row) => row.id);
      expect(ids).toEqual([first.body.registration.id]);
      expect((check.prepare("SELECT confirmedCount FROM Event WHERE id = ?").get(event.id) as { confirmedCount: number }).confirmedCount).toBe(1);
    } finally {
      check.close();
    }
    const aside = readdirSync(dirname(live)).find((name) => name.startsWith(`${basename(live)}.before-restore-`));
    expect(aside).toBeDefined();
    const previous = new Database(join(dirname(live), aside!), { readonly: true });
    try {
      expect(previous.prepare("SELECT 1 FROM Registration WHERE id = ?").get(second.body.registration.id)).toBeDefined();
    } finally {
      previous.close();
    }
    expect(existsSync(file)).toBe(true);
  }, 240_000);
});
