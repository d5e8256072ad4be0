import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ApplicationFields } from "~/components/ApplicationFields";
import { ErrorPage } from "~/components/ErrorPage";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useT } from "~/i18n/react";
import { applicationDetailsSchema } from "~/schemas/application";
import { amendApplication, findAmendableApplication } from "~/models/application.server";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission } from "~/utils/route.server";
import { titled } from "~/i18n/meta";
import { Button, ButtonLink } from "~/components/ui/Button";

export const meta = titled("title.programme-apply-token", { name: "robots", content: "noindex" });

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
  return handleSubmission(request, applicationDetailsSchema, async (input) => {
    await amendApplication({ token: params.token ?? "", input });
    // Post/redirect/get: the link is used up now, so reloading this URL would only say "stale".
    return redirect("/programme/apply/amended");
  });
}

export default function AmendPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const { form, formErrors } = useSubmissionForm(applicationDetailsSchema, { id: "programme-amend", lastResult: actionData?.result });
  if (loaded.stale) {
    return (
      <main id="main" className="mx-auto max-w-2xl px-4 py-10">
        <h1 className="text-2xl font-bold">{t("programme.amend.title")}</h1>
        <p role="alert" className="card mt-4">
          {loaded.message}
        </p>
        <ButtonLink to="/programme" variant="secondary" className="mt-6">
          {t("programme.apply.backToProgramme")}
        </ButtonLink>
      </main>
    );
  }
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-6">
      <h1 className="text-2xl font-bold">{t("programme.amend.title")}</h1>
      <p className="mt-2 text-muted">{t("programme.amend.intro")}</p>
      <p className="mt-2 text-sm text-muted">
        {t("programme.field.creditCode")}: <span className="font-mono">{loaded.values.creditCode}</span>
      </p>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="mt-4">
        <FormErrors messages={formErrors} />
        <ApplicationFields errors={form.allErrors} defaults={{ ...loaded.values, ...((form.initialValue ?? {}) as Record<string, string>) }} withCreditCode={false} />
        <Button type="submit" className="w-full sm:w-auto" disabled={navigation.state === "submitting"}>
          {t("programme.amend.submit")}
        </Button>
      </Form>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
