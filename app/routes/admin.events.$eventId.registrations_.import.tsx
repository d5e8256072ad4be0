import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { importRegistrations, type ImportSource } from "~/models/registration-sheet.server";
import { requireEventManager } from "~/auth/permissions.server";
import { translateMessage } from "~/i18n";
import { importForm } from "~/schemas/registration-admin";
import { DomainError } from "~/utils/domain-error";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";
import { Table, Td, Th, Tr } from "~/components/ui/Table";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

const maxCsvChars = 1_000_000;
const maxFileBytes = 5 * 1024 * 1024;

/** The chosen file's bytes (its encoding is detected later), else the pasted text; an empty or oversized one is refused at the field. */
async function sourceOf(formData: FormData): Promise<ImportSource> {
  const file = formData.get("file");
  if (file instanceof File && file.size > 0) {
    if (file.size > maxFileBytes) throw new DomainError("too_large", "file_too_large", "sheet.import.tooLarge", undefined, { file: "sheet.import.tooLarge" });
    return { bytes: new Uint8Array(await file.arrayBuffer()) };
  }
  const csv = String(formData.get("csv") ?? "");
  if (!csv.trim()) throw new DomainError("invalid", "csv_missing", "validation.required", undefined, { csv: "validation.required" });
  if (csv.length > maxCsvChars) throw new DomainError("invalid", "csv_too_large", "validation.tooLong", { max: maxCsvChars }, { csv: `validation.tooLong|${maxCsvChars}` });
  return { text: csv };
}

const delimiterNames = { ",": "sheet.import.delimiter.comma", ";": "sheet.import.delimiter.semicolon", "\t": "sheet.import.delimiter.tab" } as const satisfies Record<string, MessageKey>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireEventManager(request, params.eventId ?? "");
    return { eventId: params.eventId ?? "" };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    const user = await requireEventManager(request, eventId);
    const formData = await request.formData();
    return handleSubmission(
      request,
      importForm,
      async ({ intent }) => {
        const source = await sourceOf(formData);
        const report = await importRegistrations({ eventId, source, dryRun: intent !== "import", locale: requestTranslator(request).locale, actorUserId: user.id });
        return { report, csv: "text" in source ? source.text : undefined };
      },
      formData,
    );
  });
}

export default function ImportRegistrations() {
  const { eventId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const answer = actionData && "report" in actionData ? actionData : undefined;
  const report = answer?.report;
  const { form, errorOf, formErrors } = useSubmissionForm(importForm, { id: "import", lastResult: actionData && "result" in actionData ? actionData.result : undefined });
  const template = `/admin/events/${eventId}/registrations/import/template`;
  return (
    <div>
      <p className="text-sm">
        <Link to={`/admin/events/${eventId}/registrations`} className="text-brand-700 underline">
          {t("registration.admin.list.title")}
        </Link>
      </p>
      <h2 className="text-xl font-semibold">{t("registration.admin.import.title")}</h2>
      <p className="text-sm text-muted">{t("sheet.import.formats")}</p>
      <p className="mt-1 flex flex-wrap gap-2 text-sm">
        {t("sheet.import.template")}
        <a className="text-brand-700 underline" href={`${template}?format=xlsx`} download>
          {t("sheet.download.xlsx")}
        </a>
        <a className="text-brand-700 underline" href={`${template}?format=csv`} download>
          {t("sheet.download.csv")}
        </a>
      </p>
      <Form method="post" encType="multipart/form-data" id={form.id} onSubmit={form.onSubmit} noValidate className="card mt-3">
        <FormErrors messages={formErrors} />
        <label className="field-label" htmlFor="import-file">
          {t("sheet.import.file")}
        </label>
        <input
          id="import-file"
          type="file"
          name="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="block w-full text-sm"
          aria-invalid={errorOf("file") ? true : undefined}
          aria-describedby={errorOf("file") ? "import-file-error" : undefined}
        />
        {errorOf("file") ? (
          <p id="import-file-error" className="field-error">
            {errorOf("file")}
          </p>
        ) : null}
        <label className="field-label mt-2" htmlFor="import-csv">
          CSV
        </label>
        <textarea
          id="import-csv"
          name="csv"
          rows={8}
          className="field-input font-mono text-xs"
          defaultValue={answer?.csv ?? "name,email,organization,phone,jobTitle,category\n"}
          aria-invalid={errorOf("csv") ? true : undefined}
          aria-describedby={errorOf("csv") ? "import-csv-error" : undefined}
        />
        {errorOf("csv") ? (
          <p id="import-csv-error" className="field-error">
            {errorOf("csv")}
          </p>
        ) : null}
        <div className="mt-3 flex gap-2">
          <Button type="submit" name="intent" value="dry-run" variant="secondary" disabled={navigation.state !== "idle"}>
            {t("registration.admin.import.dryRun")}
          </Button>
          <Button type="submit" name="intent" value="import" disabled={navigation.state !== "idle"}>
            {t("registration.admin.import.run")}
          </Button>
        </div>
      </Form>
      {report ? (
        <Card as="section" className="mt-3" role="status">
          <p className="text-sm" data-testid="import-detected">
            {t("sheet.import.detected", {
              encoding: t(`sheet.import.encoding.${report.encoding}`),
              delimiter: t(report.delimiter ? delimiterNames[report.delimiter] : "sheet.import.delimiter.none"),
            })}
          </p>
          <p className="font-medium">{t("registration.admin.import.result", { ok: report.ok, bad: report.bad, imported: report.imported })}</p>
          {report.skipped ? <p className="text-sm">{t("sheet.import.skipped", { count: report.skipped })}</p> : null}
          {report.preview.rows.length ? (
            <div className="mt-2">
              <p className="mb-1 text-sm">{t("sheet.import.preview")}</p>
              <Table caption={t("registration.admin.import.previewCaption")} className="text-xs" data-testid="import-preview">
                <thead>
                  <Tr>
                    {report.preview.headers.map((header) => (
                      <Th key={header}>{header}</Th>
                    ))}
                  </Tr>
                </thead>
                <tbody>
                  {report.preview.rows.map((cells, index) => (
                    <Tr key={index}>
                      {cells.map((cell, column) => (
                        <Td key={column} className="whitespace-pre-wrap font-mono text-xs">
                          {cell}
                        </Td>
                      ))}
                    </Tr>
                  ))}
                </tbody>
              </Table>
            </div>
          ) : null}
          <ul className="mt-2 text-sm">
            {report.rows.map((row) =>
              row.skipped ? (
                <li key={row.row} className="text-muted">
                  {t("sheet.import.skippedRow", { row: row.row, email: row.email })}
                </li>
              ) : row.ok ? null : (
                <li key={row.row} className="text-danger-ink">
                  {t("registration.admin.import.row", {
                    row: row.row,
                    message: Object.entries(row.errors)
                      .map(([field, message]) => `${field}: ${translateMessage(message, t)}`)
                      .join("; "),
                  })}
                </li>
              ),
            )}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
