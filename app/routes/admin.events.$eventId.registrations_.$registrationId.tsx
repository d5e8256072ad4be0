import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EmailMessageList } from "~/components/EmailLog";
import { RegistrationPersonActions } from "~/components/registrations/RegistrationPersonActions";
import { RegistrationNotes } from "~/components/registrations/RegistrationNotes";
import { RegistrationStatusBadge } from "~/components/registrations/RegistrationStatusBadge";
import type { MessageKey } from "~/i18n";
import { useLocalized, useT } from "~/i18n/react";
import { getEmail, resendEmail } from "~/models/outbox.server";
import { applyBulkAction } from "~/models/registration-bulk.server";
import { registrationDetail } from "~/models/registration-detail.server";
import { addRegistrationNote, deleteRegistrationNote } from "~/models/registration-notes.server";
import { setOrganizerNote } from "~/models/registration-queries.server";
import { reissueTicket } from "~/models/ticket.server";
import { requireEventManager } from "~/auth/permissions.server";
import { emailLogPage } from "~/route-helpers/email-log.server";
import { registrationPersonForms } from "~/schemas/registration-admin";
import { notFound } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";
import { Flash } from "~/components/ui/Toast";
import { Card } from "~/components/ui/Card";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.person.name ?? "" }];

/** One registration in the back office: the person, answers, history, e-mails, check-ins and notes (organizers of the event only). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    const registrationId = params.registrationId ?? "";
    const user = await requireEventManager(request, eventId);
    const { locale, t } = requestTranslator(request);
    const person = await registrationDetail({ eventId, registrationId, locale, t });
    const emails = await emailLogPage(request, eventId, registrationId);
    return { eventId, person, emails: emails.rows, viewerId: user.id };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const eventId = params.eventId ?? "";
  const registrationId = params.registrationId ?? "";
  const user = await requireEventManager(request, eventId);
  return handleSubmission(request, registrationPersonForms, async (form, reply) => {
    const done = (outcome: Record<string, unknown> = {}) => ({ result: reply({ resetForm: true }), intent: form.intent, ...outcome });
    switch (form.intent) {
      case "approve":
      case "reject":
      case "cancel":
        return done({ changed: (await applyBulkAction({ eventId, selection: { ids: [registrationId] }, action: form.intent, actorUserId: user.id })) > 0 });
      case "reissue":
        return done({ changed: await reissueTicket({ eventId, registrationId, actorUserId: user.id }) });
      case "resend": {
        const message = await getEmail(form.messageId);
        if (!message || message.eventId !== eventId || message.registrationId !== registrationId) notFound();
        return done({ changed: await resendEmail(message.id) });
      }
      case "addNote":
        await addRegistrationNote({ eventId, registrationId, body: form.body, authorUserId: user.id });
        return done();
      case "deleteNote":
        await deleteRegistrationNote({ eventId, registrationId, noteId: form.noteId, actorUserId: user.id });
        return done();
      case "listNote":
        await setOrganizerNote(eventId, registrationId, form.note);
        return done();
    }
  });
}

export default function RegistrationPerson() {
  const { eventId, person, emails, viewerId } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ intent?: string; changed?: boolean }>();
  const t = useT();
  const localized = useLocalized();
  const notice =
    actionData?.intent === "resend" && actionData.changed
      ? t("registration.manage.resent")
      : actionData?.intent === "addNote"
        ? t("registrations.person.noteAdded")
        : actionData?.intent === "deleteNote"
          ? t("registrations.person.noteDeleted")
          : actionData?.intent === "reissue" && actionData.changed
            ? t("registration.admin.reissue.done")
            : actionData?.intent && ["approve", "reject", "cancel"].includes(actionData.intent)
              ? actionData.changed
                ? t("registrations.person.done", { status: t(`registration.status.${person.status}` as MessageKey) })
                : t("registrations.person.unchanged")
              : null;
  const facts: [string, string][] = [
    [t("registrations.person.email"), person.email],
    [t("registrations.person.phone"), person.phone],
    [t("registrations.person.organization"), person.organization],
    [t("registrations.person.jobTitle"), person.jobTitle],
    [t("registrations.person.firm"), person.firm],
    [t("registrations.person.category"), person.category],
    [t("registrations.person.language"), person.language === "en" ? "English" : "中文"],
    [t("registrations.person.registeredAt"), person.registeredAt],
  ];
  return (
    <div className="grid min-w-0 gap-4">
      <p className="text-sm">
        <Link to={`/admin/events/${eventId}/registrations`} className="text-brand-700 underline">
          {t("registrations.person.back")}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="break-words text-xl font-semibold">{person.name}</h2>
        <RegistrationStatusBadge status={person.status} />
      </div>
      <Flash message={notice} className="" />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card as="section" className="min-w-0" aria-labelledby="person-details">
          <h3 id="person-details" className="mb-2 font-semibold">
            {t("registrations.person.details")}
          </h3>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-muted">{label}</dt>
                <dd className="mb-1 break-words sm:mb-0">{value || t("registrations.person.none")}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <RegistrationPersonActions status={person.status} email={person.email} />
        <Card as="section" className="min-w-0" aria-labelledby="person-answers">
          <h3 id="person-answers" className="mb-2 font-semibold">
            {t("registrations.person.answers")}
          </h3>
          {person.answers.length ? (
            <dl className="grid gap-2 text-sm" data-testid="answers">
              {person.answers.map((answer) => (
                <div key={answer.key}>
                  <dt className="text-muted">{answer.label}</dt>
                  <dd className="whitespace-pre-line break-words">{answer.text}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-sm text-muted">{t("registrations.person.noAnswers")}</p>
          )}
        </Card>
        <Card as="section" className="min-w-0" aria-labelledby="person-history">
          <h3 id="person-history" className="mb-2 font-semibold">
            {t("registrations.person.history")}
          </h3>
          <ol className="grid gap-2 border-l-2 border-line pl-3 text-sm" data-testid="history">
            {person.history.map((entry) => (
              <li key={entry.id}>
                <p className="break-words">{entry.sentence}</p>
                <p className="text-xs text-muted">{entry.at}</p>
              </li>
            ))}
          </ol>
        </Card>
        <Card as="section" className="min-w-0" aria-labelledby="person-checkins">
          <h3 id="person-checkins" className="mb-2 font-semibold">
            {t("registrations.person.checkIns")}
          </h3>
          {person.checkIns.length ? (
            <ul className="grid gap-2 text-sm" data-testid="check-ins">
              {person.checkIns.map((checkIn) => (
                <li key={checkIn.id} className={checkIn.undoneAt ? "text-muted" : ""}>
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{t(`checkin.result.${checkIn.result}` as MessageKey)}</span>
                    <span>· {t(checkIn.direction === "exit" ? "checkin.direction.exit" : "checkin.direction.entry")}</span>
                    {checkIn.undoneAt ? <span className="rounded bg-subtle px-1 text-xs">{t("registrations.person.undone")}</span> : null}
                  </p>
                  <p className="break-words text-xs text-muted">
                    {checkIn.at} · {localized(checkIn.list.name, checkIn.list.nameEn)} · {checkIn.deviceId || t("registrations.person.noDevice")}
                    {checkIn.offline ? ` · ${t("registrations.person.offline")}` : ""}
                  </p>
                  {checkIn.undoneAt ? <p className="text-xs text-muted">{`${t("registrations.person.undone")} · ${checkIn.undoneAt}`}</p> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">{t("registrations.person.noCheckIns")}</p>
          )}
        </Card>
      </div>
      <section aria-labelledby="person-emails">
        <h3 id="person-emails" className="mb-2 font-semibold">
          {t("registrations.person.emails")}
        </h3>
        {emails.length ? <EmailMessageList rows={emails} /> : <p className="card text-sm text-muted">{t("registrations.person.noEmails")}</p>}
      </section>
      <RegistrationNotes notes={person.notes} viewerId={viewerId} listNote={person.listNote} />
    </div>
  );
}
