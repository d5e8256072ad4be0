import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MessageKey } from "~/i18n";
import { useLocalized, useT } from "~/i18n/react";
import { categorySchema, emailConfirmationSchema, inviteSchemaIn, questionSchema, quotaSchema, settingsSchema } from "~/models/registration-admin-input";
import { editableFieldNames } from "~/models/registration-input";
import {
  createInviteCode,
  deleteCategory,
  deleteQuestion,
  listFirms,
  registrationSettings,
  removeFirmQuota,
  revokeInviteCode,
  setFirmQuota,
  updateEmailConfirmation,
  updateRegistrationSettings,
  upsertCategory,
  upsertQuestion,
} from "~/models/registration-settings.server";
import { fieldErrors, HttpError } from "~/utils/http.server";
import { requireEventManager } from "~/utils/permissions.server";
import { utcToZonedParts } from "~/utils/time";
import { translateMessage } from "~/i18n";

function localInput(instant: Date | null, zone: string) {
  if (!instant) return "";
  const parts = utcToZonedParts(instant, zone);
  return `${parts.date}T${parts.time}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const eventId = params.eventId ?? "";
  await requireEventManager(request, eventId);
  const [event, firms] = await Promise.all([registrationSettings(eventId), listFirms()]);
  return {
    eventId,
    timeZone: event.timeZone,
    settings: {
      opensAt: localInput(event.registrationOpensAt, event.timeZone),
      closesAt: localInput(event.registrationClosesAt, event.timeZone),
      capacity: event.capacity,
      requiresApproval: event.requiresApproval,
      waitlistEnabled: event.waitlistEnabled,
      editableFields: JSON.parse(event.editableFields) as string[],
    },
    emailConfirmHoldMinutes: event.emailConfirmHoldMinutes,
    categories: event.ticketCategories.map(({ id, code, name, nameEn, capacity, confirmedCount, requiresApproval, inviteOnly }) => ({ id, code, name, nameEn, capacity, confirmedCount, requiresApproval, inviteOnly })),
    quotas: event.firmQuotas.map((quota) => ({ firmId: quota.firmId, firm: quota.firm.name, quota: quota.quota, confirmedCount: quota.confirmedCount })),
    questions: event.questions.map(({ id, key, label, kind, required }) => ({ id, key, label, kind, required })),
    invites: event.inviteCodes.map((invite) => ({
      id: invite.id,
      code: invite.code,
      label: invite.label,
      category: invite.category?.name ?? null,
      firm: invite.firm?.name ?? null,
      maxUses: invite.maxUses,
      usedCount: invite.usedCount,
      expiresAt: invite.expiresAt ? localInput(invite.expiresAt, event.timeZone) : null,
      revoked: Boolean(invite.revokedAt),
    })),
    firms,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const eventId = params.eventId ?? "";
  await requireEventManager(request, eventId);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const form = Object.fromEntries([...formData].map(([name, value]) => [name, String(value)]));
  const invalid = (error: import("zod").ZodError) => data({ ok: false, intent, fields: fieldErrors(error) }, { status: 422 });
  const event = await registrationSettings(eventId);
  try {
    switch (intent) {
      case "settings": {
        const parsed = settingsSchema(event.timeZone).safeParse(form);
        if (!parsed.success) return invalid(parsed.error);
        await updateRegistrationSettings(eventId, {
          registrationOpensAt: parsed.data.opensAt,
          registrationClosesAt: parsed.data.closesAt,
          capacity: parsed.data.capacity,
          requiresApproval: parsed.data.requiresApproval,
          waitlistEnabled: parsed.data.waitlistEnabled,
          editableFields: formData.getAll("editableFields").map(String),
        });
        break;
      }
      case "emailConfirmation": {
        const parsed = emailConfirmationSchema.safeParse(form);
        if (!parsed.success) return invalid(parsed.error);
        await updateEmailConfirmation(eventId, parsed.data.holdMinutes);
        break;
      }
      case "category": {
        const parsed = categorySchema.safeParse(form);
        if (!parsed.success) return invalid(parsed.error);
        await upsertCategory(eventId, { ...parsed.data, position: event.ticketCategories.length });
        break;
      }
      case "deleteCategory":
        await deleteCategory(eventId, form.id ?? "");
        break;
      case "quota": {
        const parsed = quotaSchema.safeParse(form);
        if (!parsed.success) return invalid(parsed.error);
        await setFirmQuota(eventId, parsed.data.firmId, parsed.data.quota);
        break;
      }
      case "removeQuota":
        await removeFirmQuota(eventId, form.firmId ?? "");
        break;
      case "question": {
        const parsed = questionSchema.safeParse(form);
        if (!parsed.success) return invalid(parsed.error);
        const options = (parsed.data.options ?? "")
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean)
          .map((line, index) => ({ value: `o${index + 1}`, label: line }));
        await upsertQuestion(eventId, { ...parsed.data, options, categoryIds: formData.getAll("categoryIds").map(String), position: event.questions.length });
        break;
      }
      case "deleteQuestion":
        await deleteQuestion(eventId, form.id ?? "");
        break;
      case "invite": {
        const parsed = inviteSchemaIn(event.timeZone).safeParse(form);
        if (!parsed.success) return invalid(parsed.error);
        await createInviteCode(eventId, { ...parsed.data, categoryId: parsed.data.categoryId || null, firmId: parsed.data.firmId || null });
        break;
      }
      case "revokeInvite":
        await revokeInviteCode(eventId, form.id ?? "");
        break;
      default:
        return data({ ok: false, intent, fields: {} as Record<string, string> }, { status: 400 });
    }
  } catch (error) {
    if (error instanceof HttpError) return data({ ok: false, intent, fields: { _: error.messageKey } as Record<string, string> }, { status: error.status });
    throw error;
  }
  return { ok: true, intent, fields: {} as Record<string, string> };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card mb-4">
      <h3 className="mb-3 text-lg font-semibold">{title}</h3>
      {children}
    </section>
  );
}

function Input({ label, name, error, ...rest }: { label: string; name: string; error?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = `settings-${name}-${rest.form ?? ""}${String(rest.defaultValue ?? "")}`.replace(/[^a-zA-Z0-9-]/g, "");
  if (rest.type === "checkbox") {
    return (
      <label className="flex items-center gap-2 text-sm">
        <input name={name} {...rest} />
        {label}
      </label>
    );
  }
  return (
    <label className="block text-sm" htmlFor={id}>
      <span className="field-label">{label}</span>
      <input id={id} name={name} className="field-input" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...rest} />
      {error ? (
        <span id={`${id}-error`} className="field-error block">
          {error}
        </span>
      ) : null}
    </label>
  );
}

export default function RegistrationSettings() {
  const { settings, emailConfirmHoldMinutes, categories, quotas, questions, invites, firms, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const localized = useLocalized();
  const errors = Object.entries(actionData?.fields ?? {});
  const fieldError = (intent: string, name: string) => {
    const message = actionData?.intent === intent ? actionData.fields[name] : undefined;
    return message ? translateMessage(message, t) : undefined;
  };
  return (
    <div>
      <h2 className="mb-3 text-xl font-semibold">{t("registration.admin.settings.title")}</h2>
      {actionData?.ok ? <p role="status" className="mb-3 rounded border border-green-300 bg-green-50 p-2">{t("registration.admin.settings.saved")}</p> : null}
      {errors.length ? (
        <p role="alert" className="mb-3 rounded border border-red-300 bg-red-50 p-2 text-red-800">
          {errors.map(([name, message]) => `${name}: ${translateMessage(message, t)}`).join("; ")}
        </p>
      ) : null}
      <Section title={t("registration.admin.settings.window")}>
        <Form method="post" className="grid gap-3 sm:grid-cols-3">
          <input type="hidden" name="intent" value="settings" />
          <Input label={`${t("registration.admin.settings.opensAt")} ${timeZone}`} name="opensAt" type="datetime-local" defaultValue={settings.opensAt} error={fieldError("settings", "opensAt")} />
          <Input label={`${t("registration.admin.settings.closesAt")} ${timeZone}`} name="closesAt" type="datetime-local" defaultValue={settings.closesAt} error={fieldError("settings", "closesAt")} />
          <Input label={t("registration.admin.settings.capacity")} name="capacity" inputMode="numeric" defaultValue={settings.capacity ?? ""} />
          <Input label={t("registration.admin.settings.requiresApproval")} name="requiresApproval" type="checkbox" defaultChecked={settings.requiresApproval} />
          <Input label={t("registration.admin.settings.waitlistEnabled")} name="waitlistEnabled" type="checkbox" defaultChecked={settings.waitlistEnabled} />
          <fieldset className="sm:col-span-3">
            <legend className="field-label">{t("registration.admin.settings.editableFields")}</legend>
            {editableFieldNames.map((name) => (
              <Input key={name} label={t(`registration.form.${name}` as MessageKey)} name="editableFields" value={name} type="checkbox" defaultChecked={settings.editableFields.includes(name)} />
            ))}
          </fieldset>
          <button type="submit" className="btn sm:w-max">
            {t("action.save")}
          </button>
        </Form>
      </Section>
      <Section title={t("registration.admin.settings.confirmEmail")}>
        <Form method="post" className="grid gap-3 sm:grid-cols-3">
          <input type="hidden" name="intent" value="emailConfirmation" />
          <div className="sm:col-span-2">
            <Input label={t("registration.admin.settings.confirmEmailFirst")} name="confirmEmailFirst" type="checkbox" defaultChecked={emailConfirmHoldMinutes !== null} />
          </div>
          <Input label={t("registration.admin.settings.holdMinutes")} name="holdMinutes" inputMode="numeric" defaultValue={emailConfirmHoldMinutes ?? 30} />
          <button type="submit" className="btn sm:w-max">
            {t("action.save")}
          </button>
        </Form>
      </Section>
      <Section title={t("registration.admin.categories")}>
        <ul className="mb-3 text-sm">
          {categories.map((category) => (
            <li key={category.id} className="flex items-center justify-between border-b py-1">
              <span>
                {localized(category.name, category.nameEn)} <code>{category.code}</code> · {category.confirmedCount}/{category.capacity ?? "∞"}
                {category.requiresApproval ? ` · ${t("registration.admin.category.requiresApproval")}` : ""}
                {category.inviteOnly ? ` · ${t("registration.admin.category.inviteOnly")}` : ""}
              </span>
              <Form method="post">
                <input type="hidden" name="intent" value="deleteCategory" />
                <input type="hidden" name="id" value={category.id} />
                <button type="submit" className="btn-danger px-2 py-1 text-xs">
                  {t("action.delete")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <Form method="post" className="grid gap-2 sm:grid-cols-4">
          <input type="hidden" name="intent" value="category" />
          <Input label={t("registration.admin.category.code")} name="code" required pattern="[a-z0-9-]{1,32}" />
          <Input label={t("registration.admin.category.name")} name="name" required />
          <Input label={t("registration.admin.category.nameEn")} name="nameEn" />
          <Input label={t("registration.admin.category.capacity")} name="capacity" inputMode="numeric" />
          <Input label={t("registration.admin.category.requiresApproval")} name="requiresApproval" type="checkbox" />
          <Input label={t("registration.admin.category.inviteOnly")} name="inviteOnly" type="checkbox" />
          <button type="submit" className="btn sm:w-max">
            {t("action.save")}
          </button>
        </Form>
      </Section>
      <Section title={t("registration.admin.quotas")}>
        <ul className="mb-3 text-sm">
          {quotas.map((quota) => (
            <li key={quota.firmId} className="flex items-center justify-between border-b py-1">
              <span>
                {quota.firm} · {quota.confirmedCount}/{quota.quota}
              </span>
              <Form method="post">
                <input type="hidden" name="intent" value="removeQuota" />
                <input type="hidden" name="firmId" value={quota.firmId} />
                <button type="submit" className="btn-danger px-2 py-1 text-xs">
                  {t("action.delete")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <Form method="post" className="grid gap-2 sm:grid-cols-3">
          <input type="hidden" name="intent" value="quota" />
          <label className="text-sm">
            <span className="field-label">{t("registration.admin.quota.firm")}</span>
            <select name="firmId" className="field-input" required>
              {firms.map((firm) => (
                <option key={firm.id} value={firm.id}>
                  {firm.name}
                </option>
              ))}
            </select>
          </label>
          <Input label={t("registration.admin.quota.quota")} name="quota" inputMode="numeric" required />
          <button type="submit" className="btn sm:w-max">
            {t("action.save")}
          </button>
        </Form>
      </Section>
      <Section title={t("registration.admin.questions")}>
        <ul className="mb-3 text-sm">
          {questions.map((question) => (
            <li key={question.id} className="flex items-center justify-between border-b py-1">
              <span>
                {question.label} <code>{question.key}</code> · {question.kind}
                {question.required ? ` · ${t("registration.admin.question.required")}` : ""}
              </span>
              <Form method="post">
                <input type="hidden" name="intent" value="deleteQuestion" />
                <input type="hidden" name="id" value={question.id} />
                <button type="submit" className="btn-danger px-2 py-1 text-xs">
                  {t("action.delete")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <Form method="post" className="grid gap-2 sm:grid-cols-3">
          <input type="hidden" name="intent" value="question" />
          <Input label={t("registration.admin.question.key")} name="key" required pattern="[a-z0-9_]{1,32}" />
          <Input label={t("registration.admin.question.label")} name="label" required />
          <label className="text-sm">
            <span className="field-label">{t("registration.admin.question.kind")}</span>
            <select name="kind" className="field-input">
              {["TEXT", "LONG_TEXT", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "PHONE", "CHECKBOX"].map((kind) => (
                <option key={kind}>{kind}</option>
              ))}
            </select>
          </label>
          <label className="text-sm sm:col-span-2">
            <span className="field-label">{t("registration.admin.question.options")}</span>
            <textarea name="options" rows={3} className="field-input" />
          </label>
          <fieldset className="text-sm">
            <legend className="field-label">{t("registration.admin.question.categories")}</legend>
            {categories.map((category) => (
              <Input key={category.id} label={localized(category.name, category.nameEn)} name="categoryIds" value={category.id} type="checkbox" />
            ))}
          </fieldset>
          <Input label={t("registration.admin.question.required")} name="required" type="checkbox" />
          <button type="submit" className="btn sm:w-max">
            {t("action.save")}
          </button>
        </Form>
      </Section>
      <Section title={t("registration.admin.invites")}>
        <ul className="mb-3 text-sm">
          {invites.map((invite) => (
            <li key={invite.id} className="flex items-center justify-between border-b py-1">
              <span className={invite.revoked ? "line-through" : ""}>
                <code>{invite.code}</code> {invite.label} · {invite.category ?? invite.firm ?? ""} · {t("registration.admin.invite.used")} {invite.usedCount}/{invite.maxUses}
                {invite.expiresAt ? ` · ${invite.expiresAt}` : ""}
              </span>
              {!invite.revoked ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="revokeInvite" />
                  <input type="hidden" name="id" value={invite.id} />
                  <button type="submit" className="btn-danger px-2 py-1 text-xs">
                    {t("registration.admin.invite.revoke")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        <Form method="post" className="grid gap-2 sm:grid-cols-3">
          <input type="hidden" name="intent" value="invite" />
          <Input label={t("registration.admin.invite.code")} name="code" />
          <Input label={t("registration.admin.invite.maxUses")} name="maxUses" inputMode="numeric" defaultValue="1" />
          <Input label={`${t("registration.admin.invite.expiresAt")} ${timeZone}`} name="expiresAt" type="datetime-local" error={fieldError("invite", "expiresAt")} />
          <label className="text-sm">
            <span className="field-label">{t("registration.admin.category.name")}</span>
            <select name="categoryId" className="field-input">
              <option value="">—</option>
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {localized(category.name, category.nameEn)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="field-label">{t("registration.admin.quota.firm")}</span>
            <select name="firmId" className="field-input">
              <option value="">—</option>
              {firms.map((firm) => (
                <option key={firm.id} value={firm.id}>
                  {firm.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn sm:w-max">
            {t("action.create")}
          </button>
        </Form>
      </Section>
    </div>
  );
}
