import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Localized } from "~/components/Localized";
import { Badge } from "~/components/ui/Badge";
import { EmptyState } from "~/components/ui/EmptyState";
import { useLocale, useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";
import { listPublishedCalls } from "~/models/case-call.server";
import { zonedStamp } from "~/utils/time";
import { Card } from "~/components/ui/Card";

export const meta = titled("title.calls");

export async function loader(_args: LoaderFunctionArgs) {
  const calls = await listPublishedCalls();
  return {
    calls: calls.map((call) => ({
      slug: call.slug,
      title: call.title,
      titleEn: call.titleEn,
      phase: call.phase,
      closesAt: call.closesAt.toISOString(),
      timeZone: call.timeZone,
    })),
  };
}

const tone = { open: "success", upcoming: "info", closed: "neutral" } as const;

export default function CallsPage() {
  const { calls } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-3xl font-bold text-ink">{t("cases.public.heading")}</h1>
      <p className="mt-3 max-w-3xl text-muted">{t("cases.public.intro")}</p>
      {calls.length === 0 ? (
        <div className="mt-6">
          <EmptyState title={t("cases.public.none")} />
        </div>
      ) : (
        <ul className="mt-6 grid gap-4 md:grid-cols-2">
          {calls.map((call) => (
            <Card key={call.slug} as="li">
              <Badge tone={tone[call.phase]}>{t(`cases.phase.${call.phase}`)}</Badge>
              <h2 className="mt-2 text-xl font-semibold">
                <Link to={`/calls/${call.slug}`} className="hover:underline">
                  <Localized zh={call.title} en={call.titleEn} />
                </Link>
              </h2>
              <p className="mt-1 text-sm text-muted">{t("cases.public.deadline", { when: `${zonedStamp(call.closesAt, call.timeZone, locale)} (${call.timeZone})` })}</p>
            </Card>
          ))}
        </ul>
      )}
    </main>
  );
}
