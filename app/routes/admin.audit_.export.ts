import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportAudit } from "~/models/back-office-sheets.server";
import { clientAddress } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { page } from "~/utils/route.server";
import { sheetDownload, sheetFormat } from "~/utils/spreadsheet";
import { requireAdmin } from "~/auth/permissions.server";

/** The audit log, filtered by action as on its page, as `?format=xlsx` or CSV; the export is itself audited. */
export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    const user = await requireAdmin(request);
    const params = new URL(request.url).searchParams;
    const action = (params.get("action") ?? "").trim().slice(0, 100) || undefined;
    const { sheet, baseName } = await exportAudit({ action, locale: requestTranslator(request).locale, actorUserId: user.id, ip: clientAddress(request) });
    return sheetDownload(sheet, sheetFormat(params.get("format")), baseName);
  });
}
