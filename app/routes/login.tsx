import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field } from "~/components/ui/FormField";
import { Flash } from "~/components/ui/Toast";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useT } from "~/i18n/react";
import { attemptLogin } from "~/auth/login.server";
import { clientAddress } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { safeRedirectPath } from "~/utils/redirect";
import { handleSubmission } from "~/utils/route.server";
import { loginForm } from "~/schemas/account";
import { sessionUser, startSession } from "~/auth/session.server";
import { landingAfterSignIn } from "~/auth/navigation.server";
import { titled } from "~/i18n/meta";
import { Button } from "~/components/ui/Button";

export const meta = titled("title.login");

// Document responses only carry a route's headers through this export (Retry-After of a rate-limited sign-in).
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

/** The requested page when it is same-site and the user may open it, else the home of their role. */
function landing(user: Parameters<typeof landingAfterSignIn>[0], redirectTo: string | null | undefined) {
  return landingAfterSignIn(user, redirectTo ? safeRedirectPath(redirectTo, "") || null : null);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await sessionUser(request);
  if (user) throw redirect(landing(user, new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { t } = requestTranslator(request);
  return handleSubmission(request, loginForm, async ({ email, password, redirectTo }, reply) => {
    const refuse = (message: string, status: number, headers?: HeadersInit) => data({ result: reply({ formErrors: [message] }) }, { status, headers });
    if (!email || !password) return refuse(t("login.invalid"), 400);
    const result = await attemptLogin({ email, password, ip: clientAddress(request) });
    if (!result.ok) {
      if (result.reason === "rate_limited") {
        const seconds = result.retryAfterSeconds ?? 60;
        return refuse(t("login.rateLimited", { seconds }), 429, { "Retry-After": String(seconds) });
      }
      return result.reason === "locked" ? refuse(t("login.locked"), 423) : refuse(t("login.invalid"), 401);
    }
    return redirect(landing(result, redirectTo), { headers: { "Set-Cookie": await startSession(result.userId, request) } });
  });
}

export default function Login() {
  const t = useT();
  const { form, formErrors } = useSubmissionForm(loginForm, { id: "login", lastResult: useActionData<typeof action>()?.result });
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const notice = searchParams.get("setup") === "done" ? t("programme.setup.done") : null;
  return (
    <main id="main" className="mx-auto max-w-sm px-4 py-10">
      <h1 className="text-2xl font-bold">{t("login.title")}</h1>
      <p className="mb-6 mt-1 text-sm text-muted">{t("login.audience")}</p>
      <Flash message={notice} />
      {formErrors.map((message) => (
        <Flash key={message} tone="danger" message={message} />
      ))}
      <Form method="post" className="card" id={form.id} onSubmit={form.onSubmit}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field label={t("login.email")} name="email" type="email" autoComplete="username" defaultValue={searchParams.get("email") ?? undefined} required />
        <Field label={t("login.password")} name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </Button>
        <p className="mt-4 text-center text-sm">
          <Link to="/forgot-password" className="text-brand-700 hover:underline">
            {t("login.forgot")}
          </Link>
        </p>
      </Form>
    </main>
  );
}
