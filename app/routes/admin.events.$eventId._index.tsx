import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { EventFactsForm } from "~/components/agenda/EventFactsForm";
import { Flash } from "~/components/ui/Toast";
import { useT } from "~/i18n/react";
import { audit } from "~/models/audit.server";
import { eventFormValues, getEventById, setEventStatus, updateEvent } from "~/models/event.server";
import { listSeries } from "~/models/series.server";
import { eventPageSchema } from "~/schemas/agenda";
import { clientAddress, notFound } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";
import { requireEventManager } from "~/auth/permissions.server";
import { formatDateTime, timeZoneOptions } from "~/utils/time";
import { agendaState } from "~/models/agenda-version.server";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireEventManager(request, params.eventId ?? "");
    const event = await getEventById(params.eventId ?? "");
    if (!event) notFound();
    const series = await listSeries();
    const agenda = await agendaState(event.id);
    const { locale } = requestTranslator(request);
    return {
      event: { id: event.id, slug: event.slug, status: event.status },
      agenda: { version: agenda.version, publishedAt: agenda.publishedAt ? formatDateTime(agenda.publishedAt, event.timeZone, locale) : null, unpublishedChanges: agenda.unpublishedChanges },
      values: eventFormValues(event),
      series: series.map((item) => ({ id: item.id, title: item.title })),
      zones: timeZoneOptions(),
    };
  });
}

const statusChanges = {
  publish: { status: "PUBLISHED", action: "event.published" },
  archive: { status: "ARCHIVED", action: "event.archived" },
  draft: { status: "DRAFT", action: "event.unpublished" },
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const eventId = params.eventId ?? "";
  return page(request, async () => {
    const user = await requireEventManager(request, eventId);
    const { t } = requestTranslator(request);
    return handleSubmission(request, eventPageSchema, async (submitted, reply) => {
      if (submitted.intent === "save") {
        await updateEvent(eventId, submitted.facts);
      } else {
        const change = statusChanges[submitted.intent];
        await setEventStatus(eventId, change.status);
        await audit({ action: change.action, actorUserId: user.id, targetType: "event", targetId: eventId, eventId, ip: clientAddress(request) });
      }
      return { result: reply(), intent: submitted.intent, notice: t("agenda.admin.event.saved") };
    });
  });
}

/** Right after "new event": what was made, and where an organizer goes next. */
function CreatedNextSteps({ eventId }: { eventId: string }) {
  const t = useT();
  return (
    <Flash
      testId="event-created"
      message={
        <>
          <p className="font-medium">{t("agenda.admin.event.created")}</p>
          <ol className="mt-2 list-decimal pl-5">
            <li>
              <Link to={`/admin/events/${eventId}/registration-settings`} className="text-brand-700 underline">
                {t("agenda.admin.event.next.registration")}
              </Link>
            </li>
            <li>
              <Link to={`/admin/events/${eventId}/agenda`} className="text-brand-700 underline">
                {t("agenda.admin.event.next.agenda")}
              </Link>
            </li>
            <li>{t("agenda.admin.event.next.publish")}</li>
          </ol>
        </>
      }
    />
  );
}

export default function EventOverview() {
  const { event, agenda, values, series, zones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const notice = result && "notice" in result ? result.notice : null;
  // The status buttons are a form of their own: their answer is not the facts form's state.
  const factsResult = result && (!("intent" in result) || result.intent === "save") ? result.result : null;
  const [searchParams] = useSearchParams();
  return (
    <div>
      <Flash message={notice} />
      {searchParams.get("created") && !result ? <CreatedNextSteps eventId={event.id} /> : null}
      <Card as="section" className="mb-4 space-y-3" aria-labelledby="states-heading" data-testid="publication-states">
        <h2 id="states-heading" className="font-semibold">
          {t("agenda.admin.event.states")}
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <span className="font-medium">{t("agenda.admin.event.eventState", { status: t(`admin.event.status.${event.status}`) })}</span>
          <Form method="post" className="flex flex-wrap gap-2">
            {event.status !== "PUBLISHED" ? (
              <Button type="submit" name="intent" value="publish">
                {t("agenda.admin.event.publish")}
              </Button>
            ) : (
              <Button type="submit" name="intent" value="draft" variant="secondary">
                {t("agenda.admin.event.unpublish")}
              </Button>
            )}
            {event.status !== "ARCHIVED" ? (
              <Button type="submit" name="intent" value="archive" variant="secondary">
                {t("agenda.admin.event.archive")}
              </Button>
            ) : null}
          </Form>
          {event.status === "PUBLISHED" ? (
            <Link to={`/events/${event.slug}`} className="underline">
              {t("agenda.admin.event.viewPublic")}
            </Link>
          ) : null}
        </div>
        <p className="flex flex-wrap items-center gap-3">
          <span className="font-medium">
            {agenda.version === 0 || !agenda.publishedAt ? t("agenda.admin.event.agendaNever") : t("agenda.admin.event.agendaVersion", { version: agenda.version, at: agenda.publishedAt })}
          </span>
          {agenda.version > 0 ? (
            <span className={agenda.unpublishedChanges ? "text-warning-ink" : "text-muted"}>
              {agenda.unpublishedChanges ? t("agenda.admin.event.agendaPending", { count: agenda.unpublishedChanges }) : t("agenda.admin.event.agendaCurrent")}
            </span>
          ) : null}
          {agenda.version === 0 || agenda.unpublishedChanges ? (
            <Link to={`/admin/events/${event.id}/agenda`} className="underline">
              {t("agenda.admin.event.toAgenda")}
            </Link>
          ) : null}
        </p>
      </Card>
      <h2 className="mb-2 text-lg font-semibold">{t("agenda.admin.event.facts")}</h2>
      <EventFactsForm lastResult={factsResult} defaultValue={values} series={series} zones={zones} submitLabel={t("action.save")} />
    </div>
  );
}
