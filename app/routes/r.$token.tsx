import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { Button, ButtonAnchor, ButtonLink } from "~/components/ui/Button";
import { Field } from "~/components/ui/FormField";
import { Flash } from "~/components/ui/Toast";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { AnswersCard } from "~/components/registration-manage/AnswersCard";
import { TicketCard } from "~/components/registration-manage/TicketCard";
import type { MessageKey } from "~/i18n";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { manageEditSchema, manageForms } from "~/schemas/registration";
import { mapUrl } from "~/models/registration-emails.server";
import { matchmakingEnabledFor } from "~/models/matchmaking-manage.server";
import { cancelOwnRegistration, editOwnAnswers, editOwnRegistration, isReplacedManageLink, ownAnswers, registrationForManageToken, resendOwnEmail } from "~/models/registration-self-service.server";
import { deleteOwnData } from "~/models/registration-privacy.server";
import { editableFieldsOf, publicStatus } from "~/models/registration-rules.server";
import { clientAddress, HttpError, notFound } from "~/utils/http.server";
import { handleSubmission } from "~/utils/route.server";
import { requestTranslator } from "~/utils/i18n.server";
import { qrDataUrl } from "~/utils/qrcode.server";
import { groupTicketCode } from "~/utils/ticket-code";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { describeZone, formatDate, formatTime } from "~/utils/time";
import { titled } from "~/i18n/meta";
import { Card } from "~/components/ui/Card";

export const meta = titled("title.r-token", { name: "robots", content: "noindex" }, { name: "referrer", content: "no-referrer" });

// The link is a secret: no shared caches, no referrer.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const registration = await registrationForManageToken(params.token ?? "");
  if (!registration) {
    // Right after "delete my data" the link is dead by design; say so once instead of a bare 404.
    if (new URL(request.url).searchParams.get("deleted") === "1") return { view: "deleted" as const };
    if (await isReplacedManageLink(params.token ?? "")) return data({ view: "replaced" as const }, { status: 410 });
    notFound();
  }
  const event = registration.event;
  return {
    view: "manage" as const,
    registration: {
      status: publicStatus(registration.status),
      statusKey: registration.status,
      name: registration.name,
      email: registration.email,
      organization: registration.organization,
      phone: registration.phone ?? "",
      jobTitle: registration.jobTitle ?? "",
      category: registration.category ? { name: registration.category.name, nameEn: registration.category.nameEn } : null,
    },
    // The QR is inlined as a data: URL, so once the page is loaded it needs no network to show at the door.
    qr: registration.status === "CONFIRMED" ? qrDataUrl(registration.ticketCode) : null,
    // Printed under the QR for typing at the door when the camera cannot read a cracked screen.
    ticketCode: registration.status === "CONFIRMED" ? groupTicketCode(registration.ticketCode) : null,
    editable: editableFieldsOf(event),
    answers: await ownAnswers(registration),
    matchmaking: registration.status === "CONFIRMED" && (await matchmakingEnabledFor(event.id)),
    event: {
      slug: event.slug,
      title: event.title,
      titleEn: event.titleEn,
      venue: event.venue,
      venueEn: event.venueEn,
      address: event.address,
      timeZone: event.timeZone,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      mapUrl: mapUrl(event.address, event.venue),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { t } = requestTranslator(request);
  const token = params.token ?? "";
  const formData = await request.formData();
  return handleSubmission(
    request,
    manageForms,
    async (form, reply) => {
      if (!hitRateLimit(`manage:${clientAddress(request)}`, 30, 60_000).allowed) throw new HttpError(429, "rate_limited", "error.tooManyRequests");
      if (form.intent === "edit") {
        const { intent: _intent, ...changes } = form;
        await editOwnRegistration(token, changes);
        return { result: reply(), intent: form.intent, ok: true, notice: t("registration.manage.saved") };
      }
      if (form.intent === "answers") {
        await editOwnAnswers(token, form.answers);
        return { result: reply(), intent: form.intent, ok: true, notice: t("registration.manage.saved") };
      }
      if (form.intent === "cancel") {
        await cancelOwnRegistration(token);
        return { result: reply(), intent: form.intent, ok: true, notice: t("registration.manage.cancelled") };
      }
      if (form.intent === "resend") {
        const sent = await resendOwnEmail(token);
        return { result: reply(), intent: form.intent, ok: sent, notice: t(sent ? "registration.manage.resentNewLink" : "registration.manage.resendTooSoon") };
      }
      await deleteOwnData(token, clientAddress(request));
      return redirect(`/r/${encodeURIComponent(token)}?deleted=1`);
    },
    formData,
  );
}

export default function ManageRegistration() {
  const loaded = useLoaderData<typeof loader>();
  if (loaded.view === "deleted") return <Notice message="registration.manage.deleted" />;
  if (loaded.view === "replaced") return <Notice message="registration.error.linkReplaced" />;
  return <Manage {...loaded} />;
}

/** A dead link's page; after a re-send from this page it also says that the e-mail went out. */
function Notice({ message }: { message: MessageKey }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-6">
      <Flash message={actionData && "ok" in actionData && actionData.ok ? actionData.notice : null} />
      <p role="status" className="card">
        {t(message)}
      </p>
    </main>
  );
}

type Loaded = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { view: "manage" }>;

