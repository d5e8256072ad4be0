import { parseArgs } from "node:util";
import type { Role, TokenRole } from "~/generated/prisma/client";
import type { GrantScope } from "~/models/user.server";

// The domain modules (Prisma, the SQLite driver) load only once the arguments are valid: usage errors and
// --help answer at once.
async function loadDomain() {
  const [tokens, users, db, environment, migrate, backup, retention, webhooks, webhookRules] = await Promise.all([
    import("../models/api-token.server"),
    import("../models/user.server"),
    import("~/models/store/connection.server"),
    import("../utils/env.server"),
    import("./migrate"),
    import("~/models/store/backup.server"),
    import("../models/retention.server"),
    import("../models/webhook.server"),
    import("../models/webhook-rules"),
  ]);
  return { ...tokens, ...users, ...db, ...environment, ...migrate, ...backup, ...retention, ...webhooks, ...webhookRules };
}
type Domain = Awaited<ReturnType<typeof loadDomain>>;

/**
 * Operator CLI: `npm run admin -- <command> [options]`. How production gets its users, roles and tokens
 * (the demo accounts come from the demo seed only). Exit codes: 0 done, 1 refused or failed, 2 bad usage.
 */

const usage = `Usage: npm run admin -- <command> [options]

Commands:
  create-user   --email <e-mail> --name <name> [--password <password>]
                Without --password a password is generated and printed once.
  set-password  --email <e-mail> [--password <password>]
                Signs the user out everywhere. Without --password one is generated and printed once.
  grant-role    --email <e-mail> --role admin|organizer|checkin|firm_contact
                [--event <slug> | --series <slug> | --firm <firm id>]
                admin: no scope; organizer: --event, --series or none (all events);
                checkin: --event; firm_contact: --firm.
  revoke-role   same options as grant-role
  list-users    every account with its roles
  create-token  --event <slug> --role checkin|organizer [--name <label>]
                Prints the token alone on the last line; it is stored hashed and never shown again.
  list-tokens   [--event <slug>]
  create-webhook --url <http(s) url> --events <type,type…> [--event <slug>] [--description <text>]
                Types: registration.created, registration.updated, registration.cancelled,
                checkin.created, application.submitted, application.decided. Without --event the
                endpoint receives every event's messages. Prints the whsec_ signing secret alone on
                the last line; it is not shown again.
  revoke-token  <token id or prefix>
  backup        --to <file>
                A consistent copy of the database (SQLite online backup), safe while the server runs.
  restore       --from <file>
                Replaces the database with a backup. Stop the server and the worker first (refused
                while they have it open); the current file is kept as <file>.before-restore-<time>.
  purge-retention [--dry-run]
                Anonymises the personal data of events that ended more than RETENTION_DAYS ago
                (default 365); --dry-run only reports what would be purged. Audited.

Options:
  -h, --help    show this text

Environment: DATABASE_URL (default file:./data/app.db). Pending migrations are applied first.
`;

const options = {
  email: { type: "string" },
  name: { type: "string" },
  password: { type: "string" },
  role: { type: "string" },
  event: { type: "string" },
  series: { type: "string" },
  firm: { type: "string" },
  to: { type: "string" },
  from: { type: "string" },
  "dry-run": { type: "boolean" },
  url: { type: "string" },
  events: { type: "string" },
  description: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

type Values = { [K in keyof typeof options]?: (typeof options)[K]["type"] extends "string" ? string : boolean };

function requiredPath(values: Values, name: "to" | "from"): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`--${name} <file> is required`);
  return value.trim();
}

/** A mistake in how the command was called: message on stderr, usage hint, exit code 2. */
class UsageError extends Error {}

const roleNames: Record<string, Role> = { admin: "ADMIN", organizer: "ORGANIZER", checkin: "CHECKIN", firm_contact: "FIRM_CONTACT" };
const tokenRoleNames: Record<string, TokenRole> = { checkin: "CHECKIN", organizer: "ORGANIZER" };

type Command = { options: (keyof Values)[]; positionals?: number; run: (values: Values, positionals: string[], domain: Domain) => Promise<void> };

function required(values: Values, name: "email" | "name" | "role" | "event"): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`--${name} is required`);
  return value.trim();
}

function scopeOf(values: Values): GrantScope {
  return { eventSlug: values.event, seriesSlug: values.series, firmId: values.firm };
}

function roleOf(values: Values): Role {
  const name = required(values, "role");
  const role = roleNames[name.toLowerCase()];
  if (!role) throw new UsageError(`--role must be one of ${Object.keys(roleNames).join(", ")} (got "${name}")`);
  return role;
}

