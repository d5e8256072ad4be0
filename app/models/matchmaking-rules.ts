import { fit, type Fit, type FitSide } from "./match-fit";

/**
 * The pure rules of event matchmaking (issue 18 §2–§4): how matchmaking sessions are cut into slots, where an
 * accepted request may be placed, what one participant may see of another, and which meetings count as held.
 * No database here: the models feed these functions what they read and write what they decide.
 */

export const shareableFields = ["name", "organization", "jobTitle", "email", "phone"] as const;
export type ShareableField = (typeof shareableFields)[number];

export const matchSides = ["supply", "demand", "both"] as const;
export type MatchSideName = (typeof matchSides)[number];

export type SlotSpan = { sessionId: string; startsAt: Date; endsAt: Date };

/**
 * The slots of the matchmaking sessions: each session cut into whole slots of `slotMinutes` from its start (a
 * remainder shorter than a slot is no slot), in time order. Sessions that overlap give each instant once, so
 * no two slots of an event start together.
 */
export function slotsOfSessions(sessions: { id: string; startsAt: Date; endsAt: Date }[], slotMinutes: number): SlotSpan[] {
  const length = slotMinutes * 60_000;
  const byStart = new Map<number, SlotSpan>();
  for (const session of [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    for (let start = session.startsAt.getTime(); start + length <= session.endsAt.getTime(); start += length) {
      if (!byStart.has(start)) byStart.set(start, { sessionId: session.id, startsAt: new Date(start), endsAt: new Date(start + length) });
    }
  }
  return [...byStart.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * What regenerating the slots does to the existing ones (matched by start): kept, added, removed. Removing a
 * slot that holds a meeting is refused by the caller, so it lists those apart.
 */
export function slotChanges(existing: { id: string; startsAt: Date; hasMeetings: boolean }[], wanted: SlotSpan[]) {
  const wantedStarts = new Set(wanted.map((slot) => slot.startsAt.getTime()));
  const existingStarts = new Set(existing.map((slot) => slot.startsAt.getTime()));
  const removed = existing.filter((slot) => !wantedStarts.has(slot.startsAt.getTime()));
  return {
    added: wanted.filter((slot) => !existingStarts.has(slot.startsAt.getTime())),
    kept: wanted.filter((slot) => existingStarts.has(slot.startsAt.getTime())),
    removed,
    blocked: removed.filter((slot) => slot.hasMeetings),
  };
}

export type PlacementInput = {
  /** The event's slots in time order. */
  slotIds: string[];
  tables: number;
  availableA: ReadonlySet<string>;
  availableB: ReadonlySet<string>;
  /** Slots in which each side already sits in a meeting. */
  busyA: ReadonlySet<string>;
  busyB: ReadonlySet<string>;
  /** Tables already holding a meeting, per slot. */
  takenTables: ReadonlyMap<string, ReadonlySet<number>>;
};

/**
 * Where a meeting of A and B may go, best first: the earliest slot both are available in and neither sits in
 * a meeting, at its lowest free table; then the other free tables of that slot, then the next slots. The
 * caller tries them in this order, so a conflict with a concurrent placement falls through to the next one.
 */
export function placementCandidates(input: PlacementInput): { slotId: string; table: number }[] {
  const candidates: { slotId: string; table: number }[] = [];
  for (const slotId of input.slotIds) {
    if (!input.availableA.has(slotId) || !input.availableB.has(slotId) || input.busyA.has(slotId) || input.busyB.has(slotId)) continue;
    const taken = input.takenTables.get(slotId);
    for (let table = 1; table <= input.tables; table += 1) if (!taken?.has(table)) candidates.push({ slotId, table });
  }
  return candidates;
}

export function parseShared(stored: string): ShareableField[] {
  try {
    const value = JSON.parse(stored) as unknown;
    return Array.isArray(value) ? shareableFields.filter((field) => value.includes(field)) : [];
  } catch {
    return [];
  }
}

/** The registration fields a participant chose to share, and nothing else (absent, not empty: never sent). */
export function sharedDetails(details: Record<ShareableField, string | null>, shared: readonly ShareableField[]): Partial<Record<ShareableField, string>> {
  const view: Partial<Record<ShareableField, string>> = {};
  for (const field of shared) {
    const value = details[field];
    if (value) view[field] = value;
  }
  return view;
}

/** Tags are stored between commas (",反欺诈,信贷审批,"), so one LIKE finds one tag. */
export function tagsColumn(tags: readonly string[]): string {
  const clean = [...new Set(tags.map((tag) => tag.replaceAll(",", " ").trim()).filter(Boolean))];
  return clean.length ? `,${clean.join(",")},` : ",";
}

export function tagsOf(column: string): string[] {
  return column.split(",").filter(Boolean);
}

/** Opt-in closes at the set instant, else when the first slot starts; without slots it is not open. */
export function optInOpen(closesAt: Date | null, firstSlotStartsAt: Date | null, now: Date): boolean {
  const deadline = closesAt ?? firstSlotStartsAt;
  return deadline !== null && now < deadline;
}

// A side may say "I'm at the table" this long before its slot starts.
export const checkInLeadMs = 30 * 60_000;

export function meetingCheckInOpen(slot: { startsAt: Date; endsAt: Date }, now: Date): boolean {
  return now.getTime() >= slot.startsAt.getTime() - checkInLeadMs && now < slot.endsAt;
}

/** The follow-up opens when the meeting's slot is over. */
export function followUpOpen(slot: { endsAt: Date }, now: Date): boolean {
  return now >= slot.endsAt;
}

/** A meeting is held when both sides checked in; after its slot, one without both is a no-show. */
export function meetingOutcome(meeting: { fromCheckedInAt: Date | null; toCheckedInAt: Date | null }, slot: { endsAt: Date }, now: Date): "held" | "no_show" | "upcoming" {
  if (meeting.fromCheckedInAt && meeting.toCheckedInAt) return "held";
  return now >= slot.endsAt ? "no_show" : "upcoming";
}

/** Two sides complement each other when one supplies and the other needs (either may do both). */
export function sidesComplement(a: MatchSideName, b: MatchSideName): boolean {
  if (a === "both" || b === "both") return true;
  return a !== b;
}

/** What the fit of two participants is computed from: each one's offers and needs, their tags and industry. */
export type SuggestionSubject = { side: MatchSideName; offers: string; needs: string; tags: string[]; industryCode: string | null };

/** Why a participant is suggested: complementary sides, and the better fit of one's need with the other's offer. */
export type SuggestionReason = { complement: boolean; fit: Fit };

const complementWeight = 0.3;

/**
 * How well `other` fits `me`, scored by the board's fit (match-fit.ts) of my needs with their offers or of
 * their needs with my offers, whichever fits better, plus a bonus when the sides complement each other.
 */
export function suggestionFit(me: SuggestionSubject, other: SuggestionSubject): { score: number; reason: SuggestionReason } {
  const side = (subject: SuggestionSubject, text: string): FitSide => ({ industryCode: subject.industryCode, tags: subject.tags, text });
  const mine = fit(side(me, me.needs), side(other, other.offers));
  const theirs = fit(side(other, other.needs), side(me, me.offers));
  const best = mine.score >= theirs.score ? mine : theirs;
  const complement = sidesComplement(me.side, other.side);
  const score = complementWeight * +complement + (1 - complementWeight) * best.score;
  return { score: Math.round(score * 1000) / 1000, reason: { complement, fit: best } };
}
