import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { unlockAudio } from "~/components/checkin/feedback";
import { clearSetup, loadSetup, saveSetup, type Setup } from "~/components/checkin/offline";
import { prepareOfflineShell } from "~/components/checkin/offline-shell";
import { Scanner } from "~/components/checkin/Scanner";
import { SetupForm } from "~/components/checkin/SetupForm";
import { useT } from "~/i18n/react";
import { scannerEvents } from "~/models/checkin-dashboard.server";
import { canCheckIn, requireUser } from "~/auth/permissions.server";
import { titled } from "~/i18n/meta";

export const meta = titled("title.checkin");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const events = await scannerEvents((event) => canCheckIn(user, event));
  // Offered first when the phone has no setup yet: the event on now or next (the list runs by start time).
  const now = new Date().toISOString();
  return { events, nextEventSlug: (events.find((event) => event.endsAt >= now) ?? events[0])?.slug ?? null };
}

export default function CheckInPage() {
  const { events, nextEventSlug } = useLoaderData<typeof loader>();
  const t = useT();
  const [setup, setSetup] = useState<Setup | null>(null);
  // The setup lives in localStorage, so nothing is rendered until the browser has read it.
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const saved = loadSetup();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only in the browser, after hydration: reading it once here is the point
    if (saved && events.some((event) => event.slug === saved.eventSlug && event.lists.some((list) => list.id === saved.listId))) setSetup(saved);
    setReady(true);
    void prepareOfflineShell();
  }, [events]);

  const event = setup ? events.find((candidate) => candidate.slug === setup.eventSlug) : undefined;
  return (
    <main id="main" className="mx-auto max-w-md px-3 py-3">
      <h1 className="sr-only">{t("checkin.title")}</h1>
      {!ready ? null : events.length === 0 ? (
        <p className="card">{t("checkin.setup.noEvents")}</p>
      ) : setup && event ? (
        <Scanner
          key={`${setup.eventSlug}:${setup.listId}`}
          setup={setup}
          event={event}
          onChangeSetup={() => {
            clearSetup();
            setSetup(null);
          }}
        />
      ) : (
        <SetupForm
          events={events}
          preselected={nextEventSlug}
          onDone={(chosen) => {
            unlockAudio();
            saveSetup(chosen);
            setSetup(chosen);
          }}
        />
      )}
    </main>
  );
}
