import { useFetcher } from "@remix-run/react";
import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { useT } from "~/i18n/react";
import type { MessageKey } from "~/i18n";
import { buttonClass } from "~/components/ui/Button";

export type GridSession = {
  id: string;
  title: string;
  type: string;
  day: string;
  start: string;
  end: string;
  startMinute: number;
  endMinute: number;
  roomId: string | null;
  plenary: boolean;
  trackColor: string | null;
  speakers: { name: string }[];
  conflicts: string[];
};

type Place = { startMinute: number; endMinute: number; column: number };
type Gesture = { id: string; mode: "move" | "resize"; x: number; y: number; from: Place; moved: boolean };

const step = 5;
const pixelsPerMinute = 1.6;
const timeColumn = 56;
const minColumn = 150;

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
const snap = (minutes: number) => Math.round(minutes / step) * step;

/** Side-by-side lanes for sessions that overlap in one column, so none hides another. */
function lanes(sessions: GridSession[]) {
  const lane = new Map<string, { index: number; of: number }>();
  const sorted = [...sessions].sort((a, b) => a.startMinute - b.startMinute || b.endMinute - a.endMinute);
  let group: GridSession[] = [];
  let groupEnd = -1;
  const close = () => {
    const ends: number[] = [];
    const placed = group.map((session) => {
      let index = ends.findIndex((end) => end <= session.startMinute);
      if (index < 0) index = ends.length;
      ends[index] = session.endMinute;
      return [session.id, index] as const;
    });
    for (const [id, index] of placed) lane.set(id, { index, of: ends.length });
  };
  for (const session of sorted) {
    if (session.startMinute >= groupEnd && group.length) {
      close();
      group = [];
    }
    group.push(session);
    groupEnd = Math.max(groupEnd, session.endMinute);
  }
  if (group.length) close();
  return lane;
}

/**
 * The timetable of one day at a time (tabs for the event's days): time runs down, rooms run across, a plenary
 * session spans every room. A session is moved by dragging it (time and room) and resized by dragging its
 * bottom edge, on 5-minute steps; with the keyboard, focus a session and use the arrow keys (see the help
 * text), then Enter. Each change is posted as one `place` submission; the server checks and audits it and
 * the page's data comes back with the session where it now is. Conflicting sessions are outlined in red with
 * what they conflict with.
 */
