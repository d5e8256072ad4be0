import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { RegistrationForm } from "~/components/registration-form/RegistrationForm";
import { localized } from "~/i18n";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { registrationFormPage, submitRegistrationForm } from "~/route-helpers/registration-form.server";
import { signedInContactFirmIds } from "~/auth/permissions.server";
import { describeZone, formatDate, formatTime } from "~/utils/time";
import { socialMeta } from "~/route-helpers/social-meta";

export const meta: MetaFunction<typeof loader> = (args) => {
  const event = args.data?.event;
  if (!event) return [];
  return socialMeta(args, (t, locale) => {
    const title = localized(locale, event.title, event.titleEn);
    return { title: t("registration.form.title", { event: title }), description: title, image: `/events/${event.slug}/og.png` };
  });
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  return registrationFormPage(params.slug ?? "", new URL(request.url).searchParams.get("code"));
}

/** A registration answers with a redirect to its confirmation page (POST → redirect → GET); a refused one stays on the form. */
export async function action({ request, params }: ActionFunctionArgs) {
  return submitRegistrationForm(request, params.slug ?? "", await signedInContactFirmIds(request), { confirmationPage: true });
}

export default function RegisterPage() {
  const page = useLoaderData<typeof loader>();
  const { event } = page;
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const title = localized(event.title, event.titleEn);
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-6">
      <h1 className="text-2xl font-bold">{t("registration.form.title", { event: title })}</h1>
      <p className="mt-1 text-sm text-muted">
        {formatDate(event.startsAt, event.timeZone, locale)} {formatTime(event.startsAt, event.timeZone)}–{formatTime(event.endsAt, event.timeZone)} · {describeZone(event.timeZone, event.startsAt)} ·{" "}
        {localized(event.venue, event.venueEn)}
      </p>
      <RegistrationForm page={page} lastResult={actionData && "result" in actionData ? actionData.result : undefined} />
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
