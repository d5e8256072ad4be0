import { copyFileSync, existsSync, readFileSync, readdirSync, readlinkSync } from "node:fs";
import { resolve } from "node:path";
import { DateTime } from "luxon";
import { prisma } from "~/models/store/connection.server";
import { programmeZone } from "~/utils/time";
import { demoTemplateName, demoTemplateStampName, runDir } from "./paths";

const day = (at: Date) => DateTime.fromJSDate(at, { zone: programmeZone }).toISODate();

/**
 * Gives this test file the demo of prisma/seed.ts: a copy of the template that global-setup.ts seeded once
 * for the run, instead of `seedDemo()` here (about 7 s per file). The demo's dates are relative to the
 * run's start; if the programme's day has changed since (a run across midnight), this file seeds anew, so
 * "today" in the demo is always today. Call it first in `beforeAll`, before anything opens the database.
 * Tests that seed with their own `now`, or test the seed itself, call `seedDemo` instead.
 */
export async function useDemoDatabase(): Promise<void> {
  const file = process.env.DATABASE_URL!.replace(/^file:/, "");
  if (databaseIsOpen(file)) throw new Error("useDemoDatabase() must run before anything opens the database");
  const { seededAt } = JSON.parse(readFileSync(resolve(runDir(), demoTemplateStampName), "utf8")) as { seededAt: string };
  if (day(new Date(seededAt)) !== day(new Date())) {
    const { seedDemo } = await import("../../prisma/seed");
    return seedDemo();
  }
  copyFileSync(resolve(runDir(), demoTemplateName), file);
  // Open the database and run a first query here, as seeding did, so the first test does not pay for it.
  await (await prisma()).event.count();
}

// Copying over a file that a connection of this process holds would corrupt it.
function databaseIsOpen(file: string): boolean {
  if (existsSync(`${file}-wal`)) return true;
  if (!existsSync("/proc/self/fd")) return false;
  const target = resolve(file);
  return readdirSync("/proc/self/fd").some((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === target;
    } catch {
      return false;
    }
  });
}
