import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ApplicationFields } from "~/components/ApplicationFields";
import { ErrorPage } from "~/components/ErrorPage";
import { useT } from "~/i18n/react";
import { applicationDetailsSchema, applicationFieldNames } from "~/schemas/application";
import { amendApplication, findAmendableApplication } from "~/models/application.server";
import { HttpError } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";

export const meta: MetaFunction = () => [{ title: "补充申请材料 · Amend your application" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const application = await findAmendableApplication(params.token ?? "");
  if (!application) {
    const { t } = requestTranslator(request);
    return data({ stale: true as const, message: t("programme.amend.stale") }, { status: 410, headers: { "Referrer-Policy": "no-referrer" } });
  }
  return data(
    {
      stale: false as const,
      values: {
        firmName: application.firmName,
        creditCode: application.creditCode,
        industry: application.industry,
        city: application.city,
        website: application.website ?? "",
        size: application.size,
        offers: application.offers,
        needs: application.needs,
        contactName: application.contactName,
        contactEmail: application.contactEmail,
        contactPhone: application.contactPhone,
      },
    },
    { headers: { "Referrer-Policy": "no-referrer" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { t } = requestTranslator(request);
  const submission = parseWithZod(await request.formData(), { schema: applicationDetailsSchema });
  if (submission.status !== "success") return data({ ok: false as const, formError: t("form.fixErrors"), result: submission.reply() }, { status: 422 });
  try {
    await amendApplication({ token: params.token ?? "", input: submission.value });
    // Post/redirect/get: the link is used up now, so reloading this URL would only say "stale".
    return redirect("/programme/apply/amended");
  } catch (error) {
    if (error instanceof HttpError) return data({ ok: false as const, formError: t(error.messageKey, error.params), result: submission.reply() }, { status: error.status });
    throw error;
  }
}

export default function AmendPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "programme-amend",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: applicationDetailsSchema }),
    shouldValidate: "onBlur",
  });
  if (loaded.stale) {
    return (
      <main id="main" className="mx-auto max-w-2xl px-4 py-10">
        <h1 className="text-2xl font-bold">{t("programme.amend.title")}</h1>
        <p role="alert" className="card mt-4">
          {loaded.message}
        </p>
        <Link to="/programme" className="btn-secondary mt-6">
          {t("programme.apply.backToProgramme")}
        </Link>
      </main>
    );
  }
  // Conform's `fields` is a proxy: read each field by name.
  const errors = Object.fromEntries(applicationFieldNames.map((name) => [name, (fields as unknown as Record<string, { errors?: string[] }>)[name]?.errors]));
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-6">
      <h1 className="text-2xl font-bold">{t("programme.amend.title")}</h1>
      <p className="mt-2 text-slate-700">{t("programme.amend.intro")}</p>
      <p className="mt-2 text-sm text-slate-600">
        {t("programme.field.creditCode")}: <span className="font-mono">{loaded.values.creditCode}</span>
      </p>
      {actionData && !actionData.ok ? (
        <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 p-3 text-red-800">
          {actionData.formError}
        </p>
      ) : null}
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="mt-4">
        <ApplicationFields errors={errors} defaults={{ ...loaded.values, ...((form.initialValue ?? {}) as Record<string, string>) }} withCreditCode={false} />
        <button type="submit" className="btn w-full sm:w-auto" disabled={navigation.state === "submitting"}>
          {t("programme.amend.submit")}
        </button>
      </Form>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
