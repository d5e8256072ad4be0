import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { ActionNotice } from "~/components/forms/ActionNotice";
import { ContactsPanel, EmailDomainsPanel, LogoForm, OnboardingPanel, ProfileForm } from "~/components/FirmPanels";
import { useLocalized, useT } from "~/i18n/react";
import { setFirmStatus } from "~/models/firm.server";
import { firmPageData, isLogoUpload, runFirmForm, uploadFirmLogo } from "~/route-helpers/firm-actions.server";
import { requireProgrammeManager } from "~/auth/permissions.server";
import { adminFirmForms, firmStatuses } from "~/schemas/firm";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";
import { titled } from "~/i18n/meta";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export const meta = titled("title.admin-firms-firmId");

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireProgrammeManager(request);
    return firmPageData(params.firmId ?? "");
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await page(request, () => requireProgrammeManager(request));
  const firmId = params.firmId ?? "";
  if (isLogoUpload(request)) return uploadFirmLogo(request, firmId, user);
  return handleSubmission(request, adminFirmForms, async (form) => {
    if (form.intent !== "status") return runFirmForm(request, firmId, user, form);
    await setFirmStatus({ firmId, status: form.status, actorUserId: user.id });
    return { intent: form.intent, notice: requestTranslator(request).t("programme.admin.statusSaved") };
  });
}

export default function AdminFirm() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const localized = useLocalized();
  const action = `/admin/firms/${data.firm.id}`;
  return (
    <div>
      <Link to="/admin/firms" className="text-sm text-brand-700 underline">
        ← {t("programme.admin.firms")}
      </Link>
      <h1 className="mt-2 text-2xl font-bold">{localized(data.firm.name, data.firm.nameEn)}</h1>
      {data.firm.creditCode ? <p className="font-mono text-sm text-muted">{data.firm.creditCode}</p> : null}
      <Card aria-labelledby="status-heading" as="section" className="mt-4">
        <h2 id="status-heading" className="mb-2 text-lg font-semibold">
          {t("programme.admin.status")}
        </h2>
        <ActionNotice intent="status" />
        <Form method="post" action={action} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="intent" value="status" />
          <label htmlFor="firm-status" className="sr-only">
            {t("programme.admin.status")}
          </label>
          <select id="firm-status" name="status" defaultValue={data.firm.status} className="field-input w-auto">
            {firmStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`programme.firmStatus.${status}`)}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary">
            {t("action.save")}
          </Button>
        </Form>
      </Card>
      <div className="mt-4 grid grid-cols-1 gap-4 lg:grid-cols-2">
        <OnboardingPanel data={data} action={action} />
        <LogoForm data={data} action={action} />
        <div className="lg:col-span-2">
          <ProfileForm data={data} action={action} />
        </div>
        <div className="lg:col-span-2">
          <ContactsPanel data={data} action={action} />
        </div>
        <div className="lg:col-span-2">
          <EmailDomainsPanel data={data} action={action} editable />
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
