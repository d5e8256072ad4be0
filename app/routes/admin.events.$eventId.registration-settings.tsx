import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CategoriesSection, InviteCodesSection, QuestionsSection, QuotasSection } from "~/components/registration-settings/ListSections";
import { EmailConfirmation, GeneralSettings } from "~/components/registration-settings/SettingsForms";
import { useT } from "~/i18n/react";
import type { z } from "zod";
import { registrationSettingsForms } from "~/schemas/registration-admin";
import {
  createInviteCode,
  deleteCategory,
  deleteQuestion,
  listFirms,
  registrationSettings,
  removeFirmQuota,
  revokeInviteCode,
  setFirmQuota,
  updateCategory,
  updateEmailConfirmation,
  updateFirmQuota,
  updateInviteCode,
  updateQuestion,
  updateRegistrationSettings,
  upsertCategory,
  upsertQuestion,
} from "~/models/registration-settings.server";
import { requireEventManager } from "~/auth/permissions.server";
import { handleSubmission, page } from "~/utils/route.server";
import { requestTranslator } from "~/utils/i18n.server";
import { utcToZonedParts } from "~/utils/time";
import { Flash } from "~/components/ui/Toast";

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
      categories: event.ticketCategories.map(({ id, code, name, nameEn, capacity, confirmedCount, requiresApproval, inviteOnly, isDefault }) => ({
        id,
        code,
        name,
        nameEn,
        capacity,
        confirmedCount,
        requiresApproval,
        inviteOnly,
        isDefault,
      })),
      quotas: event.firmQuotas.map((quota) => ({ firmId: quota.firmId, firm: quota.firm.name, quota: quota.quota, confirmedCount: quota.confirmedCount })),
      questions: event.questions.map(({ id, key, label, labelEn, kind, required, options, categoryIds, attendeeEditable }) => ({
        id,
        key,
        label,
        labelEn,
        kind,
        required,
        options: (JSON.parse(options) as { label: string }[]).map((option) => option.label),
        categoryIds: JSON.parse(categoryIds) as string[],
        attendeeEditable,
      })),
      invites: event.inviteCodes.map((invite) => ({
        id: invite.id,
        code: invite.code,
        label: invite.label,
        categoryId: invite.categoryId,
        category: invite.category ? { name: invite.category.name, nameEn: invite.category.nameEn } : null,
        firmId: invite.firmId,
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
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    const user = await requireEventManager(request, eventId);
    const event = await registrationSettings(eventId);
    const { t } = requestTranslator(request);
    return handleSubmission(request, registrationSettingsForms(event.timeZone), async (value) => {
      await saveForm(eventId, event, value, user.id);
      return { intent: value.intent, notice: t("registration.admin.settings.saved") };
    });
  });
}

type SettingsForm = z.output<ReturnType<typeof registrationSettingsForms>>;

function saveForm(eventId: string, event: Awaited<ReturnType<typeof registrationSettings>>, value: SettingsForm, actorUserId: string) {
  switch (value.intent) {
    case "settings": {
      const { opensAt, closesAt, capacity, requiresApproval, waitlistEnabled, editableFields } = value;
      return updateRegistrationSettings(eventId, { registrationOpensAt: opensAt, registrationClosesAt: closesAt, capacity, requiresApproval, waitlistEnabled, editableFields });
    }
    case "emailConfirmation":
      return updateEmailConfirmation(eventId, value.confirmEmailFirst ? value.holdMinutes : null);
    case "category": {
      const { code, name, nameEn, capacity, requiresApproval, inviteOnly, isDefault } = value;
      return upsertCategory(eventId, { code, name, nameEn, capacity, requiresApproval, inviteOnly, isDefault, position: event.ticketCategories.length });
    }
    case "deleteCategory":
      return deleteCategory(eventId, value.id);
    case "quota":
      return setFirmQuota(eventId, value.firmId, value.quota);
    case "removeQuota":
      return removeFirmQuota(eventId, value.firmId);
    case "question":
      return upsertQuestion(eventId, { ...value, position: event.questions.length });
    case "deleteQuestion":
      return deleteQuestion(eventId, value.id);
    case "invite":
      return createInviteCode(eventId, value);
    case "revokeInvite":
      return revokeInviteCode(eventId, value.id);
    case "editCategory": {
      const { intent: _intent, id, ...changes } = value;
      return updateCategory(eventId, id, changes, actorUserId);
    }
    case "editQuota":
      return updateFirmQuota(eventId, value.firmId, value.quota, actorUserId);
    case "editQuestion": {
      const { intent: _intent, id, ...changes } = value;
      return updateQuestion(eventId, id, changes, actorUserId);
    }
    case "editInvite": {
      const { intent: _intent, id, ...changes } = value;
      return updateInviteCode(eventId, id, changes, actorUserId);
    }
  }
}

export default function RegistrationSettings() {
  const { settings, emailConfirmHoldMinutes, categories, quotas, questions, invites, firms, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const notice = actionData && "notice" in actionData ? actionData.notice : undefined;
  return (
    <div>
      <h2 className="mb-3 text-xl font-semibold">{t("registration.admin.settings.title")}</h2>
      <Flash message={notice} className="mb-3" />
      <GeneralSettings settings={settings} timeZone={timeZone} />
      <EmailConfirmation holdMinutes={emailConfirmHoldMinutes} />
      <CategoriesSection categories={categories} />
      <QuotasSection quotas={quotas} firms={firms} />
      <QuestionsSection questions={questions} categories={categories} />
      <InviteCodesSection invites={invites} categories={categories} firms={firms} timeZone={timeZone} />
    </div>
  );
}
