import type { LoaderFunctionArgs } from "@remix-run/node";
import { readAttachment } from "~/models/case-submission.server";
import { requireSubmissionReader } from "~/auth/permissions.server";
import { notFound } from "~/utils/http.server";
import { page } from "~/utils/route.server";

/** One attachment of a case, for whoever may open the case (`canReadSubmission`); never cached by others. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const submissionId = params.submissionId ?? "";
    await requireSubmissionReader(request, submissionId);
    const attachment = await readAttachment(submissionId, params.attachmentId ?? "");
    if (!attachment) notFound();
    return new Response(new Uint8Array(attachment.body), {
      headers: {
        "Content-Type": attachment.contentType,
        "Content-Length": String(attachment.body.byteLength),
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  });
}
