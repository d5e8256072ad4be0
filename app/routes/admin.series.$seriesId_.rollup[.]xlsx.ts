import type { LoaderFunctionArgs } from "@remix-run/node";
import { seriesRollup, rollupXlsx } from "~/models/series-rollup.server";
import { notFound } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { page } from "~/utils/route.server";
import { attachmentDisposition } from "~/utils/spreadsheet";
import { requireProgrammeManager } from "~/auth/permissions.server";

/** The series' roll-up as XLSX, headers in the reader's language (aggregates only: no personal data). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireProgrammeManager(request);
    const rollup = await seriesRollup({ id: params.seriesId ?? "" }, { publishedOnly: false });
    if (!rollup) notFound();
    const { body, baseName } = await rollupXlsx(rollup, requestTranslator(request).locale);
    return new Response(body, {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": attachmentDisposition(`${baseName}.xlsx`),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
