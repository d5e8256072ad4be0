import type { MessageKey } from "~/i18n";
import { useLocalized, useT } from "~/i18n/react";
import { categoryForm, editCategoryForm, editInviteForm, editQuestionForm, editQuotaForm, inviteForm, questionForm, quotaForm } from "~/schemas/registration-admin";
import { FieldError, Input, Select, TextArea } from "./controls";
import { ManagedList, RowEditor, useListForm } from "./ManagedList";

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
export type QuestionRow = {
  id: string;
  key: string;
  label: string;
  labelEn: string;
  kind: string;
  required: boolean;
  options: string[];
  categoryIds: string[];
  attendeeEditable: boolean;
};
export type InviteRow = {
  id: string;
  code: string;
  label: string | null;
  categoryId: string | null;
  category: { name: string; nameEn: string } | null;
  firmId: string | null;
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

type FieldAccess = { errorOf: (name: string) => string | undefined; idOf?: (name: string) => string };

/** The fields a category is added and edited with (its code only when added). */
function CategoryFields({ errorOf, idOf, category }: FieldAccess & { category?: CategoryRow }) {
  const t = useT();
  return (
    <>
      <Input label={t("registration.admin.category.name")} name="name" id={idOf?.("name")} defaultValue={category?.name} required error={errorOf("name")} />
      <Input label={t("registration.admin.category.nameEn")} name="nameEn" id={idOf?.("nameEn")} defaultValue={category?.nameEn ?? undefined} error={errorOf("nameEn")} />
      <Input
        label={t("registration.admin.category.capacity")}
        name="capacity"
        id={idOf?.("capacity")}
        defaultValue={category ? (category.capacity ?? "") : undefined}
        inputMode="numeric"
        error={errorOf("capacity")}
      />
      <Input label={t("registration.admin.category.requiresApproval")} name="requiresApproval" type="checkbox" defaultChecked={category?.requiresApproval} />
      <Input label={t("registration.admin.category.inviteOnly")} name="inviteOnly" type="checkbox" defaultChecked={category?.inviteOnly} />
      <Input label={t("registration.admin.category.isDefault")} name="isDefault" type="checkbox" defaultChecked={category?.isDefault} title={t("registration.admin.category.isDefaultHint")} />
    </>
  );
}

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
      edit={(category) => (
        <RowEditor
          schema={editCategoryForm}
          intent="editCategory"
          keyName="id"
          keyValue={category.id}
          note={`${t("registrationEdit.category.codeFixed")} ${t("registrationEdit.category.confirmed", { count: category.confirmedCount })}`}
          className="grid gap-2 sm:grid-cols-3"
        >
          {(field) => <CategoryFields {...field} category={category} />}
        </RowEditor>
      )}
      addIntent="category"
      form={form}
      errors={errors}
      formClassName="grid gap-2 sm:grid-cols-4"
    >
      <Input label={t("registration.admin.category.code")} name="code" required pattern="[a-z0-9-]{1,32}" error={errorOf("code")} />
      <CategoryFields errorOf={errorOf} />
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
      edit={(quota) => (
        <RowEditor schema={editQuotaForm} intent="editQuota" keyName="firmId" keyValue={quota.firmId} className="grid gap-2 sm:grid-cols-3">
          {({ errorOf: editErrorOf, idOf }) => (
            <Input
              label={t("registrationEdit.quota.editing", { firm: quota.firm })}
              name="quota"
              id={idOf("quota")}
              defaultValue={quota.quota}
              inputMode="numeric"
              required
              error={editErrorOf("quota")}
            />
          )}
        </RowEditor>
      )}
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

/** The fields a question is added and edited with (its key only when added). */
function QuestionFields({ errorOf, idOf, question, categories }: FieldAccess & { question?: QuestionRow; categories: CategoryRow[] }) {
  const t = useT();
  const localized = useLocalized();
  const id = idOf ?? ((name: string) => `question-${name}`);
  return (
    <>
      <Input label={t("registration.admin.question.label")} name="label" id={id("label")} defaultValue={question?.label} required error={errorOf("label")} />
      <Input label={t("registrationEdit.question.labelEn")} name="labelEn" id={id("labelEn")} defaultValue={question?.labelEn} error={errorOf("labelEn")} />
      <Select
        label={t("registration.admin.question.kind")}
        name="kind"
        id={id("kind")}
        defaultValue={question?.kind}
        options={questionKinds.map((kind) => ({ id: kind, name: t(`registration.admin.question.kind.${kind}`) }))}
        error={errorOf("kind")}
      />
      <TextArea
        label={t("registration.admin.question.options")}
        name="options"
        id={id("options")}
        defaultValue={question?.options.join("\n")}
        hint={question ? t("registrationEdit.question.optionsHint") : undefined}
        error={errorOf("options")}
      />
      <fieldset className="text-sm">
        <legend className="field-label">{t("registration.admin.question.categories")}</legend>
        {categories.map((category) => (
          <Input
            key={category.id}
            label={localized(category.name, category.nameEn)}
            name="categoryIds"
            value={category.id}
            type="checkbox"
            defaultChecked={question?.categoryIds.includes(category.id)}
          />
        ))}
        <FieldError message={errorOf("categoryIds")} />
      </fieldset>
      <div className="text-sm">
        <Input label={t("registration.admin.question.required")} name="required" type="checkbox" defaultChecked={question?.required} />
        <Input label={t("registrationEdit.question.attendeeEditable")} name="attendeeEditable" type="checkbox" defaultChecked={question?.attendeeEditable} />
      </div>
    </>
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
          {localized(question.label, question.labelEn)} <code>{question.key}</code> · {t(kindLabel(question.kind))}
          {question.required ? ` · ${t("registration.admin.question.required")}` : ""}
          {question.attendeeEditable ? ` · ${t("registrationEdit.question.attendeeEditable")}` : ""}
        </>
      )}
      removal={(question) => ({ intent: "deleteQuestion", name: "id", value: question.id, label: t("action.delete") })}
      edit={(question) => (
        <RowEditor
          schema={editQuestionForm}
          intent="editQuestion"
          keyName="id"
          keyValue={question.id}
          note={t("registrationEdit.question.keyFixed", { key: question.key })}
          className="grid gap-2 sm:grid-cols-3"
        >
          {(field) => <QuestionFields {...field} question={question} categories={categories} />}
        </RowEditor>
      )}
      addIntent="question"
      form={form}
      errors={errors}
      formClassName="grid gap-2 sm:grid-cols-3"
    >
      <Input label={t("registration.admin.question.key")} name="key" required pattern="[a-z0-9_]{1,32}" error={errorOf("key")} />
      <QuestionFields errorOf={errorOf} categories={categories} />
    </ManagedList>
  );
}

