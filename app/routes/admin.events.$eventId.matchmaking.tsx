import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ActionNotice } from "~/components/forms/ActionNotice";
import { answerFor } from "~/components/forms/answerFor";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { Badge } from "~/components/ui/Badge";
import { Button, ButtonLink } from "~/components/ui/Button";
import { Card, CardTitle } from "~/components/ui/Card";
import { EmptyState } from "~/components/ui/EmptyState";
import { Field } from "~/components/ui/FormField";
import { Stat, StatGrid } from "~/components/ui/Stat";
import { Table, Td, Th, Tr } from "~/components/ui/Table";
import type { MessageKey } from "~/i18n";
import { titled } from "~/i18n/meta";
import { useLocalized, useT } from "~/i18n/react";
import { requireEventManager } from "~/auth/permissions.server";
import { getEventById } from "~/models/event.server";
import { matchmakingOverview, saveSetup } from "~/models/matchmaking.server";
import { publishMeetingPlan, runMeetingPlan } from "~/models/meeting-plan.server";
import { matchmakingAdminForms } from "~/schemas/matchmaking";
import { requestTranslator } from "~/utils/i18n.server";
import { notFound } from "~/utils/http.server";
import { handleSubmission, page } from "~/utils/route.server";
import { utcToZonedParts, zonedStamp } from "~/utils/time";

export const meta = titled("title.admin-events-eventId-matchmaking");

async function eventOf(eventId: string) {
  const event = await getEventById(eventId);
  if (!event) notFound();
  return event;
}

