import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field } from "~/components/Field";
import type { MessageKey } from "~/i18n";
import { useLocalized, useT } from "~/i18n/react";
import {
  createUser,
  generatePassword,
  grantRole,
  grantScopeOptions,
  listUsers,
  revokeGrant,
  UserError,
  type GrantScope,
} from "~/models/user.server";
import { requestTranslator } from "~/utils/i18n.server";
import { minPasswordLength } from "~/utils/password.server";
import { isAdmin, requireProgrammeManager } from "~/auth/permissions.server";

export const meta: MetaFunction = () => [{ title: "用户与权限 · Users and roles" }];

const roles = ["ADMIN", "ORGANIZER", "CHECKIN", "FIRM_CONTACT"] as const;

const createUserSchema = z.object({
  intent: z.literal("create-user"),
  email: z.string().trim().max(254),
  name: z.string().trim().max(100),
  password: z
    .string()
    .optional()
    .transform((value) => (value ? value : undefined)),
});
const grantSchema = z.object({
  intent: z.literal("grant"),
  email: z.string().trim().max(254),
  role: z.enum(roles),
  scope: z.string().regex(/^(none|(event|series|firm):[\w-]{1,64})$/),
});
const revokeSchema = z.object({ intent: z.literal("revoke"), grantId: z.string().min(1).max(64) });
const actionSchema = z.discriminatedUnion("intent", [createUserSchema, grantSchema, revokeSchema]);

function scopeFromValue(value: string): GrantScope {
  const [kind, id] = value.split(":");
  if (kind === "event") return { eventId: id };
  if (kind === "series") return { seriesId: id };
  if (kind === "firm") return { firmId: id };
  return {};
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireProgrammeManager(request);
  const [users, scopes] = await Promise.all([listUsers(), grantScopeOptions()]);
  return {
    canGrantAdmin: isAdmin(user),
    minPasswordLength,
    scopes,
    users: users.map((account) => ({
      id: account.id,
      email: account.email,
      name: account.name,
      state: account.disabledAt ? ("disabled" as const) : account.passwordHash ? ("active" as const) : ("noPassword" as const),
      grants: account.roles.map((grant) => ({
        id: grant.id,
        role: grant.role,
        event: grant.event,
        series: grant.series,
        firm: grant.firm,
      })),
    })),
  };
}

type ActionResult = { intent: string; ok: boolean; message?: string; error?: string; generatedPassword?: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireProgrammeManager(request);
  const { t } = requestTranslator(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data<ActionResult>({ intent: "", ok: false, error: t("validation.invalid") }, { status: 400 });
  }
  const input = parsed.data;
  const failure = (error: unknown) => {
    if (!(error instanceof UserError)) throw error;
    const status = error.code === "no_such_grant" || error.code === "unknown_user" ? 404 : error.code === "duplicate_email" ? 409 : 422;
    return data<ActionResult>(
      { intent: input.intent, ok: false, error: t(`admin.access.error.${error.code}` as MessageKey, { min: minPasswordLength }) },
      { status },
    );
  };
  try {
    if (input.intent === "create-user") {
      const password = input.password ?? generatePassword();
      const created = await createUser({ email: input.email, name: input.name, password, actorUserId: user.id });
      return data<ActionResult>({
        intent: input.intent,
        ok: true,
        message: t("admin.access.userCreated", { email: created.email }),
        generatedPassword: input.password ? undefined : password,
      });
    }
    if (input.intent === "grant") {
      if (input.role === "ADMIN" && !isAdmin(user)) {
        return data<ActionResult>({ intent: input.intent, ok: false, error: t("admin.access.error.adminOnly") }, { status: 403 });
      }
      await grantRole({ email: input.email, role: input.role, scope: scopeFromValue(input.scope), actorUserId: user.id });
      return data<ActionResult>({ intent: input.intent, ok: true, message: t("admin.access.granted") });
    }
    await revokeGrant({ grantId: input.grantId, actorUserId: user.id, allowed: (grant) => grant.role !== "ADMIN" || isAdmin(user) });
    return data<ActionResult>({ intent: input.intent, ok: true, message: t("admin.access.revoked") });
  } catch (error) {
    return failure(error);
  }
}

function Notice({ result, intent }: { result: ActionResult | undefined; intent: string }) {
  if (!result || result.intent !== intent) return null;
  return result.ok ? (
    <p role="status" className="mb-3 rounded border border-green-300 bg-green-50 p-3 text-green-900">
      {result.message}
    </p>
  ) : (
    <p role="alert" className="mb-3 rounded border border-red-300 bg-red-50 p-3 text-red-800">
      {result.error}
    </p>
  );
}

