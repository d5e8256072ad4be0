import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { caseCallListSchema, caseListQuerySchema, caseListSchema, publicCaseSchema } from "~/schemas/api-cases";
import { errors, json } from "./shared.server";

/** The case library API: published typical cases and the calls they came from (read only). */
export function describeCases(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "get",
    path: "/api/v1/cases",
    tags: ["Cases"],
    summary: "Published cases of the library",
    description:
      "Selected cases whose submitters consented to publication. `q` matches substrings of the cases' text in both languages (so `风控` finds `智能风控`); " +
      "cases matching earlier in their text (the title first) come first, otherwise the newest. Paginated with `page` and `perPage`. Cached for 60 seconds.",
    request: { query: caseListQuerySchema },
    responses: { 200: json("One page of cases", caseListSchema.openapi("CaseList")), ...errors([422]) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/cases/{id}",
    tags: ["Cases"],
    summary: "One published case",
    request: { params: z.object({ id: z.string().openapi({ description: "The case's id" }) }) },
    responses: { 200: json("The case", z.object({ case: publicCaseSchema.openapi("Case") })), ...errors([404]) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/case-calls",
    tags: ["Cases"],
    summary: "Published calls for cases, open and past",
    description:
      "Open calls first, then upcoming ones, then closed ones (latest first). `phase` is computed from `opensAt` and `closesAt`; times are instants, `timeZone` the zone the deadline is announced in.",
    responses: { 200: json("The calls", caseCallListSchema.openapi("CaseCallList")) },
  });
}
