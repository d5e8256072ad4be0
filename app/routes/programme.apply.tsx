import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useOutlet } from "@remix-run/react";
import { ApplicationFields } from "~/components/ApplicationFields";
import { ErrorPage } from "~/components/ErrorPage";
import { useT } from "~/i18n/react";
import { applicationFieldNames, applicationInputSchema, issueText } from "~/schemas/application";
import { applyRateLimit, submitApplication } from "~/models/application.server";
import { currentProgramme } from "~/models/firm.server";
import { clientAddress, HttpError } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { guardedLoader } from "~/route-helpers/programme-route.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { translateFields } from "~/i18n";

export const meta: MetaFunction = () => [{ title: "申请加入 · Apply to join" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return guardedLoader(request, async () => {
    const programme = await currentProgramme();
    return { charter: { version: programme.charterVersion, text: programme.charterText } };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { t, locale } = requestTranslator(request);
  const formData = await request.formData();
  // A bot filled in the hidden field: answer like a success, store nothing.
  if (String(formData.get("nickname") ?? "") !== "") {
    return { ok: true as const, outcome: "created" as const, email: String(formData.get("contactEmail") ?? ""), message: t("programme.apply.created", { email: String(formData.get("contactEmail") ?? "") }) };
  }
  const limit = hitRateLimit(`programme-apply:${clientAddress(request)}`, applyRateLimit.limit, applyRateLimit.windowMs);
  if (!limit.allowed) {
    return data(
      { ok: false as const, formError: t("programme.apply.rateLimited", { seconds: limit.retryAfterSeconds }), result: null },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const submission = parseWithZod(formData, { schema: applicationInputSchema });
  if (submission.status !== "success") {
    return data({ ok: false as const, formError: t("form.fixErrors"), result: submission.reply() }, { status: 422 });
  }
  try {
    const { outcome, application } = await submitApplication({ input: submission.value, locale });
    const message =
      outcome === "repeat" ? t("programme.apply.repeat") : t(outcome === "linked" ? "programme.apply.linked" : "programme.apply.created", { email: application.contactEmail });
    return { ok: true as const, outcome, email: application.contactEmail, message };
  } catch (error) {
    if (error instanceof HttpError) {
      const fields = translateFields(error.fields, t);
      return data(
        { ok: false as const, formError: t(error.messageKey, error.params), result: submission.reply({ fieldErrors: Object.fromEntries(Object.entries(error.fields ?? {}).map(([name, key]) => [name, [key]])) }), fields },
        { status: error.status },
      );
    }
    throw error;
  }
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
  const [form, fields] = useForm({
    id: "programme-application",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: applicationInputSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  if (actionData?.ok) {
    return (
      <main id="main" className="mx-auto max-w-2xl px-4 py-10">
        <h1 className="text-2xl font-bold">{t("programme.apply.doneTitle")}</h1>
        <p role="status" className="card mt-4 border-green-300 bg-green-50 text-green-900">
          {actionData.message}
        </p>
        <Link to="/programme" className="btn-secondary mt-6">
          {t("programme.apply.backToProgramme")}
        </Link>
      </main>
    );
  }
  // Conform's `fields` is a proxy: read each field by name.
  const errors = Object.fromEntries(applicationFieldNames.map((name) => [name, (fields as unknown as Record<string, { errors?: string[] }>)[name]?.errors]));
  const charterErrors = fields.charterAccepted.errors;
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-6">
      <h1 className="text-2xl font-bold">{t("programme.apply.title")}</h1>
      <p className="mt-2 text-slate-700">{t("programme.apply.intro")}</p>
      {actionData && !actionData.ok ? (
        <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 p-3 text-red-800">
          {actionData.formError}
        </p>
      ) : null}
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="mt-4">
        <ApplicationFields errors={errors} defaults={(form.initialValue ?? {}) as Record<string, string>} withCreditCode />
        <fieldset className="card mb-4">
          <legend className="px-1 font-semibold">{t("programme.apply.charterSection", { version: charter.version })}</legend>
          <p className="whitespace-pre-line rounded bg-slate-50 p-3 text-sm text-slate-800">{charter.text}</p>
          <input type="hidden" name="charterVersion" value={charter.version} />
          <div className="mt-3 flex items-start gap-2">
            <input
              id="application-charterAccepted"
              name="charterAccepted"
              type="checkbox"
              required
              className="mt-1 h-5 w-5"
              aria-invalid={charterErrors?.length ? true : undefined}
              aria-describedby={charterErrors?.length ? "application-charterAccepted-error" : undefined}
            />
            <label htmlFor="application-charterAccepted">{t("programme.apply.charterAccept", { version: charter.version })}</label>
          </div>
          {charterErrors?.length ? (
            <p id="application-charterAccepted-error" className="field-error" role="alert">
              {issueText(charterErrors[0], t as never)}
            </p>
          ) : null}
        </fieldset>
        <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
          <label htmlFor="application-nickname">{t("programme.field.nickname")}</label>
          <input id="application-nickname" name="nickname" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <p className="mb-4 text-sm text-slate-600">{t("programme.apply.privacy")}</p>
        <button type="submit" className="btn w-full sm:w-auto" disabled={navigation.state === "submitting"}>
          {t("programme.apply.submit")}
        </button>
      </Form>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
