import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EventFactsForm } from "~/components/agenda/EventFactsForm";
import { useT } from "~/i18n/react";
import { audit } from "~/models/audit.server";
import { addNewEvent } from "~/models/event.server";
import { listSeries } from "~/models/series.server";
import { newEventSchema } from "~/schemas/agenda";
import { clientAddress } from "~/utils/http.server";
import { handleSubmission } from "~/utils/route.server";
import { requireProgrammeManager } from "~/auth/permissions.server";
import { timeZoneOptions } from "~/utils/time";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeManager(request);
  const series = await listSeries();
  return { series: series.map((item) => ({ id: item.id, title: item.title })), zones: timeZoneOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireProgrammeManager(request);
  return handleSubmission(request, newEventSchema, async (facts) => {
    const event = await addNewEvent(facts);
    await audit({ action: "event.created", actorUserId: user.id, targetType: "event", targetId: event.id, eventId: event.id, ip: clientAddress(request) });
    return redirect(`/admin/events/${event.id}?created=1`);
  });
}

export default function NewEvent() {
  const { series, zones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold">{t("agenda.admin.events.new")}</h1>
      <EventFactsForm lastResult={result?.result} series={series} zones={zones} submitLabel={t("action.create")} isNew />
    </div>
  );
}
