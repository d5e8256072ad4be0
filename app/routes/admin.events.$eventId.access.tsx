import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field } from "~/components/Field";
import { LocalTime } from "~/components/LocalTime";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { createApiToken, listApiTokens, revokeApiToken, TokenError } from "~/models/api-token.server";
import { grantRole, listEventCheckInStaff, revokeGrant, UserError } from "~/models/user.server";
import { requestTranslator } from "~/utils/i18n.server";
import { requireEventManager } from "~/auth/permissions.server";
import { zOptionalText } from "~/utils/text";

export const meta: MetaFunction = () => [{ title: "工作人员与令牌 · Staff & tokens" }];

const tokenRoles = ["CHECKIN", "ORGANIZER"] as const;

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create-token"), name: zOptionalText(100), role: z.enum(tokenRoles) }),
  z.object({ intent: z.literal("revoke-token"), tokenId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("add-staff"), email: z.string().trim().max(254) }),
  z.object({ intent: z.literal("remove-staff"), grantId: z.string().min(1).max(64) }),
]);

type ActionResult = { intent: string; ok: boolean; message?: string; error?: string; token?: string };

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
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data<ActionResult>({ intent: "", ok: false, error: t("validation.invalid") }, { status: 400 });
  const input = parsed.data;
  try {
    switch (input.intent) {
      case "create-token": {
        const { token } = await createApiToken({ eventId, role: input.role, name: input.name, actorUserId: user.id });
        return data<ActionResult>({ intent: input.intent, ok: true, token, message: t("admin.eventAccess.tokenCreated") });
      }
      case "revoke-token":
        await revokeApiToken({ id: input.tokenId, eventId, actorUserId: user.id });
        return data<ActionResult>({ intent: input.intent, ok: true, message: t("admin.eventAccess.tokenRevoked") });
      case "add-staff":
        await grantRole({ email: input.email, role: "CHECKIN", scope: { eventId }, actorUserId: user.id });
        return data<ActionResult>({ intent: input.intent, ok: true, message: t("admin.eventAccess.staffAdded") });
      case "remove-staff":
        await revokeGrant({
          grantId: input.grantId,
          actorUserId: user.id,
          allowed: (grant) => grant.role === "CHECKIN" && grant.eventId === eventId,
        });
        return data<ActionResult>({ intent: input.intent, ok: true, message: t("admin.eventAccess.staffRemoved") });
    }
  } catch (error) {
    if (error instanceof TokenError) {
      return data<ActionResult>({ intent: input.intent, ok: false, error: t("admin.eventAccess.unknownToken") }, { status: 404 });
    }
    if (error instanceof UserError) {
      const status = error.code === "unknown_user" || error.code === "no_such_grant" ? 404 : 422;
      return data<ActionResult>({ intent: input.intent, ok: false, error: t(`admin.access.error.${error.code}` as MessageKey) }, { status });
    }
    throw error;
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

export default function EventAccess() {
  const { staff, tokens } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="max-w-4xl">
      <h2 className="text-xl font-bold">{t("admin.eventAccess.heading")}</h2>

      <section aria-labelledby="staff-heading" className="mt-4">
        <h3 id="staff-heading" className="text-lg font-semibold">
          {t("admin.eventAccess.staff")}
        </h3>
        <Notice result={result} intent="remove-staff" />
        {staff.length === 0 ? (
          <p className="mt-1 text-slate-600">{t("admin.eventAccess.noStaff")}</p>
        ) : (
          <ul className="mt-2 grid gap-2">
            {staff.map((member) => (
              <li key={member.id} className="card flex flex-wrap items-center justify-between gap-2">
                <span>
                  {member.name} <span className="break-all text-slate-700">{member.email}</span>
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-staff" />
                  <input type="hidden" name="grantId" value={member.id} />
                  <button type="submit" className="btn-danger" aria-label={t("admin.eventAccess.removeLabel", { email: member.email })}>
                    {t("admin.eventAccess.remove")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Form method="post" className="card mt-3">
          <Notice result={result} intent="add-staff" />
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
          />
          <button type="submit" className="btn">
            {t("admin.eventAccess.add")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="tokens-heading" className="mt-8">
        <h3 id="tokens-heading" className="text-lg font-semibold">
          {t("admin.eventAccess.tokens")}
        </h3>
        <p className="mt-1 text-sm text-slate-600">{t("admin.eventAccess.tokensIntro")}</p>
        <Notice result={result} intent="revoke-token" />
        {tokens.length === 0 ? (
          <p className="mt-2 text-slate-600">{t("admin.eventAccess.noTokens")}</p>
        ) : (
          <ul className="mt-2 grid gap-2">
            {tokens.map((token) => (
              <li key={token.id} className="card flex flex-wrap items-center justify-between gap-2" data-testid="token">
                <div className="min-w-0">
                  <p className="break-words font-semibold">{token.name}</p>
                  <p className="text-sm text-slate-700">
                    {t(`admin.eventAccess.tokenRole.${token.role}`)} · <span className="font-mono">{token.prefix}…</span> ·{" "}
                    {token.revokedAt
                      ? t("admin.eventAccess.revokedAt", { at: `${token.revokedAt.slice(0, 16).replace("T", " ")} UTC` })
                      : t("admin.eventAccess.active")}
                  </p>
                  <p className="text-sm text-slate-600" data-testid="token-last-used">
                    {t("admin.eventAccess.lastUsed")}: {token.lastUsedAt ? <LocalTime iso={token.lastUsedAt} /> : t("admin.eventAccess.neverUsed")}
                  </p>
                </div>
                {token.revokedAt ? null : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke-token" />
                    <input type="hidden" name="tokenId" value={token.id} />
                    <button type="submit" className="btn-danger" aria-label={t("admin.eventAccess.revokeTokenLabel", { name: token.name })}>
                      {t("admin.eventAccess.revokeToken")}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
        <Form method="post" className="card mt-3">
          <Notice result={result} intent="create-token" />
          {result?.intent === "create-token" && result.token ? (
            <p className="mb-3 break-all rounded border border-amber-300 bg-amber-50 p-3 font-mono" data-testid="new-token">
              {result.token}
            </p>
          ) : null}
          <input type="hidden" name="intent" value="create-token" />
          <Field label={t("admin.eventAccess.tokenName")} name="name" id="token-name" maxLength={100} hint={t("admin.eventAccess.tokenNameHint")} />
          <div className="mb-4">
            <label htmlFor="token-role" className="field-label">
              {t("admin.eventAccess.tokenRole")}
            </label>
            <select id="token-role" name="role" className="field-input" defaultValue="CHECKIN">
              {tokenRoles.map((role) => (
                <option key={role} value={role}>
                  {t(`admin.eventAccess.tokenRole.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn">
            {t("admin.eventAccess.createToken")}
          </button>
        </Form>
      </section>
    </div>
  );
}
