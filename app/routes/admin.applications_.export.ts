import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportApplications } from "~/models/back-office-sheets.server";
import { applicationStatuses } from "~/schemas/application";
import { clientAddress } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { page } from "~/utils/route.server";
import { sheetDownload, sheetFormat } from "~/utils/spreadsheet";
import { requireProgrammeManager } from "~/auth/permissions.server";

/** The applications queue, filtered as on its page, as `?format=xlsx` or CSV; audited in the model. */
export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    const user = await requireProgrammeManager(request);
    const params = new URL(request.url).searchParams;
    const requested = params.get("status") ?? "";
    const status = applicationStatuses.find((candidate) => candidate === requested);
    const q = (params.get("q") ?? "").trim().slice(0, 100) || undefined;
    const { sheet, baseName } = await exportApplications({ status, q, locale: requestTranslator(request).locale, actorUserId: user.id, ip: clientAddress(request) });
    return sheetDownload(sheet, sheetFormat(params.get("format")), baseName);
  });
}
