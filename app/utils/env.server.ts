import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";

const booleanFlag = z.enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" }).transform((value) => value === "true" || value === "1" || value === "yes");

// Origins exactly as a browser sends them in the Origin header: scheme, host and port, nothing else.
const originList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .refine((origins) => origins.every(isOrigin), "must be comma-separated origins such as https://partner.example.org (scheme, host and port only, no path or trailing slash)");

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, "must be a SQLite file URL such as file:./data/app.db")
    .default("file:./data/app.db"),
  PORT: z.coerce.number({ message: "must be a port number" }).int("must be a whole number").min(1, "must be between 1 and 65535").max(65535, "must be between 1 and 65535").default(3000),
  APP_URL: z.string().url("must be an absolute URL such as https://events.example.org").optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, "must look like smtp://user:pass@host:587 or smtps://…")
    .optional(),
  MAIL_FROM: z.string().min(3, "must be a sender such as Events <no-reply@example.org>").default("活动平台 <no-reply@localhost>"),
  SEED_DEMO: booleanFlag.default("true"),
  RATE_LIMIT: z.enum(["on", "off"], { message: "must be on or off" }).default("on"),
  // off: `npm start` runs no background jobs, for a separate `npm run worker` beside it.
  JOBS: z.enum(["on", "off"], { message: "must be on or off" }).default("on"),
  TRUST_PROXY: booleanFlag.default("false"),
  // Partner sites that may call the public API and register from a browser (CORS) and frame the embeddable registration page.
  ALLOWED_ORIGINS: originList.default(""),
  // true: webhooks may target loopback and private addresses (an intranet receiver, tests); refused otherwise.
  WEBHOOK_PRIVATE_TARGETS: booleanFlag.default("false"),
  // The first webhook retry delay (README "Webhooks"); lowered only for staging and tests.
  WEBHOOK_RETRY_BASE_MS: z.coerce.number({ message: "must be a number of milliseconds" }).int().min(1, "must be at least 1").optional(),
  RETENTION_DAYS: z.coerce.number({ message: "must be a number of days" }).int().min(1).default(365),
});

export type Env = z.infer<typeof envSchema> & { APP_URL: string; SESSION_SECRET: string };

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
}

/** Validates the environment; every bad variable is named in one message. Empty strings count as unset. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const parsed = result.data;
  return {
    ...parsed,
    APP_URL: (parsed.APP_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/$/, ""),
    SESSION_SECRET: parsed.SESSION_SECRET ?? persistedSecret(dataDirectory(parsed.DATABASE_URL)),
  };
}

export function databasePath(databaseUrl: string): string {
  return resolve(databaseUrl.replace(/^file:/, ""));
}

export function dataDirectory(databaseUrl: string): string {
  return dirname(databasePath(databaseUrl));
}

// Generated once and kept beside the database, so sessions survive restarts without any set-up step.
function persistedSecret(directory: string): string {
  const file = resolve(directory, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(directory, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
