import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { batchRequestSchema, scanRequestSchema } from "~/models/checkin-scan.server";
import { searchSchema } from "~/models/checkin-dashboard.server";
import { attendeeSearchSchema, batchAnswerSchema, checkInStatsSchema, offlineIndexSchema, scanAnswerSchema } from "~/schemas/api-checkin";
import type { ScanAnswer } from "~/schemas/checkin";
import { bearerAuth, errors, json, slugParams } from "./shared.server";

/** The check-in API: scans, offline queues, the offline index, search and stats. Staff token or staff session. */

// The documented scan answer is the one the decision code returns: a change to either side fails to compile.
const sameScanAnswer: [z.infer<typeof scanAnswerSchema>, ScanAnswer] extends [ScanAnswer, z.infer<typeof scanAnswerSchema>] ? true : never = true;
void sameScanAnswer;

const security = [{ [bearerAuth]: [] }];
const staffErrors = [401, 403, 404];

const exampleAnswer = {
  id: "cm0checkin01",
  result: "ok",
  direction: "entry",
  scannedAt: "2026-12-10T00:58:12.000Z",
  list: { id: "cm0list01", name: "主会场入口", nameEn: "Main entrance" },
  offline: false,
  conflict: false,
  attendee: { registrationId: "9b2f6c1e-5d0a-4b8e-9a51-2f4c7d8e1a30", name: "李四", organization: "示例科技", category: { id: "cm0cat02", name: "公众", nameEn: "Public" } },
};

export function describeCheckIn(registry: OpenAPIRegistry) {
  const scanAnswer = scanAnswerSchema.openapi("ScanAnswer");

  registry.registerPath({
    method: "post",
    path: "/api/v1/checkin",
    tags: ["Check-in"],
    summary: "Scan one ticket",
    description:
      "The event is the one of `list`, else of the `event` slug, else of the token. 200 carries the decision in `result` (`ok`, `already_checked_in` with `firstCheckIn`, `invalid`, `cancelled`, `not_approved`, `wrong_list`); " +
      "re-sending the same `nonce` returns the stored answer (`replayed: true`).",
    security,
    request: {
      body: {
        required: true,
        content: { "application/json": { schema: scanRequestSchema.openapi("ScanRequest"), example: { code: "q3Zk…ticket-code", nonce: "dev7-000123", direction: "entry", deviceId: "gate-2" } } },
      },
    },
    responses: { 200: json("The decision", scanAnswer, exampleAnswer), ...errors([400, ...staffErrors, 413, 422, 429]) },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/checkin/batch",
    tags: ["Check-in"],
    summary: "Upload a device's offline queue (≤ 500 scans)",
    description: "Each scan gets its own answer or error, in the order sent; the server applies them in scan-time order.",
    security,
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: batchRequestSchema.openapi("ScanBatchRequest"),
            example: { list: "cm0list01", deviceId: "gate-2", scans: [{ code: "q3Zk…ticket-code", nonce: "dev7-000124", scannedAt: "2026-12-10T00:59:40.000Z" }] },
          },
        },
      },
    },
    responses: {
      200: json("One answer per scan", batchAnswerSchema.openapi("ScanBatchAnswer"), { results: [{ nonce: "dev7-000124", ...exampleAnswer, offline: true }] }),
      ...errors([400, ...staffErrors, 413, 422, 429]),
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/events/{slug}/checkin/index",
    tags: ["Check-in"],
    summary: "The offline ticket index",
    description: "Keys are truncated SHA-256 of ticket codes; names are masked; no e-mail, phone or code is included.",
    security,
    request: { params: slugParams },
    responses: {
      200: json("The index", offlineIndexSchema.openapi("OfflineIndex"), {
        event: { slug: "shanghai-finance-2026", title: "智能体深度行·金融（上海站）", titleEn: "Agent Deep Dive: Finance (Shanghai)" },
        eventId: "cm0event01",
        generatedAt: "2026-12-10T00:30:00.000Z",
        lists: [{ id: "cm0list01", name: "主会场入口", nameEn: "Main entrance", mode: "ENTRY", allowReentry: true, allowedCategoryIds: [] }],
        categories: [{ id: "cm0cat02", name: "公众", nameEn: "Public" }],
        tickets: [{ k: "4f1a9c0b2d7e6a53", s: "v", c: "cm0cat02", n: "李*", o: "示例科技", e: [] }],
      }),
      ...errors(staffErrors),
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/events/{slug}/checkin/search",
    tags: ["Check-in"],
    summary: "Find attendees by name, phone, organization, e-mail or ticket code",
    security,
    request: { params: slugParams, query: searchSchema.extend({ q: searchSchema.shape.q.openapi({ example: "李四" }) }) },
    responses: {
      200: json("Up to 20 attendees", attendeeSearchSchema.openapi("AttendeeSearch"), {
        attendees: [{ registrationId: "9b2f6c1e-5d0a-4b8e-9a51-2f4c7d8e1a30", name: "李四", organization: "示例科技", phone: "*******0000", status: "CONFIRMED", category: null, enteredListIds: [] }],
      }),
      ...errors([...staffErrors, 422]),
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/events/{slug}/checkin/stats",
    tags: ["Check-in"],
    summary: "Check-in figures",
    security,
    request: { params: slugParams },
    responses: {
      200: json("The figures", checkInStatsSchema.openapi("CheckInStats"), {
        registered: 64,
        checkedIn: 40,
        inside: 35,
        byList: [{ id: "cm0list01", name: "主会场入口", nameEn: "Main entrance", checkedIn: 40, inside: 35, scans: 47 }],
        byCategory: [{ id: "cm0cat02", name: "公众", nameEn: "Public", registered: 30, checkedIn: 21 }],
        byQuarterHour: [{ start: "2026-12-10T00:45:00.000Z", count: 18 }],
        conflicts: 0,
      }),
      ...errors(staffErrors),
    },
  });
}
