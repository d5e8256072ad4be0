import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useOutlet } from "@remix-run/react";
import { ApplicationFields } from "~/components/ApplicationFields";
import { ErrorPage } from "~/components/ErrorPage";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { Flash } from "~/components/ui/Toast";
import { useT } from "~/i18n/react";
import { applicationInputSchema } from "~/schemas/application";
import { applyRateLimit, submitApplication } from "~/models/application.server";
import { currentProgramme } from "~/models/firm.server";
import { clientAddress } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { socialMeta } from "~/route-helpers/social-meta";
import { Button, ButtonLink } from "~/components/ui/Button";

export const meta: MetaFunction = (args) => socialMeta(args, (t) => ({ title: t("share.apply.title"), description: t("share.apply.description") }));

export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    const programme = await currentProgramme();
    return { charter: { version: programme.charterVersion, text: programme.charterText } };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { t, locale } = requestTranslator(request);
  const formData = await request.formData();
  // A bot filled in the hidden field: answer like a success, store nothing.
  if (String(formData.get("nickname") ?? "") !== "") {
    return { done: t("programme.apply.created", { email: String(formData.get("contactEmail") ?? "") }) };
  }
  // Counted before the form is read, so a script sending rubbish is limited too.
  const limit = hitRateLimit(`programme-apply:${clientAddress(request)}`, applyRateLimit.limit, applyRateLimit.windowMs);
  if (!limit.allowed) {
    const result = { status: "error" as const, error: { "": [t("programme.apply.rateLimited", { seconds: limit.retryAfterSeconds })] } };
    return data({ result }, { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
  }
  return handleSubmission(
    request,
    applicationInputSchema,
    async (input) => {
      const { outcome, application } = await submitApplication({ input, locale });
      if (outcome === "repeat") return { done: t("programme.apply.repeat") };
      return { done: t(outcome === "linked" ? "programme.apply.linked" : "programme.apply.created", { email: application.contactEmail }) };
    },
    formData,
  );
}

export default function ApplyPage() {
  const outlet = useOutlet();
  // The amend page (programme.apply.$token) renders in place of the form.
  return outlet ?? <ApplyForm />;
}

function ApplyForm() {
  const { charter } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const { form, fields, errorOf, formErrors } = useSubmissionForm(applicationInputSchema, {
    id: "programme-application",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
  });
  const done = actionData && "done" in actionData ? actionData.done : null;
  if (done) {
    return (
      <main id="main" className="mx-auto max-w-2xl px-4 py-10">
        <h1 className="text-2xl font-bold">{t("programme.apply.doneTitle")}</h1>
        <Flash className="mt-4" message={done} />
        <ButtonLink to="/programme" variant="secondary" className="mt-6">
          {t("programme.apply.backToProgramme")}
        </ButtonLink>
      </main>
    );
  }
  const charterError = errorOf(fields.charterAccepted.name);
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-6">
      <h1 className="text-2xl font-bold">{t("programme.apply.title")}</h1>
      <p className="mt-2 text-muted">{t("programme.apply.intro")}</p>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="mt-4">
        <FormErrors messages={formErrors} />
        <ApplicationFields errors={form.allErrors} defaults={(form.initialValue ?? {}) as Record<string, string>} withCreditCode />
        <fieldset className="card mb-4">
          <legend className="px-1 font-semibold">{t("programme.apply.charterSection", { version: charter.version })}</legend>
          <p className="whitespace-pre-line rounded bg-canvas p-3 text-sm text-ink">{charter.text}</p>
          <input type="hidden" name="charterVersion" value={charter.version} />
          <div className="mt-3 flex items-start gap-2">
            <input
              id="application-charterAccepted"
              name="charterAccepted"
              type="checkbox"
              required
              className="mt-1 h-5 w-5"
              aria-invalid={charterError ? true : undefined}
              aria-describedby={charterError ? "application-charterAccepted-error" : undefined}
            />
            <label htmlFor="application-charterAccepted">{t("programme.apply.charterAccept", { version: charter.version })}</label>
          </div>
          {charterError ? (
            <p id="application-charterAccepted-error" className="field-error" role="alert">
              {charterError}
            </p>
          ) : null}
        </fieldset>
        <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
          <label htmlFor="application-nickname">{t("programme.field.nickname")}</label>
          <input id="application-nickname" name="nickname" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <p className="mb-4 text-sm text-muted">{t("programme.apply.privacy")}</p>
        <Button type="submit" className="w-full sm:w-auto" disabled={navigation.state === "submitting"}>
          {t("programme.apply.submit")}
        </Button>
      </Form>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