export default function Access() {
  const { users, scopes, canGrantAdmin, minPasswordLength } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const localized = useLocalized();
  const scopeLabel = (grant: (typeof users)[number]["grants"][number]) =>
    grant.event
      ? localized(grant.event.title, grant.event.titleEn)
      : grant.series
        ? localized(grant.series.title, grant.series.titleEn)
        : grant.firm
          ? grant.firm.name
          : grant.role === "ORGANIZER"
            ? t("admin.access.scopeAll")
            : "";
  return (
    <div className="max-w-5xl">
      <h1 className="text-2xl font-bold">{t("admin.access.heading")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("admin.access.intro")}</p>
      {result && !result.intent ? <Notice result={{ ...result, intent: "" }} intent="" /> : null}

      <h2 className="mt-6 text-lg font-semibold">{t("admin.access.users")}</h2>
      <ul className="mt-2 grid gap-2">
        {users.map((account) => (
          <li key={account.id} className="card">
            <p className="font-semibold">
              {account.name} <span className="break-all font-normal text-slate-700">{account.email}</span>
            </p>
            <p className="text-sm text-slate-600">
              {t("admin.access.state")}:{" "}
              {account.state === "active"
                ? t("admin.access.active")
                : account.state === "disabled"
                  ? t("admin.access.disabled")
                  : t("admin.access.noPassword")}
            </p>
            {account.grants.length === 0 ? (
              <p className="mt-1 text-sm text-slate-600">{t("admin.access.noRoles")}</p>
            ) : (
              <ul className="mt-2 flex flex-wrap gap-2">
                {account.grants.map((grant) => {
                  const label = [t(`admin.access.role.${grant.role}`), scopeLabel(grant)].filter(Boolean).join(" · ");
                  return (
                    <li key={grant.id} className="flex items-center gap-1 rounded border border-slate-300 bg-slate-50 py-1 pl-2 pr-1 text-sm">
                      <span>{label}</span>
                      {grant.role !== "ADMIN" || canGrantAdmin ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="grantId" value={grant.id} />
                          <button
                            type="submit"
                            className="rounded px-2 py-1 text-red-800 hover:bg-red-50"
                            aria-label={t("admin.access.revokeLabel", { email: account.email, role: label })}
                          >
                            {t("admin.access.revoke")}
                          </button>
                        </Form>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <div className="mt-2">
        <Notice result={result} intent="revoke" />
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="create-user-heading">
          <h2 id="create-user-heading" className="text-lg font-semibold">
            {t("admin.access.createUser")}
          </h2>
          <Form method="post" className="card mt-2">
            <Notice result={result} intent="create-user" />
            {result?.intent === "create-user" && result.generatedPassword ? (
              <div className="mb-3 rounded border border-amber-300 bg-amber-50 p-3">
                <p className="text-sm">{t("admin.access.generatedPassword")}</p>
                <p className="mt-1 break-all font-mono text-base" data-testid="generated-password">
                  {result.generatedPassword}
                </p>
              </div>
            ) : null}
            <input type="hidden" name="intent" value="create-user" />
            <Field label={t("admin.access.email")} name="email" id="new-user-email" type="email" autoComplete="off" required maxLength={254} />
            <Field label={t("admin.access.name")} name="name" id="new-user-name" autoComplete="off" required maxLength={100} />
            <Field
              label={t("admin.access.password")}
              name="password"
              id="new-user-password"
              type="password"
              autoComplete="new-password"
              minLength={minPasswordLength}
              maxLength={200}
              hint={t("admin.access.passwordHint", { min: minPasswordLength })}
            />
            <button type="submit" className="btn">
              {t("admin.access.createUser")}
            </button>
          </Form>
        </section>

        <section aria-labelledby="grant-heading">
          <h2 id="grant-heading" className="text-lg font-semibold">
            {t("admin.access.grantRole")}
          </h2>
          <Form method="post" className="card mt-2">
            <Notice result={result} intent="grant" />
            <input type="hidden" name="intent" value="grant" />
            <Field label={t("admin.access.email")} name="email" id="grant-email" type="email" autoComplete="off" required maxLength={254} />
            <div className="mb-4">
              <label htmlFor="grant-role" className="field-label">
                {t("admin.access.role")}
              </label>
              <select id="grant-role" name="role" className="field-input" defaultValue="ORGANIZER">
                {roles
                  .filter((role) => role !== "ADMIN" || canGrantAdmin)
                  .map((role) => (
                    <option key={role} value={role}>
                      {t(`admin.access.role.${role}`)}
                    </option>
                  ))}
              </select>
            </div>
            <div className="mb-4">
              <label htmlFor="grant-scope" className="field-label">
                {t("admin.access.scope")}
              </label>
              <select id="grant-scope" name="scope" className="field-input" defaultValue="none">
                <option value="none">{t("admin.access.scope.none")}</option>
                <optgroup label={t("admin.access.scope.events")}>
                  {scopes.events.map((event) => (
                    <option key={event.id} value={`event:${event.id}`}>
                      {localized(event.title, event.titleEn)}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t("admin.access.scope.series")}>
                  {scopes.series.map((series) => (
                    <option key={series.id} value={`series:${series.id}`}>
                      {localized(series.title, series.titleEn)}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t("admin.access.scope.firms")}>
                  {scopes.firms.map((firm) => (
                    <option key={firm.id} value={`firm:${firm.id}`}>
                      {localized(firm.name, firm.nameEn)}
                    </option>
                  ))}
                </optgroup>
              </select>
            </div>
            <button type="submit" className="btn">
              {t("admin.access.grant")}
            </button>
          </Form>
        </section>
      </div>
    </div>
  );
}
