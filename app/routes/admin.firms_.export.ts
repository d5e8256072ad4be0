import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportFirms } from "~/models/back-office-sheets.server";
import { clientAddress } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { page } from "~/utils/route.server";
import { sheetDownload, sheetFormat } from "~/utils/spreadsheet";
import { requireProgrammeManager } from "~/auth/permissions.server";

const statuses = ["ACTIVE", "SUSPENDED", "LEFT"] as const;

/** The member firms, filtered as on their page, as `?format=xlsx` or CSV; audited in the model. */
export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    const user = await requireProgrammeManager(request);
    const params = new URL(request.url).searchParams;
    const requested = params.get("status") ?? "";
    const status = statuses.find((candidate) => candidate === requested);
    const q = (params.get("q") ?? "").trim().slice(0, 100) || undefined;
    const { sheet, baseName } = await exportFirms({ status, q, locale: requestTranslator(request).locale, actorUserId: user.id, ip: clientAddress(request) });
    return sheetDownload(sheet, sheetFormat(params.get("format")), baseName);
  });
}