function Manage({ registration, qr, ticketCode, editable, answers, matchmaking, event }: Loaded) {
  const tokenPath = useLocation().pathname.replace(/\/$/, "");
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const navigation = useNavigation();
  const active = registration.statusKey !== "CANCELLED" && registration.statusKey !== "REJECTED";
  const busy = navigation.state !== "idle";
  const result = actionData?.result;
  // Each form shows only its own answer; a refusal carries the intent it was sent with.
  const sentBy = (actionData && "intent" in actionData ? actionData.intent : result?.initialValue?.intent) as string | undefined;
  const edit = useSubmissionForm(manageEditSchema, { id: "edit", lastResult: sentBy === "edit" ? result : null });
  // The answers' card shows its own refusals.
  const refusals = sentBy === "edit" ? edit.formErrors : sentBy === "answers" ? [] : (result?.error?.[""] ?? []);
  const notice = actionData && "notice" in actionData ? actionData : null;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-6">
      <h1 className="text-2xl font-bold">{t("registration.manage.title")}</h1>
      <p className="mt-1 font-medium">{localized(event.title, event.titleEn)}</p>
      <p className="text-sm text-muted">
        {formatDate(event.startsAt, event.timeZone, locale)} {formatTime(event.startsAt, event.timeZone)}–{formatTime(event.endsAt, event.timeZone)} · {describeZone(event.timeZone, event.startsAt)}
      </p>
      <p className="text-sm text-muted">
        {localized(event.venue, event.venueEn)} · {event.address} ·{" "}
        <a href={event.mapUrl} className="text-brand-700 underline" rel="noreferrer noopener" target="_blank">
          {t("registration.email.map")}
        </a>
      </p>
      <Flash className="mt-4" tone={notice && !notice.ok ? "danger" : "success"} message={notice?.notice} />
      <div className="mt-4">
        <FormErrors messages={refusals} />
      </div>
      <TicketCard qr={qr} code={ticketCode} holder={registration.name} statusKey={registration.statusKey} />
      {matchmaking ? (
        <Card as="section" className="mt-4" aria-labelledby="matchmaking-heading">
          <h2 id="matchmaking-heading" className="font-semibold">
            {t("matchmaking.manage.cardTitle")}
          </h2>
          <p className="mt-1 text-sm text-muted">{t("matchmaking.manage.cardIntro")}</p>
          <ButtonLink to={`${tokenPath}/matchmaking`} className="mt-3">
            {t("matchmaking.manage.open")}
          </ButtonLink>
        </Card>
      ) : null}
      <Card as="section" className="mt-4" aria-labelledby="details-heading">
        <h2 id="details-heading" className="mb-3 font-semibold">
          {t("registration.manage.details")}
        </h2>
        <p className="mb-3 text-sm">
          {registration.name} · {registration.email}
          {registration.category ? ` · ${localized(registration.category.name, registration.category.nameEn)}` : ""}
        </p>
        {active && editable.length ? (
          <Form method="post" id={edit.form.id} onSubmit={edit.form.onSubmit} noValidate>
            <input type="hidden" name="intent" value="edit" />
            {editable.map((name) => (
              <Field
                key={name}
                name={name}
                label={t(`registration.form.${name}` as MessageKey)}
                defaultValue={registration[name]}
                error={edit.errorOf(name)}
                type={name === "phone" ? "tel" : "text"}
              />
            ))}
            <Button type="submit" disabled={busy}>
              {t("registration.manage.edit")}
            </Button>
          </Form>
        ) : null}
      </Card>
      <AnswersCard answers={answers} active={active} busy={busy} lastResult={sentBy === "answers" ? (result ?? null) : null} />
      <section className="mt-4 flex flex-wrap gap-2">
        {active ? (
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            <Button type="submit" variant="secondary" disabled={busy}>
              {t("registration.manage.resend")}
            </Button>
          </Form>
        ) : null}
        {active ? (
          <Form method="post" onSubmit={(submit) => !window.confirm(t("registration.manage.cancelConfirm")) && submit.preventDefault()}>
            <input type="hidden" name="intent" value="cancel" />
            <Button type="submit" variant="danger" disabled={busy}>
              {t("registration.manage.cancel")}
            </Button>
          </Form>
        ) : null}
      </section>
      {/* The data rights (PIPL) sit apart from the ticket's actions, so the one red button on the page is "cancel". */}
      <Card as="section" className="mt-6" aria-labelledby="data-heading">
        <h2 id="data-heading" className="font-semibold">
          {t("registration.manage.dataHeading")}
        </h2>
        <p className="mt-1 text-sm text-muted">{t("registration.manage.dataHint")}</p>
        <div className="mt-3 flex flex-wrap gap-2">
          <ButtonAnchor variant="secondary" href={`${tokenPath}/data`} download="my-registration.json" data-testid="download-json">
            {t("registration.manage.download")}
          </ButtonAnchor>
          <Form method="post" onSubmit={(submit) => !window.confirm(t("registration.manage.deleteConfirm")) && submit.preventDefault()}>
            <input type="hidden" name="intent" value="delete" />
            <Button type="submit" variant="secondary" className="text-danger" disabled={busy}>
              {t("registration.manage.delete")}
            </Button>
          </Form>
        </div>
      </Card>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
