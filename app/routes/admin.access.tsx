import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GrantRoleForm, useAccessForm } from "~/components/access/AccessForms";
import { ActionNotice } from "~/components/forms/ActionNotice";
import { Field } from "~/components/ui/FormField";
import { answerFor } from "~/components/forms/answerFor";
import { useLocalized, useT } from "~/i18n/react";
import { createUser, generatePassword, grantRole, grantScopeOptions, listUsers, revokeGrant, type GrantScope } from "~/models/user.server";
import { requestTranslator } from "~/utils/i18n.server";
import { minPasswordLength } from "~/utils/password.server";
import { isAdmin, requireProgrammeManager } from "~/auth/permissions.server";
import { accessForms, createUserSchema } from "~/schemas/access";
import { handleSubmission } from "~/utils/route.server";
import { titled } from "~/i18n/meta";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";
import { Notice } from "~/components/ui/Toast";

export const meta = titled("title.admin-access");

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

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireProgrammeManager(request);
  const { t } = requestTranslator(request);
  return handleSubmission(request, accessForms, async (input, reply) => {
    if (input.intent === "create-user") {
      const password = input.password || generatePassword();
      const created = await createUser({ email: input.email, name: input.name, password, actorUserId: user.id });
      return {
        intent: input.intent,
        notice: t("admin.access.userCreated", { email: created.email }),
        generatedPassword: input.password ? undefined : password,
      };
    }
    if (input.intent === "grant") {
      if (input.role === "ADMIN" && !isAdmin(user)) {
        return data({ result: reply({ formErrors: [t("admin.access.error.adminOnly")] }) }, { status: 403 });
      }
      await grantRole({ email: input.email, role: input.role, scope: scopeFromValue(input.scope), actorUserId: user.id });
      return { intent: input.intent, notice: t("admin.access.granted") };
    }
    await revokeGrant({ grantId: input.grantId, actorUserId: user.id, allowed: (grant) => grant.role !== "ADMIN" || isAdmin(user) });
    return { intent: input.intent, notice: t("admin.access.revoked") };
  });
}

export default function Access() {
  const { users, scopes, canGrantAdmin, minPasswordLength } = useLoaderData<typeof loader>();
  const answer = answerFor(useActionData<typeof action>(), "create-user") as { generatedPassword?: string } | undefined;
  const { form, errorOf } = useAccessForm(createUserSchema, "create-user");
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
      <p className="mt-1 text-sm text-muted">{t("admin.access.intro")}</p>

      <h2 className="mt-6 text-lg font-semibold">{t("admin.access.users")}</h2>
      <ul className="mt-2 grid gap-2">
        {users.map((account) => (
          <Card key={account.id} as="li">
            <p className="font-semibold">
              {account.name} <span className="break-all font-normal text-muted">{account.email}</span>
            </p>
            <p className="text-sm text-muted">
              {t("admin.access.state")}: {account.state === "active" ? t("admin.access.active") : account.state === "disabled" ? t("admin.access.disabled") : t("admin.access.noPassword")}
            </p>
            {account.grants.length === 0 ? (
              <p className="mt-1 text-sm text-muted">{t("admin.access.noRoles")}</p>
            ) : (
              <ul className="mt-2 flex flex-wrap gap-2">
                {account.grants.map((grant) => {
                  const label = [t(`admin.access.role.${grant.role}`), scopeLabel(grant)].filter(Boolean).join(" · ");
                  return (
                    <li key={grant.id} className="flex items-center gap-1 rounded border border-line-strong bg-canvas py-1 pl-2 pr-1 text-sm">
                      <span>{label}</span>
                      {grant.role !== "ADMIN" || canGrantAdmin ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="grantId" value={grant.id} />
                          <button type="submit" className="rounded px-2 py-1 text-danger-ink hover:bg-danger-soft" aria-label={t("admin.access.revokeLabel", { email: account.email, role: label })}>
                            {t("admin.access.revoke")}
                          </button>
                        </Form>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </Card>
        ))}
      </ul>
      <div className="mt-2">
        <ActionNotice intent="revoke" />
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="create-user-heading">
          <h2 id="create-user-heading" className="text-lg font-semibold">
            {t("admin.access.createUser")}
          </h2>
          <Form method="post" className="card mt-2" id={form.id} onSubmit={form.onSubmit} noValidate>
            <ActionNotice intent="create-user" />
            {answer?.generatedPassword ? (
              <Notice tone="warning" className="mb-3">
                <p className="text-sm">{t("admin.access.generatedPassword")}</p>
                <p className="mt-1 break-all font-mono text-base" data-testid="generated-password">
                  {answer.generatedPassword}
                </p>
              </Notice>
            ) : null}
            <input type="hidden" name="intent" value="create-user" />
            <Field label={t("admin.access.email")} name="email" id="new-user-email" type="email" autoComplete="off" required maxLength={254} error={errorOf("email")} />
            <Field label={t("admin.access.name")} name="name" id="new-user-name" autoComplete="off" required maxLength={100} error={errorOf("name")} />
            <Field
              label={t("admin.access.password")}
              name="password"
              id="new-user-password"
              type="password"
              autoComplete="new-password"
              minLength={minPasswordLength}
              maxLength={200}
              hint={t("admin.access.passwordHint", { min: minPasswordLength })}
              error={errorOf("password")}
            />
            <Button type="submit">{t("admin.access.createUser")}</Button>
          </Form>
        </section>

        <GrantRoleForm scopes={scopes} canGrantAdmin={canGrantAdmin} />
      </div>
    </div>
  );
}
