import type { EventPageView } from "~/route-helpers/event-page.server";
import { useT } from "~/i18n/react";
import { Card } from "~/components/ui/Card";

/** Everyone on the published agenda, with a photo or their initial. */
export function SpeakerCards({ people }: { people: EventPageView["people"] }) {
  const t = useT();
  if (!people.length) return null;
  return (
    <section aria-labelledby="speakers-heading" className="mt-8">
      <h2 id="speakers-heading" className="text-xl font-bold">
        {t("eventPage.speakers")}
      </h2>
      <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="speaker-cards">
        {people.map((person) => (
          <Card key={person.id} as="li" className="flex flex-col items-center p-3 text-center">
            {person.photo ? (
              <img src={person.photo} alt="" width={80} height={80} loading="lazy" decoding="async" className="h-20 w-20 rounded-full bg-subtle object-cover" />
            ) : (
              <span aria-hidden="true" className="flex h-20 w-20 items-center justify-center rounded-full bg-brand-50 text-2xl font-bold text-brand-700">
                {Array.from(person.name)[0]}
              </span>
            )}
            <span className="mt-2 font-semibold text-ink">{person.name}</span>
            <span className="text-xs font-medium text-brand-700">{person.role}</span>
            {person.detail ? <span className="mt-1 break-words text-xs text-muted">{person.detail}</span> : null}
          </Card>
        ))}
      </ul>
    </section>
  );
}
