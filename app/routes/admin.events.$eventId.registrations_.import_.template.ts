import type { LoaderFunctionArgs } from "@remix-run/node";
import { registrationImportTemplate } from "~/models/registration-sheet.server";
import { requestTranslator } from "~/utils/i18n.server";
import { page } from "~/utils/route.server";
import { sheetDownload, sheetFormat } from "~/utils/spreadsheet";
import { requireEventManager } from "~/auth/permissions.server";

/** The import template (`?format=xlsx` or CSV): the importable columns in the requester's language, one fictional row. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    await requireEventManager(request, eventId);
    const { sheet, baseName } = await registrationImportTemplate({ eventId, locale: requestTranslator(request).locale });
    return sheetDownload(sheet, sheetFormat(new URL(request.url).searchParams.get("format")), baseName);
  });
}