/** The fields an invite code is created and edited with (the code itself only when created). */
function InviteFields({ errorOf, idOf, invite, categories, firms, timeZone }: FieldAccess & { invite?: InviteRow; categories: CategoryRow[]; firms: Firm[]; timeZone: string }) {
  const t = useT();
  const localized = useLocalized();
  const id = idOf ?? ((name: string) => `invite-${name}`);
  return (
    <>
      <Input label={t("registrationEdit.invite.label")} name="label" id={id("label")} defaultValue={invite?.label ?? undefined} error={errorOf("label")} />
      <Select
        label={t("registrationEdit.invite.category")}
        name="categoryId"
        id={id("categoryId")}
        defaultValue={invite?.categoryId ?? ""}
        options={categories.map((category) => ({ id: category.id, name: localized(category.name, category.nameEn) }))}
        blank={t("registrationEdit.invite.anyCategory")}
        error={errorOf("categoryId")}
      />
      <Select
        label={t("registrationEdit.invite.firm")}
        name="firmId"
        id={id("firmId")}
        defaultValue={invite?.firmId ?? ""}
        options={firms}
        blank={t("registrationEdit.invite.noFirm")}
        error={errorOf("firmId")}
      />
      <Input label={t("registrationEdit.invite.maxUses")} name="maxUses" id={id("maxUses")} inputMode="numeric" defaultValue={invite?.maxUses ?? 1} error={errorOf("maxUses")} />
      <Input
        label={t("registrationEdit.invite.expiresAt", { zone: timeZone })}
        name="expiresAt"
        id={id("expiresAt")}
        type="datetime-local"
        defaultValue={invite?.expiresAt ?? undefined}
        error={errorOf("expiresAt")}
      />
    </>
  );
}

export function InviteCodesSection({ invites, categories, firms, timeZone }: { invites: InviteRow[]; categories: CategoryRow[]; firms: Firm[]; timeZone: string }) {
  const t = useT();
  const localized = useLocalized();
  const { form, errorOf, errors } = useListForm(inviteForm(timeZone), "invite", "revokeInvite");
  const editSchema = editInviteForm(timeZone);
  return (
    <ManagedList
      title={t("registration.admin.invites")}
      rows={invites}
      rowKey={(invite) => invite.id}
      rowClassName={(invite) => (invite.revoked ? "text-muted" : "")}
      describe={(invite) => (
        <>
          <code className={invite.revoked ? "line-through" : undefined}>{invite.code}</code> {invite.label}
          {invite.category ? ` · ${t("registrationEdit.invite.unlocks", { category: localized(invite.category.name, invite.category.nameEn) })}` : ""}
          {invite.firm ? ` · ${t("registrationEdit.invite.forFirm", { firm: invite.firm })}` : ""}
          {` · ${t("registrationEdit.invite.uses", { used: invite.usedCount, max: invite.maxUses })}`}
          {invite.expiresAt ? ` · ${t("registrationEdit.invite.validUntil", { time: `${invite.expiresAt.replace("T", " ")} ${timeZone}` })}` : ""}
          {invite.revoked ? ` · ${t("registrationEdit.invite.revoked")}` : ""}
        </>
      )}
      removal={(invite) => (invite.revoked ? null : { intent: "revokeInvite", name: "id", value: invite.id, label: t("registration.admin.invite.revoke") })}
      edit={(invite) =>
        invite.revoked ? null : (
          <RowEditor schema={editSchema} intent="editInvite" keyName="id" keyValue={invite.id} note={t("registrationEdit.invite.codeFixed")} className="grid gap-2 sm:grid-cols-3">
            {(field) => <InviteFields {...field} invite={invite} categories={categories} firms={firms} timeZone={timeZone} />}
          </RowEditor>
        )
      }
      addIntent="invite"
      addLabel={t("action.create")}
      form={form}
      errors={errors}
      formClassName="grid gap-2 sm:grid-cols-3"
    >
      <Input label={t("registrationEdit.invite.code")} name="code" error={errorOf("code")} />
      <InviteFields errorOf={errorOf} categories={categories} firms={firms} timeZone={timeZone} />
    </ManagedList>
  );
}
