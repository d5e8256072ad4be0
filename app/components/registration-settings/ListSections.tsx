import { useLocalized, useT } from "~/i18n/react";
import { Input, Select, type ErrorFor } from "./controls";
import { ManagedList } from "./ManagedList";

export type CategoryRow = { id: string; code: string; name: string; nameEn: string | null; capacity: number | null; confirmedCount: number; requiresApproval: boolean; inviteOnly: boolean };
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

const questionKinds = ["TEXT", "LONG_TEXT", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "PHONE", "CHECKBOX"];

export function CategoriesSection({ categories }: { categories: CategoryRow[] }) {
  const t = useT();
  const localized = useLocalized();
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
        </>
      )}
      removal={(category) => ({ intent: "deleteCategory", name: "id", value: category.id, label: t("action.delete") })}
      addIntent="category"
      formClassName="grid gap-2 sm:grid-cols-4"
    >
      <Input label={t("registration.admin.category.code")} name="code" required pattern="[a-z0-9-]{1,32}" />
      <Input label={t("registration.admin.category.name")} name="name" required />
      <Input label={t("registration.admin.category.nameEn")} name="nameEn" />
      <Input label={t("registration.admin.category.capacity")} name="capacity" inputMode="numeric" />
      <Input label={t("registration.admin.category.requiresApproval")} name="requiresApproval" type="checkbox" />
      <Input label={t("registration.admin.category.inviteOnly")} name="inviteOnly" type="checkbox" />
    </ManagedList>
  );
}

export function QuotasSection({ quotas, firms }: { quotas: QuotaRow[]; firms: Firm[] }) {
  const t = useT();
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
      formClassName="grid gap-2 sm:grid-cols-3"
    >
      <Select label={t("registration.admin.quota.firm")} name="firmId" options={firms} required />
      <Input label={t("registration.admin.quota.quota")} name="quota" inputMode="numeric" required />
    </ManagedList>
  );
}

export function QuestionsSection({ questions, categories }: { questions: QuestionRow[]; categories: CategoryRow[] }) {
  const t = useT();
  const localized = useLocalized();
  return (
    <ManagedList
      title={t("registration.admin.questions")}
      rows={questions}
      rowKey={(question) => question.id}
      describe={(question) => (
        <>
          {question.label} <code>{question.key}</code> · {question.kind}
          {question.required ? ` · ${t("registration.admin.question.required")}` : ""}
        </>
      )}
      removal={(question) => ({ intent: "deleteQuestion", name: "id", value: question.id, label: t("action.delete") })}
      addIntent="question"
      formClassName="grid gap-2 sm:grid-cols-3"
    >
      <Input label={t("registration.admin.question.key")} name="key" required pattern="[a-z0-9_]{1,32}" />
      <Input label={t("registration.admin.question.label")} name="label" required />
      <label className="text-sm">
        <span className="field-label">{t("registration.admin.question.kind")}</span>
        <select name="kind" className="field-input">
          {questionKinds.map((kind) => (
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
    </ManagedList>
  );
}

export function InviteCodesSection({ invites, categories, firms, timeZone, errorFor }: { invites: InviteRow[]; categories: CategoryRow[]; firms: Firm[]; timeZone: string; errorFor: ErrorFor }) {
  const t = useT();
  const localized = useLocalized();
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
      formClassName="grid gap-2 sm:grid-cols-3"
    >
      <Input label={t("registration.admin.invite.code")} name="code" />
      <Input label={t("registration.admin.invite.maxUses")} name="maxUses" inputMode="numeric" defaultValue="1" />
      <Input label={`${t("registration.admin.invite.expiresAt")} ${timeZone}`} name="expiresAt" type="datetime-local" error={errorFor("invite", "expiresAt")} />
      <Select label={t("registration.admin.category.name")} name="categoryId" options={categories.map((category) => ({ id: category.id, name: localized(category.name, category.nameEn) }))} blank />
      <Select label={t("registration.admin.quota.firm")} name="firmId" options={firms} blank />
    </ManagedList>
  );
}
