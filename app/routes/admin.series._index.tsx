import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/Field";
import { FormAlert, TextAreaField } from "~/components/agenda/FormControls";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { createSeries, listSeries } from "~/models/series.server";
import { formAction, formValues } from "~/route-helpers/agenda-route.server";
import { requireProgrammeManager } from "~/auth/permissions.server";
import { formatDate } from "~/utils/time";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeManager(request);
  const series = await listSeries();
  return {
    series: series.map((item) => ({
      id: item.id,
      slug: item.slug,
      title: item.title,
      titleEn: item.titleEn,
      events: item.events.map((event) => ({ id: event.id, title: event.title, titleEn: event.titleEn, startsAt: event.startsAt.toISOString(), timeZone: event.timeZone, city: event.city })),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireProgrammeManager(request);
  const values = formValues(await request.formData());
  return formAction(request, "create", values, async () => {
    await createSeries(values);
    return { ok: true as const };
  });
}

export default function SeriesList() {
  const { series } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const failure = result && "fields" in result ? result : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("agenda.admin.series.heading")}</h1>
      {series.length === 0 ? <p className="text-slate-600">{t("agenda.admin.series.none")}</p> : null}
      <ul className="grid gap-3">
        {series.map((item) => (
          <li key={item.id} className="card">
            <h2 className="font-semibold">
              <Link to={`/admin/series/${item.id}`} className="hover:underline">
                {localized(item.title, item.titleEn)}
              </Link>
            </h2>
            <ul className="mt-1 text-sm text-slate-700">
              {item.events.map((event) => (
                <li key={event.id}>
                  <Link to={`/admin/events/${event.id}`} className="underline">
                    {localized(event.title, event.titleEn)}
                  </Link>{" "}
                  · {formatDate(event.startsAt, event.timeZone, locale)} · {event.city}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <section className="card" aria-labelledby="new-series">
        <h2 id="new-series" className="mb-2 font-semibold">
          {t("agenda.admin.series.new")}
        </h2>
        <FormAlert message={failure?.formError} />
        <Form method="post" noValidate key={series.length}>
          <Field label={t("agenda.admin.event.title")} name="title" required defaultValue={failure?.values?.title} error={failure?.fields.title} />
          <Field label={t("agenda.admin.event.titleEn")} name="titleEn" defaultValue={failure?.values?.titleEn} error={failure?.fields.titleEn} />
          <Field label={t("agenda.admin.event.slug")} name="slug" required defaultValue={failure?.values?.slug} error={failure?.fields.slug} />
          <TextAreaField label={t("agenda.admin.event.description")} name="description" defaultValue={failure?.values?.description} error={failure?.fields.description} />
          <TextAreaField label={t("agenda.admin.event.descriptionEn")} name="descriptionEn" defaultValue={failure?.values?.descriptionEn} error={failure?.fields.descriptionEn} />
          <button type="submit" className="btn">
            {t("action.create")}
          </button>
        </Form>
      </section>
    </div>
  );
}
