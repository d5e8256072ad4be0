import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { Flash } from "~/components/ui/Toast";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { confirmEmail, emailConfirmationFor } from "~/models/registration-self-service.server";
import { confirmEmailForm } from "~/schemas/registration";
import { DomainError } from "~/utils/domain-error";
import { clientAddress } from "~/utils/http.server";
import { handleSubmission, page } from "~/utils/route.server";
import { requestTranslator } from "~/utils/i18n.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { describeZone, formatDate, formatTime } from "~/utils/time";
import { titled } from "~/i18n/meta";
import { Button } from "~/components/ui/Button";

export const meta = titled("title.confirm-email-token", { name: "robots", content: "noindex" }, { name: "referrer", content: "no-referrer" });

// The link is a secret: no shared caches, no referrer.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });

/**
 * The "confirm your e-mail address" link. Opening it shows a button; only the POST confirms, so a mail
 * scanner fetching links confirms nothing. A used or expired link answers 410 with what to do.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const { t } = requestTranslator(request);
    const link = await emailConfirmationFor(params.token ?? "");
    if (link.state === "open") return { done: null, gone: null, event: { ...link.event, holdExpiresAt: link.holdExpiresAt.toISOString() } };
    // Right after confirming, the used link says so once instead of a 410.
    if (link.state === "used" && new URL(request.url).searchParams.get("confirmed") === "1") return { done: t("registration.confirm.done"), gone: null, event: null };
    return data({ done: null, gone: t(link.gone.messageKey), event: null }, { status: link.gone.status });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleSubmission(request, confirmEmailForm, async () => {
    if (!hitRateLimit(`confirm-email:${clientAddress(request)}`, 30, 60_000).allowed) throw new DomainError("rate_limited", "rate_limited", "error.tooManyRequests");
    await confirmEmail(params.token ?? "");
    return redirect(`/confirm-email/${encodeURIComponent(params.token ?? "")}?confirmed=1`);
  });
}

export default function ConfirmEmail() {
  const { done, gone, event } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, formErrors } = useSubmissionForm(confirmEmailForm, { id: "confirm-email", lastResult: actionData?.result });
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const navigation = useNavigation();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-6">
      <h1 className="text-2xl font-bold">{t("registration.confirm.title")}</h1>
      {done ? (
        <Flash className="mt-4" message={done} />
      ) : formErrors.length ? (
        <Flash className="mt-4" tone="danger" message={formErrors.join(" ")} />
      ) : gone || !event ? (
        <Flash className="mt-4" tone="danger" message={gone} />
      ) : (
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="card mt-4">
          <p>
            {t("registration.confirm.body", {
              event: localized(event.title, event.titleEn),
              time: `${formatDate(event.holdExpiresAt, event.timeZone, locale)} ${formatTime(event.holdExpiresAt, event.timeZone)} (${describeZone(event.timeZone, event.holdExpiresAt)})`,
            })}
          </p>
          <Button type="submit" className="mt-4" disabled={navigation.state !== "idle"}>
            {t("registration.confirm.submit")}
          </Button>
        </Form>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
