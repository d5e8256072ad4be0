import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportRegistrationsCsv } from "~/models/registration-bulk.server";
import { filterFromSearchParams } from "~/schemas/registration-admin";
import { clientAddress } from "~/utils/http.server";
import { requireEventManager } from "~/auth/permissions.server";

/** CSV export of the filtered registrations; audited in the model. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const eventId = params.eventId ?? "";
  const user = await requireEventManager(request, eventId);
  const csv = await exportRegistrationsCsv({ eventId, filter: filterFromSearchParams(new URL(request.url).searchParams), actorUserId: user.id, ip: clientAddress(request) });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="registrations-${eventId}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
