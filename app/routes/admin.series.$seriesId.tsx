import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/Field";
import { FormAlert, Notice, TextAreaField } from "~/components/agenda/FormControls";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { getSeries, updateSeries } from "~/models/series.server";
import { formAction, formValues } from "~/route-helpers/agenda-route.server";
import { notFound, pageLoader } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { requireProgrammeManager } from "~/auth/permissions.server";
import { formatDate } from "~/utils/time";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireProgrammeManager(request);
  const series = await getSeries(params.seriesId ?? "");
  if (!series) notFound();
  return {
    series: { id: series.id, slug: series.slug, title: series.title, titleEn: series.titleEn, description: series.description, descriptionEn: series.descriptionEn },
    events: series.events.map((event) => ({ id: event.id, title: event.title, titleEn: event.titleEn, startsAt: event.startsAt.toISOString(), timeZone: event.timeZone, status: event.status })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return pageLoader(request, async () => {
    await requireProgrammeManager(request);
    const values = formValues(await request.formData());
    return formAction(request, "save", values, async () => {
      await updateSeries(params.seriesId ?? "", values);
      return { ok: true as const, notice: requestTranslator(request).t("agenda.admin.event.saved") };
    });
  });
}

export default function EditSeries() {
  const { series, events } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const failure = result && "fields" in result ? result : null;
  const values = failure?.values ?? series;
  return (
    <div className="space-y-6">
      <p>
        <Link to="/admin/series" className="text-brand-700 underline">
          {t("agenda.admin.series.heading")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{localized(series.title, series.titleEn)}</h1>
      <Notice message={result && "notice" in result ? result.notice : null} />
      <FormAlert message={failure?.formError} />
      <Form method="post" className="card" noValidate>
        <Field label={t("agenda.admin.event.title")} name="title" required defaultValue={values.title} error={failure?.fields.title} />
        <Field label={t("agenda.admin.event.titleEn")} name="titleEn" defaultValue={values.titleEn} error={failure?.fields.titleEn} />
        <Field label={t("agenda.admin.event.slug")} name="slug" required defaultValue={values.slug} error={failure?.fields.slug} />
        <TextAreaField label={t("agenda.admin.event.description")} name="description" defaultValue={values.description} />
        <TextAreaField label={t("agenda.admin.event.descriptionEn")} name="descriptionEn" defaultValue={values.descriptionEn} />
        <button type="submit" className="btn">
          {t("action.save")}
        </button>
      </Form>
      <section className="card">
        <h2 className="mb-2 font-semibold">{t("agenda.admin.series.events")}</h2>
        <ul className="text-sm">
          {events.map((event) => (
            <li key={event.id}>
              <Link to={`/admin/events/${event.id}`} className="underline">
                {localized(event.title, event.titleEn)}
              </Link>{" "}
              · {formatDate(event.startsAt, event.timeZone, locale)} · {t(`admin.event.status.${event.status}`)}
            </li>
          ))}
        </ul>
        <Link to="/admin/events/new" className="btn-secondary mt-3">
          {t("agenda.admin.events.new")}
        </Link>
      </section>
    </div>
  );
}
