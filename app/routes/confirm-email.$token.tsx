import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { confirmEmail, emailConfirmationFor } from "~/models/registration-self-service.server";
import { clientAddress, HttpError, notFound } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { describeZone, formatDate, formatTime } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "确认邮箱 · Confirm your e-mail address" }, { name: "robots", content: "noindex" }, { name: "referrer", content: "no-referrer" }];

// The link is a secret: no shared caches, no referrer.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });

/**
 * The "confirm your e-mail address" link. Opening it shows a button; only the POST confirms, so a mail
 * scanner fetching links confirms nothing. A used or expired link answers 410 with what to do.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t } = requestTranslator(request);
  try {
    const { event, holdExpiresAt } = await emailConfirmationFor(params.token ?? "");
    return { done: null, gone: null, event: { ...event, holdExpiresAt: holdExpiresAt.toISOString() } };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    if (error.status === 404) notFound();
    // Right after confirming, the used link says so once instead of a 410.
    if (error.code === "link_used" && new URL(request.url).searchParams.get("confirmed") === "1") return { done: t("registration.confirm.done"), gone: null, event: null };
    return data({ done: null, gone: t(error.messageKey), event: null }, { status: error.status });
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { t } = requestTranslator(request);
  const limit = hitRateLimit(`confirm-email:${clientAddress(request)}`, 30, 60_000);
  if (!limit.allowed) return data({ message: t("error.tooManyRequests") }, { status: 429 });
  try {
    await confirmEmail(params.token ?? "");
    return redirect(`/confirm-email/${encodeURIComponent(params.token ?? "")}?confirmed=1`);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return data({ message: t(error.messageKey) }, { status: error.status });
  }
}

export default function ConfirmEmail() {
  const { done, gone, event } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const navigation = useNavigation();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-6">
      <h1 className="text-2xl font-bold">{t("registration.confirm.title")}</h1>
      {done ? (
        <p role="status" className="card mt-4">
          {done}
        </p>
      ) : actionData ? (
        <p role="alert" className="card mt-4 text-red-800">
          {actionData.message}
        </p>
      ) : gone || !event ? (
        <p role="alert" className="card mt-4 text-red-800">
          {gone}
        </p>
      ) : (
        <Form method="post" className="card mt-4">
          <p>
            {t("registration.confirm.body", {
              event: localized(event.title, event.titleEn),
              time: `${formatDate(event.holdExpiresAt, event.timeZone, locale)} ${formatTime(event.holdExpiresAt, event.timeZone)} (${describeZone(event.timeZone, event.holdExpiresAt)})`,
            })}
          </p>
          <button type="submit" className="btn mt-4" disabled={navigation.state !== "idle"}>
            {t("registration.confirm.submit")}
          </button>
        </Form>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
