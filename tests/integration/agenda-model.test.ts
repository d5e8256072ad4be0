import { beforeAll, describe, expect, it } from "vitest";
import { createRoom, createSession, createTrack, deleteSession, duplicateSession, getEditorAgenda, moveSessionToDay, shiftSession } from "~/models/agenda.server";
import { getPublishedAgenda, publishAgenda } from "~/models/agenda-version.server";
import { findConflicts } from "~/models/conflicts.server";
import { createEvent, getEventById, getEventBySlug } from "~/models/event.server";
import { attachSpeaker, inviteSpeakers, respondToRole, rolesForResponseToken } from "~/models/session-speaker.server";
import { createSpeaker } from "~/models/speaker.server";
import { prisma } from "~/models/store/connection.server";
import { HttpError } from "~/utils/http.server";
import { seedDemo } from "../../prisma/seed";
import { useDemoDatabase } from "../support/demo-database";
import { forumSlug } from "../../prisma/seed/events";

async function fieldsOf(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, fields: error.fields };
    throw error;
  }
  throw new Error("expected a refusal");
}

let eventId: string;
let mainHall: string;
let sideRoom: string;

beforeAll(async () => {
  await useDemoDatabase();
  const event = await createEvent({
    slug: "berlin-agent-day",
    kind: "DEEP_DIVE",
    title: "Agent Day Berlin",
    timeZone: "Europe/Berlin",
    startDate: "2025-10-25",
    startTime: "09:00",
    endDate: "2025-10-26",
    endTime: "18:00",
  });
  eventId = event.id;
  mainHall = (await createRoom(eventId, { name: "Main hall" })).id;
  sideRoom = (await createRoom(eventId, { name: "Side room" })).id;
});

const session = (overrides: Record<string, unknown> = {}) => ({
  title: "Talk",
  type: "TALK",
  date: "2025-10-25",
  startTime: "10:00",
  endTime: "10:30",
  roomId: mainHall,
  ...overrides,
});

describe("the demo agenda", () => {
  it("recreates the forum of the launch article with typed roles, published as version 1", async () => {
    const forum = (await getEventBySlug(forumSlug))!;
    expect(forum.publishedVersion).toBe(1);
    const agenda = (await getPublishedAgenda(forum.id, forum.publishedVersion))!;
    const opening = agenda.snapshot.sessions.filter((s) => s.type === "OPENING_REMARKS");
    expect(opening.map((s) => s.speakers.find((p) => p.role === "OPENING_SPEAKER")?.name)).toEqual(["陈家春", "王正"]);
    const ceremony = agenda.snapshot.sessions.find((s) => s.type === "CEREMONY")!;
    expect(ceremony.title).toContain("智能体创新推进计划");
    expect(ceremony.speakers.filter((p) => p.role === "CEREMONY_GUEST" && p.name.includes("代表"))).toHaveLength(11);
    expect(agenda.snapshot.sessions.some((s) => s.title.includes("典型案例征集"))).toBe(true);
    expect(agenda.snapshot.sessions.some((s) => s.type === "PANEL" && s.speakers.some((p) => p.role === "HOST"))).toBe(true);
    expect(agenda.snapshot.sessions[0].startsAt).toBe("2025-07-23T01:00:00.000Z");
    const { conflicts } = await getEditorAgenda(forum.id);
    expect(conflicts).toEqual([]);
  });

  it("is idempotent", async () => {
    const db = await prisma();
    const counts = async () => [await db.session.count(), await db.speaker.count(), await db.agendaVersion.count(), await db.sessionSpeaker.count(), await db.event.count()];
    const before = await counts();
    await seedDemo();
    expect(await counts()).toEqual(before);
  });
});

