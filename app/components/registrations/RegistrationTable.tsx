import { Form, Link, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/Button";
import { Table, Td, Th, Tr } from "~/components/ui/Table";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { formatDateTime } from "~/utils/time";
import type { Selection } from "./BulkActions";
import { RegistrationStatusBadge } from "./RegistrationStatusBadge";

export type RegistrationRow = {
  id: string;
  status: string;
  name: string;
  email: string;
  organization: string;
  category: { name: string; nameEn: string } | null;
  firm: string | null;
  firmSuggestion: string | null;
  createdAt: string;
  checkedInAt: string | null;
};

/**
 * The registrations of one page: a table from the medium breakpoint up, a list of cards below it (each row a
 * card, its cells stacked), so a phone never scrolls the page sideways. Each name opens the person's page.
 */
export function RegistrationTable({
  rows,
  base,
  timeZone,
  selection,
  onToggle,
  onTogglePage,
}: {
  rows: RegistrationRow[];
  base: string;
  timeZone: string;
  selection: Selection;
  onToggle: (id: string) => void;
  onTogglePage: (select: boolean) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const navigation = useNavigation();
  const checked = (id: string) => selection.allFiltered || selection.ids.has(id);
  const wholePage = rows.length > 0 && rows.every((row) => checked(row.id));
  return (
    <Table caption={t("registrations.list.caption")} className="block md:table" data-testid="registration-table">
      <thead className="block md:table-header-group">
        <tr className="flex items-center gap-2 border-b border-line p-2 md:table-row md:p-0">
          <Th className="bg-transparent! p-0! max-md:border-b-0 md:bg-subtle! md:px-3! md:py-2!">
            <input type="checkbox" checked={wholePage} disabled={selection.allFiltered} onChange={(event) => onTogglePage(event.target.checked)} aria-label={t("registrations.list.selectPage")} />
            <span className="ml-2 font-normal md:sr-only">{t("registrations.list.selectPage")}</span>
          </Th>
          <Th className="hidden md:table-cell">{t("registration.form.name")}</Th>
          <Th className="hidden md:table-cell">{t("registration.admin.list.status")}</Th>
          <Th className="hidden md:table-cell">{t("registration.admin.list.category")}</Th>
          <Th className="hidden md:table-cell">{t("registration.form.organization")}</Th>
          <Th className="hidden md:table-cell">{t("registration.admin.list.checkedIn")}</Th>
        </tr>
      </thead>
      <tbody className="grid gap-2 p-2 md:table-row-group md:p-0">
        {rows.map((row) => (
          <Tr
            key={row.id}
            className="card grid grid-cols-[auto_1fr] gap-x-2 gap-y-1 p-3! md:table-row md:rounded-none md:border-0 md:border-b md:p-0! md:shadow-none md:align-top"
            data-registration={row.id}
          >
            <Td className="row-span-5 p-0! md:px-3! md:py-2!">
              <input
                type="checkbox"
                name="ids"
                value={row.id}
                form="bulk-decisions"
                checked={checked(row.id)}
                disabled={selection.allFiltered}
                onChange={() => onToggle(row.id)}
                aria-label={row.name}
              />
            </Td>
            <Td className="min-w-0 p-0! md:px-3! md:py-2!">
              <Link to={`${base}/${row.id}`} className="font-medium text-brand-700 underline" aria-label={t("registrations.list.open", { name: row.name })}>
                {row.name}
              </Link>
              <span className="block break-all text-xs text-muted">{row.email}</span>
              <span className="block text-xs text-muted">{t("registrations.list.registeredAt", { time: formatDateTime(row.createdAt, timeZone, locale) })}</span>
            </Td>
            <Td className="p-0! md:px-3! md:py-2!">
              <RegistrationStatusBadge status={row.status} />
              {row.status === "CONFIRMED" ? (
                // A disclosure rather than one click: re-issuing kills the QR the attendee already holds.
                <details className="mt-1 text-xs">
                  <summary className="cursor-pointer text-brand-700 underline">{t("registration.admin.reissue.button")}</summary>
                  <Form method="post" className="mt-1 grid gap-1">
                    <input type="hidden" name="intent" value="reissue" />
                    <input type="hidden" name="id" value={row.id} />
                    <p className="break-words">{t("registration.admin.reissue.warning", { email: row.email })}</p>
                    <Button type="submit" variant="danger" size="sm" disabled={navigation.state !== "idle"}>
                      {t("registration.admin.reissue.confirm")}
                    </Button>
                  </Form>
                </details>
              ) : null}
            </Td>
            <Td className="p-0! md:px-3! md:py-2!">{row.category ? localized(row.category.name, row.category.nameEn) : "—"}</Td>
            <Td className="min-w-0 break-words p-0! md:px-3! md:py-2!">
              {row.organization}
              {row.firm ? <span className="block text-xs text-brand-700">{row.firm}</span> : null}
              {row.firmSuggestion ? <span className="block text-xs text-warning">{t("registration.admin.list.firmSuggestion", { firm: row.firmSuggestion })}</span> : null}
            </Td>
            <Td className="text-xs text-muted p-0! md:px-3! md:py-2! md:text-sm">
              {row.checkedInAt ? t("registrations.list.checkedInAt", { time: formatDateTime(row.checkedInAt, timeZone, locale) }) : t("registrations.list.notCheckedIn")}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
