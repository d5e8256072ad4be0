import { useState, type FormEvent } from "react";
import { useLocalized, useT } from "~/i18n/react";
import { searchAttendees, type SearchAttendee } from "./api";
import { badgeHref } from "./Badge";
import { Button, ButtonAnchor } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

/** Finding someone without their ticket: search the server, then check them in by registration. Online only. */
export function AttendeeSearch({ eventSlug, listId, isOnline, onCheckIn }: { eventSlug: string; listId: string; isOnline: () => boolean; onCheckIn: (registrationId: string) => Promise<void> }) {
  const t = useT();
  const localize = useLocalized();
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<SearchAttendee[] | null>(null);
  const [searchMessage, setSearchMessage] = useState<string | null>(null);

  const search = async (formEvent?: FormEvent) => {
    formEvent?.preventDefault();
    setSearchMessage(null);
    if (!isOnline()) {
      setSearchMessage(t("checkin.search.offline"));
      return;
    }
    try {
      const body = await searchAttendees(eventSlug, query);
      setFound(body.attendees ?? []);
      if (body.error) setSearchMessage(body.error.message);
      else if (body.attendees?.length === 0) setSearchMessage(t("checkin.search.none"));
    } catch {
      setSearchMessage(t("checkin.search.offline"));
    }
  };

  // The list shows who is in: after a check-in from it, ask again rather than guess.
  const checkIn = async (registrationId: string) => {
    await onCheckIn(registrationId);
    await search();
  };

  return (
    <form onSubmit={search} className="flex flex-col gap-2">
      <label htmlFor="search" className="field-label">
        {t("checkin.search.label")}
      </label>
      <div className="flex gap-2">
        <input id="search" type="search" className="field-input" value={query} minLength={1} maxLength={100} onChange={(change) => setQuery(change.target.value)} />
        <Button type="submit" variant="secondary">
          {t("action.search")}
        </Button>
      </div>
      {searchMessage ? (
        <p role="alert" className="text-sm text-muted">
          {searchMessage}
        </p>
      ) : null}
      {found && found.length > 0 ? (
        <ul className="flex flex-col gap-2">
          {found.map((attendee) => (
            <Card key={attendee.registrationId} as="li" className="flex flex-col gap-1 p-3">
              <p className="flex items-center gap-2 text-lg font-bold">
                {attendee.name}
                {attendee.enteredListIds.includes(listId) ? (
                  <span className="rounded-full bg-success-soft px-2 py-0.5 text-xs font-medium text-success-ink" data-testid="search-entered">
                    {t("checkin.search.entered")}
                  </span>
                ) : null}
              </p>
              <p className="text-sm text-muted">
                {[attendee.organization, attendee.category ? localize(attendee.category.name, attendee.category.nameEn) : "", attendee.phone].filter(Boolean).join(" · ")}
              </p>
              <div className="flex gap-2">
                <Button type="button" className="flex-1" onClick={() => void checkIn(attendee.registrationId)}>
                  {t("checkin.search.checkIn")}
                </Button>
                <ButtonAnchor variant="secondary" href={badgeHref(attendee.registrationId, eventSlug)} target="_blank" rel="noreferrer">
                  {t("checkin.search.badge")}
                </ButtonAnchor>
              </div>
            </Card>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
