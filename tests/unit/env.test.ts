import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "~/utils/env.server";

const secret = "s".repeat(32);

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv({ SESSION_SECRET: secret, ...source });
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("environment validation", () => {
  it("applies the documented defaults", () => {
    const env = parseEnv({ SESSION_SECRET: secret });
    expect(env).toMatchObject({
      NODE_ENV: "development",
      DATABASE_URL: "file:./data/app.db",
      PORT: 3000,
      APP_URL: "http://localhost:3000",
      MAIL_FROM: "活动平台 <no-reply@localhost>",
      SEED_DEMO: true,
      RATE_LIMIT: "on",
      TRUST_PROXY: false,
    });
    expect(env.SMTP_URL).toBeUndefined();
    expect(parseEnv({ SESSION_SECRET: secret, PORT: "8080" }).APP_URL).toBe("http://localhost:8080");
  });

  it("accepts good values and normalises them", () => {
    const env = parseEnv({
      SESSION_SECRET: secret,
      PORT: "4000",
      APP_URL: "https://events.example.org/",
      SEED_DEMO: "false",
      TRUST_PROXY: "yes",
      RATE_LIMIT: "off",
      SMTP_URL: "smtp://user:pass@mail.example.org:587",
    });
    expect(env).toMatchObject({ PORT: 4000, APP_URL: "https://events.example.org", SEED_DEMO: false, TRUST_PROXY: true, RATE_LIMIT: "off" });
  });

  it.each([
    ["DATABASE_URL", "postgres://localhost/db"],
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["PORT", "80.5"],
    ["APP_URL", "events.example.org"],
    ["SESSION_SECRET", "too-short"],
    ["SMTP_URL", "mail.example.org:25"],
    ["MAIL_FROM", "x"],
    ["SEED_DEMO", "maybe"],
    ["RATE_LIMIT", "sometimes"],
    ["TRUST_PROXY", "2"],
    ["NODE_ENV", "staging"],
    ["RETENTION_DAYS", "0"],
    ["ALLOWED_ORIGINS", "https://partner.example.org/"],
    ["ALLOWED_ORIGINS", "https://partner.example.org/embed"],
    ["ALLOWED_ORIGINS", "partner.example.org"],
    ["ALLOWED_ORIGINS", "https://a.example.org,ftp://b.example.org"],
  ])("names %s when it is %j", (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: .+`));
  });

  it("runs the background jobs in npm start unless JOBS=off (issue 12 §12), and names JOBS for anything else", () => {
    expect(parseEnv({ SESSION_SECRET: secret }).JOBS).toBe("on");
    expect(parseEnv({ SESSION_SECRET: secret, JOBS: "off" }).JOBS).toBe("off");
    expect(problemsOf({ JOBS: "maybe" })).toEqual(["JOBS: must be on or off"]);
  });

  it("reads ALLOWED_ORIGINS as a list of origins, empty by default", () => {
    expect(parseEnv({ SESSION_SECRET: secret }).ALLOWED_ORIGINS).toEqual([]);
    expect(parseEnv({ SESSION_SECRET: secret, ALLOWED_ORIGINS: " https://partner.example.org, http://localhost:8080 ," }).ALLOWED_ORIGINS).toEqual([
      "https://partner.example.org",
      "http://localhost:8080",
    ]);
  });

  it("reports every bad variable at once, one line each", () => {
    try {
      parseEnv({ PORT: "x", RATE_LIMIT: "maybe", APP_URL: "nope", SESSION_SECRET: secret });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as EnvError).message;
      expect(message.split("\n").filter((line) => line.startsWith("  - "))).toHaveLength(3);
      for (const name of ["PORT", "RATE_LIMIT", "APP_URL"]) expect(message).toContain(`- ${name}: `);
    }
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ SESSION_SECRET: secret, PORT: "", SMTP_URL: "" });
    expect(env.PORT).toBe(3000);
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("generates a session secret once and keeps it beside the database", () => {
    const dir = mkdtempSync(join(tmpdir(), "env-test-"));
    const first = parseEnv({ DATABASE_URL: `file:${dir}/app.db` }).SESSION_SECRET;
    const second = parseEnv({ DATABASE_URL: `file:${dir}/app.db` }).SESSION_SECRET;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
    expect(readFileSync(join(dir, "session-secret"), "utf8").trim()).toBe(first);
  });
});
