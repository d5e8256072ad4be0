import { Form, useActionData } from "@remix-run/react";
import { Field, SelectField } from "~/components/ui/FormField";
import { ActionNotice } from "~/components/forms/ActionNotice";
import { answerFor } from "~/components/forms/answerFor";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useLocalized, useT } from "~/i18n/react";
import { grantSchema, roles } from "~/schemas/access";
import { Button } from "~/components/ui/Button";

type Scopes = {
  events: { id: string; title: string; titleEn: string | null }[];
  series: { id: string; title: string; titleEn: string | null }[];
  firms: { id: string; name: string; nameEn: string | null }[];
};

/** A form of an access page: validated in the browser and on the server with its schema, showing only its own answer. */
export function useAccessForm<Schema extends Parameters<typeof useSubmissionForm>[0]>(schema: Schema, intent: string) {
  return useSubmissionForm(schema, { id: `access-${intent}`, lastResult: answerFor(useActionData(), intent)?.result });
}

/** Grants a role to an account by e-mail, scoped to an event, a series or a firm; only admins may grant ADMIN. */
export function GrantRoleForm({ scopes, canGrantAdmin }: { scopes: Scopes; canGrantAdmin: boolean }) {
  const t = useT();
  const localized = useLocalized();
  const { form, errorOf } = useAccessForm(grantSchema, "grant");
  return (
    <section aria-labelledby="grant-heading">
      <h2 id="grant-heading" className="text-lg font-semibold">
        {t("admin.access.grantRole")}
      </h2>
      <Form method="post" className="card mt-2" id={form.id} onSubmit={form.onSubmit} noValidate>
        <ActionNotice intent="grant" />
        <input type="hidden" name="intent" value="grant" />
        <Field label={t("admin.access.email")} name="email" id="grant-email" type="email" autoComplete="off" required maxLength={254} error={errorOf("email")} />
        <SelectField label={t("admin.access.role")} name="role" id="grant-role" defaultValue="ORGANIZER" error={errorOf("role")}>
          {roles
            .filter((role) => role !== "ADMIN" || canGrantAdmin)
            .map((role) => (
              <option key={role} value={role}>
                {t(`admin.access.role.${role}`)}
              </option>
            ))}
        </SelectField>
        <SelectField label={t("admin.access.scope")} name="scope" id="grant-scope" defaultValue="none" error={errorOf("scope")}>
          <option value="none">{t("admin.access.scope.none")}</option>
          <optgroup label={t("admin.access.scope.events")}>
            {scopes.events.map((event) => (
              <option key={event.id} value={`event:${event.id}`}>
                {localized(event.title, event.titleEn)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("admin.access.scope.series")}>
            {scopes.series.map((series) => (
              <option key={series.id} value={`series:${series.id}`}>
                {localized(series.title, series.titleEn)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("admin.access.scope.firms")}>
            {scopes.firms.map((firm) => (
              <option key={firm.id} value={`firm:${firm.id}`}>
                {localized(firm.name, firm.nameEn)}
              </option>
            ))}
          </optgroup>
        </SelectField>
        <Button type="submit">{t("admin.access.grant")}</Button>
      </Form>
    </section>
  );
}
