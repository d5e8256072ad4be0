import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Field } from "~/components/Field";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useT } from "~/i18n/react";
import { changePassword } from "~/models/user.server";
import { changePasswordForm } from "~/schemas/account";
import { minPasswordLength } from "~/utils/password.server";
import { handleSubmission } from "~/utils/route.server";
import { requireUser } from "~/auth/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { name: user.name, email: user.email, minPasswordLength };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return handleSubmission(request, changePasswordForm, async ({ currentPassword, newPassword }, reply) => {
    await changePassword({ userId: user.id, currentPassword, newPassword, sessionId: user.sessionId });
    return { result: reply({ resetForm: true }), changed: true };
  });
}

export default function Account() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const { form, errorOf, formErrors } = useSubmissionForm(changePasswordForm, { id: "change-password", lastResult: actionData?.result });
  // A wrong current password is said on its field; the same words above the form would only repeat it.
  const refusals = formErrors.filter((message) => message !== errorOf("currentPassword"));
  return (
    <div className="max-w-md">
      <h1 className="text-2xl font-bold">{t("account.title")}</h1>
      <h2 className="mt-6 text-lg font-semibold">{t("account.changePassword")}</h2>
      {actionData && "changed" in actionData ? (
        <p role="status" className="mt-3 rounded border border-green-300 bg-green-50 p-3 text-green-900">
          {t("account.passwordChanged")}
        </p>
      ) : null}
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="card mt-3">
        <FormErrors messages={refusals} />
        <Field label={t("account.currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required error={errorOf("currentPassword")} />
        <Field
          label={t("account.newPassword")}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          hint={t("account.newPasswordHint", { min: 10 })}
          error={errorOf("newPassword")}
        />
        <Field label={t("account.confirmPassword")} name="confirmPassword" type="password" autoComplete="new-password" required error={errorOf("confirmPassword")} />
        <button type="submit" className="btn">
          {t("action.save")}
        </button>
      </Form>
    </div>
  );
}
