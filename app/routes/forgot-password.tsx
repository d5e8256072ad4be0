import { data, type ActionFunctionArgs, type HeadersFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/ui/FormField";
import { Flash } from "~/components/ui/Toast";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useT } from "~/i18n/react";
import { sendPasswordResetLink } from "~/models/password-reset.server";
import { forgotPasswordForm } from "~/schemas/account";
import { clientAddress } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { handleSubmission } from "~/utils/route.server";
import { titled } from "~/i18n/meta";
import { Button } from "~/components/ui/Button";

export const meta = titled("title.forgot-password");

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

const hourMs = 60 * 60 * 1000;
// A few links an hour for one address is enough for someone who lost the first mail, and few enough that
// nobody can fill a stranger's inbox; the per-client limit stops one machine from trying many addresses.
const perAddressPerHour = 3;
const perClientPerHour = 20;

export async function action({ request }: ActionFunctionArgs) {
  const { t, locale } = requestTranslator(request);
  return handleSubmission(request, forgotPasswordForm, async ({ email }, reply) => {
    const normalized = email.toLowerCase();
    const limits = [hitRateLimit(`forgot-ip:${clientAddress(request)}`, perClientPerHour, hourMs), hitRateLimit(`forgot-email:${normalized}`, perAddressPerHour, hourMs)];
    const refused = limits.find((limit) => !limit.allowed);
    if (refused) {
      const minutes = Math.max(1, Math.ceil(refused.retryAfterSeconds / 60));
      return data({ result: reply({ formErrors: [t("account.reset.rateLimited", { minutes })] }), sent: false }, { status: 429, headers: { "Retry-After": String(refused.retryAfterSeconds) } });
    }
    // The answer goes out before the account is even looked up: known and unknown addresses look and take alike.
    void sendPasswordResetLink({ email: normalized, fallbackLocale: locale }).catch((error) => console.error("Password reset link:", error));
    return { result: reply({ resetForm: true }), sent: true, email: normalized };
  });
}

export default function ForgotPassword() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, errorOf, formErrors } = useSubmissionForm(forgotPasswordForm, { id: "forgot-password", lastResult: actionData?.result });
  const sentTo = actionData && "email" in actionData ? actionData.email : null;
  return (
    <main id="main" className="mx-auto max-w-sm px-4 py-10">
      <h1 className="text-2xl font-bold">{t("account.reset.title")}</h1>
      <p className="mb-6 mt-1 text-sm text-muted">{t("account.reset.intro")}</p>
      <Flash message={sentTo ? t("account.reset.sent", { email: sentTo }) : null} />
      <FormErrors messages={formErrors} />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="card">
        <Field label={t("login.email")} name="email" type="email" autoComplete="username" required error={errorOf("email")} />
        <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
          {t("account.reset.submit")}
        </Button>
        <p className="mt-4 text-center text-sm">
          <Link to="/login" className="text-brand-700 hover:underline">
            {t("account.reset.backToSignIn")}
          </Link>
        </p>
      </Form>
    </main>
  );
}
