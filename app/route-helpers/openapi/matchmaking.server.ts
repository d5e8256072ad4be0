import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  acceptAnswerSchema,
  declineAnswerSchema,
  matchmakingSummarySchema,
  meetingsAnswerSchema,
  participantsAnswerSchema,
  profileAnswerSchema,
  profileInputSchema,
  requestAnswerSchema,
  requestInputSchema,
} from "~/schemas/matchmaking";
import { bearerAuth, errors, json, slugParams } from "./shared.server";

/**
 * Event matchmaking for the WeChat mini-program (issue 18 §5). The participant is the registration: its
 * manage token (the last path segment of `manageUrl`) is the bearer token.
 */
const security = [{ [bearerAuth]: [] }];
const participantErrors = [401, 404];
const requestParams = slugParams.extend({ id: z.string().openapi({ description: "The meeting request's id" }) });
const tokenNote = "Authenticated by the registration's manage token (the last path segment of its `manageUrl`) as `Authorization: Bearer …`. ";

export function describeMatchmaking(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "get",
    path: "/api/v1/events/{slug}/matchmaking",
    tags: ["Matchmaking"],
    summary: "The event's matchmaking at a glance",
    description: "Public: whether matchmaking is on, its slots, the number of tables and counts of participants, requests and meetings. Names nobody.",
    request: { params: slugParams },
    responses: { 200: json("The summary", matchmakingSummarySchema.openapi("MatchmakingSummary")), ...errors([404]) },
  });

  const profile = {
    tags: ["Matchmaking"],
    summary: "Opt in, or change my profile",
    description:
      tokenNote +
      "`side` is `supply`, `demand` or `both`; `shared` lists the registration fields other participants may see (`name`, `organization`, `jobTitle`, `email`, `phone`), nothing else is ever shown to them; `availability` the slot ids (from the public summary) you can attend. `industry` is a taxonomy code. 409 `opt_in_closed` after the opt-in deadline. POST is accepted as well as PUT.",
    security,
    request: {
      params: slugParams,
      body: {
        required: true,
        content: {
          "application/json": {
            schema: profileInputSchema.openapi("MatchmakingProfileInput"),
            example: {
              side: "demand",
              offers: "",
              needs: "反欺诈模型与信贷审批自动化",
              tags: ["反欺诈", "信贷审批"],
              industry: "finance",
              shared: ["name", "organization"],
              availability: ["cm0slot01"],
            },
          },
        },
      },
    },
    responses: { 200: json("The saved profile", profileAnswerSchema.openapi("MatchmakingProfile")), ...errors([...participantErrors, 409, 422]) },
  };
  registry.registerPath({ method: "put", path: "/api/v1/events/{slug}/matchmaking/profile", ...profile });
  registry.registerPath({ method: "post", path: "/api/v1/events/{slug}/matchmaking/profile", ...profile, summary: "Opt in, or change my profile (same as PUT)" });

  registry.registerPath({
    method: "get",
    path: "/api/v1/events/{slug}/matchmaking/participants",
    tags: ["Matchmaking"],
    summary: "The other participants, best fit first",
    description:
      tokenNote +
      "Each with only what they chose to share, a `score` and the `reasons` (in the language of `Accept-Language`), and the request between you if any. 409 `not_opted_in` before opting in.",
    security,
    request: { params: slugParams },
    responses: { 200: json("The participants", participantsAnswerSchema.openapi("MatchmakingParticipants")), ...errors([...participantErrors, 409]) },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/events/{slug}/matchmaking/requests",
    tags: ["Matchmaking"],
    summary: "Ask another participant for a meeting",
    description: tokenNote + "`to` is a participant id from the participants list. 409 `already_requested` when a request between the two exists (either way).",
    security,
    request: {
      params: slugParams,
      body: { required: true, content: { "application/json": { schema: requestInputSchema.openapi("MeetingRequestInput"), example: { to: "cm0profile02", message: "想了解贵司的反欺诈方案" } } } },
    },
    responses: { 201: json("The request", requestAnswerSchema.openapi("MeetingRequestCreated"), { id: "cm0request01", status: "pending" }), ...errors([...participantErrors, 409, 422]) },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/events/{slug}/matchmaking/requests/{id}/accept",
    tags: ["Matchmaking"],
    summary: "Accept a request: the meeting is placed at once",
    description:
      tokenNote +
      "Places the meeting in the earliest slot both sides are available in, where neither already has a meeting and a table is free; concurrent accepts never put a person or a table in two meetings of one slot. 409 `no_common_slot` when there is none (the request stays pending), `already_decided`; 403 when the request was sent by you.",
    security,
    request: { params: requestParams },
    responses: {
      200: json("The meeting", acceptAnswerSchema.openapi("MeetingPlaced"), { meeting: { id: "cm0meeting01", startsAt: "2026-12-10T05:30:00.000Z", endsAt: "2026-12-10T05:45:00.000Z", table: 3 } }),
      ...errors([...participantErrors, 403, 409], {
        409: { description: "No common free slot, or already answered", code: "no_common_slot", message: "There is no slot you both have free with a free table." },
      }),
    },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/events/{slug}/matchmaking/requests/{id}/decline",
    tags: ["Matchmaking"],
    summary: "Decline a request",
    description: tokenNote + "409 `already_decided` when it was answered before; 403 when the request was sent by you.",
    security,
    request: { params: requestParams },
    responses: { 200: json("Declined", declineAnswerSchema.openapi("MeetingRequestDeclined")), ...errors([...participantErrors, 403, 409]) },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/events/{slug}/matchmaking/meetings",
    tags: ["Matchmaking"],
    summary: "My meetings",
    description: tokenNote + "In time order, each with the table and the other side's shared details.",
    security,
    request: { params: slugParams },
    responses: { 200: json("The meetings", meetingsAnswerSchema.openapi("Meetings")), ...errors([...participantErrors, 409]) },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/events/{slug}/matchmaking/meetings.ics",
    tags: ["Matchmaking"],
    summary: "My meetings as iCalendar",
    description: tokenNote + "One entry per meeting; its UID stays the same when the meeting changes.",
    security,
    request: { params: slugParams },
    responses: { 200: { description: "RFC 5545 calendar", content: { "text/calendar": { schema: z.string() } } }, ...errors([...participantErrors, 409]) },
  });
}
