import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useAccessForm } from "~/components/access/AccessForms";
import { ActionNotice } from "~/components/forms/ActionNotice";
import { Field, SelectField } from "~/components/ui/FormField";
import { answerFor } from "~/components/forms/answerFor";
import { LocalTime } from "~/components/LocalTime";
import { useT } from "~/i18n/react";
import { createApiToken, listApiTokens, revokeApiToken } from "~/models/api-token.server";
import { grantRole, listEventCheckInStaff, revokeGrant } from "~/models/user.server";
import { requestTranslator } from "~/utils/i18n.server";
import { requireEventManager } from "~/auth/permissions.server";
import { addStaffSchema, createTokenSchema, eventAccessForms, tokenRoles } from "~/schemas/access";
import { handleSubmission } from "~/utils/route.server";
import { titled } from "~/i18n/meta";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export const meta = titled("title.admin-events-eventId-access");

function eventIdOf(params: { eventId?: string }): string {
  return params.eventId ?? "";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const eventId = eventIdOf(params);
  // This page checks the event itself: Remix runs the parent layout's loader in parallel, not before.
  await requireEventManager(request, eventId);
  const [staff, tokens] = await Promise.all([listEventCheckInStaff(eventId), listApiTokens({ eventId })]);
  return {
    staff: staff.map((grant) => ({ id: grant.id, email: grant.user.email, name: grant.user.name })),
    tokens: tokens.map((token) => ({
      id: token.id,
      name: token.name,
      prefix: token.prefix,
      role: token.role,
      createdAt: token.createdAt.toISOString(),
      revokedAt: token.revokedAt?.toISOString() ?? null,
      lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const eventId = eventIdOf(params);
  const user = await requireEventManager(request, eventId);
  const { t } = requestTranslator(request);
  return handleSubmission(request, eventAccessForms, async (input) => {
    switch (input.intent) {
      case "create-token": {
        const { token } = await createApiToken({ eventId, role: input.role, name: input.name, actorUserId: user.id });
        return { intent: input.intent, notice: t("admin.eventAccess.tokenCreated"), token };
      }
      case "revoke-token":
        await revokeApiToken({ id: input.tokenId, eventId, actorUserId: user.id });
        return { intent: input.intent, notice: t("admin.eventAccess.tokenRevoked") };
      case "add-staff":
        await grantRole({ email: input.email, role: "CHECKIN", scope: { eventId }, actorUserId: user.id });
        return { intent: input.intent, notice: t("admin.eventAccess.staffAdded") };
      case "remove-staff":
        await revokeGrant({
          grantId: input.grantId,
          actorUserId: user.id,
          allowed: (grant) => grant.role === "CHECKIN" && grant.eventId === eventId,
        });
        return { intent: input.intent, notice: t("admin.eventAccess.staffRemoved") };
    }
  });
}

export default function EventAccess() {
  const { staff, tokens } = useLoaderData<typeof loader>();
  const created = answerFor(useActionData<typeof action>(), "create-token") as { token?: string } | undefined;
  const staffForm = useAccessForm(addStaffSchema, "add-staff");
  const tokenForm = useAccessForm(createTokenSchema, "create-token");
  const t = useT();
  return (
    <div className="max-w-4xl">
      <h2 className="text-xl font-bold">{t("admin.eventAccess.heading")}</h2>

      <section aria-labelledby="staff-heading" className="mt-4">
        <h3 id="staff-heading" className="text-lg font-semibold">
          {t("admin.eventAccess.staff")}
        </h3>
        <ActionNotice intent="remove-staff" />
        {staff.length === 0 ? (
          <p className="mt-1 text-muted">{t("admin.eventAccess.noStaff")}</p>
        ) : (
          <ul className="mt-2 grid gap-2">
            {staff.map((member) => (
              <Card key={member.id} as="li" className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  {member.name} <span className="break-all text-muted">{member.email}</span>
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-staff" />
                  <input type="hidden" name="grantId" value={member.id} />
                  <Button type="submit" variant="danger" aria-label={t("admin.eventAccess.removeLabel", { email: member.email })}>
                    {t("admin.eventAccess.remove")}
                  </Button>
                </Form>
              </Card>
            ))}
          </ul>
        )}
        <Form method="post" className="card mt-3" id={staffForm.form.id} onSubmit={staffForm.form.onSubmit} noValidate>
          <ActionNotice intent="add-staff" />
          <input type="hidden" name="intent" value="add-staff" />
          <Field
            label={t("admin.eventAccess.addStaff")}
            name="email"
            id="staff-email"
            type="email"
            autoComplete="off"
            required
            maxLength={254}
            hint={t("admin.eventAccess.addStaffHint")}
            error={staffForm.errorOf("email")}
          />
          <Button type="submit">{t("admin.eventAccess.add")}</Button>
        </Form>
      </section>

      <section aria-labelledby="tokens-heading" className="mt-8">
        <h3 id="tokens-heading" className="text-lg font-semibold">
          {t("admin.eventAccess.tokens")}
        </h3>
        <p className="mt-1 text-sm text-muted">{t("admin.eventAccess.tokensIntro")}</p>
        <ActionNotice intent="revoke-token" />
        {tokens.length === 0 ? (
          <p className="mt-2 text-muted">{t("admin.eventAccess.noTokens")}</p>
        ) : (
          <ul className="mt-2 grid gap-2">
            {tokens.map((token) => (
              <Card key={token.id} as="li" className="flex flex-wrap items-center justify-between gap-2" data-testid="token">
                <div className="min-w-0">
                  <p className="break-words font-semibold">{token.name}</p>
                  <p className="text-sm text-muted">
                    {t(`admin.eventAccess.tokenRole.${token.role}`)} · <span className="font-mono">{token.prefix}…</span> ·{" "}
                    {token.revokedAt ? t("admin.eventAccess.revokedAt", { at: `${token.revokedAt.slice(0, 16).replace("T", " ")} UTC` }) : t("admin.eventAccess.active")}
                  </p>
                  <p className="text-sm text-muted" data-testid="token-last-used">
                    {t("admin.eventAccess.lastUsed")}: {token.lastUsedAt ? <LocalTime iso={token.lastUsedAt} /> : t("admin.eventAccess.neverUsed")}
                  </p>
                </div>
                {token.revokedAt ? null : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke-token" />
                    <input type="hidden" name="tokenId" value={token.id} />
                    <Button type="submit" variant="danger" aria-label={t("admin.eventAccess.revokeTokenLabel", { name: token.name })}>
                      {t("admin.eventAccess.revokeToken")}
                    </Button>
                  </Form>
                )}
              </Card>
            ))}
          </ul>
        )}
        <Form method="post" className="card mt-3" id={tokenForm.form.id} onSubmit={tokenForm.form.onSubmit} noValidate>
          <ActionNotice intent="create-token" />
          {created?.token ? (
            <p className="mb-3 break-all rounded border border-warning/40 bg-warning-soft p-3 font-mono" data-testid="new-token">
              {created.token}
            </p>
          ) : null}
          <input type="hidden" name="intent" value="create-token" />
          <Field label={t("admin.eventAccess.tokenName")} name="name" id="token-name" maxLength={100} hint={t("admin.eventAccess.tokenNameHint")} error={tokenForm.errorOf("name")} />
          <SelectField label={t("admin.eventAccess.tokenRole")} name="role" id="token-role" defaultValue="CHECKIN" error={tokenForm.errorOf("role")}>
            {tokenRoles.map((role) => (
              <option key={role} value={role}>
                {t(`admin.eventAccess.tokenRole.${role}`)}
              </option>
            ))}
          </SelectField>
          <Button type="submit">{t("admin.eventAccess.createToken")}</Button>
        </Form>
      </section>
    </div>
  );
}
