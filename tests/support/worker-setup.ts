import { copyFileSync } from "node:fs";
import { resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { runDir, templateDbName } from "./paths";
import { testEnv } from "./test-env";

// A fresh copy of the migrated template for every test file: real SQLite, no sharing between workers.
const file = resolve(runDir(), `test-${process.pid}-${randomBytes(4).toString("hex")}.db`);
copyFileSync(resolve(runDir(), templateDbName), file);
process.env.DATABASE_URL = `file:${file}`;
Object.assign(process.env, testEnv);
process.env.RATE_LIMIT ??= "on";
delete process.env.SMTP_URL;
