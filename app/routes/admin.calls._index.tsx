import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge } from "~/components/ui/Badge";
import { ButtonLink } from "~/components/ui/Button";
import { EmptyState } from "~/components/ui/EmptyState";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";
import { listCalls } from "~/models/case-call.server";
import { requireCallManager } from "~/auth/permissions.server";
import { page } from "~/utils/route.server";
import { zonedStamp } from "~/utils/time";
import { Card } from "~/components/ui/Card";

export const meta = titled("title.admin-calls");

export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireCallManager(request);
    const calls = await listCalls();
    return {
      calls: calls.map((call) => ({
        id: call.id,
        title: call.title,
        titleEn: call.titleEn,
        published: Boolean(call.publishedAt),
        opensAt: call.opensAt.toISOString(),
        closesAt: call.closesAt.toISOString(),
        timeZone: call.timeZone,
        submitted: call.submitted,
        drafts: call.drafts,
      })),
    };
  });
}

export default function CallList() {
  const { calls } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("cases.admin.heading")}</h1>
        <ButtonLink to="/admin/calls/new">{t("cases.admin.new")}</ButtonLink>
      </div>
      <p className="text-muted">{t("cases.admin.intro")}</p>
      {calls.length === 0 ? (
        <EmptyState title={t("cases.admin.none")} />
      ) : (
        <ul className="grid gap-3">
          {calls.map((call) => (
            <Card key={call.id} as="li">
              <h2 className="font-semibold">
                <Link to={`/admin/calls/${call.id}`} className="hover:underline">
                  {localized(call.title, call.titleEn)}
                </Link>{" "}
                <Badge tone={call.published ? "success" : "neutral"}>{t(call.published ? "cases.admin.state.published" : "cases.admin.state.draft")}</Badge>
              </h2>
              <p className="mt-1 text-sm text-muted">
                {zonedStamp(call.opensAt, call.timeZone, locale)} – {zonedStamp(call.closesAt, call.timeZone, locale)} · {t("cases.admin.counts", { submitted: call.submitted, drafts: call.drafts })}
              </p>
            </Card>
          ))}
        </ul>
      )}
    </div>
  );
}
