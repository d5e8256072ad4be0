import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { Field, SelectField } from "~/components/ui/FormField";
import { SessionForm, speakerRoleNames } from "~/components/agenda/SessionForm";
import { SpeakerPicker } from "~/components/agenda/SpeakerPicker";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useT } from "~/i18n/react";
import { getEditorAgenda, ownSession, sessionFormValues, updateSession } from "~/models/agenda.server";
import { getEventById } from "~/models/event.server";
import { addNewSpeakerToSession, addSessionSpeaker, detachSpeaker } from "~/models/session-speaker.server";
import { sessionPageSchema } from "~/schemas/agenda";
import { requireEventManager } from "~/auth/permissions.server";
import { describeZone } from "~/utils/time";
import { notFound } from "~/utils/http.server";
import { handleSubmission, page } from "~/utils/route.server";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    await requireEventManager(request, eventId);
    await ownSession(eventId, params.sessionId ?? "");
    const { event } = await getEditorAgenda(eventId);
    const session = event.sessions.find((candidate) => candidate.id === params.sessionId)!;
    return {
      eventId,
      timeZone: event.timeZone,
      zone: describeZone(event.timeZone, session.startsAt),
      values: sessionFormValues(session, event.timeZone),
      rooms: event.rooms.map((room) => ({ id: room.id, name: room.name })),
      tracks: event.tracks.map((track) => ({ id: track.id, name: track.name })),
      speakers: session.speakers.map((row) => ({ id: row.id, role: row.role, position: row.position, confirmation: row.confirmation, name: row.speaker.name, organization: row.speaker.organization })),
      nextPosition: Math.max(0, ...session.speakers.map((row) => row.position)) + 1,
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const eventId = params.eventId ?? "";
  const sessionId = params.sessionId ?? "";
  return page(request, async () => {
    const user = await requireEventManager(request, eventId);
    const event = await getEventById(eventId);
    if (!event) notFound();
    return handleSubmission(request, sessionPageSchema(event.timeZone), async (submitted, reply) => {
      if (submitted.intent === "save") {
        await updateSession(eventId, sessionId, submitted.facts);
        return redirect(`/admin/events/${eventId}/agenda`);
      }
      if (submitted.intent === "attach") {
        const { intent: _intent, ...facts } = submitted;
        await addSessionSpeaker(eventId, sessionId, facts, user.id);
      } else if (submitted.intent === "attachNew") {
        const { intent: _intent, ...facts } = submitted;
        await addNewSpeakerToSession(eventId, sessionId, facts, user.id);
      } else {
        await detachSpeaker(eventId, submitted.id);
      }
      return { result: reply({ resetForm: true }), intent: submitted.intent };
    });
  });
}

export default function EditSession() {
  const { eventId, timeZone, zone, values, rooms, tracks, speakers, nextPosition } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  // Three kinds of form post here: each one is shown only the answer to what it sent.
  const sent = result?.result.initialValue?.intent;
  const attachSent = sent === "attach" || sent === "attachNew";
  const [attachIntent, setAttachIntent] = useState<"attach" | "attachNew">("attach");
  const attach = useSubmissionForm(sessionPageSchema(timeZone), { lastResult: attachSent ? result?.result : null, id: "attach" });
  const detachErrors = sent === "detach" ? Object.values(result?.result.error ?? {}).flatMap((messages) => messages ?? []) : [];
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/admin/events/${eventId}/agenda`} className="text-brand-700 underline">
          {t("agenda.admin.agenda.back")}
        </Link>
      </p>
      <FormErrors messages={detachErrors} />
      <Card as="section" aria-labelledby="edit-heading">
        <h2 id="edit-heading" className="mb-2 font-semibold">
          {t("agenda.admin.agenda.editSession")}
        </h2>
        <SessionForm
          intent="save"
          lastResult={sent === "save" ? result?.result : null}
          defaultValue={values}
          rooms={rooms}
          tracks={tracks}
          timeZone={timeZone}
          zone={zone}
          submitLabel={t("action.save")}
        />
      </Card>
      <Card as="section" aria-labelledby="speakers-heading">
        <h2 id="speakers-heading" className="mb-2 font-semibold">
          {t("agenda.admin.agenda.speakers")}
        </h2>
        <ol className="mb-4 space-y-1">
          {speakers.map((speaker) => (
            <li key={speaker.id} className="flex flex-wrap items-center justify-between gap-2">
              <span>
                {t("agenda.admin.agenda.speakerLine", {
                  position: speaker.position,
                  role: t(`agenda.role.${speaker.role}`),
                  name: speaker.organization ? t("agenda.admin.agenda.nameWithOrganization", { name: speaker.name, organization: speaker.organization }) : speaker.name,
                  confirmation: t(`agenda.confirmation.${speaker.confirmation}`),
                })}
              </span>
              <Form method="post">
                <input type="hidden" name="id" value={speaker.id} />
                <button type="submit" name="intent" value="detach" className="text-sm text-danger underline">
                  {t("agenda.admin.agenda.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ol>
        <Form method="post" id={attach.form.id} onSubmit={attach.form.onSubmit} className="grid gap-x-4 sm:grid-cols-3" key={`attach-${speakers.length}`} noValidate>
          <div className="sm:col-span-3">
            <FormErrors messages={attach.formErrors} />
          </div>
          <input type="hidden" name="intent" value={attachIntent} />
          <SpeakerPicker
            key={`picker-${speakers.length}`}
            searchUrl={`/admin/events/${eventId}/agenda/speakers`}
            error={attach.errorOf("speakerId")}
            newErrors={{ name: attach.errorOf("name"), organization: attach.errorOf("organization") }}
            onModeChange={setAttachIntent}
          />
          <SelectField id="attach-role" label={t("agenda.admin.agenda.role")} name="role" error={attach.errorOf("role")} required>
            {speakerRoleNames.map((role) => (
              <option key={role} value={role}>
                {t(`agenda.role.${role}`)}
              </option>
            ))}
          </SelectField>
          <Field id="attach-position" label={t("agenda.admin.agenda.position")} name="position" type="number" min={1} max={999} defaultValue={nextPosition} error={attach.errorOf("position")} />
          <div className="sm:col-span-3 flex flex-wrap gap-3">
            <Button type="submit" variant="secondary">
              {t("agenda.admin.agenda.addSpeaker")}
            </Button>
            <Link to="/admin/speakers" className="self-center underline">
              {t("agenda.admin.agenda.manageSpeakers")}
            </Link>
          </div>
        </Form>
      </Card>
    </div>
  );
}
