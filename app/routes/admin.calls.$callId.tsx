import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData } from "@remix-run/react";
import { CallAdminTabs } from "~/components/case-call/CallAdminTabs";
import { ErrorPage } from "~/components/ErrorPage";
import { Badge } from "~/components/ui/Badge";
import { useLocalized, useT } from "~/i18n/react";
import { requireCall } from "~/models/case-call.server";
import { requireCallManager } from "~/auth/permissions.server";
import { page } from "~/utils/route.server";

/** Layout of one call's back office: title, state, tabs, and the tab's page. Each child checks permissions itself. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireCallManager(request);
    const call = await requireCall(params.callId ?? "");
    return { call: { id: call.id, slug: call.slug, title: call.title, titleEn: call.titleEn, published: Boolean(call.publishedAt) } };
  });
}

export default function CallAdminLayout() {
  const { call } = useLoaderData<typeof loader>();
  const t = useT();
  const localized = useLocalized();
  return (
    <div>
      <p className="text-sm">
        <Link to="/admin/calls" className="text-brand-700 underline">
          {t("cases.admin.back")}
        </Link>
      </p>
      <h1 className="mb-3 mt-1 text-2xl font-bold">
        {localized(call.title, call.titleEn)} <Badge tone={call.published ? "success" : "neutral"}>{t(call.published ? "cases.admin.state.published" : "cases.admin.state.draft")}</Badge>
      </h1>
      <CallAdminTabs callId={call.id} />
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
