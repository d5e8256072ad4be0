import { Form, useActionData } from "@remix-run/react";
import { answerFor } from "~/components/forms/answerFor";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { editableFieldNames } from "~/schemas/registration";
import { emailConfirmationForm, settingsForm } from "~/schemas/registration-admin";
import { FieldError, Input, Section } from "./controls";
import { Button } from "~/components/ui/Button";

export type GeneralSettingsValues = {
  opensAt: string;
  closesAt: string;
  capacity: number | null;
  requiresApproval: boolean;
  waitlistEnabled: boolean;
  editableFields: string[];
};

/** The registration window, capacity, approval, waitlist and the fields registrants may edit later. */
export function GeneralSettings({ settings, timeZone }: { settings: GeneralSettingsValues; timeZone: string }) {
  const t = useT();
  const { form, errorOf, formErrors } = useSubmissionForm(settingsForm(timeZone), { id: "settings", lastResult: answerFor(useActionData(), "settings")?.result });
  return (
    <Section title={t("registration.admin.settings.window")}>
      <FormErrors messages={formErrors} />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="grid gap-3 sm:grid-cols-3">
        <input type="hidden" name="intent" value="settings" />
        <Input label={`${t("registration.admin.settings.opensAt")} ${timeZone}`} name="opensAt" type="datetime-local" defaultValue={settings.opensAt} error={errorOf("opensAt")} />
        <Input label={`${t("registration.admin.settings.closesAt")} ${timeZone}`} name="closesAt" type="datetime-local" defaultValue={settings.closesAt} error={errorOf("closesAt")} />
        <Input label={t("registration.admin.settings.capacity")} name="capacity" inputMode="numeric" defaultValue={settings.capacity ?? ""} error={errorOf("capacity")} />
        <Input label={t("registration.admin.settings.requiresApproval")} name="requiresApproval" type="checkbox" defaultChecked={settings.requiresApproval} />
        <Input label={t("registration.admin.settings.waitlistEnabled")} name="waitlistEnabled" type="checkbox" defaultChecked={settings.waitlistEnabled} />
        <fieldset className="sm:col-span-3">
          <legend className="field-label">{t("registration.admin.settings.editableFields")}</legend>
          {editableFieldNames.map((name) => (
            <Input key={name} label={t(`registration.form.${name}` as MessageKey)} name="editableFields" value={name} type="checkbox" defaultChecked={settings.editableFields.includes(name)} />
          ))}
          <FieldError message={errorOf("editableFields")} />
        </fieldset>
        <Button type="submit" className="sm:w-max">
          {t("action.save")}
        </Button>
      </Form>
    </Section>
  );
}

/** Whether a registration waits for the registrant to confirm their e-mail address, and how long its seat is held. */
export function EmailConfirmation({ holdMinutes }: { holdMinutes: number | null }) {
  const t = useT();
  const { form, errorOf, formErrors } = useSubmissionForm(emailConfirmationForm, { id: "emailConfirmation", lastResult: answerFor(useActionData(), "emailConfirmation")?.result });
  return (
    <Section title={t("registration.admin.settings.confirmEmail")}>
      <FormErrors messages={formErrors} />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="grid gap-3 sm:grid-cols-3">
        <input type="hidden" name="intent" value="emailConfirmation" />
        <div className="sm:col-span-2">
          <Input label={t("registration.admin.settings.confirmEmailFirst")} name="confirmEmailFirst" type="checkbox" defaultChecked={holdMinutes !== null} />
        </div>
        <Input label={t("registration.admin.settings.holdMinutes")} name="holdMinutes" inputMode="numeric" defaultValue={holdMinutes ?? 30} error={errorOf("holdMinutes")} />
        <Button type="submit" className="sm:w-max">
          {t("action.save")}
        </Button>
      </Form>
    </Section>
  );
}
