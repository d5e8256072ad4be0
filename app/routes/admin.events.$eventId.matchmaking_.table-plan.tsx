import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Button, ButtonLink } from "~/components/ui/Button";
import { EmptyState } from "~/components/ui/EmptyState";
import { titled } from "~/i18n/meta";
import { useLocalized, useT } from "~/i18n/react";
import { requireEventManager } from "~/auth/permissions.server";
import { audit } from "~/models/audit.server";
import { getEventById } from "~/models/event.server";
import { matchmakingOverview } from "~/models/matchmaking.server";
import { clientAddress, notFound } from "~/utils/http.server";
import { page } from "~/utils/route.server";
import { utcToZonedParts } from "~/utils/time";

export const meta = titled("title.admin-events-eventId-matchmaking-table-plan");

/**
 * The room's table plan: one row per slot, one column per table, the two parties of each meeting in its cell.
 * Names and firms leave the system on paper, so opening it is audited like the badges.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    const user = await requireEventManager(request, eventId);
    const [event, overview] = await Promise.all([getEventById(eventId), matchmakingOverview(eventId)]);
    if (!event) notFound();
    await audit({ action: "registration.export", actorUserId: user.id, targetType: "meeting-table-plan", eventId, ip: clientAddress(request), details: { count: overview.meetings.length } });
    const time = (instant: Date) => utcToZonedParts(instant, event.timeZone);
    const tables = Math.max(overview.setup.tables, ...overview.meetings.map((meeting) => meeting.table));
    return {
      eventId,
      event: { title: event.title, titleEn: event.titleEn, day: overview.slots[0] ? time(overview.slots[0].startsAt).date : null },
      tables,
      rows: overview.slots.map((slot) => ({
        id: slot.id,
        when: `${time(slot.startsAt).time}–${time(slot.endsAt).time}`,
        cells: Array.from({ length: tables }, (_, index) => {
          const meeting = overview.meetings.find((row) => row.slotId === slot.id && row.table === index + 1);
          return meeting ? { from: meeting.fromParty, to: meeting.toParty } : null;
        }),
      })),
      meetings: overview.meetings.length,
    };
  });
}

export default function TablePlan() {
  const { eventId, event, tables, rows, meetings } = useLoaderData<typeof loader>();
  const t = useT();
  const localized = useLocalized();
  return (
    <div className="print:text-[10px]">
      <div className="no-print mb-4 flex flex-wrap items-center gap-3">
        <ButtonLink to={`/admin/events/${eventId}/matchmaking`} variant="ghost">
          {t("matchmaking.plan.back")}
        </ButtonLink>
        <Button className="ml-auto" onClick={() => window.print()}>
          {t("matchmaking.plan.print")}
        </Button>
      </div>
      <h2 className="mb-1 text-xl font-semibold">
        {t("matchmaking.plan.tablePlan")} · {localized(event.title, event.titleEn)} {event.day}
      </h2>
      <p className="no-print mb-3 text-sm text-muted">{t("matchmaking.plan.tablePlanIntro")}</p>
      {meetings === 0 ? (
        <EmptyState title={t("matchmaking.plan.tablePlanEmpty")} />
      ) : (
        <table className="w-full border-collapse text-left text-xs" data-testid="table-plan">
          <caption className="sr-only">{t("matchmaking.plan.tablePlan")}</caption>
          <thead>
            <tr>
              <th scope="col" className="border border-line bg-subtle px-2 py-1">
                {t("matchmaking.setup.slot")}
              </th>
              {Array.from({ length: tables }, (_, index) => (
                <th key={index} scope="col" className="border border-line bg-subtle px-2 py-1">
                  {t("matchmaking.plan.table", { table: index + 1 })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="break-inside-avoid">
                <th scope="row" className="whitespace-nowrap border border-line px-2 py-1 align-top tabular-nums">
                  {row.when}
                </th>
                {row.cells.map((cell, index) => (
                  <td key={index} className="border border-line px-2 py-1 align-top">
                    {cell ? (
                      <>
                        <Party {...cell.from} />
                        <Party {...cell.to} />
                      </>
                    ) : (
                      <span className="text-muted">{t("matchmaking.plan.freeTable")}</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Party({ name, organization }: { name: string; organization: string }) {
  return (
    <p className="mb-1 last:mb-0">
      <span className="font-medium">{name}</span>
      {organization ? <span className="block text-muted">{organization}</span> : null}
    </p>
  );
}
