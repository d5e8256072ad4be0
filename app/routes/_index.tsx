import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EventCard } from "~/components/EventCard";
import { useT } from "~/i18n/react";
import { listPublishedEvents, publicEventSummary } from "~/models/event.server";
import { translator } from "~/i18n";
import { localeFromRequest } from "~/utils/i18n.server";
import { socialMeta } from "~/route-helpers/social-meta";

export const meta: MetaFunction<typeof loader> = (args) => socialMeta(args, (t) => ({ title: args.data?.title ?? t("app.name"), description: t("share.site.description") }));

export async function loader({ request }: LoaderFunctionArgs) {
  const { upcoming, past } = await listPublishedEvents();
  const t = translator(localeFromRequest(request));
  return {
    title: t("app.name"),
    upcoming: upcoming.map((event) => publicEventSummary(event)),
    past: past.slice(0, 6).map((event) => publicEventSummary(event)),
  };
}

export default function Home() {
  const { upcoming, past } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">{t("home.title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("home.intro")}</p>
      {upcoming.length === 0 ? <p className="mt-6 text-slate-600">{t("home.empty")}</p> : null}
      <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {upcoming.map((event) => (
          <li key={event.slug}>
            <EventCard event={event} />
          </li>
        ))}
      </ul>
      {past.length > 0 ? (
        <section aria-labelledby="past-heading" className="mt-10">
          <h2 id="past-heading" className="text-xl font-semibold">
            {t("home.past")}
          </h2>
          <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {past.map((event) => (
              <li key={event.slug}>
                <EventCard event={event} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="mt-10 text-sm">
        <Link className="text-brand-700 underline" to="/programme">
          {t("nav.programme")}
        </Link>
      </p>
    </main>
  );
}
