import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { eventDetailSchema, eventListSchema, registrationCreatedSchema, registrationResentSchema } from "~/schemas/api-events";
import { registrationInputSchema } from "~/schemas/registration";
import { errors, json, slugParams } from "./shared.server";

/** The public events API: events, their agenda exports, and registration (DESIGN.md §5). */
const exampleSummary = {
  slug: "shanghai-finance-2026",
  title: "智能体深度行·金融（上海站）",
  titleEn: "Agent Deep Dive: Finance (Shanghai)",
  kind: "DEEP_DIVE",
  series: { slug: "deep-dive-2026", title: "智能体深度行", titleEn: "Agent Deep Dive" },
  city: "上海",
  venue: "示例会场",
  address: "上海市示例路 1 号",
  timeZone: "Asia/Shanghai",
  startsAt: "2026-12-10T01:00:00.000Z",
  endsAt: "2026-12-10T09:00:00.000Z",
  registration: {
    status: "open",
    opensAt: "2026-11-01T00:00:00.000Z",
    closesAt: "2026-12-09T16:00:00.000Z",
    capacity: 120,
    confirmed: 64,
    waitlisted: 0,
    requiresApproval: false,
    waitlistEnabled: true,
  },
};

const exampleDetail = {
  ...exampleSummary,
  theme: "智能体在金融业的落地",
  description: "",
  agendaVersion: 3,
  registration: {
    ...exampleSummary.registration,
    categories: [
      { code: "guest", name: "嘉宾", nameEn: "Guest", capacity: 5, remaining: 5, requiresApproval: false, inviteOnly: true, default: false },
      { code: "member", name: "会员", nameEn: "Member", capacity: 40, remaining: 0, requiresApproval: false, inviteOnly: false, default: false },
      { code: "media", name: "媒体", nameEn: "Media", capacity: 5, remaining: 4, requiresApproval: true, inviteOnly: false, default: false },
      { code: "public", name: "公众", nameEn: "Public", capacity: null, remaining: null, requiresApproval: false, inviteOnly: false, default: true },
    ],
    questions: [
      { key: "outlet", label: "媒体名称", labelEn: "Media outlet", type: "text", required: true, options: [], categories: ["media"] },
      {
        key: "interests",
        label: "关注方向",
        labelEn: "Interests",
        type: "multiple_choice",
        required: false,
        options: [
          { value: "scenarios", label: "场景发布", labelEn: "Scenario briefings" },
          { value: "solutions", label: "方案路演", labelEn: "Solution pitches" },
        ],
        categories: [],
      },
    ],
    privacyNotice: { version: "1", text: "用途：……", textEn: "Purpose: …" },
  },
  sessions: [
    {
      id: "cm0session01",
      title: "开幕致辞",
      type: "opening_remarks",
      startsAt: "2026-12-10T01:00:00.000Z",
      endsAt: "2026-12-10T01:15:00.000Z",
      room: "主会场",
      track: null,
      speakers: [{ name: "张三", organization: "示例银行", title: "首席信息官", role: "opening_speaker" }],
    },
  ],
};

const cached = "Cached by clients and proxies for 30 seconds.";

