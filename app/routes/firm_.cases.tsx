import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { EmptyState } from "~/components/ui/EmptyState";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";
import { listPublishedCalls } from "~/models/case-call.server";
import { listOwnSubmissions } from "~/models/case-submission.server";
import { getFirm } from "~/models/firm.server";
import { firmIdsOf, requireUser } from "~/auth/permissions.server";
import { HttpError } from "~/utils/http.server";
import { page } from "~/utils/route.server";
import { zonedStamp } from "~/utils/time";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export const meta = titled("title.firm-cases");

/** The firm portal's cases: open calls to submit to (for each of the contact's firms) and the firms' submissions. */
export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    const user = await requireUser(request);
    const firmIds = firmIdsOf(user);
    if (firmIds.length === 0) throw new HttpError(403, "forbidden", "error.forbidden.body");
    const [calls, own, firms] = await Promise.all([
      listPublishedCalls(),
      listOwnSubmissions({ userId: user.id, firmIds }),
      Promise.all(firmIds.map(async (id) => getFirm(id).then((firm) => ({ id, name: firm.name, nameEn: firm.nameEn })))),
    ]);
    return {
      firms,
      calls: calls
        .filter((call) => call.phase === "open")
        .map((call) => ({ slug: call.slug, title: call.title, titleEn: call.titleEn, closesAt: call.closesAt.toISOString(), timeZone: call.timeZone })),
      submissions: own.map((row) => ({
        id: row.id,
        title: row.title,
        titleEn: row.titleEn,
        status: row.status,
        call: { title: row.call.title, titleEn: row.call.titleEn },
        firm: row.firm ? { name: row.firm.name, nameEn: row.firm.nameEn } : null,
      })),
    };
  });
}

export default function FirmCases() {
  const { firms, calls, submissions } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <p className="text-sm">
        <Link to="/firm" className="text-brand-700 underline">
          {t("nav.firm")}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">{t("cases.firm.heading")}</h1>
      <p className="mt-2 text-muted">{t("cases.firm.intro")}</p>
      <section className="mt-6" aria-labelledby="open-calls">
        <h2 id="open-calls" className="text-xl font-semibold">
          {t("cases.firm.openCalls")}
        </h2>
        {calls.length === 0 ? <p className="mt-2 text-muted">{t("cases.firm.noOpenCalls")}</p> : null}
        <ul className="mt-2 grid gap-3">
          {calls.map((call) => (
            <Card key={call.slug} as="li">
              <h3 className="font-semibold">
                <Link to={`/calls/${call.slug}`} className="hover:underline">
                  {localized(call.title, call.titleEn)}
                </Link>
              </h3>
              <p className="text-sm text-muted">{t("cases.public.deadline", { when: `${zonedStamp(call.closesAt, call.timeZone, locale)} (${call.timeZone})` })}</p>
              <div className="mt-2 flex flex-wrap gap-2">
                {firms.map((firm) => (
                  <Form method="post" action={`/calls/${call.slug}`} key={firm.id}>
                    <input type="hidden" name="intent" value="start" />
                    <input type="hidden" name="firmId" value={firm.id} />
                    <Button type="submit">{t("cases.public.startFor", { firm: localized(firm.name, firm.nameEn) })}</Button>
                  </Form>
                ))}
              </div>
            </Card>
          ))}
        </ul>
      </section>
      <section className="mt-6" aria-labelledby="ours">
        <h2 id="ours" className="text-xl font-semibold">
          {t("cases.firm.ours")}
        </h2>
        {submissions.length === 0 ? (
          <EmptyState title={t("cases.firm.none")} />
        ) : (
          <ul className="mt-2 space-y-1">
            {submissions.map((row) => (
              <li key={row.id}>
                <Link to={`/submissions/${row.id}`} className="text-brand-700 underline">
                  {row.title ? localized(row.title, row.titleEn) : t("cases.public.untitled")}
                </Link>{" "}
                · {localized(row.call.title, row.call.titleEn)} · {t(`cases.status.${row.status}`)}
                {row.firm ? ` · ${localized(row.firm.name, row.firm.nameEn)}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
