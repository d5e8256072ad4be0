import { useSyncExternalStore } from "react";
import { useLocale } from "~/i18n/react";

const options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };
// The zone does not change while the page is open, so there is nothing to subscribe to.
const unchanging = () => () => {};
const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const unknownZone = () => null;

/**
 * An instant in the viewer's own time zone. The server cannot know that zone, so it renders the time in
 * UTC (labelled) and the browser replaces it after hydration with its own zone's.
 */
export function LocalTime({ iso }: { iso: string }) {
  const locale = useLocale();
  const zone = useSyncExternalStore(unchanging, viewerZone, unknownZone);
  const text = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone ?? "UTC" }).format(new Date(iso));
  return <time dateTime={iso}>{zone ? text : `${text} UTC`}</time>;
}
