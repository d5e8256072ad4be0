import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { importRegistrationsCsv } from "~/models/registration-bulk.server";
import { requireEventManager } from "~/auth/permissions.server";
import { translateMessage } from "~/i18n";

const maxCsvChars = 1_000_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEventManager(request, params.eventId ?? "");
  return { eventId: params.eventId ?? "" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const eventId = params.eventId ?? "";
  const user = await requireEventManager(request, eventId);
  const formData = await request.formData();
  const file = formData.get("file");
  const csv = file instanceof File && file.size > 0 ? await file.text() : String(formData.get("csv") ?? "");
  if (!csv.trim() || csv.length > maxCsvChars) return data({ report: null, csv: "" }, { status: 422 });
  const report = await importRegistrationsCsv({ eventId, csv, dryRun: formData.get("intent") !== "import", actorUserId: user.id });
  return { report, csv };
}

export default function ImportRegistrations() {
  const { eventId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const report = actionData?.report;
  return (
    <div>
      <p className="text-sm">
        <Link to={`/admin/events/${eventId}/registrations`} className="text-brand-700 underline">
          {t("registration.admin.list.title")}
        </Link>
      </p>
      <h2 className="text-xl font-semibold">{t("registration.admin.import.title")}</h2>
      <p className="text-sm text-slate-600">{t("registration.admin.import.hint")}</p>
      <Form method="post" encType="multipart/form-data" className="card mt-3">
        <label className="field-label" htmlFor="import-csv">
          CSV
        </label>
        <textarea id="import-csv" name="csv" rows={8} className="field-input font-mono text-xs" defaultValue={actionData?.csv ?? "name,email,organization,phone,jobTitle,category\n"} />
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
