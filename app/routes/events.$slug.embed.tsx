import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { RegistrationForm, RegistrationOutcome } from "~/components/registration-form/RegistrationForm";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { registrationFormPage, submitRegistrationForm } from "~/route-helpers/registration-form.server";
import { describeZone, formatDate, formatTime } from "~/utils/time";
import { localized } from "~/i18n";
import { localeOf } from "~/i18n/meta";

/**
 * /events/:slug/embed: the registration form alone, for partner sites to frame (ALLOWED_ORIGINS; the server
 * sets its `frame-ancestors`, app/server/http-guards.ts). No site header, and links open a window of their
 * own. A framed page never acts as the visitor signed in here: a firm contact's reserved seats apply on
 * the registration page only.
 */
export const handle = { bare: true };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data ? localized(localeOf(matches), data.event.title, data.event.titleEn) : "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return registrationFormPage(params.slug ?? "", new URL(request.url).searchParams.get("code"));
}

export async function action({ request, params }: ActionFunctionArgs) {
  return submitRegistrationForm(request, params.slug ?? "", []);
}

export default function EmbeddedRegistration() {
  const page = useLoaderData<typeof loader>();
  const { event } = page;
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const title = localized(event.title, event.titleEn);
  const done = actionData && "done" in actionData ? actionData.done : null;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-4">
      {done ? (
        <RegistrationOutcome done={done} eventSlug={event.slug} eventTitle={title} newWindow />
      ) : (
        <>
          <h1 className="text-xl font-bold">{title}</h1>
          <p className="mt-1 text-sm text-muted">
            {formatDate(event.startsAt, event.timeZone, locale)} {formatTime(event.startsAt, event.timeZone)}–{formatTime(event.endsAt, event.timeZone)} ·{" "}
            {describeZone(event.timeZone, event.startsAt)} · {localized(event.venue, event.venueEn)} ·{" "}
            <a href={`/events/${event.slug}`} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline">
              {t("embed.openEvent")}
            </a>
          </p>
          <RegistrationForm page={page} lastResult={actionData?.result} />
        </>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
