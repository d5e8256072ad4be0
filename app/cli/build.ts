import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

const serverBundle = join("build", "server", "index.js");

// Rebuild when any source is newer than the server bundle, so a fresh clone and an edited tree both just work.
export function buildIsStale(): boolean {
  if (!existsSync(serverBundle)) return true;
  const builtAt = statSync(serverBundle).mtimeMs;
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name !== "generated" && newer(path);
      return statSync(path).mtimeMs > builtAt;
    });
  return newer("app") || newer("public") || newer("emails") || statSync("vite.config.ts").mtimeMs > builtAt;
}

export function buildApp({ quiet = false }: { quiet?: boolean } = {}) {
  const result = spawnSync(process.execPath, [join("node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"], {
    stdio: quiet ? "pipe" : "inherit",
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error(`Build failed:\n${result.stdout ?? ""}\n${result.stderr ?? ""}`);
}

export async function loadServerBuild(): Promise<ServerBuild> {
  return (await import(pathToFileURL(join(process.cwd(), serverBundle)).href)) as ServerBuild;
}
