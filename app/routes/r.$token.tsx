import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { Field } from "~/components/Field";
import { TicketCard } from "~/components/registration-manage/TicketCard";
import type { MessageKey } from "~/i18n";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { registrationEditSchema } from "~/schemas/registration";
import { mapUrl } from "~/models/registration-emails.server";
import { cancelOwnRegistration, editOwnRegistration, isReplacedManageLink, registrationForManageToken, resendOwnEmail } from "~/models/registration-self-service.server";
import { deleteOwnData } from "~/models/registration-privacy.server";
import { editableFieldsOf, publicStatus } from "~/models/registration-rules.server";
import { clientAddress, fieldErrors, HttpError, notFound } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { qrDataUrl } from "~/utils/qrcode.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { describeZone, formatDate, formatTime } from "~/utils/time";
import { translateMessage } from "~/i18n";

export const meta: MetaFunction = () => [{ title: "我的报名 · My registration" }, { name: "robots", content: "noindex" }, { name: "referrer", content: "no-referrer" }];

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
    editable: editableFieldsOf(event),
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
  const limit = hitRateLimit(`manage:${clientAddress(request)}`, 30, 60_000);
  if (!limit.allowed) return data({ ok: false, message: t("error.tooManyRequests"), fields: {} as Record<string, string> }, { status: 429 });
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  try {
    if (intent === "edit") {
      const raw = Object.fromEntries(["name", "organization", "phone", "jobTitle"].filter((name) => formData.has(name)).map((name) => [name, String(formData.get(name))]));
      const parsed = registrationEditSchema.safeParse(raw);
      if (!parsed.success) {
        const fields = Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([name, message]) => [name, translateMessage(message, t)]));
        return data({ ok: false, message: t("form.fixErrors"), fields }, { status: 422 });
      }
      await editOwnRegistration(token, Object.fromEntries(Object.entries(parsed.data).filter(([name]) => formData.has(name))));
      return { ok: true, message: t("registration.manage.saved"), fields: {} };
    }
    if (intent === "cancel") {
      await cancelOwnRegistration(token);
      return { ok: true, message: t("registration.manage.cancelled"), fields: {} };
    }
    if (intent === "resend") {
      const sent = await resendOwnEmail(token);
      return { ok: sent, message: t(sent ? "registration.manage.resentNewLink" : "registration.manage.resendTooSoon"), fields: {} };
    }
    if (intent === "delete") {
      await deleteOwnData(token, clientAddress(request));
      return redirect(`/r/${encodeURIComponent(token)}?deleted=1`);
    }
    return data({ ok: false, message: t("error.badRequest.title"), fields: {} }, { status: 400 });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    const fields = Object.fromEntries(Object.entries(error.fields ?? {}).map(([name, message]) => [name, translateMessage(message, t)]));
    return data({ ok: false, message: t(error.messageKey, error.params), fields }, { status: error.status });
  }
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
      {actionData?.ok ? (
        <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3">
          {actionData.message}
        </p>
      ) : null}
      <p role="status" className="card">
        {t(message)}
      </p>
    </main>
  );
}

type Loaded = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { view: "manage" }>;

function Manage({ registration, qr, editable, event }: Loaded) {
  const tokenPath = useLocation().pathname.replace(/\/$/, "");
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const navigation = useNavigation();
  const active = registration.statusKey !== "CANCELLED" && registration.statusKey !== "REJECTED";
  const busy = navigation.state !== "idle";
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-6">
      <h1 className="text-2xl font-bold">{t("registration.manage.title")}</h1>
      <p className="mt-1 font-medium">{localized(event.title, event.titleEn)}</p>
      <p className="text-sm text-slate-600">
        {formatDate(event.startsAt, event.timeZone, locale)} {formatTime(event.startsAt, event.timeZone)}–{formatTime(event.endsAt, event.timeZone)} ·{" "}
        {describeZone(event.timeZone, event.startsAt)}
      </p>
      <p className="text-sm text-slate-600">
        {localized(event.venue, event.venueEn)} · {event.address} ·{" "}
        <a href={event.mapUrl} className="text-brand-700 underline" rel="noreferrer noopener" target="_blank">
          {t("registration.email.map")}
        </a>
      </p>
      {actionData?.message ? (
        <p role={actionData.ok ? "status" : "alert"} className={`mt-4 rounded border p-3 ${actionData.ok ? "border-green-300 bg-green-50" : "border-red-300 bg-red-50 text-red-800"}`}>
          {actionData.message}
        </p>
      ) : null}
      <TicketCard qr={qr} holder={registration.name} statusKey={registration.statusKey} />
      <section className="card mt-4" aria-labelledby="details-heading">
        <h2 id="details-heading" className="mb-3 font-semibold">
          {t("registration.manage.details")}
        </h2>
        <p className="mb-3 text-sm">
          {registration.name} · {registration.email}
          {registration.category ? ` · ${localized(registration.category.name, registration.category.nameEn)}` : ""}
        </p>
        {active && editable.length ? (
          <Form method="post">
            <input type="hidden" name="intent" value="edit" />
            {editable.map((name) => (
              <Field
                key={name}
                name={name}
                label={t(`registration.form.${name}` as MessageKey)}
                defaultValue={registration[name]}
                error={(actionData?.fields as Record<string, string> | undefined)?.[name]}
                type={name === "phone" ? "tel" : "text"}
              />
            ))}
            <button type="submit" className="btn" disabled={busy}>
              {t("registration.manage.edit")}
            </button>
          </Form>
        ) : null}
      </section>
      <section className="mt-4 flex flex-wrap gap-2">
        {active ? (
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            <button type="submit" className="btn-secondary" disabled={busy}>
              {t("registration.manage.resend")}
            </button>
          </Form>
        ) : null}
        <a className="btn-secondary" href={`${tokenPath}/data`} download="my-registration.json" data-testid="download-json">
          {t("registration.manage.download")}
        </a>
        {active ? (
          <Form method="post" onSubmit={(submit) => !window.confirm(t("registration.manage.cancelConfirm")) && submit.preventDefault()}>
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="btn-danger" disabled={busy}>
              {t("registration.manage.cancel")}
            </button>
          </Form>
        ) : null}
        <Form method="post" onSubmit={(submit) => !window.confirm(t("registration.manage.deleteConfirm")) && submit.preventDefault()}>
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="btn-danger" disabled={busy}>
            {t("registration.manage.delete")}
          </button>
        </Form>
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
