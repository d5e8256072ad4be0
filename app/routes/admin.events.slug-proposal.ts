import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireProgrammeManager } from "~/auth/permissions.server";
import { proposeEventSlug } from "~/models/event.server";

/** The URL name the "new event" form proposes for the titles typed so far (JSON: `{ slug }`, null when none). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeManager(request);
  const query = new URL(request.url).searchParams;
  const title = (query.get("title") ?? "").slice(0, 200);
  const titleEn = (query.get("titleEn") ?? "").slice(0, 200);
  return { slug: await proposeEventSlug({ title, titleEn }) };
}
