import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { replyErrors } from "~/components/case-call/replyErrors";
import { ErrorPage } from "~/components/ErrorPage";
import { Field } from "~/components/ui/FormField";
import { FormErrors } from "~/components/forms/FormErrors";
import { Localized } from "~/components/Localized";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";
import { getPublishedCall } from "~/models/case-call.server";
import { requestContributorAccount } from "~/models/contributor.server";
import { setupLinkLifetimeMs } from "~/models/firm.server";
import { contributorSignupSchema } from "~/schemas/case-call";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";
import { Button } from "~/components/ui/Button";

export const meta = titled("title.contribute", { name: "robots", content: "noindex" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const call = await getPublishedCall(params.slug ?? "");
    return { call: { slug: call.slug, title: call.title, titleEn: call.titleEn } };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return page(request, async () => {
    const { t, locale } = requestTranslator(request);
    return handleSubmission(request, contributorSignupSchema, async (form, reply) => {
      await requestContributorAccount({ callSlug: params.slug ?? "", ...form, locale });
      return { result: reply({ resetForm: true }), sent: t("cases.contribute.sent", { days: setupLinkLifetimeMs / 86_400_000 }) };
    });
  });
}

export default function ContributePage() {
  const { call } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const { errorOf, formErrors } = replyErrors(result?.result);
  const sent = result && "sent" in result ? result.sent : null;
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <p className="text-sm">
        <Link to={`/calls/${call.slug}`} className="text-brand-700 underline">
          <Localized zh={call.title} en={call.titleEn} />
        </Link>
      </p>
      <h1 className="mb-2 mt-1 text-2xl font-bold">{t("cases.contribute.heading")}</h1>
      <p className="mb-4 text-muted">{t("cases.contribute.intro")}</p>
      {sent ? (
        <p role="status" className="card">
          {sent}
        </p>
      ) : (
        <Form method="post" className="card" noValidate>
          <FormErrors messages={formErrors} />
          <Field label={t("cases.contribute.name")} name="name" required autoComplete="name" error={errorOf("name")} />
          <Field label={t("cases.contribute.email")} name="email" type="email" required autoComplete="email" error={errorOf("email")} />
          <Field label={t("cases.contribute.organization")} name="organization" required autoComplete="organization" error={errorOf("organization")} />
          <Button type="submit" className="w-full">
            {t("cases.contribute.submit")}
          </Button>
        </Form>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
