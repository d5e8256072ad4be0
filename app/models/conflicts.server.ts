/**
 * Agenda conflict rules (issue 3 §4). Pure functions over what the editor loaded, so the same list is shown
 * while editing, after every change, and in tests. A session that ends before it starts never gets this
 * far: the session schema refuses it.
 */
export type ConflictKind = "speaker_double_booked" | "room_overlap" | "outside_event";

export type Conflict = {
  kind: ConflictKind;
  sessionIds: string[];
  speakerId?: string;
  speakerName?: string;
  roomName?: string;
};

export type ConflictSession = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  roomId: string | null;
  plenary: boolean;
  room?: { name: string } | null;
  speakers: { speakerId: string; confirmation?: string; speaker?: { name: string } }[];
};

const overlaps = (a: ConflictSession, b: ConflictSession) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

export function findConflicts(event: { startsAt: Date; endsAt: Date }, sessions: ConflictSession[]): Conflict[] {
  const conflicts: Conflict[] = [];
  const sorted = [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const session of sorted) {
    if (session.startsAt < event.startsAt || session.endsAt > event.endsAt) {
      conflicts.push({ kind: "outside_event", sessionIds: [session.id] });
    }
  }
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].startsAt < a.endsAt; j++) {
      const b = sorted[j];
      if (!overlaps(a, b)) continue;
      // A plenary session occupies every room, so it collides with anything else at the same time.
      if (a.plenary || b.plenary) {
        conflicts.push({ kind: "room_overlap", sessionIds: [a.id, b.id], roomName: (a.plenary ? b : a).room?.name });
      } else if (a.roomId && a.roomId === b.roomId) {
        conflicts.push({ kind: "room_overlap", sessionIds: [a.id, b.id], roomName: a.room?.name });
      }
      const busy = new Map(a.speakers.filter((s) => s.confirmation !== "DECLINED").map((s) => [s.speakerId, s]));
      const reported = new Set<string>();
      for (const speaker of b.speakers) {
        if (speaker.confirmation === "DECLINED" || !busy.has(speaker.speakerId) || reported.has(speaker.speakerId)) continue;
        reported.add(speaker.speakerId);
        conflicts.push({
          kind: "speaker_double_booked",
          sessionIds: [a.id, b.id],
          speakerId: speaker.speakerId,
          speakerName: speaker.speaker?.name ?? busy.get(speaker.speakerId)?.speaker?.name,
        });
      }
    }
  }
  return conflicts;
}
