import { writeFileSync } from "node:fs";
import { seedDemo } from "../../prisma/seed";
import { db } from "~/models/store/connection.server";

/**
 * Run by global-setup.ts in a process of its own (DATABASE_URL is the demo template): seeds the demo once
 * for the whole test run and leaves a self-contained file (WAL checkpointed) that test files copy.
 * Argument: where to record the `now` the demo was seeded with.
 */
const now = new Date();
await seedDemo(now);
const { prisma, sqlite } = await db();
sqlite.pragma("wal_checkpoint(TRUNCATE)");
await prisma.$disconnect();
writeFileSync(process.argv[2], JSON.stringify({ seededAt: now.toISOString() }));
process.exit(0);