/** The organizers' side of an event's 1:1 meetings: setup and slots, the figures, the batch plan and its publication. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    await requireEventManager(request, eventId);
    const { locale } = requestTranslator(request);
    const [event, overview] = await Promise.all([eventOf(eventId), matchmakingOverview(eventId)]);
    const zone = event.timeZone;
    const stamp = (instant: Date) => zonedStamp(instant, zone, locale);
    const countBy = <K extends string>(items: { key: K }[], keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, items.filter((item) => item.key === key).length])) as Record<K, number>;
    const { setup } = overview;
    const closes = setup.optInClosesAt ? utcToZonedParts(setup.optInClosesAt, zone) : null;
    return {
      eventId,
      timeZone: zone,
      setup: {
        enabled: setup.enabled,
        slotMinutes: setup.slotMinutes,
        tables: setup.tables,
        optInClosesAt: closes ? `${closes.date}T${closes.time}` : "",
        optInClosesStamp: setup.optInClosesAt ? stamp(setup.optInClosesAt) : null,
        planVersion: setup.planVersion,
        planPublishedStamp: setup.planPublishedAt ? stamp(setup.planPublishedAt) : null,
      },
      sessions: overview.sessions.map((session) => ({
        id: session.id,
        title: session.title,
        titleEn: session.titleEn,
        when: `${stamp(session.startsAt)}–${utcToZonedParts(session.endsAt, zone).time}`,
      })),
      slots: overview.slots.map((slot) => ({ id: slot.id, when: `${stamp(slot.startsAt)}–${utcToZonedParts(slot.endsAt, zone).time}`, meetings: slot.meetings, available: slot.available })),
      participants: countBy(
        overview.participants.map((participant) => ({ key: participant.side })),
        ["supply", "demand", "both"] as const,
      ),
      requests: countBy(
        overview.requests.map((row) => ({ key: row.status })),
        ["pending", "accepted", "declined", "cancelled"] as const,
      ),
      meetings: overview.meetings.length,
      unplaced: overview.requests.filter((row) => row.status === "accepted" && !row.placed).map((row) => ({ id: row.id, from: row.from, to: row.to, reason: row.unplacedReason })),
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    const user = await requireEventManager(request, eventId);
    const event = await eventOf(eventId);
    const { t } = requestTranslator(request);
    return handleSubmission(request, matchmakingAdminForms(event.timeZone), async (value) => {
      switch (value.intent) {
        case "setup": {
          const { enabled, slotMinutes, tables, optInClosesAt } = value;
          await saveSetup(eventId, { enabled, slotMinutes, tables, optInClosesAt }, user.id);
          return { intent: "setup", notice: t("matchmaking.setup.saved") };
        }
        case "run": {
          const run = await runMeetingPlan(eventId, user.id);
          return { intent: "plan", notice: t("matchmaking.plan.ran", { placed: run.placed, moved: run.moved, unplaced: run.unplaced.length }) };
        }
        case "publish": {
          const published = await publishMeetingPlan(eventId, user.id);
          return { intent: "plan", notice: t("matchmaking.plan.published", published) };
        }
      }
    });
  });
}

export default function MatchmakingAdmin() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const total = data.participants.supply + data.participants.demand + data.participants.both;
  const requestTotal = data.requests.pending + data.requests.accepted + data.requests.declined + data.requests.cancelled;
  return (
    <div className="space-y-6">
      <div>
        <h2 className="mb-1 text-xl font-semibold">{t("matchmaking.setup.title")}</h2>
        <p className="text-sm text-muted">{t("matchmaking.setup.intro")}</p>
      </div>
      <StatGrid>
        <Stat label={t("matchmaking.setup.participants")} value={total} hint={t("matchmaking.admin.sides", data.participants)} />
        <Stat label={t("matchmaking.setup.requests")} value={requestTotal} hint={t("matchmaking.admin.requestStates", data.requests)} />
        <Stat label={t("matchmaking.admin.placed")} value={data.meetings} hint={t("matchmaking.admin.placedHint", { slots: data.slots.length, tables: data.setup.tables })} />
        <Stat label={t("matchmaking.admin.unplaced")} value={data.unplaced.length} />
      </StatGrid>
      <SetupForm />
      <SlotsCard />
      <PlanCard />
    </div>
  );
}

function SetupForm() {
  const { setup, timeZone, sessions } = useLoaderData<typeof loader>();
  const t = useT();
  const localized = useLocalized();
  const { form, errorOf, formErrors } = useSubmissionForm(matchmakingAdminForms(timeZone), { id: "setup", lastResult: answerFor(useActionData(), "setup")?.result });
  return (
    <Card as="section">
      <CardTitle className="mb-3">{t("matchmaking.setup.sessions")}</CardTitle>
      {sessions.length ? (
        <ul className="mb-4 list-disc pl-5 text-sm">
          {sessions.map((session) => (
            <li key={session.id}>
              {session.when} {localized(session.title, session.titleEn)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-4 text-sm text-muted">{t("matchmaking.setup.noSessionsYet")}</p>
      )}
      {setup.enabled ? null : <p className="mb-3 text-sm text-muted">{t("matchmaking.admin.off")}</p>}
      <ActionNotice intent="setup" />
      <FormErrors messages={formErrors} />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="grid gap-x-4 sm:grid-cols-3">
        <input type="hidden" name="intent" value="setup" />
        <label className="mb-4 flex items-center gap-2 sm:col-span-3">
          <input type="checkbox" name="enabled" defaultChecked={setup.enabled} />
          {t("matchmaking.setup.enabled")}
        </label>
        <Field label={t("matchmaking.setup.slotMinutes")} name="slotMinutes" inputMode="numeric" defaultValue={setup.slotMinutes} error={errorOf("slotMinutes")} />
        <Field label={t("matchmaking.setup.tables")} name="tables" inputMode="numeric" defaultValue={setup.tables} error={errorOf("tables")} />
        <Field label={`${t("matchmaking.setup.optInClosesAt")} ${timeZone}`} name="optInClosesAt" type="datetime-local" defaultValue={setup.optInClosesAt} error={errorOf("optInClosesAt")} />
        <p className="mb-4 text-sm text-muted sm:col-span-3">
          {setup.optInClosesStamp ? t("matchmaking.admin.optInCloses", { time: setup.optInClosesStamp }) : t("matchmaking.admin.optInAtFirstSlot")}
        </p>
        <Button type="submit" className="sm:w-max">
          {t("matchmaking.setup.save")}
        </Button>
      </Form>
    </Card>
  );
}

function SlotsCard() {
  const { slots } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section>
      <h3 className="mb-2 text-lg font-semibold">{t("matchmaking.setup.slots")}</h3>
      {slots.length ? (
        <Table caption={t("matchmaking.setup.slots")}>
          <thead>
            <tr>
              <Th>{t("matchmaking.setup.slot")}</Th>
              <Th>{t("matchmaking.setup.slotAvailable")}</Th>
              <Th>{t("matchmaking.setup.slotMeetings")}</Th>
            </tr>
          </thead>
          <tbody>
            {slots.map((slot) => (
              <Tr key={slot.id}>
                <Td>{slot.when}</Td>
                <Td className="tabular-nums">{slot.available}</Td>
                <Td className="tabular-nums">{slot.meetings}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <EmptyState title={t("matchmaking.admin.noSlots")} />
      )}
    </section>
  );
}

function PlanCard() {
  const { eventId, setup, unplaced } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <Card as="section">
      <CardTitle className="mb-1">{t("matchmaking.plan.title")}</CardTitle>
      <p className="mb-3 text-sm text-muted">{t("matchmaking.plan.intro")}</p>
      <p className="mb-3">
        {setup.planVersion ? (
          <Badge tone="success">
            {t("matchmaking.plan.version", { version: setup.planVersion })} · {setup.planPublishedStamp}
          </Badge>
        ) : (
          <Badge>{t("matchmaking.plan.neverPublished")}</Badge>
        )}
      </p>
      <ActionNotice intent="plan" />
      <div className="mb-4 flex flex-wrap gap-3">
        <Form method="post">
          <input type="hidden" name="intent" value="run" />
          <Button type="submit">{t("matchmaking.plan.run")}</Button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="publish" />
          <Button type="submit" variant="secondary">
            {t("matchmaking.plan.publish")}
          </Button>
        </Form>
        <ButtonLink to={`/admin/events/${eventId}/matchmaking/table-plan`} variant="ghost">
          {t("matchmaking.plan.viewTablePlan")}
        </ButtonLink>
      </div>
      <h4 className="mb-2 font-semibold">{t("matchmaking.plan.unplaced")}</h4>
      {unplaced.length ? (
        <Table caption={t("matchmaking.plan.unplaced")}>
          <thead>
            <tr>
              <Th>{t("matchmaking.plan.request")}</Th>
              <Th>{t("matchmaking.plan.reason")}</Th>
            </tr>
          </thead>
          <tbody>
            {unplaced.map((row) => (
              <Tr key={row.id}>
                <Td>{t("matchmaking.plan.between", { from: row.from, to: row.to })}</Td>
                <Td>{row.reason ? t(`matchmaking.plan.reason.${row.reason}` as MessageKey) : t("matchmaking.plan.notPlanned")}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="text-sm text-muted">{t("matchmaking.plan.noneUnplaced")}</p>
      )}
    </Card>
  );
}
