import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportOwnData } from "~/models/registration-privacy.server";
import { clientAddress, HttpError } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";

/** The attendee's own data as a JSON download (DESIGN.md §7); audited. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  try {
    const exported = await exportOwnData(params.token ?? "", clientAddress(request));
    return new Response(JSON.stringify(exported, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": 'attachment; filename="my-registration.json"',
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof HttpError) return error.toResponse(requestTranslator(request).t);
    throw error;
  }
}
