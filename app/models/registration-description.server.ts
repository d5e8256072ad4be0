import { translator } from "~/i18n";
import { rawSql } from "~/models/store/connection.server";
import { describedCategoriesOf, describedQuestionsOf } from "~/models/store/registration-event-store.server";
import type { RegistrationDescription } from "~/schemas/api-events";
import { questionTypeSchema } from "~/schemas/api-events";
import { env } from "~/utils/env.server";
import { defaultCategory } from "./registration-rules.server";

/**
 * What an integrator needs to register somebody without the HTML form: the categories with their seats left,
 * the custom questions and the privacy notice the person consents to. Two prepared statements per call: the
 * seats change with every registration, so this is read fresh and only the HTTP answer is cached (30 s).
 */
export async function registrationDescription(event: { id: string; privacyNoticeVersion: string }): Promise<RegistrationDescription> {
  const sql = await rawSql();
  const categories = describedCategoriesOf.all(sql, { eventId: event.id }).map((row) => ({
    ...row,
    inviteOnly: row.inviteOnly === 1,
    requiresApproval: row.requiresApproval === 1,
    isDefault: row.isDefault === 1,
  }));
  const chosen = defaultCategory(categories);
  const codeOf = new Map(categories.map((category) => [category.id, category.code]));
  return {
    categories: categories.map((category) => ({
      code: category.code,
      name: category.name,
      nameEn: category.nameEn || null,
      capacity: category.capacity,
      remaining: category.capacity === null ? null : Math.max(0, category.capacity - category.confirmedCount),
      requiresApproval: category.requiresApproval,
      inviteOnly: category.inviteOnly,
      default: category === chosen,
    })),
    questions: describedQuestionsOf.all(sql, { eventId: event.id }).map((row) => ({
      key: row.key,
      label: row.label,
      labelEn: row.labelEn || null,
      type: questionTypeSchema.parse(row.kind.toLowerCase()),
      required: row.required === 1,
      options: (JSON.parse(row.options) as { value: string; label: string; labelEn?: string }[]).map((option) => ({ value: option.value, label: option.label, labelEn: option.labelEn || null })),
      categories: (JSON.parse(row.categoryIds) as string[]).flatMap((id) => codeOf.get(id) ?? []),
    })),
    privacyNotice: { version: event.privacyNoticeVersion, text: privacyNoticeText("zh-CN"), textEn: privacyNoticeText("en") },
  };
}

/** The notice the registration form shows above its consent box, as plain paragraphs. */
function privacyNoticeText(locale: "zh-CN" | "en"): string {
  const t = translator(locale);
  return [t("registration.privacy.purpose"), t("registration.privacy.retention", { days: env().RETENTION_DAYS }), t("registration.privacy.contact")].join("\n\n");
}
