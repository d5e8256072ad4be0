import { Form, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { Badge } from "~/components/ui/Badge";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";
import { EmptyState } from "~/components/ui/EmptyState";
import { useLocale, useT } from "~/i18n/react";
import { manageFollowUpForm } from "~/schemas/matchmaking";
import { formatDate, formatTime } from "~/utils/time";
import { useLastResult } from "./action-answer";
import { SharedDetails, useDisplayName, type Shared } from "./who";

export type ScheduledMeeting = {
  id: string;
  startsAt: string;
  endsAt: string;
  table: number;
  with: { id: string; shared: Shared };
  checkedIn: boolean;
  otherCheckedIn: boolean;
  outcome: "upcoming" | "held" | "no_show";
  checkInOpen: boolean;
  followUpOpen: boolean;
  followUp: { nextStep: boolean; usefulness: number | null } | null;
};

const outcomeTone = { upcoming: "info", held: "success", no_show: "warning" } as const;

/** My meetings in time order: when, which table, with whom; "I'm at the table" while check-in is open; the follow-up after. */
export function Schedule({ meetings, timeZone, icsHref }: { meetings: ScheduledMeeting[]; timeZone: string; icsHref: string }) {
  const t = useT();
  return (
    <section className="mt-4" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading" className="mb-3 text-lg font-semibold">
        {t("matchmaking.meetings.title")}
      </h2>
      {meetings.length === 0 ? (
        <EmptyState title={t("matchmaking.meetings.none")} />
      ) : (
        <>
          <ul className="space-y-3" data-testid="schedule">
            {meetings.map((meeting) => (
              <MeetingCard key={meeting.id} meeting={meeting} timeZone={timeZone} />
            ))}
          </ul>
          <p className="mt-3">
            <a href={icsHref} className="text-brand-700 underline" download>
              {t("matchmaking.meetings.ics")}
            </a>
          </p>
        </>
      )}
    </section>
  );
}

function MeetingCard({ meeting, timeZone }: { meeting: ScheduledMeeting; timeZone: string }) {
  const t = useT();
  const locale = useLocale();
  const displayName = useDisplayName();
  const busy = useNavigation().state !== "idle";
  const time = `${formatDate(meeting.startsAt, timeZone, locale)} ${formatTime(meeting.startsAt, timeZone)}–${formatTime(meeting.endsAt, timeZone)}`;
  return (
    <Card as="li" data-testid="meeting">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="font-semibold">{t("matchmakingManage.at", { time, table: meeting.table })}</p>
        <Badge tone={outcomeTone[meeting.outcome]}>{t(`matchmaking.outcome.${meeting.outcome}`)}</Badge>
      </div>
      <p className="mt-1 break-words">{t("matchmaking.meetings.with", { name: displayName(meeting.with.shared) })}</p>
      <SharedDetails shared={meeting.with.shared} />
      <p className="mt-2 flex flex-wrap gap-2 text-sm">
        {meeting.checkedIn ? <Badge tone="success">{t("matchmaking.meetings.checkedIn")}</Badge> : null}
        {meeting.otherCheckedIn ? <Badge tone="success">{t("matchmaking.meetings.otherCheckedIn")}</Badge> : null}
      </p>
      {meeting.checkInOpen && !meeting.checkedIn ? (
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="checkin" />
          <input type="hidden" name="meetingId" value={meeting.id} />
          <Button type="submit" disabled={busy}>
            {t("matchmaking.meetings.checkIn", { table: meeting.table })}
          </Button>
        </Form>
      ) : null}
      {meeting.outcome === "upcoming" && !meeting.checkInOpen ? <p className="mt-2 text-sm text-muted">{t("matchmakingManage.checkInHint")}</p> : null}
      {meeting.followUpOpen ? <FollowUp meeting={meeting} /> : null}
    </Card>
  );
}

/** The two questions after the meeting: did it lead to a next step, and how useful was it (1–5). */
function FollowUp({ meeting }: { meeting: ScheduledMeeting }) {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  const { form, errorOf, formErrors } = useSubmissionForm(manageFollowUpForm, { id: `followup-${meeting.id}`, lastResult: useLastResult(`followup:${meeting.id}`) });
  const answered = meeting.followUp;
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="mt-3 border-t border-line pt-3">
      <h3 className="mb-2 font-medium">{t("matchmaking.followUp.title")}</h3>
      {answered ? <p className="mb-2 text-sm text-muted">{t("matchmakingManage.followUpDone")}</p> : null}
      <input type="hidden" name="intent" value="followup" />
      <input type="hidden" name="meetingId" value={meeting.id} />
      <FormErrors messages={formErrors} />
      <fieldset className="mb-3">
        <legend className="field-label">{t("matchmaking.followUp.nextStep")}</legend>
        <div className="flex gap-4">
          {(["yes", "no"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2 py-1">
              <input type="radio" name="nextStep" value={value} defaultChecked={answered ? answered.nextStep === (value === "yes") : false} />
              {t(`matchmaking.followUp.${value}`)}
            </label>
          ))}
        </div>
        {errorOf("nextStep") ? (
          <p className="field-error" role="alert">
            {errorOf("nextStep")}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="mb-3">
        <legend className="field-label">{t("matchmaking.followUp.usefulness")}</legend>
        <div className="flex flex-wrap gap-4">
          {[1, 2, 3, 4, 5].map((value) => (
            <label key={value} className="flex items-center gap-2 py-1">
              <input type="radio" name="usefulness" value={value} defaultChecked={answered?.usefulness === value} />
              {value}
            </label>
          ))}
        </div>
        {errorOf("usefulness") ? (
          <p className="field-error" role="alert">
            {errorOf("usefulness")}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" variant="secondary" disabled={busy}>
        {t("matchmaking.followUp.save")}
      </Button>
    </Form>
  );
}
