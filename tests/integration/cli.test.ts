import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { format } from "node:util";
import { beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { tokenFromRequest } from "~/auth/bearer-token.server";
import { prisma } from "~/models/store/connection.server";
import { HttpError } from "~/utils/http.server";
import { verifyPassword } from "~/utils/password.server";
import { requireEventToken } from "~/auth/permissions.server";
import { unseal } from "~/utils/sealed-secret.server";

// Each process run is a fresh `tsx` process (2–10 s on a busy 2-core machine).
vi.setConfig({ testTimeout: 300_000 });

const tsx = resolve("node_modules/.bin/tsx");
const script = resolve("app/cli/admin.ts");

type Run = { code: number | null; stdout: string; stderr: string; lines: string[] };

/**
 * Runs the operator CLI as a child process against this test file's own database, as `npm run admin` does.
 * For what only a process of its own shows: the environment it reads, a brand-new database, the exit code
 * reaching the shell, a write seen from outside.
 */
function adminProcess(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(tsx, [script, ...args], {
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL!, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr, lines: stdout.trimEnd().split("\n") }));
  });
}

let runs = 0;

/**
 * Runs the CLI's entry module afresh inside this process: the same argument parsing, commands, output and
 * exit code as a process of its own, without starting one for each of the many runs below.
 */
async function admin(args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const argv = process.argv;
  const log = vi.spyOn(console, "log").mockImplementation((...parts) => void (stdout += `${format(...parts)}\n`));
  const error = vi.spyOn(console, "error").mockImplementation((...parts) => void (stderr += `${format(...parts)}\n`));
  let exit: MockInstance<typeof process.exit> | undefined;
  try {
    const code = await new Promise<number>((done, fail) => {
      exit = vi.spyOn(process, "exit").mockImplementation(((code?: number) => done(code ?? 0)) as typeof process.exit);
      process.argv = [argv[0], script, ...args];
      import(/* @vite-ignore */ `../../app/cli/admin.ts?run=${++runs}`).catch(fail);
    });
    return { code, stdout, stderr, lines: stdout.trimEnd().split("\n") };
  } finally {
    process.argv = argv;
    exit?.mockRestore();
    log.mockRestore();
    error.mockRestore();
  }
}

const bearer = (token: string) => new Request("http://localhost/", { headers: { Authorization: `Bearer ${token}` } });

beforeAll(async () => {
  await useDemoDatabase();
});

