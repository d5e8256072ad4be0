import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportRegistrations } from "~/models/registration-sheet.server";
import { filterFromSearchParams } from "~/schemas/registration-admin";
import { clientAddress } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { page } from "~/utils/route.server";
import { sheetDownload, sheetFormat } from "~/utils/spreadsheet";
import { requireEventManager } from "~/auth/permissions.server";

/** The filtered registrations as `?format=xlsx` or CSV, in the requester's language; audited in the model. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    const user = await requireEventManager(request, eventId);
    const searchParams = new URL(request.url).searchParams;
    const { sheet, baseName } = await exportRegistrations({
      eventId,
      filter: filterFromSearchParams(searchParams),
      locale: requestTranslator(request).locale,
      actorUserId: user.id,
      ip: clientAddress(request),
    });
    return sheetDownload(sheet, sheetFormat(searchParams.get("format")), baseName);
  });
}
