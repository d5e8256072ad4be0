#!/usr/bin/env node
// Runs the Prisma CLI offline. Prisma 6.19 uses its WebAssembly schema engine through the driver adapter
// (prisma.config.ts), but the CLI still probes for native engines and would try to download them; pointing
// the overrides at an existing file stops that probe. Harmless where the internet is reachable.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { delimiter } from "node:path";
import { fileURLToPath } from "node:url";

const placeholder = fileURLToPath(new URL("../../package.json", import.meta.url));
const require = createRequire(import.meta.url);
const prismaBin = require.resolve("prisma/build/index.js");
const binaries = fileURLToPath(new URL("../../node_modules/.bin", import.meta.url));
const env = {
  ...process.env,
  // Generators (prisma-kysely) are found on PATH, as `npx prisma` would find them.
  PATH: `${binaries}${delimiter}${process.env.PATH ?? ""}`,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? placeholder,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const result = spawnSync(process.execPath, [prismaBin, ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(result.status ?? 1);
