import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventQrCode } from "~/route-helpers/share-image.server";

/** A QR code of the event page's absolute URL, shown on the page beside the poster download. */
export function loader({ params }: LoaderFunctionArgs) {
  return eventQrCode(params.slug ?? "");
}
