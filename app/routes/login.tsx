import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field } from "~/components/Field";
import { useT } from "~/i18n/react";
import { attemptLogin } from "~/auth/login.server";
import { clientAddress } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { safeRedirectPath } from "~/utils/redirect";
import { sessionUser, startSession } from "~/auth/session.server";

export const meta: MetaFunction = () => [{ title: "登录 · Sign in" }];

// Document responses only carry a route's headers through this export (Retry-After of a rate-limited sign-in).
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

const loginSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await sessionUser(request);
  if (user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/admin"));
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { t } = requestTranslator(request);
  const parsed = loginSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: t("login.invalid") }, { status: 400 });
  const result = await attemptLogin({ email: parsed.data.email, password: parsed.data.password, ip: clientAddress(request) });
  if (!result.ok) {
    if (result.reason === "rate_limited") {
      return data(
        { error: t("login.rateLimited", { seconds: result.retryAfterSeconds ?? 60 }) },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds ?? 60) } },
      );
    }
    return data({ error: t(result.reason === "locked" ? "login.locked" : "login.invalid") }, { status: result.reason === "locked" ? 423 : 401 });
  }
  const to = safeRedirectPath(parsed.data.redirectTo, "/admin");
  return redirect(to, { headers: { "Set-Cookie": await startSession(result.userId, request) } });
}

export default function Login() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  return (
    <main id="main" className="mx-auto max-w-sm px-4 py-10">
      <h1 className="mb-6 text-2xl font-bold">{t("login.title")}</h1>
      {actionData?.error ? (
        <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-red-800">
          {actionData.error}
        </p>
      ) : null}
      <Form method="post" className="card">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/admin"} />
        <Field label={t("login.email")} name="email" type="email" autoComplete="username" required />
        <Field label={t("login.password")} name="password" type="password" autoComplete="current-password" required />
        <button type="submit" className="btn w-full" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
    </main>
  );
}
