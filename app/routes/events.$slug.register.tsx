import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { RegistrationForm, RegistrationOutcome } from "~/components/registration-form/RegistrationForm";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { registrationFormPage, submitRegistrationForm } from "~/route-helpers/registration-form.server";
import { signedInContactFirmIds } from "~/auth/permissions.server";
import { describeZone, formatDate, formatTime } from "~/utils/time";
import { localized } from "~/i18n";
import { localeOf } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data ? localized(localeOf(matches), data.event.title, data.event.titleEn) : "" }];

export async function loader({ params }: LoaderFunctionArgs) {
  return registrationFormPage(params.slug ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return submitRegistrationForm(request, params.slug ?? "", await signedInContactFirmIds(request));
}

export default function RegisterPage() {
  const page = useLoaderData<typeof loader>();
  const { event } = page;
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const title = localized(event.title, event.titleEn);
  const done = actionData && "done" in actionData ? actionData.done : null;

  if (done) {
    return (
      <main id="main" className="mx-auto max-w-xl px-4 py-6">
        <RegistrationOutcome done={done} eventSlug={event.slug} eventTitle={title} />
      </main>
    );
  }

  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-6">
      <h1 className="text-2xl font-bold">{t("registration.form.title", { event: title })}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {formatDate(event.startsAt, event.timeZone, locale)} {formatTime(event.startsAt, event.timeZone)}–{formatTime(event.endsAt, event.timeZone)} · {describeZone(event.timeZone, event.startsAt)} ·{" "}
        {localized(event.venue, event.venueEn)}
      </p>
      <RegistrationForm page={page} lastResult={actionData?.result} />
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
