import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { Field } from "~/components/Field";
import { useT } from "~/i18n/react";
import { changePassword, UserError } from "~/models/user.server";
import { requestTranslator } from "~/utils/i18n.server";
import { minPasswordLength } from "~/utils/password.server";
import { requireUser } from "~/auth/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { name: user.name, email: user.email, minPasswordLength };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { t } = requestTranslator(request);
  const schema = z
    .object({
      currentPassword: z.string({ message: t("validation.required") }).min(1, t("validation.required")),
      newPassword: z
        .string({ message: t("validation.required") })
        .min(minPasswordLength, t("validation.tooShort", { min: minPasswordLength }))
        .max(200, t("validation.tooLong", { max: 200 })),
      confirmPassword: z.string({ message: t("validation.required") }),
    })
    .refine((value) => value.newPassword === value.confirmPassword, {
      path: ["confirmPassword"],
      message: t("account.passwordMismatch"),
    });
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ ok: false, errors: parsed.error.flatten().fieldErrors }, { status: 400 });
  try {
    await changePassword({ userId: user.id, currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword, sessionId: user.sessionId });
  } catch (error) {
    if (error instanceof UserError && error.code === "wrong_password") {
      return data({ ok: false, errors: { currentPassword: [t("account.wrongPassword")] } }, { status: 400 });
    }
    throw error;
  }
  return { ok: true, errors: {} as Record<string, string[] | undefined> };
}

export default function Account() {
  const t = useT();
  const result = useActionData<typeof action>();
  const errors: Record<string, string[] | undefined> = result?.errors ?? {};
  return (
    <div className="max-w-md">
      <h1 className="text-2xl font-bold">{t("account.title")}</h1>
      <h2 className="mt-6 text-lg font-semibold">{t("account.changePassword")}</h2>
      {result?.ok ? (
        <p role="status" className="mt-3 rounded border border-green-300 bg-green-50 p-3 text-green-900">
          {t("account.passwordChanged")}
        </p>
      ) : null}
      <Form method="post" className="card mt-3">
        <Field label={t("account.currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} />
        <Field
          label={t("account.newPassword")}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          hint={t("account.newPasswordHint", { min: 10 })}
          error={errors.newPassword}
        />
        <Field label={t("account.confirmPassword")} name="confirmPassword" type="password" autoComplete="new-password" required error={errors.confirmPassword} />
        <button type="submit" className="btn">
          {t("action.save")}
        </button>
      </Form>
    </div>
  );
}
