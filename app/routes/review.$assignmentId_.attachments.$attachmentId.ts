import type { LoaderFunctionArgs } from "@remix-run/node";
import { reviewedCallIds, requireReviewer } from "~/auth/permissions.server";
import { reviewerAttachment } from "~/models/case-review.server";
import { attachmentDisposition } from "~/utils/spreadsheet";
import { page } from "~/utils/route.server";

/** An attachment of a case assigned to the signed-in reviewer, as uploaded (named by number under blind review). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const user = await requireReviewer(request);
    const file = await reviewerAttachment(params.assignmentId ?? "", params.attachmentId ?? "", user.id, reviewedCallIds(user));
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.body.byteLength),
        "Content-Disposition": attachmentDisposition(file.fileName),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'",
      },
    });
  });
}
