import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { Field } from "~/components/Field";
import { useT } from "~/i18n/react";
import { completeAccountSetup, findSetupAccount } from "~/models/account-setup.server";
import { HttpError } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { translateFields } from "~/i18n";

export const meta: MetaFunction = () => [{ title: "设置密码 · Set your password" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const account = await findSetupAccount(params.token ?? "");
  const headers = { "Referrer-Policy": "no-referrer" };
  if (!account) return data({ stale: true as const, message: requestTranslator(request).t("programme.setup.stale") }, { status: 410, headers });
  return data({ stale: false as const, name: account.name, email: account.email }, { headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { t } = requestTranslator(request);
  const form = await request.formData();
  const password = String(form.get("password") ?? "");
  if (password !== String(form.get("confirm") ?? "")) {
    return data({ message: t("programme.setup.mismatch"), fields: { confirm: t("programme.setup.mismatch") } as Record<string, string> }, { status: 422 });
  }
  try {
    const account = await completeAccountSetup({ token: params.token ?? "", password });
    return redirect(`/login?redirectTo=${encodeURIComponent("/firm")}&setup=done&email=${encodeURIComponent(account.email)}`);
  } catch (error) {
    if (error instanceof HttpError) return data({ message: t(error.messageKey), fields: translateFields(error.fields, t) }, { status: error.status });
    throw error;
  }
}

export default function AccountSetupPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  return (
    <main id="main" className="mx-auto max-w-sm px-4 py-10">
      <h1 className="mb-4 text-2xl font-bold">{t("programme.setup.title")}</h1>
      {loaded.stale ? (
        <p role="alert" className="card">
          {loaded.message}
        </p>
      ) : (
        <>
          <p className="mb-4 text-slate-700">{t("programme.setup.intro", { name: loaded.name, email: loaded.email })}</p>
          {actionData?.message ? (
            <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-red-800">
              {actionData.message}
            </p>
          ) : null}
          <Form method="post" className="card">
            <input type="hidden" name="username" value={loaded.email} autoComplete="username" />
            <Field label={t("programme.setup.password")} name="password" type="password" autoComplete="new-password" minLength={10} required error={actionData?.fields?.password} />
            <Field label={t("programme.setup.confirm")} name="confirm" type="password" autoComplete="new-password" minLength={10} required error={actionData?.fields?.confirm} />
            <button type="submit" className="btn w-full" disabled={navigation.state === "submitting"}>
              {t("programme.setup.submit")}
            </button>
          </Form>
        </>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