export function AgendaGrid({
  sessions,
  rooms,
  days,
  onEdit,
}: {
  sessions: GridSession[];
  rooms: { id: string; name: string }[];
  days: { day: string; label: string }[];
  onEdit: (sessionId: string) => void;
}) {
  const t = useT();
  const fetcher = useFetcher<{ notice?: string | null; result?: { error?: Record<string, string[] | null> | null } }>();
  const [day, setDay] = useState(days[0]?.day ?? "");
  const [gesture, setGesture] = useState<Gesture | null>(null);
  const [pending, setPending] = useState<{ id: string; place: Place } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const body = useRef<HTMLDivElement>(null);

  const daySessions = sessions.filter((session) => session.day === day);
  const withoutRoom = daySessions.some((session) => !session.plenary && !session.roomId) || rooms.length === 0;
  const columns = [...rooms.map((room) => ({ id: room.id as string | null, name: room.name })), ...(withoutRoom ? [{ id: null, name: t("agenda.grid.noRoom") }] : [])];
  const columnOf = (session: GridSession) =>
    Math.max(
      0,
      columns.findIndex((column) => column.id === session.roomId),
    );
  const firstHour = Math.min(8, ...daySessions.map((session) => Math.floor(session.startMinute / 60)));
  const lastHour = Math.max(18, ...daySessions.map((session) => Math.ceil(session.endMinute / 60)));
  const top = firstHour * 60;
  const bottom = Math.min(24, lastHour) * 60;
  const hours = Array.from({ length: bottom / 60 - firstHour }, (_, index) => firstHour + index);
  // While a place is being saved it is drawn where it is going (from the submission itself); a refusal
  // leaves the page's data as it was, so the session is drawn back where it was.
  const saving = fetcher.state !== "idle" && fetcher.formData ? fetcher.formData : null;
  const savingPlace = (session: GridSession): Place | null => {
    if (saving?.get("id") !== session.id) return null;
    const minute = (name: string) => {
      const time = String(saving.get(name) ?? "00:00");
      return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
    };
    const roomId = String(saving.get("roomId") ?? "") || null;
    return {
      startMinute: minute("startTime"),
      endMinute: minute("endTime"),
      column: session.plenary
        ? columnOf(session)
        : Math.max(
            0,
            columns.findIndex((column) => column.id === roomId),
          ),
    };
  };
  const placeOf = (session: GridSession): Place =>
    pending?.id === session.id ? pending.place : (savingPlace(session) ?? { startMinute: session.startMinute, endMinute: session.endMinute, column: columnOf(session) });
  const answer = fetcher.state === "idle" && fetcher.data ? fetcher.data : null;
  const refusal = Object.values(answer?.result?.error ?? {}).flatMap((messages) => messages ?? []);
  const status = announcement || (refusal.length ? t("agenda.grid.refused", { reason: refusal.join(" ") }) : (answer?.notice ?? ""));

  const save = (session: GridSession, place: Place) => {
    const unchanged = place.startMinute === session.startMinute && place.endMinute === session.endMinute && place.column === columnOf(session);
    if (unchanged) {
      setPending(null);
      return;
    }
    setPending(null);
    setAnnouncement("");
    fetcher.submit(
      {
        intent: "place",
        id: session.id,
        date: session.day,
        startTime: clock(place.startMinute),
        endTime: clock(place.endMinute),
        roomId: session.plenary ? (session.roomId ?? "") : (columns[place.column]?.id ?? ""),
      },
      { method: "post" },
    );
  };

  const moved = (place: Place, minutes: number, columnsBy: number, lengthBy: number, session: GridSession): Place => {
    const length = place.endMinute - place.startMinute;
    if (lengthBy) return { ...place, endMinute: Math.min(24 * 60, Math.max(place.startMinute + step, place.endMinute + lengthBy)) };
    const startMinute = Math.min(24 * 60 - length, Math.max(0, place.startMinute + minutes));
    const column = session.plenary ? place.column : Math.min(columns.length - 1, Math.max(0, place.column + columnsBy));
    return { startMinute, endMinute: startMinute + length, column };
  };

  const describe = (session: GridSession, place: Place) => ({
    title: session.title,
    start: clock(place.startMinute),
    end: clock(place.endMinute),
    room: session.plenary ? t("agenda.plenary") : (columns[place.column]?.name ?? ""),
  });

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, session: GridSession) => {
    const place = placeOf(session);
    let next: Place | null = null;
    if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      const sign = event.key === "ArrowUp" ? -1 : 1;
      next = event.shiftKey ? moved(place, 0, 0, sign * step, session) : moved(place, sign * step, 0, 0, session);
    } else if (event.altKey && (event.key === "ArrowLeft" || event.key === "ArrowRight")) {
      next = moved(place, 0, event.key === "ArrowLeft" ? -1 : 1, 0, session);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (pending?.id === session.id) save(session, pending.place);
      else onEdit(session.id);
      return;
    } else if (event.key === "Escape" && pending?.id === session.id) {
      setPending(null);
      setAnnouncement(t("agenda.grid.cancelled", { title: session.title }));
      return;
    }
    if (!next) return;
    event.preventDefault();
    setPending({ id: session.id, place: next });
    setAnnouncement(t("agenda.grid.pending", describe(session, next)));
  };

  const onPointerDown = (event: PointerEvent<HTMLElement>, session: GridSession, mode: Gesture["mode"]) => {
    if (event.button !== 0 || fetcher.state !== "idle") return;
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    setGesture({ id: session.id, mode, x: event.clientX, y: event.clientY, from: placeOf(session), moved: false });
  };

  const onPointerMove = (event: PointerEvent<HTMLElement>, session: GridSession) => {
    if (!gesture || gesture.id !== session.id) return;
    const dx = event.clientX - gesture.x;
    const dy = event.clientY - gesture.y;
    if (!gesture.moved && Math.abs(dx) < 4 && Math.abs(dy) < 4) return;
    if (!gesture.moved) setGesture({ ...gesture, moved: true });
    const minutes = snap(dy / pixelsPerMinute);
    let next: Place;
    if (gesture.mode === "resize") {
      next = moved(gesture.from, 0, 0, minutes, session);
    } else {
      const area = body.current?.getBoundingClientRect();
      const width = area ? (area.width - timeColumn) / columns.length : minColumn;
      const column = area ? Math.floor((event.clientX - area.left - timeColumn) / width) : gesture.from.column;
      next = moved(gesture.from, minutes, column - gesture.from.column, 0, session);
    }
    setPending({ id: session.id, place: next });
  };

  const onPointerUp = (session: GridSession) => {
    if (!gesture || gesture.id !== session.id) return;
    setGesture(null);
    if (!gesture.moved) {
      setPending(null);
      onEdit(session.id);
    } else if (pending?.id === session.id) {
      save(session, pending.place);
    }
  };

  const sessionLanes = new Map<string, { index: number; of: number }>();
  columns.forEach((column) => {
    const inColumn = daySessions.filter((session) => !session.plenary && session.roomId === column.id);
    for (const [id, lane] of lanes(inColumn)) sessionLanes.set(id, lane);
  });

  return (
    <div className="space-y-2">
      <p className="text-sm text-muted" id="grid-help">
        {t("agenda.grid.help")}
      </p>
      {days.length > 1 ? (
        <div role="tablist" aria-label={t("agenda.grid.days")} className="flex flex-wrap gap-2">
          {days.map((candidate) => (
            <button
              key={candidate.day}
              type="button"
              role="tab"
              aria-selected={candidate.day === day}
              className={buttonClass({ variant: candidate.day === day ? "primary" : "secondary" })}
              onClick={() => {
                setDay(candidate.day);
                setPending(null);
              }}
            >
              {candidate.label}
            </button>
          ))}
        </div>
      ) : null}
      <p aria-live="polite" role="status" className="min-h-5 text-sm font-medium" data-testid="grid-status">
        {status}
      </p>
      {/* The grid scrolls inside its own box on a narrow screen; the page itself never overflows. */}
      <div className="max-w-full overflow-x-auto rounded border border-line-strong" data-testid="agenda-grid">
        <div style={{ minWidth: timeColumn + columns.length * minColumn }}>
          <div className="sticky top-0 z-20 flex border-b border-line-strong bg-subtle text-sm font-semibold">
            <div style={{ width: timeColumn }} className="shrink-0 px-1 py-1">
              {t("agenda.grid.time")}
            </div>
            {columns.map((column) => (
              <div key={column.id ?? "none"} className="min-w-0 flex-1 truncate border-l border-line-strong px-2 py-1" data-room={column.name}>
                {column.name}
              </div>
            ))}
          </div>
          <div ref={body} className="relative" style={{ height: (bottom - top) * pixelsPerMinute }}>
            {hours.map((hour) => (
              <div key={hour} className="absolute right-0 left-0 border-t border-line text-xs text-muted" style={{ top: (hour * 60 - top) * pixelsPerMinute }}>
                <span className="px-1">{clock(hour * 60)}</span>
              </div>
            ))}
            {columns.map((column, index) => (
              <div
                key={column.id ?? "none"}
                className="absolute top-0 bottom-0 border-l border-line"
                style={{ left: `calc(${timeColumn}px + (100% - ${timeColumn}px) * ${index} / ${columns.length})` }}
              />
            ))}
            {daySessions.length === 0 ? <p className="absolute top-4 left-16 text-sm text-muted">{t("agenda.grid.empty")}</p> : null}
            {daySessions.map((session) => {
              const place = placeOf(session);
              const lane = sessionLanes.get(session.id) ?? { index: 0, of: 1 };
              const span = session.plenary ? columns.length : 1;
              const column = session.plenary ? 0 : place.column;
              const left = `calc(${timeColumn}px + (100% - ${timeColumn}px) * ${column + lane.index / lane.of} / ${columns.length} + 2px)`;
              const width = `calc((100% - ${timeColumn}px) * ${span / lane.of} / ${columns.length} - 4px)`;
              const conflicted = session.conflicts.length > 0;
              const isPending = pending?.id === session.id || savingPlace(session) !== null;
              const label = t("agenda.grid.session", describe(session, place));
              return (
                <div
                  key={session.id}
                  role="button"
                  tabIndex={0}
                  aria-describedby="grid-help"
                  data-place={label}
                  data-grid-session={session.title}
                  data-conflicted={conflicted || undefined}
                  className={`absolute touch-none overflow-hidden rounded border bg-white px-1.5 py-0.5 text-xs shadow-sm select-none focus:ring-2 focus:ring-brand-600 focus:outline-none ${
                    conflicted ? "border-2 border-danger" : "border-line-strong"
                  } ${isPending ? "z-30 opacity-90 ring-2 ring-brand-500" : session.plenary ? "z-0 bg-brand-50" : "z-10"} cursor-grab`}
                  style={{
                    top: (place.startMinute - top) * pixelsPerMinute,
                    height: Math.max(step * pixelsPerMinute, (place.endMinute - place.startMinute) * pixelsPerMinute),
                    left,
                    width,
                    borderLeftColor: !conflicted && session.trackColor ? session.trackColor : undefined,
                    borderLeftWidth: !conflicted && session.trackColor ? 4 : undefined,
                  }}
                  onPointerDown={(event) => onPointerDown(event, session, "move")}
                  onPointerMove={(event) => onPointerMove(event, session)}
                  onPointerUp={() => onPointerUp(session)}
                  onPointerCancel={() => {
                    setGesture(null);
                    setPending(null);
                  }}
                  onKeyDown={(event) => onKeyDown(event, session)}
                  onBlur={() => {
                    if (pending?.id === session.id && !gesture) setPending(null);
                  }}
                >
                  <p className="font-semibold">
                    {clock(place.startMinute)}–{clock(place.endMinute)} {session.title}
                    {/* The room is the column's heading for sighted users; the button's name (its content) says it too. */}
                    <span className="sr-only">
                      {t("punctuation.listSeparator")}
                      {describe(session, place).room}
                    </span>
                  </p>
                  <p className="text-muted">
                    {t(`agenda.type.${session.type}` as MessageKey)}
                    {session.speakers.length ? ` · ${session.speakers.map((speaker) => speaker.name).join(", ")}` : ""}
                  </p>
                  {session.conflicts.map((conflict) => (
                    <p key={conflict} className="font-medium text-danger" data-conflict>
                      {t("agenda.grid.conflictWith", { what: conflict })}
                    </p>
                  ))}
                  <span
                    aria-hidden="true"
                    title={t("agenda.grid.resize", { title: session.title })}
                    data-resize
                    className="absolute right-0 bottom-0 left-0 h-2 cursor-ns-resize bg-line-strong/60 hover:bg-brand-300"
                    onPointerDown={(event) => onPointerDown(event, session, "resize")}
                  />
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
