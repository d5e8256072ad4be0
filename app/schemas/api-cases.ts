import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

extendZodWithOpenApi(z);

/** The answers of the case library API (GET /api/v1/cases, /cases/:id, /case-calls). */
const term = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });
const organisation = z.object({
  firmId: z.string().nullable().openapi({ description: "The member firm's id (its directory page), null for an organisation outside the members" }),
  name: z.string(),
  nameEn: z.string(),
});

export const listedCaseSchema = z.object({
  id: z.string(),
  title: z.string(),
  titleEn: z.string(),
  summary: z.string(),
  summaryEn: z.string(),
  decision: z.enum(["typical", "excellent"]),
  year: z.number().int().openapi({ description: "The year the call closed" }),
  publishedAt: z.string(),
  industry: term.nullable(),
  scenario: term.nullable(),
  organisations: z.array(organisation).openapi({ description: "The lead organisation first, then co-submitters" }),
  call: z.object({ slug: z.string(), title: z.string(), titleEn: z.string() }),
  url: z.string(),
});

export const publicCaseSchema = listedCaseSchema.extend({
  problem: z.string(),
  problemEn: z.string(),
  solution: z.string(),
  solutionEn: z.string(),
  results: z.string(),
  resultsEn: z.string(),
  figures: z.array(z.object({ label: z.string(), labelEn: z.string(), value: z.string() })),
});

export const caseListSchema = z.object({
  cases: z.array(listedCaseSchema),
  page: z.number().int(),
  pageCount: z.number().int(),
  perPage: z.number().int(),
  total: z.number().int(),
});

export const caseCallListSchema = z.object({
  calls: z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      titleEn: z.string(),
      description: z.string(),
      descriptionEn: z.string(),
      timeZone: z.string(),
      opensAt: z.string(),
      closesAt: z.string(),
      phase: z.enum(["upcoming", "open", "closed"]),
      bookletUrl: z.string(),
    }),
  ),
});

export const caseListQuerySchema = z.object({
  q: z.string().max(200).optional().openapi({ description: "Words to find (substrings, Chinese or English; every word must match)", example: "风控" }),
  industry: z.string().optional().openapi({ description: "Industry code", example: "finance" }),
  scenario: z.string().optional().openapi({ description: "Scenario code", example: "risk-control" }),
  firm: z.string().optional().openapi({ description: "Member firm id (lead or co-submitter)" }),
  year: z.string().optional().openapi({ description: "Year the call closed", example: "2025" }),
  call: z.string().optional().openapi({ description: "Call slug" }),
  page: z.coerce.number().int().min(1).optional().openapi({ description: "Page number, from 1" }),
  perPage: z.coerce.number().int().min(1).max(100).optional().openapi({ description: "Cases per page (default 20, at most 100)" }),
});
