import type { LoaderFunctionArgs } from "@remix-run/node";
import { readCoverFile } from "~/models/event-cover.server";
import { readHostLogo } from "~/models/event-host.server";
import { readUpload } from "~/models/firm.server";

// Each kind of upload is read by the model that stores it, which accepts only its own file names.
const readers: Record<string, (file: string) => { body: Buffer; contentType: string } | null> = {
  logos: (file) => readUpload("logos", file),
  covers: readCoverFile,
  hosts: readHostLogo,
};

/** Serves stored uploads (firm logos, event covers, host logos). Names carry a content hash, so they can be cached for a long time. */
export async function loader({ params }: LoaderFunctionArgs) {
  const kind = params.kind ?? "";
  const upload = Object.hasOwn(readers, kind) ? readers[kind]!(params.file ?? "") : null;
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
