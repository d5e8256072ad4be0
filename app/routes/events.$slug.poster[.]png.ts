import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventShareImage } from "~/route-helpers/share-image.server";

/** The event's share poster (1080 × 1920 PNG with a QR code of the event page). */
export function loader({ request, params }: LoaderFunctionArgs) {
  return eventShareImage(request, params.slug ?? "", "poster");
}
