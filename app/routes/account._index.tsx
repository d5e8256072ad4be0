import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { Field } from "~/components/ui/FormField";
import { Flash } from "~/components/ui/Toast";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { LocalTime } from "~/components/LocalTime";
import { useT } from "~/i18n/react";
import { changePassword } from "~/models/user.server";
import { accountForms, changePasswordForm } from "~/schemas/account";
import { minPasswordLength } from "~/utils/password.server";
import { describeDevice } from "~/utils/user-agent";
import { handleSubmission, page } from "~/utils/route.server";
import { requireUser } from "~/auth/permissions.server";
import { endOtherSessions, listSessions } from "~/auth/session.server";
import { titled } from "~/i18n/meta";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export const meta = titled("title.account-index");

export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    const user = await requireUser(request);
    const sessions = await listSessions(user);
    return {
      name: user.name,
      email: user.email,
      minPasswordLength,
      sessions: sessions.map((session) => ({ ...session, createdAt: session.createdAt.toISOString(), lastSeenAt: session.lastSeenAt.toISOString() })),
    };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return handleSubmission(request, accountForms, async (form, reply) => {
    switch (form.intent) {
      case "password":
        await changePassword({ userId: user.id, currentPassword: form.currentPassword, newPassword: form.newPassword, sessionId: user.sessionId });
        return { intent: form.intent, result: reply({ resetForm: true }), notice: "account.passwordChanged" as const };
      case "end-session":
        await endOtherSessions(user, form.sessionId);
        return { intent: form.intent, result: reply(), notice: "account.sessions.ended" as const };
      case "end-other-sessions":
        await endOtherSessions(user);
        return { intent: form.intent, result: reply(), notice: "account.sessions.endedOthers" as const };
    }
  });
}

export default function Account() {
  const { name, email, minPasswordLength, sessions } = useLoaderData<typeof loader>();
  const t = useT();
  const actionData = useActionData<typeof action>();
  const answer = actionData && "intent" in actionData ? actionData : null;
  // A refused submission carries no intent of its own: the password form is the only one a person can get wrong.
  const passwordResult = answer ? (answer.intent === "password" ? answer.result : undefined) : actionData?.result;
  const { form, errorOf, formErrors } = useSubmissionForm(changePasswordForm, { id: "change-password", lastResult: passwordResult });
  // A wrong current password is said on its field; the same words above the form would only repeat it.
  const refusals = formErrors.filter((message) => message !== errorOf("currentPassword"));
  const others = sessions.filter((session) => !session.current).length;
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="text-2xl font-bold">{t("account.title")}</h1>
      <p className="mt-1 text-sm text-muted">{t("admin.dashboard.signedInAs", { name, email })}</p>

      <section aria-labelledby="password-heading" className="mt-6 max-w-md">
        <h2 id="password-heading" className="text-lg font-semibold">
          {t("account.changePassword")}
        </h2>
        <Flash className="mt-3" message={answer?.intent === "password" ? t(answer.notice) : null} />
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="card mt-3">
          <input type="hidden" name="intent" value="password" />
          <input type="hidden" name="username" value={email} autoComplete="username" />
          <FormErrors messages={refusals} />
          <Field label={t("account.currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required error={errorOf("currentPassword")} />
          <Field
            label={t("account.newPassword")}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            hint={t("account.newPasswordHint", { min: minPasswordLength })}
            error={errorOf("newPassword")}
          />
          <Field label={t("account.confirmPassword")} name="confirmPassword" type="password" autoComplete="new-password" required error={errorOf("confirmPassword")} />
          <Button type="submit">{t("action.save")}</Button>
        </Form>
      </section>

      <section aria-labelledby="sessions-heading" className="mt-8">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="sessions-heading" className="text-lg font-semibold">
            {t("account.sessions.heading")}
          </h2>
          {others > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="end-other-sessions" />
              <Button type="submit" variant="secondary">
                {t("account.sessions.endOthers")}
              </Button>
            </Form>
          ) : null}
        </div>
        <p className="mt-1 text-sm text-muted">{t("account.sessions.intro")}</p>
        <Flash className="mt-3" message={answer && answer.intent !== "password" ? t(answer.notice) : null} />
        <ul className="mt-3 grid gap-3">
          {sessions.map((session) => (
            <Card key={session.id} as="li" className="flex flex-wrap items-start justify-between gap-3" data-testid="session">
              <div className="min-w-0 flex-1">
                <p className="break-words font-medium" title={session.userAgent ?? undefined}>
                  {describeDevice(session.userAgent) ?? (session.userAgent || t("account.sessions.unknownDevice"))}
                  {session.current ? <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">{t("account.sessions.current")}</span> : null}
                </p>
                <p className="mt-1 text-sm text-muted">
                  {t("account.sessions.address")}
                  {session.ip || t("account.sessions.unknownAddress")} · {t("account.sessions.lastSeen")}
                  <LocalTime iso={session.lastSeenAt} /> · {t("account.sessions.signedIn")}
                  <LocalTime iso={session.createdAt} />
                </p>
              </div>
              {session.current ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value="end-session" />
                  <input type="hidden" name="sessionId" value={session.id} />
                  <Button type="submit" variant="secondary">
                    {t("account.sessions.end")}
                  </Button>
                </Form>
              )}
            </Card>
          ))}
        </ul>
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