describe("conflict rules", () => {
  it("refuses a session that ends before or when it starts, and saves nothing", async () => {
    const db = await prisma();
    const before = await db.session.count({ where: { eventId } });
    expect(await fieldsOf(createSession(eventId, session({ startTime: "11:00", endTime: "10:00" })))).toEqual({
      status: 422,
      fields: { endTime: "agenda.validation.endBeforeStart" },
    });
    expect((await fieldsOf(createSession(eventId, session({ startTime: "11:00", endTime: "11:00" })))).fields).toEqual({ endTime: "agenda.validation.endBeforeStart" });
    expect(await db.session.count({ where: { eventId } })).toBe(before);
  });

  it("refuses a start in the spring-forward gap and a room of another event", async () => {
    const other = (await getEventBySlug(forumSlug))!;
    const foreignRoom = (await (await prisma()).room.findFirst({ where: { eventId: other.id } }))!;
    expect((await fieldsOf(createSession(eventId, session({ date: "2026-03-29", startTime: "02:30", endTime: "03:30" })))).fields).toEqual({
      startTime: "agenda.validation.nonexistentTime",
    });
    expect((await fieldsOf(createSession(eventId, session({ roomId: foreignRoom.id })))).fields).toEqual({ roomId: "agenda.validation.unknownRoom" });
  });

  it("finds a speaker booked in two overlapping sessions, room overlaps (plenary counts for every room) and sessions outside the event", async () => {
    const alice = await createSpeaker({ name: "Alice Example", email: "alice@example.org" });
    const a = await createSession(eventId, session({ title: "A", startTime: "10:00", endTime: "11:00", roomId: mainHall }));
    const b = await createSession(eventId, session({ title: "B", startTime: "10:30", endTime: "11:30", roomId: sideRoom }));
    await attachSpeaker(eventId, a.id, { speakerId: alice.id, role: "KEYNOTE" });
    await attachSpeaker(eventId, b.id, { speakerId: alice.id, role: "PANELIST" });
    let { conflicts } = await getEditorAgenda(eventId);
    expect(conflicts).toEqual([{ kind: "speaker_double_booked", sessionIds: [a.id, b.id], speakerId: alice.id, speakerName: "Alice Example" }]);

    const c = await createSession(eventId, session({ title: "C", startTime: "10:45", endTime: "11:15", roomId: mainHall }));
    ({ conflicts } = await getEditorAgenda(eventId));
    expect(conflicts.filter((x) => x.kind === "room_overlap")).toEqual([{ kind: "room_overlap", sessionIds: [a.id, c.id], roomName: "Main hall" }]);

    const plenary = await createSession(eventId, session({ title: "Plenary", date: "2025-10-26", startTime: "09:00", endTime: "10:00", roomId: null, plenary: "on" }));
    const parallel = await createSession(eventId, session({ title: "Side", date: "2025-10-26", startTime: "09:30", endTime: "10:30", roomId: sideRoom }));
    ({ conflicts } = await getEditorAgenda(eventId));
    expect(conflicts).toContainEqual({ kind: "room_overlap", sessionIds: [plenary.id, parallel.id], roomName: "Side room" });

    const late = await createSession(eventId, session({ title: "Late", date: "2025-10-26", startTime: "17:30", endTime: "18:30", roomId: sideRoom }));
    ({ conflicts } = await getEditorAgenda(eventId));
    expect(conflicts).toContainEqual({ kind: "outside_event", sessionIds: [late.id] });

    for (const id of [a.id, b.id, c.id, plenary.id, parallel.id, late.id]) await deleteSession(eventId, id);
    expect((await getEditorAgenda(eventId)).conflicts).toEqual([]);
  });

  it("ignores declined speakers and sessions that only touch", () => {
    const at = (h: number) => new Date(Date.UTC(2025, 0, 1, h));
    const base = { roomId: "r", plenary: false };
    expect(
      findConflicts({ startsAt: at(0), endsAt: at(23) }, [
        { id: "1", startsAt: at(9), endsAt: at(10), ...base, speakers: [{ speakerId: "s" }] },
        { id: "2", startsAt: at(10), endsAt: at(11), ...base, speakers: [{ speakerId: "s" }] },
        { id: "3", startsAt: at(10), endsAt: at(11), roomId: "q", plenary: false, speakers: [{ speakerId: "s", confirmation: "DECLINED" }] },
      ]),
    ).toEqual([]);
  });
});

describe("editing tools", () => {
  it("duplicates, shifts and moves a session to another day in the event's zone", async () => {
    const track = await createTrack(eventId, { name: "Main track", color: "#123456" });
    const bob = await createSpeaker({ name: "Bob" });
    const original = await createSession(eventId, session({ title: "Original", trackId: track.id, startTime: "09:00", endTime: "09:45" }));
    await attachSpeaker(eventId, original.id, { speakerId: bob.id, role: "SPEAKER", position: 2 });
    const copy = await duplicateSession(eventId, original.id);
    expect(copy.startsAt).toEqual(original.endsAt);
    expect(copy.endsAt.getTime() - copy.startsAt.getTime()).toBe(45 * 60_000);
    expect(copy.trackId).toBe(track.id);
    expect(await (await prisma()).sessionSpeaker.count({ where: { sessionId: copy.id, speakerId: bob.id, role: "SPEAKER", position: 2 } })).toBe(1);

    const shifted = await shiftSession(eventId, copy.id, { minutes: "30" });
    expect(shifted.startsAt.toISOString()).toBe("2025-10-25T08:15:00.000Z");
    expect((await fieldsOf(shiftSession(eventId, copy.id, { minutes: "abc" }))).fields).toEqual({ minutes: "agenda.validation.minutes" });

    // 09:00 on Saturday (UTC+2) stays 09:00 on Sunday (UTC+1).
    const moved = await moveSessionToDay(eventId, original.id, { day: "2025-10-26" });
    expect(moved.startsAt.toISOString()).toBe("2025-10-26T08:00:00.000Z");
    expect(moved.endsAt.toISOString()).toBe("2025-10-26T08:45:00.000Z");
    await deleteSession(eventId, original.id);
    await deleteSession(eventId, copy.id);
  });

  it("refuses to touch a session through another event's id", async () => {
    const forum = (await getEventBySlug(forumSlug))!;
    const own = await createSession(eventId, session({ title: "Mine" }));
    expect((await fieldsOf(shiftSession(forum.id, own.id, { minutes: 10 }))).status).toBe(404);
    expect((await fieldsOf(deleteSession(forum.id, own.id))).status).toBe(404);
    await deleteSession(eventId, own.id);
  });
});

