import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CategoriesSection, InviteCodesSection, QuestionsSection, QuotasSection } from "~/components/registration-settings/ListSections";
import { EmailConfirmation, GeneralSettings } from "~/components/registration-settings/SettingsForms";
import { useT } from "~/i18n/react";
import { categorySchema, emailConfirmationSchema, inviteSchemaIn, questionSchema, quotaSchema, settingsSchema } from "~/schemas/registration-admin";
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
import { requireEventManager } from "~/auth/permissions.server";
import { page } from "~/utils/route.server";
import { utcToZonedParts } from "~/utils/time";
import { translateMessage } from "~/i18n";

function localInput(instant: Date | null, zone: string) {
  if (!instant) return "";
  const parts = utcToZonedParts(instant, zone);
  return `${parts.date}T${parts.time}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
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
      categories: event.ticketCategories.map(({ id, code, name, nameEn, capacity, confirmedCount, requiresApproval, inviteOnly }) => ({
        id,
        code,
        name,
        nameEn,
        capacity,
        confirmedCount,
        requiresApproval,
        inviteOnly,
      })),
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
  });
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

export default function RegistrationSettings() {
  const { settings, emailConfirmHoldMinutes, categories, quotas, questions, invites, firms, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const errors = Object.entries(actionData?.fields ?? {});
  const errorFor = (intent: string, name: string) => {
    const message = actionData?.intent === intent ? actionData.fields[name] : undefined;
    return message ? translateMessage(message, t) : undefined;
  };
  return (
    <div>
      <h2 className="mb-3 text-xl font-semibold">{t("registration.admin.settings.title")}</h2>
      {actionData?.ok ? (
        <p role="status" className="mb-3 rounded border border-green-300 bg-green-50 p-2">
          {t("registration.admin.settings.saved")}
        </p>
      ) : null}
      {errors.length ? (
        <p role="alert" className="mb-3 rounded border border-red-300 bg-red-50 p-2 text-red-800">
          {errors.map(([name, message]) => `${name}: ${translateMessage(message, t)}`).join("; ")}
        </p>
      ) : null}
      <GeneralSettings settings={settings} timeZone={timeZone} errorFor={errorFor} />
      <EmailConfirmation holdMinutes={emailConfirmHoldMinutes} />
      <CategoriesSection categories={categories} />
      <QuotasSection quotas={quotas} firms={firms} />
      <QuestionsSection questions={questions} categories={categories} />
      <InviteCodesSection invites={invites} categories={categories} firms={firms} timeZone={timeZone} errorFor={errorFor} />
    </div>
  );
}
