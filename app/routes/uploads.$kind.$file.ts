import type { LoaderFunctionArgs } from "@remix-run/node";
import { readUpload } from "~/models/firm.server";

/** Serves stored uploads (firm logos). Names carry a content hash, so they can be cached for a long time. */
export async function loader({ params }: LoaderFunctionArgs) {
  const upload = readUpload(params.kind ?? "", params.file ?? "");
  if (!upload) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(upload.body), {
    headers: {
      "Content-Type": upload.contentType,
      "Content-Length": String(upload.body.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
}