describe("operator CLI: usage", () => {
  it("prints usage with --help (exit 0) listing every command", async () => {
    const run = await adminProcess(["--help"]);
    expect(run.code).toBe(0);
    for (const command of ["create-user", "set-password", "grant-role", "revoke-role", "list-users", "create-token", "list-tokens", "revoke-token"]) {
      expect(run.stdout).toContain(command);
    }
  });

  it("prints usage on stderr and exits 2 without a command or with an unknown one", async () => {
    const none = await admin([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: npm run admin");
    const unknown = await admin(["make-coffee"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: unknown command "make-coffee"/);
  });

  it.each([
    [["create-user", "--email", "x@example.org"], /^error: --name is required/],
    [["create-user", "--email", "x@example.org", "--name", "X", "--role", "admin"], /^error: create-user does not take --role/],
    [["grant-role", "--email", "x@example.org", "--role", "king"], /^error: --role must be one of admin, organizer, checkin, firm_contact/],
    [["create-token", "--event", "deep-dive-finance-shanghai", "--role", "admin"], /^error: --role must be checkin or organizer/],
    [["revoke-token"], /^error: revoke-token needs a token id or prefix/],
    [["list-users", "--bogus"], /^error: Unknown option '--bogus'/],
    [["list-users", "extra"], /^error: list-users does not take "extra"/],
  ])("refuses malformed arguments %j with exit 2 and one clear line", async (args, message) => {
    const run = await admin(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
  });

  it("names a bad DATABASE_URL and exits 1", async () => {
    const run = await adminProcess(["list-users"], { DATABASE_URL: "mysql://localhost/db" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("DATABASE_URL: must be a SQLite file URL");
  });

  it("migrates a brand-new database file before working (fresh clone)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-fresh-"));
    const run = await adminProcess(["list-users"], { DATABASE_URL: `file:${dir}/fresh.db` });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe("No users.");
  });
});

describe("operator CLI: users and roles", () => {
  it("creates a user with a chosen password", async () => {
    const run = await adminProcess(["create-user", "--email", "Ops.Person@Example.org", "--name", "运维人员", "--password", "chosen-password-1"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const user = await (await prisma()).user.findUniqueOrThrow({ where: { email: "ops.person@example.org" } });
    expect(user.name).toBe("运维人员");
    expect(await verifyPassword("chosen-password-1", user.passwordHash!)).toBe(true);
    expect(run.stdout).not.toContain("chosen-password-1");
  });

  it("generates and prints a password once when none is given", async () => {
    const run = await admin(["create-user", "--email", "generated@example.org", "--name", "Gen"]);
    expect(run.code).toBe(0);
    const password = run.lines.at(-1)!;
    expect(password.length).toBeGreaterThanOrEqual(16);
    const user = await (await prisma()).user.findUniqueOrThrow({ where: { email: "generated@example.org" } });
    expect(await verifyPassword(password, user.passwordHash!)).toBe(true);
  });

  it("refuses a duplicate e-mail, a bad e-mail and a short password with exit 1, writing nothing", async () => {
    const db = await prisma();
    const before = await db.user.count();
    const duplicate = await admin(["create-user", "--email", "generated@example.org", "--name", "Again"]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr.trim()).toBe("error: A user with e-mail generated@example.org already exists");
    const badEmail = await admin(["create-user", "--email", "not-an-email", "--name", "X"]);
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr.trim()).toBe("error: Not a valid e-mail address: not-an-email");
    const short = await admin(["create-user", "--email", "short@example.org", "--name", "X", "--password", "short"]);
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/^error: The password must have 10 to 200 characters/);
    expect(await db.user.count()).toBe(before);
  });

  it("sets a password and signs the user out everywhere", async () => {
    const db = await prisma();
    const user = await db.user.findUniqueOrThrow({ where: { email: "ops.person@example.org" } });
    await db.authSession.create({ data: { id: "a".repeat(64), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    const run = await admin(["set-password", "--email", "ops.person@example.org", "--password", "second-password-2"]);
    expect(run.code).toBe(0);
    const updated = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("second-password-2", updated.passwordHash!)).toBe(true);
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(0);
    const unknown = await admin(["set-password", "--email", "nobody@example.org", "--password", "second-password-2"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe("error: No user with e-mail nobody@example.org");
  });

  it("grants and revokes scoped roles, and explains a scope that does not fit", async () => {
    const db = await prisma();
    const grant = await admin(["grant-role", "--email", "ops.person@example.org", "--role", "organizer", "--event", "deep-dive-finance-shanghai"]);
    expect(grant.stderr).toBe("");
    expect(grant.code).toBe(0);
    const event = await db.event.findUniqueOrThrow({ where: { slug: "deep-dive-finance-shanghai" } });
    const grants = await db.roleAssignment.findMany({ where: { user: { email: "ops.person@example.org" } } });
    expect(grants).toMatchObject([{ role: "ORGANIZER", eventId: event.id, seriesId: null, firmId: null }]);

    const list = await admin(["list-users"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/ops\.person@example\.org\s+运维人员\s+active\s+organizer\(event deep-dive-finance-shanghai\)/);

    const badScope = await admin(["grant-role", "--email", "ops.person@example.org", "--role", "checkin"]);
    expect(badScope.code).toBe(1);
    expect(badScope.stderr).toMatch(/^error: Scopes: .*checkin takes --event/);
    const unknownEvent = await admin(["grant-role", "--email", "ops.person@example.org", "--role", "checkin", "--event", "no-such-event"]);
    expect(unknownEvent.code).toBe(1);
    expect(unknownEvent.stderr.trim()).toBe("error: No event with slug no-such-event");

    const revoke = await admin(["revoke-role", "--email", "ops.person@example.org", "--role", "organizer", "--event", "deep-dive-finance-shanghai"]);
    expect(revoke.code).toBe(0);
    expect(await db.roleAssignment.count({ where: { user: { email: "ops.person@example.org" } } })).toBe(0);
    const again = await admin(["revoke-role", "--email", "ops.person@example.org", "--role", "organizer", "--event", "deep-dive-finance-shanghai"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error: ops\.person@example\.org has no organizer grant/);
    expect(await db.auditLog.count({ where: { action: { in: ["role.granted", "role.revoked"] }, targetId: grants[0].userId } })).toBe(2);
  });
});

describe("operator CLI: tokens", () => {
  let token: string;

  it("create-token prints the token alone on the last line, and it authenticates for that event only", async () => {
    const run = await admin(["create-token", "--event", "deep-dive-finance-shanghai", "--role", "checkin", "--name", "Gate 1"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    token = run.lines.at(-1)!;
    expect(token).toMatch(/^evt_[\w-]{32}$/);
    expect(run.lines.slice(0, -1).join("\n")).not.toContain(token);

    const db = await prisma();
    const [a, b] = await Promise.all([db.event.findUniqueOrThrow({ where: { slug: "deep-dive-finance-shanghai" } }), db.event.findUniqueOrThrow({ where: { slug: "deep-dive-government-chengdu" } })]);
    expect(await tokenFromRequest(bearer(token))).toMatchObject({ eventId: a.id, role: "CHECKIN" });
    await expect(requireEventToken(bearer(token), a.id, "CHECKIN")).resolves.toMatchObject({ eventId: a.id });
    await expect(requireEventToken(bearer(token), b.id, "CHECKIN")).rejects.toSatisfy((error) => error instanceof HttpError && error.status === 403);
  });

  it("lists tokens by prefix, never the token itself", async () => {
    const run = await admin(["list-tokens", "--event", "deep-dive-finance-shanghai"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(token.slice(0, 10));
    expect(run.stdout).toContain("Gate 1");
    expect(run.stdout).not.toContain(token);
    // The previous test authenticated with it, so the list says when (at most once a minute, UTC).
    expect(run.stdout).toContain("LAST USED (UTC)");
    expect(run.stdout).toMatch(/Gate 1\s+\S+ \S+\s+active\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const all = await admin(["list-tokens"]);
    expect(all.stdout).toContain("Gate 1");
    const unknown = await admin(["list-tokens", "--event", "nope"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe("error: No event with slug nope");
  });

  it("revokes by prefix; the token stops working; an unknown id is an error", async () => {
    const run = await admin(["revoke-token", token.slice(0, 10)]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(await tokenFromRequest(bearer(token))).toBeNull();
    const listed = await admin(["list-tokens", "--event", "deep-dive-finance-shanghai"]);
    expect(listed.stdout).toMatch(/Gate 1\s+\S+ \S+\s+revoked/);
    const unknown = await admin(["revoke-token", "evt_nothing"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe("error: No token with id or prefix evt_nothing");
  });
});

describe("operator CLI: create-webhook", () => {
  it("creates an endpoint for one event and prints a whsec_ secret alone on the last line, which signs its deliveries", async () => {
    const run = await admin(["create-webhook", "--url", "https://partner.example/hooks", "--events", "registration.created,checkin.created", "--event", "deep-dive-finance-shanghai"]);
    expect(run.code, run.stderr).toBe(0);
    const secret = run.lines.at(-1)!;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const endpoint = await (await prisma()).webhookEndpoint.findFirstOrThrow({ where: { url: "https://partner.example/hooks" }, include: { event: true } });
    expect(endpoint).toMatchObject({ eventTypes: ",registration.created,checkin.created,", disabledAt: null });
    expect(endpoint.event?.slug).toBe("deep-dive-finance-shanghai");
    expect(endpoint.secretSealed).not.toContain(secret.slice(6));
    expect(unseal("webhook", endpoint.secretSealed)).toBe(secret);
  });

  it("refuses a non-http URL, an unknown event type or event, and application events scoped to one event", async () => {
    const scheme = await admin(["create-webhook", "--url", "ftp://partner.example/", "--events", "registration.created"]);
    expect(scheme.code).toBe(2);
    expect(scheme.stderr).toMatch(/--url must be an http/);
    const type = await admin(["create-webhook", "--url", "https://partner.example/", "--events", "registration.deleted"]);
    expect(type.code).toBe(2);
    expect(type.stderr).toContain('unknown event type "registration.deleted"');
    const event = await admin(["create-webhook", "--url", "https://partner.example/", "--events", "registration.created", "--event", "no-such-event"]);
    expect(event.code).toBe(1);
    expect(event.stderr).toContain("No event with slug no-such-event");
    const scoped = await admin(["create-webhook", "--url", "https://partner.example/", "--events", "application.submitted", "--event", "deep-dive-finance-shanghai"]);
    expect(scoped.code).toBe(1);
  });
});
