import { Form, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/ui/Button";
import { FormField } from "~/components/ui/FormField";
import type { MessageKey } from "~/i18n";
import { useLocalized, useT } from "~/i18n/react";

const statuses = ["PENDING_APPROVAL", "HELD", "CONFIRMED", "WAITLISTED", "REJECTED", "CANCELLED"] as const;

/** The registration list's filters, kept in the query string (the export and the bulk message read the same). */
export function RegistrationFilters({ categories, firms }: { categories: { id: string; name: string; nameEn: string }[]; firms: { id: string; name: string }[] }) {
  const t = useT();
  const localized = useLocalized();
  const [searchParams] = useSearchParams();
  return (
    <Form method="get" className="card mb-3 grid gap-2 sm:grid-cols-6" role="search">
      <FormField id="registrations-q" label={t("action.search")} className="sm:col-span-2">
        <input name="q" defaultValue={searchParams.get("q") ?? ""} placeholder={t("registration.admin.list.search")} className="field-input" />
      </FormField>
      <FormField id="registrations-status" label={t("registration.admin.list.status")} className="min-w-0">
        <select name="status" defaultValue={searchParams.get("status") ?? ""} className="field-input">
          <option value="">{t("registration.admin.list.any")}</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {t(`registration.status.${status}` as MessageKey)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="registrations-categoryId" label={t("registration.admin.list.category")} className="min-w-0">
        <select name="categoryId" defaultValue={searchParams.get("categoryId") ?? ""} className="field-input">
          <option value="">{t("registration.admin.list.any")}</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {localized(category.name, category.nameEn)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="registrations-firmId" label={t("registration.admin.list.firm")} className="min-w-0">
        <select name="firmId" defaultValue={searchParams.get("firmId") ?? ""} className="field-input">
          <option value="">{t("registration.admin.list.any")}</option>
          {firms.map((firm) => (
            <option key={firm.id} value={firm.id}>
              {firm.name}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="registrations-checkedIn" label={t("registration.admin.list.checkedIn")} className="min-w-0">
        <select name="checkedIn" defaultValue={searchParams.get("checkedIn") ?? ""} className="field-input">
          <option value="">{t("registration.admin.list.any")}</option>
          <option value="yes">{t("registration.admin.list.checkedInYes")}</option>
          <option value="no">{t("registration.admin.list.checkedInNo")}</option>
        </select>
      </FormField>
      <Button type="submit" className="sm:col-span-6 sm:w-max">
        {t("registration.admin.list.filter")}
      </Button>
    </Form>
  );
}
