import type { MessageKey } from "~/i18n";
import { useLocalized, useT } from "~/i18n/react";
import { categoryForm, inviteForm, questionForm, quotaForm } from "~/schemas/registration-admin";
import { FieldError, Input, Select } from "./controls";
import { ManagedList, useListForm } from "./ManagedList";

export type CategoryRow = {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  capacity: number | null;
  confirmedCount: number;
  requiresApproval: boolean;
  inviteOnly: boolean;
  isDefault: boolean;
};
export type QuotaRow = { firmId: string; firm: string; quota: number; confirmedCount: number };
export type QuestionRow = { id: string; key: string; label: string; kind: string; required: boolean };
export type InviteRow = {
  id: string;
  code: string;
  label: string | null;
  category: string | null;
  firm: string | null;
  maxUses: number;
  usedCount: number;
  expiresAt: string | null;
  revoked: boolean;
};
type Firm = { id: string; name: string };

const questionKinds = ["TEXT", "LONG_TEXT", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "PHONE", "CHECKBOX"] as const;
// A kind stored before this list knew it reads as plain text, never as its code.
const kindLabel = (kind: string): MessageKey =>
  (questionKinds as readonly string[]).includes(kind) ? (`registration.admin.question.kind.${kind}` as MessageKey) : "registration.admin.question.kind.TEXT";

export function CategoriesSection({ categories }: { categories: CategoryRow[] }) {
  const t = useT();
  const localized = useLocalized();
  const { form, errorOf, errors } = useListForm(categoryForm, "category", "deleteCategory");
  return (
    <ManagedList
      title={t("registration.admin.categories")}
      rows={categories}
      rowKey={(category) => category.id}
      describe={(category) => (
        <>
          {localized(category.name, category.nameEn)} <code>{category.code}</code> · {category.confirmedCount}/{category.capacity ?? "∞"}
          {category.requiresApproval ? ` · ${t("registration.admin.category.requiresApproval")}` : ""}
          {category.inviteOnly ? ` · ${t("registration.admin.category.inviteOnly")}` : ""}
          {category.isDefault ? ` · ${t("registration.admin.category.isDefault")}` : ""}
        </>
      )}
      removal={(category) => ({ intent: "deleteCategory", name: "id", value: category.id, label: t("action.delete") })}
      addIntent="category"
      form={form}
      errors={errors}
      formClassName="grid gap-2 sm:grid-cols-4"
    >
      <Input label={t("registration.admin.category.code")} name="code" required pattern="[a-z0-9-]{1,32}" error={errorOf("code")} />
      <Input label={t("registration.admin.category.name")} name="name" required error={errorOf("name")} />
      <Input label={t("registration.admin.category.nameEn")} name="nameEn" error={errorOf("nameEn")} />
      <Input label={t("registration.admin.category.capacity")} name="capacity" inputMode="numeric" error={errorOf("capacity")} />
      <Input label={t("registration.admin.category.requiresApproval")} name="requiresApproval" type="checkbox" />
      <Input label={t("registration.admin.category.inviteOnly")} name="inviteOnly" type="checkbox" />
      <Input label={t("registration.admin.category.isDefault")} name="isDefault" type="checkbox" title={t("registration.admin.category.isDefaultHint")} />
    </ManagedList>
  );
}

export function QuotasSection({ quotas, firms }: { quotas: QuotaRow[]; firms: Firm[] }) {
  const t = useT();
  const { form, errorOf, errors } = useListForm(quotaForm, "quota", "removeQuota");
  return (
    <ManagedList
      title={t("registration.admin.quotas")}
      rows={quotas}
      rowKey={(quota) => quota.firmId}
      describe={(quota) => (
        <>
          {quota.firm} · {quota.confirmedCount}/{quota.quota}
        </>
      )}
      removal={(quota) => ({ intent: "removeQuota", name: "firmId", value: quota.firmId, label: t("action.delete") })}
      addIntent="quota"
      form={form}
      errors={errors}
      formClassName="grid gap-2 sm:grid-cols-3"
    >
      <Select label={t("registration.admin.quota.firm")} name="firmId" options={firms} required error={errorOf("firmId")} />
      <Input label={t("registration.admin.quota.quota")} name="quota" inputMode="numeric" required error={errorOf("quota")} />
    </ManagedList>
  );
}

