/**
 * Links out of the event page that need no third-party script: the venue on Amap (高德) and Baidu Maps, found
 * by its address, and "add to calendar" for Google and Outlook on the web.
 */
export function mapLinks(place: { city: string; venue: string; address: string }) {
  const query = [place.city, place.address || place.venue].filter(Boolean).join(" ");
  return {
    amap: `https://uri.amap.com/search?keyword=${encodeURIComponent(query)}&src=agent-programme&callnative=0`,
    baidu: `https://map.baidu.com/search/${encodeURIComponent(query)}`,
  };
}

type CalendarFacts = { title: string; startsAt: string; endsAt: string; location: string; details: string };

// Google wants 20250723T010000Z: the ISO instant without separators or milliseconds.
const compactUtc = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

export function calendarLinks(event: CalendarFacts) {
  const google = new URLSearchParams({
    action: "TEMPLATE",
    text: event.title,
    dates: `${compactUtc(event.startsAt)}/${compactUtc(event.endsAt)}`,
    location: event.location,
    details: event.details,
  });
  const outlook = new URLSearchParams({
    path: "/calendar/action/compose",
    rru: "addevent",
    subject: event.title,
    startdt: new Date(event.startsAt).toISOString(),
    enddt: new Date(event.endsAt).toISOString(),
    location: event.location,
    body: event.details,
  });
  return { google: `https://calendar.google.com/calendar/render?${google}`, outlook: `https://outlook.live.com/calendar/0/deeplink/compose?${outlook}` };
}
