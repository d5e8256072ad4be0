import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/Field";
import { SelectField } from "~/components/agenda/FormControls";
import { SessionForm, speakerRoleNames } from "~/components/agenda/SessionForm";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useT } from "~/i18n/react";
import { getEditorAgenda, ownSession, sessionFormValues, updateSession } from "~/models/agenda.server";
import { getEventById } from "~/models/event.server";
import { addSessionSpeaker, detachSpeaker } from "~/models/session-speaker.server";
import { listSpeakers } from "~/models/speaker.server";
import { attachSchema, sessionPageSchema } from "~/schemas/agenda";
import { requireEventManager } from "~/auth/permissions.server";
import { describeZone } from "~/utils/time";
import { notFound } from "~/utils/http.server";
import { handleSubmission, page } from "~/utils/route.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    await requireEventManager(request, eventId);
    await ownSession(eventId, params.sessionId ?? "");
    const { event } = await getEditorAgenda(eventId);
    const session = event.sessions.find((candidate) => candidate.id === params.sessionId)!;
    const directory = await listSpeakers();
    return {
      eventId,
      timeZone: event.timeZone,
      zone: describeZone(event.timeZone, session.startsAt),
      values: sessionFormValues(session, event.timeZone),
      rooms: event.rooms.map((room) => ({ id: room.id, name: room.name })),
      tracks: event.tracks.map((track) => ({ id: track.id, name: track.name })),
      speakers: session.speakers.map((row) => ({ id: row.id, role: row.role, position: row.position, confirmation: row.confirmation, name: row.speaker.name, organization: row.speaker.organization })),
      directory: directory.map((person) => ({ id: person.id, label: person.organization ? `${person.name}（${person.organization}）` : person.name })),
      nextPosition: session.speakers.length,
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
      } else {
        await detachSpeaker(eventId, submitted.id);
      }
      return { result: reply({ resetForm: true }), intent: submitted.intent };
    });
  });
}

export default function EditSession() {
  const { eventId, timeZone, zone, values, rooms, tracks, speakers, directory, nextPosition } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  // Three kinds of form post here: each one is shown only the answer to what it sent.
  const sent = result?.result.initialValue?.intent;
  const attach = useSubmissionForm(attachSchema, { lastResult: sent === "attach" ? result?.result : null, id: "attach" });
  const detachErrors = sent === "detach" ? Object.values(result?.result.error ?? {}).flatMap((messages) => messages ?? []) : [];
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/admin/events/${eventId}/agenda`} className="text-brand-700 underline">
          {t("agenda.admin.agenda.back")}
        </Link>
      </p>
      <FormErrors messages={detachErrors} />
      <section className="card" aria-labelledby="edit-heading">
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
      </section>
      <section className="card" aria-labelledby="speakers-heading">
        <h2 id="speakers-heading" className="mb-2 font-semibold">
          {t("agenda.admin.agenda.speakers")}
        </h2>
        <ol className="mb-4 space-y-1">
          {speakers.map((speaker) => (
            <li key={speaker.id} className="flex flex-wrap items-center justify-between gap-2">
              <span>
                {speaker.position}. {t("punctuation.label", { label: t(`agenda.role.${speaker.role}`) })}
                {speaker.name}
                {speaker.organization ? t("punctuation.aside", { text: speaker.organization }) : ""} · {t(`agenda.confirmation.${speaker.confirmation}`)}
              </span>
              <Form method="post">
                <input type="hidden" name="id" value={speaker.id} />
                <button type="submit" name="intent" value="detach" className="text-sm text-red-700 underline">
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
          <input type="hidden" name="intent" value="attach" />
          <SelectField id="attach-speaker" label={t("agenda.admin.agenda.speaker")} name="speakerId" error={attach.errorOf("speakerId")} required>
            <option value="">—</option>
            {directory.map((person) => (
              <option key={person.id} value={person.id}>
                {person.label}
              </option>
            ))}
          </SelectField>
          <SelectField id="attach-role" label={t("agenda.admin.agenda.role")} name="role" error={attach.errorOf("role")} required>
            {speakerRoleNames.map((role) => (
              <option key={role} value={role}>
                {t(`agenda.role.${role}`)}
              </option>
            ))}
          </SelectField>
          <Field id="attach-position" label={t("agenda.admin.agenda.position")} name="position" type="number" min={0} max={999} defaultValue={nextPosition} error={attach.errorOf("position")} />
          <div className="sm:col-span-3 flex flex-wrap gap-3">
            <button type="submit" className="btn-secondary">
              {t("agenda.admin.agenda.addSpeaker")}
            </button>
            <Link to="/admin/speakers" className="self-center underline">
              {t("agenda.admin.agenda.manageSpeakers")}
            </Link>
          </div>
        </Form>
      </section>
    </div>
  );
}
