import { useT } from "~/i18n/react";

export type GridSession = { id: string; title: string; day: string; dayLabel: string; start: string; end: string; roomId: string | null; plenary: boolean };

/** The draft agenda as one table per day: a row per start time, a column per room and one for "no room". */
export function AgendaGrid({ sessions, rooms }: { sessions: GridSession[]; rooms: { id: string; name: string }[] }) {
  const t = useT();
  const days = [...new Set(sessions.map((session) => session.day))];
  const columns = [...rooms.map((room) => ({ id: room.id as string | null, name: room.name })), { id: null, name: t("agenda.admin.agenda.none") }];
  return (
    <div className="space-y-4">
      {days.map((day) => {
        const daySessions = sessions.filter((session) => session.day === day);
        const starts = [...new Set(daySessions.map((session) => session.start))].sort();
        return (
          <div key={day} className="overflow-x-auto">
            <table className="min-w-full border-collapse text-sm">
              <caption className="py-1 text-left font-semibold">{daySessions[0]?.dayLabel}</caption>
              <thead>
                <tr>
                  <th scope="col" className="border border-slate-300 bg-slate-100 px-2 py-1 text-left">
                    {t("agenda.admin.agenda.startTime")}
                  </th>
                  {columns.map((column) => (
                    <th key={column.id ?? "none"} scope="col" className="border border-slate-300 bg-slate-100 px-2 py-1 text-left">
                      {column.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {starts.map((start) => {
                  const atStart = daySessions.filter((session) => session.start === start);
                  const plenary = atStart.find((session) => session.plenary);
                  return (
                    <tr key={start}>
                      <th scope="row" className="border border-slate-300 px-2 py-1 text-left align-top font-medium">
                        {start}
                      </th>
                      {plenary ? (
                        <td colSpan={columns.length} className="border border-slate-300 bg-brand-50 px-2 py-1 text-center">
                          {plenary.title} ({plenary.start}–{plenary.end}) · {t("agenda.plenary")}
                        </td>
                      ) : (
                        columns.map((column) => (
                          <td key={column.id ?? "none"} className="border border-slate-300 px-2 py-1 align-top">
                            {atStart
                              .filter((session) => session.roomId === column.id)
                              .map((session) => (
                                <p key={session.id}>
                                  {session.title} <span className="text-slate-500">–{session.end}</span>
                                </p>
                              ))}
                          </td>
                        ))
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}
