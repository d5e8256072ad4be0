import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field } from "~/components/Field";
import { translateFields } from "~/i18n";
import { useLocalized, useT } from "~/i18n/react";
import {
  checkInListSchema,
  createCheckInList,
  deleteCheckInList,
  listCheckInLists,
  listFormOptions,
  listInputFromForm,
  updateCheckInList,
  type CheckInListView,
} from "~/models/checkin-list.server";
import { fieldErrors, HttpError } from "~/utils/http.server";
import { page } from "~/utils/route.server";
import { requestTranslator } from "~/utils/i18n.server";
import { requireEventManager } from "~/auth/permissions.server";

export const meta: MetaFunction = () => [{ title: "签到点 · Check-in lists" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    await requireEventManager(request, eventId);
    return { lists: await listCheckInLists(eventId), ...(await listFormOptions(eventId)) };
  });
}

const intentSchema = z.object({ intent: z.enum(["create", "update", "delete"]), listId: z.string().max(64).optional() });

export async function action({ request, params }: ActionFunctionArgs) {
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    await requireEventManager(request, eventId);
    const { t } = requestTranslator(request);
    const form = await request.formData();
    const chosen = intentSchema.safeParse({ intent: form.get("intent"), listId: form.get("listId") ?? undefined });
    if (!chosen.success) throw new HttpError(422, "invalid_input", "checkin.error.invalidInput");
    const { intent, listId } = chosen.data;
    try {
      if (intent === "delete") {
        await deleteCheckInList(eventId, listId ?? "");
        return { ok: true as const, message: t("checkin.lists.deleted"), listId };
      }
      const input = listInputFromForm(form);
      const parsed = checkInListSchema.safeParse(input);
      if (!parsed.success) return data({ ok: false as const, listId, error: t("form.fixErrors"), fields: translateFields(fieldErrors(parsed.error), t) }, { status: 422 });
      if (intent === "create") await createCheckInList(eventId, input);
      else await updateCheckInList(eventId, listId ?? "", input);
      return { ok: true as const, message: t("checkin.lists.saved"), listId };
    } catch (error) {
      if (error instanceof HttpError && (error.status === 409 || error.status === 422)) {
        return data({ ok: false as const, listId, error: t(error.messageKey), fields: error.fields ?? {} }, { status: error.status });
      }
      throw error;
    }
  });
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
      <section className="card">
        <h3 className="mb-3 font-semibold">{t("checkin.lists.new")}</h3>
        <ListForm />
      </section>
    </div>
  );
}

function ListForm({ list }: { list?: CheckInListView }) {
  const { categories, sessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const localize = useLocalized();
  const mine = result && result.listId === list?.id ? result : undefined;
  const fields = mine && !mine.ok ? mine.fields : {};
  const prefix = list?.id ?? "new";
  return (
    <Form method="post" className="mt-3 flex flex-col gap-1">
      {list ? <input type="hidden" name="listId" value={list.id} /> : null}
      {mine ? (
        <p role={mine.ok ? "status" : "alert"} className={mine.ok ? "text-green-800" : "field-error"}>
          {mine.ok ? mine.message : mine.error}
        </p>
      ) : null}
      <Field id={`${prefix}-name`} label={t("checkin.lists.name")} name="name" required maxLength={80} defaultValue={list?.name} error={fields.name} />
      <Field id={`${prefix}-nameEn`} label={t("checkin.lists.nameEn")} name="nameEn" maxLength={80} defaultValue={list?.nameEn} />
      <fieldset className="mb-4">
        <legend className="field-label">{t("checkin.lists.categories")}</legend>
        {categories.length === 0 ? <p className="text-sm text-slate-600">{t("checkin.lists.allCategories")}</p> : null}
        {categories.map((category) => (
          <label key={category.id} className="mr-4 inline-flex min-h-11 items-center gap-2">
            <input type="checkbox" name="allowedCategoryIds" value={category.id} defaultChecked={list?.allowedCategoryIds.includes(category.id)} />
            {localize(category.name, category.nameEn)}
          </label>
        ))}
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
      </div>
      <label className="mb-4 inline-flex min-h-11 items-center gap-2">
        <input type="checkbox" name="isDefault" defaultChecked={list?.isDefault} />
        {t("checkin.lists.default")}
      </label>
      <div className="flex gap-2">
        <button type="submit" name="intent" value={list ? "update" : "create"} className="btn">
          {t("action.save")}
        </button>
        {list ? (
          <button type="submit" name="intent" value="delete" className="btn-danger">
            {t("action.delete")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}
