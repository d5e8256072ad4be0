import { Form } from "@remix-run/react";
import { Field } from "~/components/Field";
import { useLocalized, useT } from "~/i18n/react";
import { roles } from "~/schemas/access";

/** What the users-and-roles action answers: the form it answers (`intent`), and its notice or error. */
export type AccessResult = { intent: string; ok: boolean; message?: string; error?: string; generatedPassword?: string };

type Scopes = {
  events: { id: string; title: string; titleEn: string | null }[];
  series: { id: string; title: string; titleEn: string | null }[];
  firms: { id: string; name: string; nameEn: string | null }[];
};

export function Notice({ result, intent }: { result: AccessResult | undefined; intent: string }) {
  if (!result || result.intent !== intent) return null;
  return result.ok ? (
    <p role="status" className="mb-3 rounded border border-green-300 bg-green-50 p-3 text-green-900">
      {result.message}
    </p>
  ) : (
    <p role="alert" className="mb-3 rounded border border-red-300 bg-red-50 p-3 text-red-800">
      {result.error}
    </p>
  );
}

/** Grants a role to an account by e-mail, scoped to an event, a series or a firm; only admins may grant ADMIN. */
export function GrantRoleForm({ result, scopes, canGrantAdmin }: { result: AccessResult | undefined; scopes: Scopes; canGrantAdmin: boolean }) {
  const t = useT();
  const localized = useLocalized();
  return (
    <section aria-labelledby="grant-heading">
      <h2 id="grant-heading" className="text-lg font-semibold">
        {t("admin.access.grantRole")}
      </h2>
      <Form method="post" className="card mt-2">
        <Notice result={result} intent="grant" />
        <input type="hidden" name="intent" value="grant" />
        <Field label={t("admin.access.email")} name="email" id="grant-email" type="email" autoComplete="off" required maxLength={254} />
        <div className="mb-4">
          <label htmlFor="grant-role" className="field-label">
            {t("admin.access.role")}
          </label>
          <select id="grant-role" name="role" className="field-input" defaultValue="ORGANIZER">
            {roles
              .filter((role) => role !== "ADMIN" || canGrantAdmin)
              .map((role) => (
                <option key={role} value={role}>
                  {t(`admin.access.role.${role}`)}
                </option>
              ))}
          </select>
        </div>
        <div className="mb-4">
          <label htmlFor="grant-scope" className="field-label">
            {t("admin.access.scope")}
          </label>
          <select id="grant-scope" name="scope" className="field-input" defaultValue="none">
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
          </select>
        </div>
        <button type="submit" className="btn">
          {t("admin.access.grant")}
        </button>
      </Form>
    </section>
  );
}
