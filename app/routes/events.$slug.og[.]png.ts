import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventShareImage } from "~/route-helpers/share-image.server";

/** The event's link-preview card (1200 × 630 PNG) named by its Open Graph tags. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return eventShareImage(request, params.slug ?? "", "card");
}
