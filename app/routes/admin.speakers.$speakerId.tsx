import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/Field";
import { FormAlert, Notice, TextAreaField } from "~/components/agenda/FormControls";
import { useLocale, useT } from "~/i18n/react";
import { invalidInput } from "~/models/event.server";
import { getSpeakerWithSessions, maxPhotoBytes, saveSpeakerPhoto, speakerPhotoUrl, updateSpeaker } from "~/models/speaker.server";
import { formAction, formValues } from "~/route-helpers/agenda-route.server";
import { notFound, pageLoader } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { requireSpeakerManager } from "~/auth/permissions.server";
import { formatDateTime } from "~/utils/time";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return pageLoader(request, async () => {
    await requireSpeakerManager(request, params.speakerId ?? "");
    const speaker = await getSpeakerWithSessions(params.speakerId ?? "");
    if (!speaker) notFound();
    return {
      speaker: { id: speaker.id, name: speaker.name, nameEn: speaker.nameEn, organization: speaker.organization, jobTitle: speaker.jobTitle, bio: speaker.bio, email: speaker.email ?? "", photo: speakerPhotoUrl(speaker) },
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
  return pageLoader(request, async () => {
    await requireSpeakerManager(request, speakerId);
    const { t } = requestTranslator(request);
    const contentType = request.headers.get("Content-Type") ?? "";
    if (contentType.startsWith("multipart/form-data")) {
      return formAction(request, "photo", {}, async () => {
        // Refuse oversized uploads before reading them.
        if (Number(request.headers.get("Content-Length") ?? "0") > maxPhotoBytes + 64 * 1024) throw invalidInput({ photo: "agenda.validation.photoSize" });
        const file = (await request.formData()).get("photo");
        if (!file || typeof file === "string") throw invalidInput({ photo: "agenda.validation.photoType" });
        await saveSpeakerPhoto(speakerId, new Uint8Array(await file.arrayBuffer()));
        return { ok: true as const, notice: t("agenda.admin.event.saved") };
      });
    }
    const values = formValues(await request.formData());
    if (values.intent !== "save") throw data(null, { status: 400 });
    return formAction(request, "save", values, async () => {
      await updateSpeaker(speakerId, values);
      return { ok: true as const, notice: t("agenda.admin.event.saved") };
    });
  });
}

export default function EditSpeaker() {
  const { speaker, roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const failure = result && "fields" in result ? result : null;
  const values: Record<string, string> = failure?.intent === "save" ? (failure.values ?? {}) : { ...speaker, photo: "" };
  const errors = failure?.fields ?? {};
  return (
    <div className="space-y-6">
      <p>
        <Link to="/admin/speakers" className="text-brand-700 underline">
          {t("agenda.admin.speakers.heading")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{speaker.name}</h1>
      <Notice message={result && "notice" in result ? result.notice : null} />
      <FormAlert message={failure?.formError} />
      <Form method="post" className="card" noValidate>
        <input type="hidden" name="intent" value="save" />
        <Field label={t("agenda.admin.speakers.name")} name="name" required defaultValue={values.name} error={errors.name} />
        <Field label={t("agenda.admin.speakers.nameEn")} name="nameEn" defaultValue={values.nameEn} error={errors.nameEn} />
        <Field label={t("agenda.admin.speakers.organization")} name="organization" defaultValue={values.organization} error={errors.organization} />
        <Field label={t("agenda.admin.speakers.jobTitle")} name="jobTitle" defaultValue={values.jobTitle} error={errors.jobTitle} />
        <Field label={t("agenda.admin.speakers.email")} name="email" type="email" defaultValue={values.email} error={errors.email} />
        <TextAreaField label={t("agenda.admin.speakers.bio")} name="bio" defaultValue={values.bio} error={errors.bio} />
        <button type="submit" className="btn">
          {t("action.save")}
        </button>
      </Form>
      <Form method="post" encType="multipart/form-data" className="card">
        {speaker.photo ? <img src={speaker.photo} alt={speaker.name} width={96} height={96} className="mb-3 h-24 w-24 rounded-full object-cover" /> : null}
        <Field label={t("agenda.admin.speakers.photo")} name="photo" type="file" accept="image/jpeg,image/png,image/webp,image/gif" error={errors.photo} />
        <button type="submit" className="btn-secondary">
          {t("agenda.admin.speakers.uploadPhoto")}
        </button>
      </Form>
      <section className="card">
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
      </section>
    </div>
  );
}