export function describeEvents(registry: OpenAPIRegistry) {
  const eventSummary = eventListSchema.openapi("EventList");
  const eventDetail = eventDetailSchema.openapi("EventDetail");
  const registrationInput = registrationInputSchema.openapi("RegistrationInput", {
    example: {
      name: "李四",
      email: "li.si@example.org",
      organization: "示例科技",
      phone: "+86 138 0000 0000",
      category: "media",
      answers: { outlet: "示例日报", interests: ["solutions"] },
      privacyNoticeVersion: "1",
      consent: true,
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/events",
    tags: ["Events"],
    summary: "Published events",
    description: `Upcoming and past published events, by start time. ${cached}`,
    responses: { 200: json("The events", eventSummary, { events: [exampleSummary] }) },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/events/{slug}",
    tags: ["Events"],
    summary: "One event: registration facts, categories, questions, privacy notice, agenda",
    description:
      "Everything a partner needs to register someone: `registration.categories` (seats left per category, the default one, invite-only ones listed without their invite codes), " +
      "`registration.questions` (custom questions; `categories` lists the category codes a question is asked of, empty for all) and `registration.privacyNotice` " +
      `(send its \`version\` as \`privacyNoticeVersion\`). ${cached}`,
    request: { params: slugParams },
    responses: { 200: json("The event", eventDetail, exampleDetail), ...errors([404]) },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/events/{slug}/agenda.ics",
    tags: ["Agenda exports"],
    summary: "The published agenda as iCalendar",
    request: {
      params: slugParams,
      query: z.object({
        sessions: z
          .string()
          .optional()
          .openapi({ description: "Comma-separated session ids: only these (a reader's favourites); an id not in the published agenda is a 404", example: "cm0session01,cm0session02" }),
      }),
    },
    responses: {
      200: { description: "An RFC 5545 calendar", content: { "text/calendar": { schema: z.string(), example: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…\r\nEND:VCALENDAR\r\n" } } },
      ...errors([404]),
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/series/{slug}/agenda.ics",
    tags: ["Agenda exports"],
    summary: "Every published event of a series as one iCalendar",
    description: "The sessions of each published event of the series (a deep-dive tour), or the event itself when it has no published agenda yet. UIDs stay the same when the site's address changes.",
    request: { params: z.object({ slug: z.string().openapi({ description: "The series' URL name", example: "agent-deep-dive-2026" }) }) },
    responses: {
      200: { description: "An RFC 5545 calendar", content: { "text/calendar": { schema: z.string(), example: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…\r\nEND:VCALENDAR\r\n" } } },
      ...errors([404]),
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/events/{slug}/schedule.xml",
    tags: ["Agenda exports"],
    summary: "The published agenda as a frab schedule.xml",
    description: "Read by Giggity, ConfClerk and the c3voc tools.",
    request: { params: slugParams },
    responses: {
      200: { description: "frab schedule XML", content: { "application/xml": { schema: z.string(), example: '<?xml version="1.0" encoding="UTF-8"?>\n<schedule>…</schedule>' } } },
      ...errors([404]),
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/events/{slug}/schedule.json",
    tags: ["Agenda exports"],
    summary: "The published agenda as a frab/c3voc schedule.json",
    description: "The c3voc schedule JSON format (`shared/formats/c3voc-schedule.schema.json` describes it in full).",
    request: { params: slugParams },
    responses: { 200: json("c3voc schedule JSON", z.object({ schedule: z.record(z.unknown()) }).passthrough(), { schedule: { version: "3", conference: { title: "…" } } }), ...errors([404]) },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/events/{slug}/registrations",
    tags: ["Registration"],
    summary: "Register one person",
    description:
      "Without `category` the person gets the event's default category (`default: true` in the event). `answers` keys are the questions' `key`s; an unknown key is refused. " +
      "`privacyNoticeVersion` is the notice version the person agreed to: a stale one is refused with 409 `privacy_notice_changed`; without it the consent is recorded for the current version. " +
      "Retrying with the same `Idempotency-Key` within 24 hours returns the first answer. Rate limited per client address.",
    request: {
      params: slugParams,
      headers: z.object({ "Idempotency-Key": z.string().max(200).optional().openapi({ description: "Makes retries safe: the same key returns the first answer", example: "f3b1c2d4-order-778" }) }),
      body: { required: true, content: { "application/json": { schema: registrationInput } } },
    },
    responses: {
      201: json("Registered: confirmed, waitlisted, pending approval, or held until the address is confirmed (then no manage link)", registrationCreatedSchema.openapi("RegistrationCreated"), {
        registration: { id: "9b2f6c1e-5d0a-4b8e-9a51-2f4c7d8e1a30", status: "confirmed", manageUrl: "https://events.example.org/r/6pQ…" },
      }),
      202: json("This address already has a registration for the event: its e-mail is re-sent; the answer is the same whatever its state", registrationResentSchema.openapi("RegistrationResent"), {
        result: "resent_if_registered",
        message: "If this address is registered for the event, we have sent its e-mail again.",
      }),
      ...errors([400, 404, 409, 413, 422, 429], {
        409: {
          description: "Registration closed or not yet open, full without a waitlist, a stale privacy notice (`privacy_notice_changed`), or an Idempotency-Key reused for another person",
          code: "privacy_notice_changed",
          message: "The privacy notice has been updated. Read the new version and agree to it, then submit again.",
          fields: { privacyNoticeVersion: "The privacy notice has been updated. Read the new version and agree to it, then submit again." },
        },
        422: { fields: { "answers.intrests": "This event has no such question; check the answer's key (see registration.questions in GET /api/v1/events/:slug)." } },
      }),
    },
  });
}
