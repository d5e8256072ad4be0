import type { LoaderFunctionArgs } from "@remix-run/node";
import { siteShareImage } from "~/route-helpers/share-image.server";

/** The link-preview card of the pages that are not an event's. */
export function loader({ request }: LoaderFunctionArgs) {
  return siteShareImage(request);
}
