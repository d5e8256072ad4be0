import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/AdminNav";
import { ErrorPage } from "~/components/ErrorPage";
import { navigationFor } from "~/auth/navigation.server";
import { requireBackOffice } from "~/auth/permissions.server";
import { titled } from "~/i18n/meta";

export const meta = titled("title.admin");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireBackOffice(request);
  return { links: navigationFor(user, "admin") };
}

export default function AdminLayout() {
  const { links } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-4 md:flex-row">
      <aside className="md:w-48 md:shrink-0">
        <AdminNav links={links} />
      </aside>
      <main id="main" className="min-w-0 flex-1">
        <Outlet />
      </main>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
