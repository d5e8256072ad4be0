import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { Badge } from "~/components/ui/Badge";
import { Card, CardTitle } from "~/components/ui/Card";
import { EmptyState } from "~/components/ui/EmptyState";
import { reviewedCallIds, requireReviewer } from "~/auth/permissions.server";
import { titled } from "~/i18n/meta";
import { useLocalized, useT } from "~/i18n/react";
import { reviewerWorklist } from "~/models/case-review.server";
import { page } from "~/utils/route.server";

export const meta = titled("title.review-index");

/** A reviewer's home: the calls they review and the cases assigned to them (titles only). */
export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    const user = await requireReviewer(request);
    const calls = await reviewerWorklist(user.id, reviewedCallIds(user));
    return { calls: calls.map((call) => ({ id: call.id, title: call.title, titleEn: call.titleEn, cases: call.cases })) };
  });
}

export default function ReviewHome() {
  const { calls } = useLoaderData<typeof loader>();
  const t = useT();
  const text = useLocalized();
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="text-2xl font-bold">{t("caseReview.home.heading")}</h1>
      <p className="mt-1 text-muted">{t("caseReview.home.intro")}</p>
      {calls.map((call) => (
        <Card key={call.id} as="section" className="mt-4" aria-labelledby={`call-${call.id}`}>
          <CardTitle>
            <span id={`call-${call.id}`}>{text(call.title, call.titleEn)}</span>
          </CardTitle>
          {call.cases.length === 0 ? (
            <EmptyState title={t("caseReview.home.none")} />
          ) : (
            <ul className="mt-2 divide-y divide-line">
              {call.cases.map((kase) => (
                <li key={kase.assignmentId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <Link to={`/review/${kase.assignmentId}`} className="text-brand-700 underline">
                    {text(kase.title, kase.titleEn)}
                  </Link>
                  <Badge tone={kase.closed ? "neutral" : kase.completed ? "success" : "warning"}>
                    {t(kase.closed ? "caseReview.home.closed" : kase.completed ? "caseReview.home.completed" : "caseReview.home.pending")}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ))}
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
