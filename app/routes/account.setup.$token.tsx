import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { Field } from "~/components/ui/FormField";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useT } from "~/i18n/react";
import { completeAccountSetup, findSetupAccount } from "~/models/account-setup.server";
import { accountSetupForm } from "~/schemas/account";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission } from "~/utils/route.server";
import { titled } from "~/i18n/meta";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export const meta = titled("title.account-setup-token", { name: "robots", content: "noindex" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const account = await findSetupAccount(params.token ?? "");
  const headers = { "Referrer-Policy": "no-referrer" };
  if (!account) return data({ stale: true as const, message: requestTranslator(request).t("programme.setup.stale") }, { status: 410, headers });
  return data({ stale: false as const, name: account.name, email: account.email }, { headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleSubmission(request, accountSetupForm, async ({ password }) => {
    const account = await completeAccountSetup({ token: params.token ?? "", password });
    // Signing in then lands each role at its home (the firm portal for a firm contact).
    return redirect(`/login?setup=done&email=${encodeURIComponent(account.email)}`);
  });
}

export default function AccountSetupPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const { form, errorOf, formErrors } = useSubmissionForm(accountSetupForm, { id: "account-setup", lastResult: actionData?.result });
  return (
    <main id="main" className="mx-auto max-w-sm px-4 py-10">
      <h1 className="mb-4 text-2xl font-bold">{t("programme.setup.title")}</h1>
      {loaded.stale ? (
        <Card>
          <p role="alert">{loaded.message}</p>
          <p className="mt-3 text-sm">
            <Link to="/forgot-password" className="text-brand-700 hover:underline">
              {t("account.reset.newLink")}
            </Link>
          </p>
        </Card>
      ) : (
        <>
          <p className="mb-4 text-muted">{t("programme.setup.intro", { name: loaded.name, email: loaded.email })}</p>
          <FormErrors messages={formErrors} />
          <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="card">
            <input type="hidden" name="username" value={loaded.email} autoComplete="username" />
            <Field label={t("programme.setup.password")} name="password" type="password" autoComplete="new-password" minLength={10} required error={errorOf("password")} />
            <Field label={t("programme.setup.confirm")} name="confirm" type="password" autoComplete="new-password" minLength={10} required error={errorOf("confirm")} />
            <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
              {t("programme.setup.submit")}
            </Button>
          </Form>
        </>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