function scopeLabel(grant: { role: Role; event?: { slug: string } | null; series?: { slug: string } | null; firm?: { id: string; name: string } | null }) {
  const role = grant.role.toLowerCase();
  if (grant.event) return `${role}(event ${grant.event.slug})`;
  if (grant.series) return `${role}(series ${grant.series.slug})`;
  if (grant.firm) return `${role}(firm ${grant.firm.id} ${grant.firm.name})`;
  return grant.role === "ORGANIZER" ? `${role}(all events)` : role;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => [...row[column]].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] + (cell.length - [...cell].length)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

const commands: Record<string, Command> = {
  "create-user": {
    options: ["email", "name", "password"],
    async run(values, _positionals, { createUser, generatePassword }) {
      const generated = values.password === undefined;
      const password = values.password ?? generatePassword();
      const user = await createUser({ email: required(values, "email"), name: required(values, "name"), password });
      console.log(`Created user ${user.email} (id ${user.id}).`);
      if (generated) console.log(`Generated password (shown once, tell the user to change it):\n${password}`);
    },
  },
  "set-password": {
    options: ["email", "password"],
    async run(values, _positionals, { findUserByEmail, generatePassword, setPassword, UserError }) {
      const email = required(values, "email");
      const user = await findUserByEmail(email);
      if (!user) throw new UserError("unknown_user", `No user with e-mail ${email}`);
      const generated = values.password === undefined;
      const password = values.password ?? generatePassword();
      await setPassword({ userId: user.id, password });
      console.log(`Password of ${user.email} changed; all of their sessions were signed out.`);
      if (generated) console.log(`Generated password (shown once):\n${password}`);
    },
  },
  "grant-role": {
    options: ["email", "role", "event", "series", "firm"],
    async run(values, _positionals, { findUserByEmail, grantRole }) {
      const email = required(values, "email");
      const role = roleOf(values);
      await grantRole({ email, role, scope: scopeOf(values) });
      const user = await findUserByEmail(email);
      console.log(`${user?.email} now has: ${user?.roles.map((grant) => grant.role.toLowerCase()).join(", ")}.`);
    },
  },
  "revoke-role": {
    options: ["email", "role", "event", "series", "firm"],
    async run(values, _positionals, { findUserByEmail, revokeRole }) {
      const email = required(values, "email");
      await revokeRole({ email, role: roleOf(values), scope: scopeOf(values) });
      const user = await findUserByEmail(email);
      const left = user?.roles.map((grant) => grant.role.toLowerCase()).join(", ") || "no roles";
      console.log(`Revoked. ${user?.email} now has: ${left}.`);
    },
  },
  "list-users": {
    options: [],
    async run(_values, _positionals, { listUsers }) {
      const users = await listUsers();
      if (users.length === 0) return console.log("No users.");
      const rows = users.map((user) => [user.email, user.name, user.disabledAt ? "disabled" : user.passwordHash ? "active" : "no password", user.roles.map(scopeLabel).join(", ") || "-"]);
      console.log(table([["E-MAIL", "NAME", "STATE", "ROLES"], ...rows]));
    },
  },
  "create-token": {
    options: ["event", "role", "name"],
    async run(values, _positionals, { createApiToken }) {
      const eventSlug = required(values, "event");
      const roleName = required(values, "role");
      const role = tokenRoleNames[roleName.toLowerCase()];
      if (!role) throw new UsageError(`--role must be checkin or organizer (got "${roleName}")`);
      const { token, record } = await createApiToken({ eventSlug, role, name: values.name });
      console.log(`Created ${roleName.toLowerCase()} token "${record.name}" for event ${eventSlug} (id ${record.id}, prefix ${record.prefix}).`);
      console.log("It is stored hashed and cannot be shown again. The token:");
      console.log(token);
    },
  },
  "create-webhook": {
    options: ["url", "events", "event", "description"],
    async run(values, _positionals, { createWebhookEndpoint, endpointUrlProblem, isWebhookEventType, prisma }) {
      const url = values.url?.trim() ?? "";
      if (!url) throw new UsageError("--url is required");
      if (endpointUrlProblem(url)) throw new UsageError(`--url must be an http:// or https:// URL without credentials (got "${url}")`);
      const types = (values.events ?? "")
        .split(",")
        .map((type) => type.trim())
        .filter(Boolean);
      if (types.length === 0) throw new UsageError("--events is required (comma-separated event types)");
      const unknown = types.filter((type) => !isWebhookEventType(type));
      if (unknown.length) throw new UsageError(`unknown event type ${unknown.map((type) => `"${type}"`).join(", ")}`);
      const eventSlug = values.event?.trim() || null;
      if (eventSlug && !(await (await prisma()).event.findUnique({ where: { slug: eventSlug }, select: { id: true } }))) throw new Error(`No event with slug ${eventSlug}`);
      if (eventSlug && types.some((type) => type.startsWith("application."))) throw new Error("application.* events concern no single event: create the endpoint without --event");
      // The operator acts as an admin: the endpoint may be for every event.
      const { endpoint, secret } = await createWebhookEndpoint({ url, description: values.description, eventTypes: types.filter(isWebhookEventType), eventSlug }, () => true);
      console.log(`Created webhook endpoint ${endpoint.id} for ${eventSlug ? `event ${eventSlug}` : "every event"}: ${url} (${types.join(", ")}).`);
      console.log("Verify each message's webhook-signature with this secret; it cannot be shown again. The secret:");
      console.log(secret);
    },
  },
  "list-tokens": {
    options: ["event"],
    async run(values, _positionals, { listApiTokens, prisma, TokenError }) {
      if (values.event !== undefined) {
        const event = await (await prisma()).event.findUnique({ where: { slug: values.event }, select: { id: true } });
        if (!event) throw new TokenError("unknown_event", `No event with slug ${values.event}`);
      }
      const tokens = await listApiTokens({ eventSlug: values.event });
      if (tokens.length === 0) return console.log("No tokens.");
      const rows = tokens.map((token) => [
        token.id,
        token.prefix,
        token.event.slug,
        token.role.toLowerCase(),
        token.name,
        token.createdAt.toISOString().slice(0, 16).replace("T", " "),
        token.revokedAt ? `revoked ${token.revokedAt.toISOString().slice(0, 16).replace("T", " ")}` : "active",
        token.lastUsedAt ? token.lastUsedAt.toISOString().slice(0, 16).replace("T", " ") : "never",
      ]);
      console.log(table([["ID", "PREFIX", "EVENT", "ROLE", "NAME", "CREATED (UTC)", "STATE", "LAST USED (UTC)"], ...rows]));
    },
  },
  "revoke-token": {
    options: [],
    positionals: 1,
    async run(_values, [idOrPrefix], { revokeApiToken }) {
      const token = await revokeApiToken({ id: idOrPrefix });
      console.log(`Token ${token.id} (${token.prefix}…, ${token.name}) is revoked.`);
    },
  },
  backup: {
    options: ["to"],
    async run(values, _positionals, { backupDatabase }) {
      const result = await backupDatabase(requiredPath(values, "to"));
      console.log(`Backup written to ${result.file} (${result.bytes} bytes, ${result.migrations} migrations, integrity ok).`);
    },
  },
  restore: {
    options: ["from"],
    async run(values, _positionals, { restoreDatabase }) {
      const result = await restoreDatabase(requiredPath(values, "from"));
      console.log(`Restored ${result.file} from ${result.from}.${result.saved ? ` The previous database is kept as ${result.saved}.` : ""}`);
    },
  },
  "purge-retention": {
    options: ["dry-run"],
    async run(values, _positionals, { purgeRetention }) {
      const report = await purgeRetention({ dryRun: Boolean(values["dry-run"]) });
      const verb = report.dryRun ? "Would anonymise" : "Anonymised";
      console.log(
        `${verb} ${report.registrations} registrations and delete ${report.emails} e-mails of ${report.events.length} events that ended before ${report.cutoff} (RETENTION_DAYS=${report.days}).`,
      );
      for (const event of report.events) console.log(`  ${event.slug}  ended ${event.endsAt}  ${event.registrations} registrations`);
    },
  },
};

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    console.error("Run `npm run admin -- --help` for usage.");
    return 2;
  }
  const [name, ...positionals] = parsed.positionals;
  const values = parsed.values as Values;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (!name) {
    console.error(usage);
    return 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`error: unknown command "${name}"\n`);
    console.error(usage);
    return 2;
  }
  try {
    const extra = (Object.keys(values) as (keyof Values)[]).filter((option) => !command.options.includes(option));
    if (extra.length) throw new UsageError(`${name} does not take ${extra.map((option) => `--${option}`).join(", ")}`);
    const wanted = command.positionals ?? 0;
    if (positionals.length < wanted) throw new UsageError(`${name} needs a token id or prefix`);
    if (positionals.length > wanted) throw new UsageError(`${name} does not take "${positionals.slice(wanted).join(" ")}"`);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    console.error("Run `npm run admin -- --help` for usage.");
    return 2;
  }

  const domain = await loadDomain();
  try {
    domain.applyPendingMigrations(domain.env().DATABASE_URL);
  } catch (error) {
    console.error(error instanceof domain.EnvError ? error.message : `error: ${(error as Error).message}`);
    return 1;
  }

  try {
    await command.run(values, positionals, domain);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}`);
      console.error("Run `npm run admin -- --help` for usage.");
      return 2;
    }
    if (error instanceof domain.UserError || error instanceof domain.TokenError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    console.error(`error: ${(error as Error)?.message ?? String(error)}`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
