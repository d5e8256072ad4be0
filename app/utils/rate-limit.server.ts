import { env } from "./env.server";

/**
 * Fixed-window counters kept in memory: one process serves one SQLite file, so one map is the whole truth.
 * `RATE_LIMIT=off` disables them for load tests only.
 */
const windows = new Map<string, { resetAt: number; count: number }>();

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

export function hitRateLimit(key: string, limit: number, windowMs: number, now = Date.now()): RateLimitResult {
  if (env().RATE_LIMIT === "off") return { allowed: true, retryAfterSeconds: 0 };
  let window = windows.get(key);
  if (!window || window.resetAt <= now) {
    window = { resetAt: now + windowMs, count: 0 };
    windows.set(key, window);
    if (windows.size > 50_000) sweep(now);
  }
  window.count += 1;
  return { allowed: window.count <= limit, retryAfterSeconds: Math.ceil((window.resetAt - now) / 1000) };
}

function sweep(now: number) {
  for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
}
