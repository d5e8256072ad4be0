import type { SubmissionResult } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/ui/FormField";
import { Flash } from "~/components/ui/Toast";
import { SpeakerForm } from "~/components/agenda/SpeakerForm";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useLocale, useT } from "~/i18n/react";
import { invalidInput } from "~/models/event.server";
import { getSpeakerWithSessions, maxPhotoBytes, saveSpeakerPhoto, speakerPhotoUrl, updateSpeaker } from "~/models/speaker.server";
import { speakerPageSchema, speakerPhotoSchema } from "~/schemas/agenda";
import { notFound } from "~/utils/http.server";
import { handleSubmission, page } from "~/utils/route.server";
import { requestTranslator } from "~/utils/i18n.server";
import { requireSpeakerManager } from "~/auth/permissions.server";
import { formatDateTime } from "~/utils/time";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireSpeakerManager(request, params.speakerId ?? "");
    const speaker = await getSpeakerWithSessions(params.speakerId ?? "");
    if (!speaker) notFound();
    return {
      speaker: {
        id: speaker.id,
        name: speaker.name,
        nameEn: speaker.nameEn,
        organization: speaker.organization,
        organizationEn: speaker.organizationEn,
        jobTitle: speaker.jobTitle,
        jobTitleEn: speaker.jobTitleEn,
        bio: speaker.bio,
        bioEn: speaker.bioEn,
        email: speaker.email ?? "",
        photo: speakerPhotoUrl(speaker),
      },
      roles: speaker.sessions.map((row) => ({
        id: row.id,
        role: row.role,
        confirmation: row.confirmation,
        session: row.session.title,
        sessionId: row.session.id,
        eventId: row.session.event.id,
        event: row.session.event.title,
        startsAt: row.session.startsAt.toISOString(),
        timeZone: row.session.event.timeZone,
      })),
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const speakerId = params.speakerId ?? "";
  return page(request, async () => {
    await requireSpeakerManager(request, speakerId);
    const { t } = requestTranslator(request);
    const done = (reply: () => SubmissionResult<string[]>, intent: "save" | "photo") => ({ result: reply(), intent, notice: t("agenda.admin.event.saved") });
    if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
      return handleSubmission(request, speakerPageSchema, async ({ intent: _intent, ...facts }, reply) => {
        await updateSpeaker(speakerId, facts);
        return done(reply, "save");
      });
    }
    // Refuse oversized uploads before reading them.
    const tooLarge = Number(request.headers.get("Content-Length") ?? "0") > maxPhotoBytes + 64 * 1024;
    return handleSubmission(
      request,
      speakerPhotoSchema,
      async ({ photo }, reply) => {
        if (tooLarge) throw invalidInput({ photo: "agenda.validation.photoSize" });
        if (!photo) throw invalidInput({ photo: "agenda.validation.photoType" });
        await saveSpeakerPhoto(speakerId, new Uint8Array(await photo.arrayBuffer()));
        return done(reply, "photo");
      },
      tooLarge ? new FormData() : undefined,
    );
  });
}

export default function EditSpeaker() {
  const { speaker, roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  // The photo upload is a form of its own: each form shows only its own answer.
  const sent = result && "intent" in result ? result.intent : result?.result.error && "photo" in result.result.error ? "photo" : "save";
  const photo = useSubmissionForm(speakerPhotoSchema, { lastResult: sent === "photo" ? result?.result : null, id: "photo" });
  return (
    <div className="space-y-6">
      <p>
        <Link to="/admin/speakers" className="text-brand-700 underline">
          {t("agenda.admin.speakers.heading")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{speaker.name}</h1>
      <Flash message={result && "notice" in result ? result.notice : null} />
      <SpeakerForm lastResult={sent === "save" ? result?.result : null} defaultValue={speaker} intent="save" submitLabel={t("action.save")} className="card" />
      <Form method="post" encType="multipart/form-data" id={photo.form.id} onSubmit={photo.form.onSubmit} className="card" noValidate>
        <FormErrors messages={photo.formErrors} />
        <input type="hidden" name="intent" value="photo" />
        {speaker.photo ? <img src={speaker.photo} alt={speaker.name} width={96} height={96} className="mb-3 h-24 w-24 rounded-full object-cover" /> : null}
        <Field label={t("agenda.admin.speakers.photo")} name="photo" type="file" accept="image/jpeg,image/png,image/webp,image/gif" error={photo.errorOf("photo")} />
        <Button type="submit" variant="secondary">
          {t("agenda.admin.speakers.uploadPhoto")}
        </Button>
      </Form>
      <Card as="section">
        <h2 className="mb-2 font-semibold">{t("agenda.admin.speakers.roles")}</h2>
        <ul className="text-sm">
          {roles.map((role) => (
            <li key={role.id}>
              {formatDateTime(role.startsAt, role.timeZone, locale)} ·{" "}
              <Link to={`/admin/events/${role.eventId}/agenda/${role.sessionId}`} className="underline">
                {role.session}
              </Link>{" "}
              · {role.event} · {t(`agenda.role.${role.role}`)} · {t(`agenda.confirmation.${role.confirmation}`)}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
