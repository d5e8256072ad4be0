import { useState, type FormEvent } from "react";
import { useLocalized, useT } from "~/i18n/react";
import { loadSetup, newNonce, type Setup } from "./offline";
import type { ScannerEvent } from "./Scanner";
import { Button } from "~/components/ui/Button";

/** Which event, list and device name this phone scans for; the last choice is offered again. */
export function SetupForm({ events, preselected, onDone }: { events: ScannerEvent[]; preselected?: string | null; onDone: (setup: Setup) => void }) {
  const t = useT();
  const localize = useLocalized();
  const previous = typeof window !== "undefined" ? loadSetup() : null;
  const [eventSlug, setEventSlug] = useState(previous?.eventSlug && events.some((event) => event.slug === previous.eventSlug) ? previous.eventSlug : (preselected ?? events[0].slug));
  const event = events.find((candidate) => candidate.slug === eventSlug) ?? events[0];
  const [listId, setListId] = useState(event.lists[0]?.id ?? "");
  const [deviceName, setDeviceName] = useState(previous?.deviceName ?? "");
  const submit = (formEvent: FormEvent) => {
    formEvent.preventDefault();
    // Every scan records its device, so an unnamed phone still gets a name staff can tell apart.
    const name = deviceName.trim() || `device-${newNonce().slice(0, 4)}`;
    onDone({ eventSlug: event.slug, listId: event.lists.some((list) => list.id === listId) ? listId : event.lists[0].id, deviceName: name });
  };
  return (
    <form onSubmit={submit} className="card flex flex-col gap-4">
      <h2 className="text-xl font-bold">{t("checkin.setup.title")}</h2>
      <div>
        <label htmlFor="setup-event" className="field-label">
          {t("checkin.setup.event")}
        </label>
        <select
          id="setup-event"
          className="field-input"
          value={event.slug}
          onChange={(change) => {
            setEventSlug(change.target.value);
            setListId(events.find((candidate) => candidate.slug === change.target.value)?.lists[0]?.id ?? "");
          }}
        >
          {events.map((candidate) => (
            <option key={candidate.slug} value={candidate.slug}>
              {localize(candidate.title, candidate.titleEn)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="setup-list" className="field-label">
          {t("checkin.setup.list")}
        </label>
        <select id="setup-list" className="field-input" value={listId} onChange={(change) => setListId(change.target.value)}>
          {event.lists.map((list) => (
            <option key={list.id} value={list.id}>
              {localize(list.name, list.nameEn)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="setup-device" className="field-label">
          {t("checkin.setup.device")}
        </label>
        <input id="setup-device" className="field-input" value={deviceName} maxLength={60} aria-describedby="setup-device-hint" onChange={(change) => setDeviceName(change.target.value)} />
        <p id="setup-device-hint" className="mt-1 text-sm text-muted">
          {t("checkin.setup.deviceHint")}
        </p>
      </div>
      <Button type="submit" className="min-h-14 text-lg">
        {t("checkin.setup.start")}
      </Button>
    </form>
  );
}
