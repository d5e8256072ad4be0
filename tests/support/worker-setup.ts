import { copyFileSync } from "node:fs";
import { resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { templateDb, tmpDir } from "./paths";

// A fresh copy of the migrated template for every test file: real SQLite, no sharing between workers.
const file = resolve(tmpDir, `test-${process.pid}-${randomBytes(4).toString("hex")}.db`);
copyFileSync(templateDb, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.NODE_ENV = "test";
process.env.SEED_DEMO = "false";
process.env.RATE_LIMIT ??= "on";
process.env.SESSION_SECRET = "test-secret-test-secret-test-secret-123";
delete process.env.SMTP_URL;
