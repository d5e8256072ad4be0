import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useT } from "~/i18n/react";
import { importRegistrationsCsv } from "~/models/registration-bulk.server";
import { requireEventManager } from "~/auth/permissions.server";
import { translateMessage } from "~/i18n";
import { importForm } from "~/schemas/registration-admin";
import { DomainError } from "~/utils/domain-error";
import { handleSubmission, page } from "~/utils/route.server";

const maxCsvChars = 1_000_000;

/** The pasted CSV, or the chosen file's text when one was chosen; an empty or oversized one is refused at the field. */
async function csvOf(formData: FormData) {
  const file = formData.get("file");
  const csv = file instanceof File && file.size > 0 ? await file.text() : String(formData.get("csv") ?? "");
  if (!csv.trim()) throw new DomainError("invalid", "csv_missing", "validation.required", undefined, { csv: "validation.required" });
  if (csv.length > maxCsvChars) throw new DomainError("invalid", "csv_too_large", "validation.tooLong", { max: maxCsvChars }, { csv: `validation.tooLong|${maxCsvChars}` });
  return csv;
}

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
        const csv = await csvOf(formData);
        const report = await importRegistrationsCsv({ eventId, csv, dryRun: intent !== "import", actorUserId: user.id });
        return { report, csv };
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
  return (
    <div>
      <p className="text-sm">
        <Link to={`/admin/events/${eventId}/registrations`} className="text-brand-700 underline">
          {t("registration.admin.list.title")}
        </Link>
      </p>
      <h2 className="text-xl font-semibold">{t("registration.admin.import.title")}</h2>
      <p className="text-sm text-slate-600">{t("registration.admin.import.hint")}</p>
      <Form method="post" encType="multipart/form-data" id={form.id} onSubmit={form.onSubmit} noValidate className="card mt-3">
        <FormErrors messages={formErrors} />
        <label className="field-label" htmlFor="import-csv">
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
        <label className="field-label mt-2" htmlFor="import-file">
          {t("action.change")} (.csv)
        </label>
        <input id="import-file" type="file" name="file" accept=".csv,text/csv" />
        <div className="mt-3 flex gap-2">
          <button type="submit" name="intent" value="dry-run" className="btn-secondary" disabled={navigation.state !== "idle"}>
            {t("registration.admin.import.dryRun")}
          </button>
          <button type="submit" name="intent" value="import" className="btn" disabled={navigation.state !== "idle"}>
            {t("registration.admin.import.run")}
          </button>
        </div>
      </Form>
      {report ? (
        <section className="card mt-3" role="status">
          <p className="font-medium">{t("registration.admin.import.result", { ok: report.ok, bad: report.bad, imported: report.imported })}</p>
          <ul className="mt-2 text-sm">
            {report.rows
              .filter((row) => !row.ok)
              .map((row) => (
                <li key={row.row} className="text-red-800">
                  {t("registration.admin.import.row", {
                    row: row.row,
                    message: Object.entries(row.errors)
                      .map(([field, message]) => `${field}: ${translateMessage(message, t)}`)
                      .join("; "),
                  })}
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