export function QuestionsSection({ questions, categories }: { questions: QuestionRow[]; categories: CategoryRow[] }) {
  const t = useT();
  const localized = useLocalized();
  const { form, errorOf, errors } = useListForm(questionForm, "question", "deleteQuestion");
  return (
    <ManagedList
      title={t("registration.admin.questions")}
      rows={questions}
      rowKey={(question) => question.id}
      describe={(question) => (
        <>
          {question.label} <code>{question.key}</code> · {t(kindLabel(question.kind))}
          {question.required ? ` · ${t("registration.admin.question.required")}` : ""}
        </>
      )}
      removal={(question) => ({ intent: "deleteQuestion", name: "id", value: question.id, label: t("action.delete") })}
      addIntent="question"
      form={form}
      errors={errors}
      formClassName="grid gap-2 sm:grid-cols-3"
    >
      <Input label={t("registration.admin.question.key")} name="key" required pattern="[a-z0-9_]{1,32}" error={errorOf("key")} />
      <Input label={t("registration.admin.question.label")} name="label" required error={errorOf("label")} />
      <label className="text-sm">
        <span className="field-label">{t("registration.admin.question.kind")}</span>
        <select name="kind" className="field-input">
          {questionKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`registration.admin.question.kind.${kind}`)}
            </option>
          ))}
        </select>
        <FieldError message={errorOf("kind")} />
      </label>
      <label className="text-sm sm:col-span-2">
        <span className="field-label">{t("registration.admin.question.options")}</span>
        <textarea name="options" rows={3} className="field-input" aria-invalid={errorOf("options") ? true : undefined} />
        <FieldError message={errorOf("options")} />
      </label>
      <fieldset className="text-sm">
        <legend className="field-label">{t("registration.admin.question.categories")}</legend>
        {categories.map((category) => (
          <Input key={category.id} label={localized(category.name, category.nameEn)} name="categoryIds" value={category.id} type="checkbox" />
        ))}
        <FieldError message={errorOf("categoryIds")} />
      </fieldset>
      <Input label={t("registration.admin.question.required")} name="required" type="checkbox" />
    </ManagedList>
  );
}

export function InviteCodesSection({ invites, categories, firms, timeZone }: { invites: InviteRow[]; categories: CategoryRow[]; firms: Firm[]; timeZone: string }) {
  const t = useT();
  const localized = useLocalized();
  const { form, errorOf, errors } = useListForm(inviteForm(timeZone), "invite", "revokeInvite");
  return (
    <ManagedList
      title={t("registration.admin.invites")}
      rows={invites}
      rowKey={(invite) => invite.id}
      rowClassName={(invite) => (invite.revoked ? "line-through" : "")}
      describe={(invite) => (
        <>
          <code>{invite.code}</code> {invite.label} · {invite.category ?? invite.firm ?? ""} · {t("registration.admin.invite.used")} {invite.usedCount}/{invite.maxUses}
          {invite.expiresAt ? ` · ${invite.expiresAt}` : ""}
        </>
      )}
      removal={(invite) => (invite.revoked ? null : { intent: "revokeInvite", name: "id", value: invite.id, label: t("registration.admin.invite.revoke") })}
      addIntent="invite"
      addLabel={t("action.create")}
      form={form}
      errors={errors}
      formClassName="grid gap-2 sm:grid-cols-3"
    >
      <Input label={t("registration.admin.invite.code")} name="code" error={errorOf("code")} />
      <Input label={t("registration.admin.invite.maxUses")} name="maxUses" inputMode="numeric" defaultValue="1" error={errorOf("maxUses")} />
      <Input label={`${t("registration.admin.invite.expiresAt")} ${timeZone}`} name="expiresAt" type="datetime-local" error={errorOf("expiresAt")} />
      <Select
        label={t("registration.admin.category.name")}
        name="categoryId"
        options={categories.map((category) => ({ id: category.id, name: localized(category.name, category.nameEn) }))}
        blank
        error={errorOf("categoryId")}
      />
      <Select label={t("registration.admin.quota.firm")} name="firmId" options={firms} blank error={errorOf("firmId")} />
    </ManagedList>
  );
}
