import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { agendaEditorSchema, eventPageSchema, sessionPageSchema, speakerPageSchema } from "~/schemas/agenda";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

const parse = <S extends Parameters<typeof parseWithZod>[1]["schema"]>(schema: S, values: Record<string, string>) => parseWithZod(form(values), { schema });

describe("the agenda editor's forms", () => {
  const editor = agendaEditorSchema("Asia/Shanghai");

  it("reports every invalid field of a room at once", () => {
    const submission = parse(editor, { intent: "addRoom", name: "", capacity: "0" });
    expect(submission.status).toBe("error");
    expect(submission.reply().error).toEqual({ name: ["validation.required"], capacity: ["agenda.validation.capacity"] });
  });

  it("reads a new session's times in the event's zone and keeps only the facts", () => {
    const submission = parse(editor, { intent: "addSession", title: "Opening", type: "TALK", date: "2026-03-02", startTime: "09:00", endTime: "09:30" });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({ intent: "addSession", facts: { title: "Opening", startsAt: new Date("2026-03-02T01:00:00Z"), endsAt: new Date("2026-03-02T01:30:00Z") } });
    expect(submission.value).not.toHaveProperty("facts.date");
  });

  it("refuses an end before the start at the end time", () => {
    const submission = parse(editor, { intent: "addSession", title: "Late", type: "TALK", date: "2026-03-02", startTime: "11:00", endTime: "10:00" });
    expect(submission.reply().error).toEqual({ endTime: ["agenda.validation.endBeforeStart"] });
  });

  it("keeps shift and move apart, each with the session it names", () => {
    expect(parse(editor, { intent: "shift", id: "s1", minutes: "abc" }).reply().error).toEqual({ minutes: ["agenda.validation.minutes"] });
    const moved = parse(editor, { intent: "moveDay", id: "s1", day: "2026-02-30" });
    expect(moved.reply().error).toEqual({ day: ["agenda.validation.dateTime"] });
    const shifted = parse(editor, { intent: "shift", id: "s1", minutes: "30" });
    expect(shifted.status === "success" && shifted.value).toEqual({ intent: "shift", id: "s1", minutes: 30 });
  });

  it("refuses an intent no form sends", () => {
    expect(parse(editor, { intent: "dropTable" }).status).toBe("error");
  });
});

describe("the event, session and person pages", () => {
  it("separates the facts of an event from its status buttons", () => {
    const published = parse(eventPageSchema, { intent: "publish" });
    expect(published.status === "success" && published.value).toEqual({ intent: "publish" });
    const bad = parse(eventPageSchema, {
      intent: "save",
      slug: "Bad Slug!",
      kind: "FORUM",
      title: "",
      timeZone: "Mars/Olympus",
      startDate: "2026-03-29",
      startTime: "02:30",
      endDate: "2026-03-29",
      endTime: "03:30",
    });
    expect(Object.keys(bad.reply().error ?? {}).sort()).toEqual(["slug", "timeZone", "title"]);
  });

  it("attaches a person with a role and a position, or refuses both at once", () => {
    const session = sessionPageSchema("Europe/Berlin");
    expect(parse(session, { intent: "attach", speakerId: "", role: "JESTER", position: "-1" }).reply().error).toEqual({
      speakerId: ["validation.required"],
      role: ["agenda.validation.role"],
      position: ["agenda.validation.position"],
    });
  });

  it("keeps the intent out of a person's facts", () => {
    const saved = parse(speakerPageSchema, { intent: "save", name: "Ada", email: "ADA@example.org" });
    expect(saved.status === "success" && saved.value).toMatchObject({ intent: "save", name: "Ada", email: "ada@example.org" });
  });
});