describe("publishing", () => {
  it("keeps drafts private, numbers versions, lists changes and e-mails speakers of moved sessions", async () => {
    const db = await prisma();
    const carol = await createSpeaker({ name: "Carol", email: "carol@example.org" });
    const dave = await createSpeaker({ name: "Dave" });
    const keynote = await createSession(eventId, session({ title: "Keynote", type: "KEYNOTE", startTime: "09:00", endTime: "10:00" }));
    const panel = await createSession(eventId, session({ title: "Panel", type: "PANEL", startTime: "10:00", endTime: "11:00" }));
    await attachSpeaker(eventId, keynote.id, { speakerId: carol.id, role: "KEYNOTE" });
    await attachSpeaker(eventId, panel.id, { speakerId: dave.id, role: "MODERATOR" });

    expect((await getEventById(eventId))!.publishedVersion).toBe(0);
    const first = await publishAgenda(eventId);
    expect(first).toMatchObject({ version: 1, changes: [], emailsQueued: 0 });

    await shiftSession(eventId, keynote.id, { minutes: 60 });
    await shiftSession(eventId, panel.id, { minutes: -60 });
    const extra = await createSession(eventId, session({ title: "Extra", startTime: "14:00", endTime: "15:00" }));
    // Not public yet: the published snapshot still has the old times.
    const stillV1 = (await getPublishedAgenda(eventId, 1))!;
    expect(stillV1.snapshot.sessions.find((s) => s.id === keynote.id)!.startsAt).toBe("2025-10-25T07:00:00.000Z");
    expect(stillV1.snapshot.sessions.some((s) => s.id === extra.id)).toBe(false);

    const second = await publishAgenda(eventId);
    expect(second.version).toBe(2);
    expect(second.changes.map((c) => [c.kind, c.title])).toEqual([
      ["moved", "Panel"],
      ["moved", "Keynote"],
      ["added", "Extra"],
    ]);
    expect(second.emailsQueued).toBe(1);
    const mail = await db.emailMessage.findFirstOrThrow({ where: { kind: "speaker_session_moved", toAddress: "carol@example.org" } });
    expect(mail.subject).toContain("Keynote");
    expect(mail.text).toContain("10:00");
    expect(mail.text).toContain("09:00");

    const published = (await getPublishedAgenda(eventId, 2))!;
    expect([...published.changedIds].sort()).toEqual([keynote.id, panel.id, extra.id].sort());
    expect(published.log.map((entry) => entry.version)).toEqual([2, 1]);

    // Publishing again without edits records an empty change list and sends nothing new.
    const third = await publishAgenda(eventId);
    expect(third).toMatchObject({ version: 3, changes: [], emailsQueued: 0 });
    expect(await db.emailMessage.count({ where: { kind: "speaker_session_moved" } })).toBe(1);
  });

  it("invites speakers through the outbox and records per-role answers from the personal link", async () => {
    const db = await prisma();
    const erin = await createSpeaker({ name: "Erin", email: "erin@example.org" });
    const s1 = await createSession(eventId, session({ title: "Erin keynote", date: "2025-10-26", startTime: "11:00", endTime: "11:30" }));
    const s2 = await createSession(eventId, session({ title: "Erin panel", date: "2025-10-26", startTime: "12:00", endTime: "12:30" }));
    const keynoteRole = await attachSpeaker(eventId, s1.id, { speakerId: erin.id, role: "KEYNOTE" });
    const panelRole = await attachSpeaker(eventId, s2.id, { speakerId: erin.id, role: "PANELIST" });
    await inviteSpeakers(eventId, { speakerId: erin.id });
    const mail = await db.emailMessage.findFirstOrThrow({ where: { kind: "speaker_invitation", toAddress: "erin@example.org" } });
    const token = /\/speaker\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    expect(mail.text).toContain("Erin keynote");
    const scope = (await rolesForResponseToken(token))!;
    expect(scope.roles.map((r) => r.id).sort()).toEqual([keynoteRole.id, panelRole.id].sort());
    await respondToRole(token, { sessionSpeakerId: keynoteRole.id, decision: "CONFIRMED" });
    await respondToRole(token, { sessionSpeakerId: panelRole.id, decision: "DECLINED" });
    const rows = await db.sessionSpeaker.findMany({ where: { speakerId: erin.id } });
    expect(Object.fromEntries(rows.map((r) => [r.role, r.confirmation]))).toEqual({ KEYNOTE: "CONFIRMED", PANELIST: "DECLINED" });
    // The link does not reach anybody else's roles, and a made-up link reaches nothing.
    const other = await db.sessionSpeaker.findFirstOrThrow({ where: { speakerId: { not: erin.id } } });
    expect((await fieldsOf(respondToRole(token, { sessionSpeakerId: other.id, decision: "DECLINED" }))).status).toBe(404);
    expect(await rolesForResponseToken("not-a-real-token")).toBeNull();
    // Inviting again sends nothing twice.
    expect(await inviteSpeakers(eventId, { speakerId: erin.id })).toEqual({ invited: 0 });
  });
});
