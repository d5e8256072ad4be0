import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/ui/FormField";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useLocalized, useT } from "~/i18n/react";
import { createCheckInList, deleteCheckInList, listCheckInLists, listFormOptions, updateCheckInList, type CheckInListView } from "~/models/checkin-list.server";
import { checkInListForms } from "~/schemas/checkin-admin";
import { handleSubmission, page, type SubmissionReply } from "~/utils/route.server";
import { requestTranslator } from "~/utils/i18n.server";
import { requireEventManager } from "~/auth/permissions.server";
import { titled } from "~/i18n/meta";
import { Flash } from "~/components/ui/Toast";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export const meta = titled("title.admin-events-eventId-checkin-lists");

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    await requireEventManager(request, eventId);
    return { lists: await listCheckInLists(eventId), ...(await listFormOptions(eventId)) };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    await requireEventManager(request, eventId);
    const { t } = requestTranslator(request);
    return handleSubmission(request, checkInListForms, async (value) => {
      if (value.intent === "delete") {
        await deleteCheckInList(eventId, value.listId);
        return { listId: value.listId, notice: t("checkin.lists.deleted") };
      }
      if (value.intent === "create") await createCheckInList(eventId, value);
      else await updateCheckInList(eventId, value.listId, value);
      return { listId: value.intent === "update" ? value.listId : undefined, notice: t("checkin.lists.saved") };
    });
  });
}

type ListAnswer = ({ listId?: string; notice: string } & Partial<SubmissionReply>) | SubmissionReply | undefined;

/** The answer to this list's form (the new list's form has no list id), so no form shows another's errors. */
function answerForList(actionData: unknown, listId: string | undefined) {
  const answer = actionData as ListAnswer;
  if (!answer) return undefined;
  const answered = "notice" in answer ? answer.listId : answer.result.initialValue?.listId;
  return (answered || undefined) === listId ? answer : undefined;
}

export default function CheckInLists() {
  const { lists } = useLoaderData<typeof loader>();
  const t = useT();
  const localize = useLocalized();
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link to=".." relative="path" className="text-brand-700 underline">
          {t("checkin.dashboard.title")}
        </Link>
      </p>
      <h2 className="text-xl font-bold">{t("checkin.lists.title")}</h2>
      {lists.map((list) => (
        <details key={list.id} className="card">
          <summary className="cursor-pointer font-semibold">
            {localize(list.name, list.nameEn)} · {t(`checkin.lists.mode.${list.mode}`)}
            {list.isDefault ? ` · ${t("checkin.lists.default")}` : ""}
          </summary>
          <ListForm list={list} />
        </details>
      ))}
      <Card as="section">
        <h3 className="mb-3 font-semibold">{t("checkin.lists.new")}</h3>
        <ListForm />
      </Card>
    </div>
  );
}

function ListForm({ list }: { list?: CheckInListView }) {
  const { categories, sessions } = useLoaderData<typeof loader>();
  const answer = answerForList(useActionData<typeof action>(), list?.id);
  const t = useT();
  const localize = useLocalized();
  const prefix = list?.id ?? "new";
  const { form, errorOf, formErrors } = useSubmissionForm(checkInListForms, {
    id: `list-${prefix}`,
    lastResult: answer && "result" in answer ? answer.result : undefined,
  });
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="mt-3 flex flex-col gap-1">
      {list ? <input type="hidden" name="listId" value={list.id} /> : null}
      <Flash message={answer && "notice" in answer ? answer.notice : null} className="" />
      <FormErrors messages={formErrors} />
      <Field id={`${prefix}-name`} label={t("checkin.lists.name")} name="name" required maxLength={80} defaultValue={list?.name} error={errorOf("name")} />
      <Field id={`${prefix}-nameEn`} label={t("checkin.lists.nameEn")} name="nameEn" maxLength={80} defaultValue={list?.nameEn} error={errorOf("nameEn")} />
      <fieldset className="mb-4">
        <legend className="field-label">{t("checkin.lists.categories")}</legend>
        {categories.length === 0 ? <p className="text-sm text-muted">{t("checkin.lists.allCategories")}</p> : null}
        {categories.map((category) => (
          <label key={category.id} className="mr-4 inline-flex min-h-11 items-center gap-2">
            <input type="checkbox" name="allowedCategoryIds" value={category.id} defaultChecked={list?.allowedCategoryIds.includes(category.id)} />
            {localize(category.name, category.nameEn)}
          </label>
        ))}
        <FieldError message={errorOf("allowedCategoryIds")} />
      </fieldset>
      <div className="mb-4">
        <label htmlFor={`${prefix}-mode`} className="field-label">
          {t("checkin.lists.mode")}
        </label>
        <select id={`${prefix}-mode`} name="mode" className="field-input" defaultValue={list?.mode ?? "ENTRY_ONLY"}>
          <option value="ENTRY_ONLY">{t("checkin.lists.mode.ENTRY_ONLY")}</option>
          <option value="ENTRY_EXIT">{t("checkin.lists.mode.ENTRY_EXIT")}</option>
        </select>
      </div>
      <label className="mb-2 inline-flex min-h-11 items-center gap-2">
        <input type="checkbox" name="allowReentry" defaultChecked={list?.allowReentry} />
        {t("checkin.lists.reentry")}
      </label>
      <div className="mb-4">
        <label htmlFor={`${prefix}-session`} className="field-label">
          {t("checkin.lists.session")}
        </label>
        <select id={`${prefix}-session`} name="sessionId" className="field-input" defaultValue={list?.sessionId ?? ""}>
          <option value="">{t("checkin.lists.noSession")}</option>
          {sessions.map((session) => (
            <option key={session.id} value={session.id}>
              {localize(session.title, session.titleEn)}
            </option>
          ))}
        </select>
        <FieldError message={errorOf("sessionId")} />
      </div>
      <label className="mb-4 inline-flex min-h-11 items-center gap-2">
        <input type="checkbox" name="isDefault" defaultChecked={list?.isDefault} />
        {t("checkin.lists.default")}
      </label>
      <div className="flex gap-2">
        <Button type="submit" name="intent" value={list ? "update" : "create"}>
          {t("action.save")}
        </Button>
        {list ? (
          <Button type="submit" name="intent" value="delete" variant="danger">
            {t("action.delete")}
          </Button>
        ) : null}
      </div>
    </Form>
  );
}

function FieldError({ message }: { message?: string }) {
  return message ? (
    <p className="field-error" role="alert">
      {message}
    </p>
  ) : null;
}
