import { exportOwnData } from "~/models/registration-privacy.server";
import { clientAddress, jsonReply } from "~/utils/http.server";
import { jsonEndpoint } from "~/utils/route.server";

/** The attendee's own data as a JSON download (DESIGN.md §7); audited. */
export const loader = jsonEndpoint(async ({ request, params }) =>
  jsonReply(await exportOwnData(params.token ?? "", clientAddress(request)), 200, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Disposition": 'attachment; filename="my-registration.json"',
    "Cache-Control": "private, no-store",
  }),
);
