import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { EventFactsForm } from "~/components/agenda/EventFactsForm";
import { FormAlert, Notice } from "~/components/agenda/FormControls";
import { useT } from "~/i18n/react";
import { audit } from "~/models/audit.server";
import { archiveEvent, eventFormValues, getEventById, publishEvent, setEventStatus, updateEvent } from "~/models/event.server";
import { listSeries } from "~/models/series.server";
import { formAction, formValues } from "~/route-helpers/agenda-route.server";
import { clientAddress, notFound, pageLoader } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { requireEventManager } from "~/auth/permissions.server";
import { timeZoneOptions } from "~/utils/time";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return pageLoader(request, async () => {
    await requireEventManager(request, params.eventId ?? "");
    const event = await getEventById(params.eventId ?? "");
    if (!event) notFound();
    const series = await listSeries();
    return {
      event: { id: event.id, slug: event.slug, status: event.status },
      values: eventFormValues(event),
      series: series.map((item) => ({ id: item.id, title: item.title })),
      zones: timeZoneOptions(),
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const eventId = params.eventId ?? "";
  return pageLoader(request, async () => {
    const user = await requireEventManager(request, eventId);
    const { t } = requestTranslator(request);
    const values = formValues(await request.formData());
    const intent = values.intent;
    const log = (action: string) => audit({ action, actorUserId: user.id, targetType: "event", targetId: eventId, eventId, ip: clientAddress(request) });
    if (intent === "publish") {
      await publishEvent(eventId);
      await log("event.published");
      return { ok: true as const, notice: t("agenda.admin.event.saved") };
    }
    if (intent === "archive") {
      await archiveEvent(eventId);
      await log("event.archived");
      return { ok: true as const, notice: t("agenda.admin.event.saved") };
    }
    if (intent === "draft") {
      await setEventStatus(eventId, "DRAFT");
      await log("event.unpublished");
      return { ok: true as const, notice: t("agenda.admin.event.saved") };
    }
    if (intent !== "save") throw data(null, { status: 400 });
    return formAction(request, "save", values, async () => {
      await updateEvent(eventId, values);
      return { ok: true as const, notice: t("agenda.admin.event.saved") };
    });
  });
}

export default function EventOverview() {
  const { event, values, series, zones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const failure = result && "fields" in result ? result : null;
  const notice = result && "notice" in result ? result.notice : null;
  return (
    <div>
      <Notice message={notice} />
      <div className="card mb-4 flex flex-wrap items-center gap-3">
        <span className="font-medium">{t("agenda.admin.event.status", { status: t(`admin.event.status.${event.status}`) })}</span>
        <Form method="post" className="flex flex-wrap gap-2">
          {event.status !== "PUBLISHED" ? (
            <button type="submit" name="intent" value="publish" className="btn">
              {t("agenda.admin.event.publish")}
            </button>
          ) : (
            <button type="submit" name="intent" value="draft" className="btn-secondary">
              {t("agenda.admin.event.unpublish")}
            </button>
          )}
          {event.status !== "ARCHIVED" ? (
            <button type="submit" name="intent" value="archive" className="btn-secondary">
              {t("agenda.admin.event.archive")}
            </button>
          ) : null}
        </Form>
        {event.status === "PUBLISHED" ? (
          <Link to={`/events/${event.slug}`} className="underline">
            {t("agenda.admin.event.viewPublic")}
          </Link>
        ) : null}
      </div>
      <h2 className="mb-2 text-lg font-semibold">{t("agenda.admin.event.facts")}</h2>
      <FormAlert message={failure?.formError} />
      <EventFactsForm
        values={failure?.values ?? values}
        errors={failure?.fields ?? {}}
        series={series}
        zones={zones}
        submitLabel={t("action.save")}
      />
    </div>
  );
}
