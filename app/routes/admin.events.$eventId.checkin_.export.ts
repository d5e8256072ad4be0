import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportCheckIns } from "~/models/back-office-sheets.server";
import { clientAddress } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { page } from "~/utils/route.server";
import { sheetDownload, sheetFormat } from "~/utils/spreadsheet";
import { requireEventManager } from "~/auth/permissions.server";

/** Every scan of the event, in its zone, as `?format=xlsx` or CSV; the same guard as the check-in dashboard. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    const user = await requireEventManager(request, eventId);
    const { sheet, baseName } = await exportCheckIns({ eventId, locale: requestTranslator(request).locale, actorUserId: user.id, ip: clientAddress(request) });
    return sheetDownload(sheet, sheetFormat(new URL(request.url).searchParams.get("format")), baseName);
  });
}
