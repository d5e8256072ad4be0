import { copyFileSync } from "node:fs";
import { resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { runDir, templateDbName } from "./paths";

// A fresh copy of the migrated template for every test file: real SQLite, no sharing between workers.
const file = resolve(runDir(), `test-${process.pid}-${randomBytes(4).toString("hex")}.db`);
copyFileSync(resolve(runDir(), templateDbName), file);
process.env.DATABASE_URL = `file:${file}`;
process.env.NODE_ENV = "test";
process.env.SEED_DEMO = "false";
process.env.RATE_LIMIT ??= "on";
process.env.SESSION_SECRET = "test-secret-test-secret-test-secret-123";
process.env.APP_URL = "http://127.0.0.1";
delete process.env.SMTP_URL;
